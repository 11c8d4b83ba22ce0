"""An article as a reader wants it: its paragraphs, without the headline repeated, photo captions, page
furniture or other stories' teasers; the sentence a fact came from marked in its paragraph."""

from dataclasses import dataclass

from .extraction.zoning import split_page


@dataclass(frozen=True)
class Paragraph:
    before: str
    marked: str = ""
    after: str = ""
    heading: bool = False


def paragraphs(text: str, start: int | None = None, end: int | None = None) -> list[Paragraph] | None:
    """The article's paragraphs (round-up items under their headings), `text[start:end]` marked; None when
    the marked words lie outside them (in a caption, say): the page is then shown as it was saved."""
    spans = []
    for section in split_page(text):
        if section.teaser:
            continue
        if section.index and section.title:
            spans.append((section.title_start, section.title_start + len(section.title), True))
        spans += [(block.start, block.end, False) for block in section.body]
    shown = []
    found = start is None
    for s, e, heading in sorted(spans):
        if start is not None and s <= start and end <= e:
            found = True
            shown.append(Paragraph(text[s:start], text[start:end], text[end:e], heading))
        else:
            shown.append(Paragraph(text[s:e], heading=heading))
    return shown if found and shown else None
