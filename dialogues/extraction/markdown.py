"""A Markdown file (a blog's export, a note) to article text: markdown-it parses it as CommonMark does,
and its blocks are written out as the lines a plain article file would have. Headings, paragraphs,
list items and block quotes keep their words; link targets, images and emphasis marks fall away;
front matter ('---' then 'title: ...') gives the headline when no '# heading' does.
"""

import re

from lxml import html as lxml_html
from markdown_it import MarkdownIt

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "hr"}


def _text(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _front_matter_title(text: str) -> tuple[str, str | None]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, None
    title = re.search(r"(?m)^title:\s*(?P<title>.+?)\s*$", m.group("body"))
    value = title.group("title").strip("\"'") if title else None
    return text[m.end() :], value or None


def _row(row) -> str:
    cells = [_text(cell) for cell in row.xpath("./th|./td")]
    line = "; ".join(cell for cell in cells if cell)
    return line if not line or line.endswith((".", "!", "?")) else f"{line}."


def markdown_text(text: str) -> tuple[str, str | None]:
    """(text, headline) of a Markdown article."""
    body, title = _front_matter_title(text)
    rendered = MarkdownIt("commonmark", {"html": False}).enable("table").render(body)
    if not rendered.strip():
        return "", title
    root = lxml_html.fromstring(f"<div>{rendered}</div>")
    for image in root.iter("img"):
        image.drop_tree()  # a picture's address and alt text are not the article's words
    lines = []
    for element in root.iter(*_BLOCKS):
        if element.tag != "hr" and any(a.tag in _BLOCKS - {"hr"} for a in element.iterancestors()):
            continue  # a paragraph inside a list item is read with the item
        if element.tag == "hr":
            lines.append("---")
        elif element.tag == "tr":
            lines.append(_row(element))
        elif element.tag == "li":
            lines.append(f"- {_text(element)}")
        elif text := _text(element):
            lines.append(text)
        if element.tag == "h1" and title is None:
            title = _text(element)
    lines = [line for line in lines if line.strip("- ")]
    if title and title not in lines[:3]:
        lines.insert(0, title)  # the headline leads, as in a plain article file
    return "\n\n".join(lines) + "\n", title
