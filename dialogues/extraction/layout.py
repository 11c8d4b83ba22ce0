"""Page layout: split a page into its main article and the teasers after it,
drop page furniture, and set photo captions and credits apart.

Everything keeps character offsets into the page text, so a fact found later
can point at the exact sentence it came from.
"""

import re
from dataclasses import dataclass, field

# Navigation and widget text that aggregator pages put around and after an article.
FURNITURE = re.compile(
    r"^(hashtags|comments|no comments yet\.*|related articles|related stories|read more|more from .{1,40}"
    r"|try our ai features|explore what .{1,40} can do for you:?|share( this( article)?)?|advertisement"
    r"|sign up .{0,60}|subscribe.{0,60}|follow us.{0,40}|recommended( for you)?|most read|trending)$",
    re.IGNORECASE,
)
# Where the main article stops and the teasers start.
TEASERS_START = re.compile(r"^(related articles|related stories|more from .{1,40}|recommended( for you)?)$", re.I)
TIME_AGO = re.compile(r"^(an?|\d+) (second|minute|hour|day|week|month)s? ago$", re.IGNORECASE)
# A caption ends with a bar and is followed by a short credit line ("| NATO", "Pool / via REUTERS").
CAPTION_END = re.compile(r"\s\|\s*$")
CREDIT_PREFIX = re.compile(r"^\s*(photo|image|picture|credit|source)s?\s*[:|]", re.IGNORECASE)


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    caption: bool = False


@dataclass
class Section:
    index: int
    title: str
    title_start: int
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if not p.caption]

    @property
    def captions(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.caption]


def _continues(previous: Paragraph, line: str) -> bool:
    """A hard-wrapped line carries on the (long) paragraph above it."""
    if len(previous.text.splitlines()[-1]) < 50:
        return False
    return line[:1].islower() or previous.text.endswith((",", ";", "-", "\u2013", "\u2014"))


def _lines(text: str) -> list[Paragraph]:
    """Paragraphs with their offsets: one per line, or several wrapped lines joined."""
    out, pos, blank_before = [], 0, True
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            if out and not blank_before and _continues(out[-1], stripped):
                last = out[-1]
                last.end = start + len(stripped)
                last.text = text[last.start : last.end]
            else:
                out.append(Paragraph(start, start + len(stripped), stripped))
        blank_before = not stripped
        pos += len(raw)
    return out


def _is_credit(line: Paragraph) -> bool:
    words = line.text.split()
    return 0 < len(words) <= 6 and not line.text.endswith((".", "?", "!", '"', "'", "\u201d", "\u2019"))


def _mark_captions(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Flag caption lines (ending in " |") and the credit line that follows them."""
    for i, para in enumerate(paragraphs):
        if CAPTION_END.search(para.text) or CREDIT_PREFIX.match(para.text):
            para.caption = True
            if i + 1 < len(paragraphs) and _is_credit(paragraphs[i + 1]):
                paragraphs[i + 1].caption = True
    return paragraphs


def _split_teasers(lines: list[Paragraph], offset: int) -> list[Section]:
    """Teasers come as: outlet, "an hour ago", "- outlet", headline, body lines."""
    starts = [i for i, line in enumerate(lines) if TIME_AGO.match(line.text)]
    sections = []
    for n, at in enumerate(starts):
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(lines)
        block = lines[at + 1 : end]
        if block and block[0].text.startswith(("-", "\u2013", "\u2014")) and len(block[0].text.split()) <= 6:
            block = block[1:]
        if not block:
            continue
        title = block[0]
        sections.append(Section(offset + n, title.text, title.start, _mark_captions(block[1:])))
    return sections


def split_page(text: str) -> list[Section]:
    """Section 0 is the main article; 1.. are teasers. Furniture belongs to none."""
    lines = _lines(text)
    if not lines:
        return []
    main_end = next((i for i, line in enumerate(lines) if FURNITURE.match(line.text)), len(lines))
    teaser_at = next((i for i, line in enumerate(lines) if TEASERS_START.match(line.text)), None)
    title, body = lines[0], lines[1:main_end]
    body = [line for line in body if not FURNITURE.match(line.text)]
    sections = [Section(0, title.text, title.start, _mark_captions(body))]
    if teaser_at is not None:
        rest = [line for line in lines[teaser_at + 1 :] if not FURNITURE.match(line.text)]
        sections += _split_teasers(rest, offset=1)
    return sections
