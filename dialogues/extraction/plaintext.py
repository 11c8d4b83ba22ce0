"""Plain text as it arrives, made into one line per paragraph.

Text pulled out of a PDF or an e-mail is hard-wrapped: sentences break across lines, words break
at a line's end ("defen-" / "ce"), and each page repeats its running head and number ("Page 2 of 4",
"- 3 -"). Here wrapped lines are joined into their paragraphs, broken words are made whole and page
furniture is dropped, so the stages after this one see paragraphs and sentences as a reader does.
Text that is not wrapped (a paragraph per line) passes through unchanged.
"""

import re
from statistics import quantiles

PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|p\.|pg\.?)\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$|^\s*[-\u2013\u2014]\s*\d{1,3}\s*[-\u2013\u2014]\s*$",
    re.I,
)
TERMINAL = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", "'", ")", "]", "\u00bb")
# Lines that start something of their own: a list item, a speaker's label, a time stamp, a question marker.
OWN_START = re.compile(
    r"^(?:[-\u2022*\u2013\u2014]\s|\d{1,2}[.)]\s|\(\d{1,2}\)\s|[A-Z][A-Z .'\u2019-]{1,40}:\s|Q[.:]\s|A[.:]\s"
    r"|\d{1,2}[:.]\d{2}\b|\*\*)"
)


def _width(lines: list[str]) -> int | None:
    """The wrap width, when the text is hard-wrapped (most lines end near one width); else None."""
    lengths = [len(line) for line in lines if len(line.strip()) >= 25]
    if len(lengths) < 6:
        return None
    width = quantiles(lengths, n=10)[7]
    if width > 130:
        return None
    near = sum(1 for n in lengths if n >= 0.6 * width)
    longer = sum(1 for n in lengths if n > width + 20)
    return int(width) if near >= 0.6 * len(lengths) and longer <= 0.1 * len(lengths) else None


def _furniture(lines: list[str]) -> set[int]:
    """Page numbers, and the running heads of a paged text (short lines repeated on every page)."""
    numbers = {i for i, line in enumerate(lines) if PAGE_NUMBER.match(line) and line.strip()}
    if len(numbers) < 2 and "\f" not in "".join(lines):
        return numbers
    shapes: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        stripped = line.strip().strip("\f")
        if (
            stripped
            and len(stripped.split()) <= 12
            and not stripped.endswith(TERMINAL)
            and not OWN_START.match(stripped)
        ):
            shapes.setdefault(re.sub(r"\d+", "#", stripped.lower()), []).append(i)
    repeated = {i for places in shapes.values() if len(places) >= 2 for i in places}
    return numbers | repeated


class _Vocabulary:
    """The words a page uses, looked up in constant time (searching the page for each broken word
    made a long hard-wrapped text take minutes)."""

    def __init__(self, text: str):
        lowered = text.lower()
        self.words = set(re.findall(r"\w+", lowered))  # 'ministers' anywhere, also inside 'pre-ministers'
        self.alone = set(re.findall(r"[\w-]+", lowered))  # 'defence' on its own, not in 'defence-industrial'


def _join_broken_word(previous: str, line: str, vocabulary: _Vocabulary) -> str | None:
    """'minis-' + 'ters agreed' -> 'ministers agreed'; a compound broken at its hyphen ('defence-' +
    'industrial', both words the page uses on their own) keeps the hyphen. `previous` is the line
    before; None if it does not end in a broken word."""
    if not previous.endswith("-"):
        return None
    m = re.search(r"([A-Za-z\u00c0-\u024f]+)-$", previous[-60:])
    n = re.match(r"([a-z\u00df-\u024f]+)", line)
    if not (m and n):
        return None
    head, tail = m.group(1), n.group(1)
    if (head + tail).lower() in vocabulary.words:
        return previous[:-1] + line
    if head.lower() in vocabulary.alone and tail.lower() in vocabulary.alone:
        return previous + line
    return previous[:-1] + line


def _continues(previous: str, line: str, width: int | None) -> bool:
    if OWN_START.match(line):
        return False
    if width and len(previous) >= 0.7 * width:
        # a full line runs on, unless a short title-like line follows a finished sentence
        return not (previous.endswith(TERMINAL) and len(line) < 0.6 * width and not line[:1].islower())
    if len(previous) < 50 or previous.endswith(TERMINAL):
        return False
    return line[:1].islower() or previous.endswith((",", "-", "\u2013", "\u2014"))


def unwrap(text: str) -> str:
    lines = text.split("\n")
    drop = _furniture(lines)
    width = _width([line for i, line in enumerate(lines) if i not in drop])
    vocabulary = _Vocabulary(text)
    out: list[list[str]] = []  # paragraphs as their lines ([] for a blank line), joined once at the end
    changed = bool(drop)
    joinable = False  # the last paragraph out is one the next line may continue
    page_break = False  # blank lines around a page's furniture do not end a paragraph
    for i, raw in enumerate(lines):
        if i in drop:
            page_break = True
            continue
        line = raw.replace("\f", "").strip()
        if not line:
            nearby = any(j in drop for j in (i - 1, i + 1))
            if nearby:
                page_break = True
                continue
            joinable = False
            if out and out[-1]:
                out.append([])
            continue
        last = out[-1][-1] if joinable else ""
        if (
            page_break
            and joinable
            and not last.endswith(TERMINAL)
            and (line[:1].islower() or width)
            or joinable
            and not page_break
            and _continues(last, line, width)
        ):
            joined = _join_broken_word(last, line, vocabulary)
            if joined:
                out[-1][-1] = joined
            else:
                out[-1].append(line)
            changed = True
        else:
            if page_break and out and out[-1]:
                out.append([])
            out.append([line])
        joinable = True
        page_break = False
    if not changed:
        return text  # nothing wrapped or paged: the file's own text, so offsets stay the file's
    return "\n".join(" ".join(paragraph) for paragraph in out).strip("\n") + "\n"
