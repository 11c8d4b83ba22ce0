"""A saved web page to article text: trafilatura finds the main content (menus, asides and footers
fall away), and its structured output is written out as the lines a plain article file would have:
the headline, headings, paragraphs, list items, and each table row as one sentence that names its
columns ("Agreement on the security of information; Parties: Italy, Japan; Status: In force since
7 June 2016."), so a table of agreements reads like the sentences around it.
"""

import re

from lxml import etree


class NoArticle(ValueError):
    pass


def _text(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _table_lines(table) -> list[str]:
    lines, columns = [], []
    for row in table.iter("row"):
        cells = [_text(c) for c in row.iter("cell")]
        heads = [c.get("role") == "head" for c in row.iter("cell")]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if all(heads):
            if len(filled) == 1:
                lines.append(filled[0])  # a caption-like header row
            else:
                columns = cells
            continue
        parts = []
        for i, cell in enumerate(cells):
            if not cell:
                continue
            label = columns[i] if i < len(columns) and i else ""
            parts.append(f"{label}: {cell}" if label else cell)
        line = "; ".join(parts)
        lines.append(line if line.endswith((".", "!", "?")) else f"{line}.")
    return lines


def _lines(main) -> list[str]:
    lines = []
    for element in main:
        tag = element.tag
        if tag == "table":
            lines += _table_lines(element)
        elif tag == "list":
            lines += [f"- {_text(item)}" for item in element.iter("item") if _text(item)]
        elif tag in ("p", "head", "quote"):
            if text := _text(element):
                lines.append(text)
        elif len(element):
            lines += _lines(element)
        elif text := _text(element):
            lines.append(text)
    return lines


def page_text(html: str) -> tuple[str, str | None]:
    """(text, headline) of the page's main article."""
    import trafilatura

    xml = trafilatura.extract(
        html,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        with_metadata=True,
    )
    if not xml:
        raise NoArticle("an HTML page with no article text in it")
    doc = etree.fromstring(xml.encode())
    main = doc.find("main")
    lines = _lines(main) if main is not None else []
    if not lines:
        raise NoArticle("an HTML page with no article text in it")
    h1 = next((_text(h) for h in main.iter("head") if h.get("rend") == "h1"), None)
    title = h1 or _site_free((doc.get("title") or "").strip()) or None
    if title and title not in lines[:3]:
        lines.insert(0, title)  # the headline leads, as in a plain article file
    teasers = _teasers(html)
    if teasers:  # after the article, as a plain page lists them, so the import can say it skipped them
        lines += ["Related stories", *teasers]
    return "\n\n".join(lines) + "\n", title


_RELATED = re.compile(r"(?i)\b(?:related|more from|more on|recommended|read next|you may also|most read|popular)\b")


def _teasers(html: str) -> list[str]:
    """Headline and summary lines of the page's related-story boxes (an <aside> or a box called
    'related'), which trafilatura rightly leaves out of the article."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    lines: list[str] = []
    for box in root.xpath("//aside | //*[contains(@class, 'related')]"):
        label = " ".join([box.get("class", ""), box.get("aria-label", ""), *(_text(h) for h in box.xpath(".//h2"))])
        if not _RELATED.search(label) or box.xpath("ancestor::aside"):
            continue
        for item in box.xpath(".//li | .//article"):
            links = [_text(a) for a in item.xpath(".//a") if _text(a)]
            if not links:
                continue
            lines.append(links[0] if links[0].endswith(("?", "!")) else links[0].rstrip("."))
            lines += [_text(p) for p in item.xpath(".//p") if _text(p) and _text(p) not in links]
    return list(dict.fromkeys(lines))


def _site_free(title: str) -> str:
    """'Headline - Site Name' or 'Headline | Site' without the site's name."""
    parts = re.split(r"\s+[|\u2013\u2014-]\s+", title)
    return max(parts, key=len) if len(parts) > 1 else title
