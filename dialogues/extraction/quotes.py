"""Direct quotes in a paragraph, whatever the quote marks: straight, curly, single,
guillemets, or mismatched ('...," as typed in a hurry).

A quote mark opens when it stands before a word and after a space; it closes when
it stands after a word or punctuation. An apostrophe inside a word (Japan's,
we're) is neither. A quote still open at the paragraph's end ends there, as news
style does for quotes that run on into the next paragraph.
"""

import re
from dataclasses import dataclass

QUOTE_CHARS = "'\"\u2018\u2019\u201c\u201d\u00ab\u00bb\u201e\u201a\u2039\u203a`"
OPENING_ONLY = "\u2018\u201c\u00ab\u201e\u201a\u2039"
CLOSING_ONLY = "\u201d\u00bb\u203a"
_BEFORE_OPENER = " \t\n([{\u2014\u2013-/:"


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted words (marks excluded) in the page
    end: int
    text: str
    open_at: int  # offset of the opening mark
    close_at: int  # offset just past the closing mark (or the paragraph's end)


def _role(text: str, i: int) -> str | None:
    """'open', 'close' or None for the quote-like character at text[i]."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word
    if ch in OPENING_ONLY and ch != "\u2018":
        return "open"
    if ch in CLOSING_ONLY:
        return "close"
    opens = before in _BEFORE_OPENER or before in QUOTE_CHARS
    if opens and not after.isspace():
        return "open"
    if ch == "\u2018":
        return "open" if opens else None
    if ch in "'\u2019" and before in "sS" and after == " ":
        return "maybe-close"  # "the allies' spending": a plural possessive, or a quote's end
    return "close"


def find_quotes(text: str, offset: int = 0) -> list[Quote]:
    """Quotes in one paragraph (`offset`: the paragraph's position in the page)."""
    quotes, depth, opened = [], 0, None
    for i, ch in enumerate(text):
        if ch not in QUOTE_CHARS:
            continue
        role = _role(text, i)
        if role == "open":
            if depth == 0:
                opened = i
            depth += 1
        elif role == "close" or (role == "maybe-close" and depth and text[opened] == "'"):
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                quotes.append(_quote(text, opened, i + 1, offset))
    if depth and opened is not None:
        quotes.append(_quote(text, opened, len(text), offset))
    return [q for q in quotes if q.text]


def _quote(text: str, opened: int, closed: int, offset: int) -> Quote:
    inner_start, inner_end = (
        opened + 1,
        closed - 1 if closed <= len(text) and text[closed - 1] in QUOTE_CHARS else closed,
    )
    raw = text[inner_start:inner_end]
    # Trailing separators belong to the sentence around the quote, not to the words said.
    trimmed = raw.rstrip(" ,;:\u2014\u2013-")
    lead = len(raw) - len(raw.lstrip())
    body = trimmed[lead:]
    start = offset + inner_start + lead
    return Quote(start, start + len(body), body, offset + opened, offset + closed)


WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return len(WORD.findall(text))
