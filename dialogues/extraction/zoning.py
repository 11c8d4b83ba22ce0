"""Zoning: a page's lines sorted into what they are before anything is read from them.

    site header, breadcrumb, labels, dates, bylines   furniture: dropped
    headline                                          the section's title
    standfirst, paragraphs, list items, headings       the body
    quote blocks and the name line under them          a quote and its speaker
    Q/A turns and speaker labels ("NAME:")             an interview's or a transcript's turns
    live-blog entries ("16:35 — ...")                  passages, each relevant or not on its own
    related-article teasers, round-up items            sections of their own
    notes to editors, contacts, copyright, share bars  furniture: the main text ends there

Every block keeps its character offsets into the page, so a fact read later points at its sentence.
The rules read page shapes (lengths, capitals, separators, time stamps, the usual furniture words),
never a particular outlet.
"""

import re
from dataclasses import dataclass, field

from .gazetteer import PARTY_RE
from .quotes import find_quotes
from .wordlists import words

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?))?(?:\s*[A-Z]{2,4})?,?\s+)"
DATE_LINE = re.compile(
    rf"^(?:(?:published|posted|updated|last updated|date|broadcast|aired|first published|issued)\s*:?\s*"
    rf"|[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?,\s+)?{_CLOCK}?"  # 'Brussels, 13 July 2023'
    rf"{_DATE}\b[^a-z]{{0,40}}$",
    re.I,
)
DATE_LEAD = re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_DATE}\b", re.I)
BREADCRUMB = re.compile(
    r"^(?:home|start|top)\s*(?:>|/|\u00bb|\u203a|\||:)|\S\s+(?:>|\u00bb|\u203a)\s+\S.*\s(?:>|\u00bb|\u203a)\s", re.I
)
BYLINE = re.compile(
    r"^(?:by\s+[A-Z]|staff writer\b|staff reporter\b|from our\b|reporting by\b|written by\b|words by\b)"
    r"|\binterview (?:digest )?by\b|\b\d+\s*min(?:ute)?s?\s+read\b|^(?:from|author|authors|source)\s*:"
    r"|^[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3},\s+(?:[\w-]+\s+){0,3}(?:correspondent|reporter|editor|"
    r"writer|columnist|journalist|fellow|analyst|researcher|director|bureau chief)\b[^.!?]{0,60}$",
    re.I,
)
# Lines after which nothing belongs to the article.
END = re.compile(
    r"^(?:related(?:\s+\w+){0,2}|read more.*|more from .{1,40}|most read|most popular|recommended(?: for you)?|"
    r"trending|hashtags|tags|topics|comments|no comments yet\.*|explore the topic|is this page useful\??.*|"
    r"page top|back to .{1,40}|print(?:\s*\|\s*share)?|share(?: this(?: article| page)?)?|"
    r"notes? to editors?:?|about (?:the )?[A-Z][\w&.' -]{1,40}:?|media (?:contact|enquiries|inquiries)s?:?|"
    r"press (?:contact|office)s?\b.*|contacts?:?|for (?:further|more) information.*|ends|-?\s*ends\s*-?|#{3}|"
    r"the views expressed .*|subscribe\b.*|newsletter:.*|sign up\b.*|follow us\b.*|"
    r"\((?:reporting|writing|editing) by .*|(?:\(c\)|\u00a9|copyright)\s.*|all rights reserved.*|"
    r"live (?:blog|coverage) by .*|editor:.*|try our ai features|explore what .{1,40} can do for you:?|"
    r"notes|references|sources|footnotes|endnotes|bibliography|\(?end of (?:segment|transcript|programme|program)\)?|"
    r"check against (?:delivery|broadcast).*|transcripts? (?:are|is) provided.*)$",
    re.I,
)
# Furniture that can stand anywhere in a page: it is dropped, and the text goes on.
FURNITURE = re.compile(
    r"^(?:(?i:advertisement|sponsored|share|print|listen(?: to this article)?.*|photo gallery:.*|image:.*|photo:.*|"
    r"(?:photo|image|picture)s?\s*(?:credit)?\s*[:|].*|skip to .*|(?:in this (?:issue|edition)|inside|"
    r"also (?:in|inside) this (?:issue|edition))\s*:.*|issue\s+(?:no\.?\s*)?\d+\b.*)|[-\u2013\u2014_*=~]{3,}|\*{3}|"
    r"(?:[A-Z][\w.]*\s?){1,3}(?:\s*\|\s*(?:[A-Z][\w.]*\s?){1,3}){1,6})$"
)
TIME_AGO = re.compile(r"^(an?|\d+) (second|minute|hour|day|week|month)s? ago$", re.I)
TEASERS_START = re.compile(r"^(related articles|related stories|more from .{1,40}|recommended( for you)?)$", re.I)
CAPTION_END = re.compile(r"\s\|\s*$")
CREDIT_PREFIX = re.compile(r"^\s*(photo|image|picture|credit|source)s?\s*[:|]", re.I)
TRANSCRIPT_STAMP = re.compile(r"^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*")
TIMESTAMP = re.compile(
    r"^(?P<stamp>\d{1,2}[:.]\d{2}(?:\s*(?:a\.?m\.?|p\.?m\.?))?(?:\s*(?:[A-Z]{2,4}|GMT|BST|CET|JST))?)"
    r"\s*(?:[\u2014\u2013-]|:|\|)\s+"
)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\u2019/ -]{1,40}?)(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"(?:\s*\((?P<agency>[^)]{2,40})\))?\s*[\u2014\u2013-]{1,2}\s+(?=[A-Z\"'\u201c\u2018])"
)
QUESTION = re.compile(
    r"^(?:\*\*)?(?:Q|Question|QUESTION)\s*(?:\d+\s*)?(?:\([^)]{1,80}\))?\s*[.:\u2014\u2013]\s*(?:\*\*)?\s*"
)
ANSWER = re.compile(r"^(?:\*\*)?(?:A|Answer|ANSWER)\s*[.:\u2014\u2013]\s*(?:\*\*)?\s*")
# "**Roberto Cingolani:**", "MINISTER KIHARA:", "Ms Lindqvist (Defence Minister):", "REPORTER (NHK):"
LABEL = re.compile(
    r"^(?:\*\*)?(?P<label>(?:[A-Z][\w.'\u2019-]*|de|von|van|der|da|di|le|la)"
    r"(?:\s+(?:[A-Z][\w.'\u2019-]*|de|von|van|der|da|di|le|la|of|for|the)){0,6})"
    r"(?:,\s+(?P<title>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*|\s+(?:of|for|the|and)){0,7}))?"
    r"\s*(?:\((?P<note>[^)]{1,80})\))?\s*(?:\*\*)?:(?:\*\*)?\s+(?=\S)"
)
# Keys of a metadata line ("Speaker: ...", "Venue: ...") in a transcript's or a speech's head.
META_KEYS = words(
    """
    speaker speakers venue date location place time event occasion from source published updated author language
    subject ref reference contact email tel telephone phone website editor attendees present duration participants
    """
)
META_PHRASES = {"original language", "translated by", "translation", "translator", "original", "dateline", "filed"}
# Labels that are roles in a transcript rather than names.
ROLE_LABELS = re.compile(
    r"^(?:anchor|host|presenter|reporter|correspondent|interviewer|moderator|narrator|voice-over|announcer|"
    r"question|q|a|answer|chair|chairman|chairwoman|speaker|mr speaker|journalist|caller|audience|unidentified.*|"
    r"male|female|man|woman|official|spokesperson|spokesman|spokeswoman)\b",
    re.I,
)
FUNCTION_WORDS = {"of", "the", "and", "for", "to", "in", "on", "at", "with", "a", "an", "de", "du", "des", "der"}
INSTITUTION_START = re.compile(
    r"^(?:the\s+)?(?:ministry|embassy|mission|permanent mission|office|department|council|commission|government|"
    r"delegation|press office|cabinet|house of|parliament|prime minister's office|secretariat|directorate)\b",
    re.I,
)
ROUNDUP = re.compile(
    r"\b(newsletter|briefing|digest|round-?up|bulletin|in brief|news in brief|what we're reading)\b", re.I
)
# A speech's or an opinion piece's author: 'Address by Prime Minister Shinzo Abe to the North Atlantic Council'.
AUTHOR_LINE = re.compile(
    r"^(?P<kind>(?i:(?:(?:opening |closing |keynote )?(?:address|speech|remarks|statement|lecture)|keynote)"
    r"\s+(?:delivered\s+|given\s+)?by|by))\s+"
    r"(?P<who>(?:[A-Z][\w.'\u2019-]*\s+){0,6}[A-Z][\w'\u2019-]+)(?=$|\s+(?:to|at|before|on|in)\b|,)"
)
HEADING_LIKE_NOTE = re.compile(r"^\*[^*].*[^*]\*$")  # an italic line: the editors' words between turns


@dataclass
class Block:
    start: int
    end: int
    text: str
    kind: str = "body"  # body | standfirst | heading | quote | speaker | question | answer | note | caption | meta
    label: str = ""  # a turn's speaker label ("Roberto Cingolani", "MINISTER KIHARA", "A")
    passage: int = 0  # which live-blog entry (or other passage) of the section it belongs to


@dataclass
class Section:
    index: int
    title: str
    title_start: int
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # "speaker", "venue", "date", "dateline", "agency"
    teaser: bool = False

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "caption"]

    @property
    def captions(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "caption"]


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019.&+-]+", text)


def is_furniture(text: str) -> bool:
    return bool(
        FURNITURE.match(text)
        or BREADCRUMB.search(text)
        or DATE_LINE.match(text)
        or BYLINE.search(text)
        or TIME_AGO.match(text)
        or re.match(r"^(?:published|updated|last updated|posted)\b", text, re.I)
    )


def _is_label_line(text: str) -> bool:
    """A site name, a section label or a kicker: short, or in capitals, or split by bars and dashes."""
    words = _words(text)
    letters = [c for c in text if c.isalpha()]
    if not words:
        return True
    if letters and sum(c.isupper() for c in letters) > 0.7 * len(letters) and len(words) <= 12:
        return True  # "BRIEF", "LIVE | WORLD DESK", "THE KANTO HERALD | English Edition"
    if re.search(r"\s\|\s", text) and not re.search(r"[\"\u201c\u2018]", text):
        return True  # "COMMENTARY | Institute", "Japanese | French"
    if len(words) <= 3 and not text.endswith("?"):
        return True  # "Press release", "News story", "GOV.UK", "NATO - News"
    # "NATO - News", "European Council - Council of the European Union"
    return bool(re.fullmatch(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+[-\u2013\u2014]\s+.+", text)) and len(words) <= 8


def _title_like(text: str) -> bool:
    words = _words(text)
    if len(words) < 4 or len(words) > 40 or INSTITUTION_START.match(text) or text.startswith("("):
        return False
    if PARTY_RE.search(text) and len(words) <= 8 and not text.isupper():
        return True  # 'Japan-UK Defense Ministerial Meeting': a release's title, in title case
    if text.endswith(".") and len(words) > 25:
        return False  # a paragraph
    lower = [w for w in words if w[:1].islower() and w.lower() not in FUNCTION_WORDS]
    return bool(lower) or bool(re.search(r"[:,\"\u201c\u2018?]", text)) or len(words) >= 6


def _meta_line(text: str) -> tuple[str, str] | None:
    m = re.match(r"^(?P<key>[A-Za-z][A-Za-z' ]{1,20}):\s+(?P<value>.+)$", text)
    if m and m.group("key").strip().lower() in META_KEYS | META_PHRASES:
        return m.group("key").strip().lower(), m.group("value").strip()
    return None


def _headline(lines: list[_Line]) -> int | None:
    """Index of the headline among the page's first lines: the first title-like line after the site
    header (everything before a breadcrumb), labels, dates and bylines."""
    limit = min(len(lines), 16)
    crumbs = [i for i in range(limit) if BREADCRUMB.search(lines[i].text)]
    first = crumbs[-1] + 1 if crumbs else 0
    for i in range(first, limit):
        text = lines[i].text
        if is_furniture(text) or _is_label_line(text) or _meta_line(text) or END.match(text):
            continue
        if _title_like(text):
            return _named_title(lines, i, limit)
        if len(_words(text)) > 25:
            return None  # the body begins with no headline above it
    return first if first < len(lines) else None


def _named_title(lines: list[_Line], first: int, limit: int) -> int:
    """The first title-like line, or when it names no party and a title a line or two below does
    ('Unofficial transcript, prepared from the English interpretation' over 'Joint press conference:
    Japanese Defense Minister ...'), that one."""
    if PARTY_RE.search(lines[first].text):
        return first
    for i in range(first + 1, min(limit, first + 4)):
        text = lines[i].text
        if len(_words(text)) > 25:
            break
        if _title_like(text) and PARTY_RE.search(text) and not text.endswith(".") and not is_furniture(text):
            return i
    return first


def _strip_dateline(line: _Line, section: Section) -> _Line:
    m = DATELINE.match(line.text)
    if not m or len(m.group("place").split()) > 4:
        return line
    section.meta.setdefault("dateline", m.group("place").strip().title())
    if m.group("agency"):
        section.meta.setdefault("agency", m.group("agency"))
    return _Line(line.start + m.end(), line.end, line.text[m.end() :])


def _drop_prefix(line: _Line, length: int) -> _Line:
    rest = line.text[length:]
    lead = len(rest) - len(rest.lstrip())
    return _Line(line.start + length + lead, line.end, rest.strip())


def _heading(text: str) -> bool:
    words = _words(text)
    if not words or len(words) > 12 or text.endswith((".", ",", ";", ":", "!")) or text[:1] in "\"'\u201c\u2018\u00ab":
        return False
    if re.match(r"^\*\*.*\*\*$", text) or re.match(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|[IVX]+\.)\s", text):
        return True
    if text.startswith("(") and text.endswith(")"):
        return True  # "(Reference)"
    return text[:1].isupper()


def _classify(section: Section, lines: list[_Line], interview: bool):
    """Give each body line its kind; a time stamp starts a new passage."""
    passage = 0
    previous_quote = False
    for n, line in enumerate(lines):
        text = line.text
        if (m := AUTHOR_LINE.match(text)) and n < 12:
            # 'Address by Prime Minister Shinzo Abe to ...', 'By Yoshimasa Hayashi': who speaks or writes
            label = "byline" if m.group("kind").lower() == "by" else "speaker"
            section.blocks.append(
                Block(line.start + m.start("who"), line.start + m.end("who"), m.group("who"), "meta", label)
            )
            if label == "byline":
                continue
        if is_furniture(text) or (CAPTION_END.search(text) or CREDIT_PREFIX.match(text)):
            if CAPTION_END.search(text) or CREDIT_PREFIX.match(text):
                section.blocks.append(Block(line.start, line.end, text, "caption"))
                nxt = lines[n + 1].text if n + 1 < len(lines) else ""
                if nxt and len(nxt.split()) <= 6 and not nxt.endswith((".", "?", "!", '"', "\u201d")):
                    lines[n + 1] = _Line(lines[n + 1].start, lines[n + 1].start, "")  # the credit under it
            continue
        if not text:
            continue
        if m := TRANSCRIPT_STAMP.match(text):
            line = _drop_prefix(line, m.end())
            text = line.text
        elif m := TIMESTAMP.match(text):
            passage += 1
            line = _drop_prefix(line, m.end())
            text = line.text
        if m := re.match(r"^\((?:voice[- ]over|v/o|vo|narration|sot)\)\s*", text, re.I):
            line = _drop_prefix(line, m.end())
            section.blocks.append(Block(line.start, line.end, line.text, "note", "", passage))
            continue
        if text.startswith(("- ", "\u2022 ", "* ", "\u2013 ", "\u2014 ")) and len(text) > 2:
            line = _drop_prefix(line, 2)
            text = line.text
        if (meta := _meta_line(text)) and all(b.kind == "meta" for b in section.blocks):
            section.meta.setdefault(*meta)
            value = text.index(meta[1])
            section.blocks.append(Block(line.start + value, line.end, meta[1], "meta", meta[0], passage))
            continue
        if m := QUESTION.match(text):
            section.blocks.append(Block(line.start + m.end(), line.end, text[m.end() :], "question", "Q", passage))
            continue
        if m := ANSWER.match(text):
            section.blocks.append(Block(line.start + m.end(), line.end, text[m.end() :], "answer", "A", passage))
            continue
        if HEADING_LIKE_NOTE.match(text):
            section.blocks.append(Block(line.start + 1, line.end - 1, text[1:-1], "note", "", passage))
            continue
        if re.match(r"^editor'?s?\s+note\s*:", text, re.I):
            section.blocks.append(Block(line.start, line.end, text, "note", "", passage))
            continue
        if (m := LABEL.match(text)) and not _meta_line(text) and _turn_label(m, interview) and not _shouted(text):
            label = m.group("label")
            if ROLE_LABELS.match(label) and not re.search(r"[A-Z][a-z]+\s+[A-Z]", label[1:]):
                if re.match(r"(?i)(reporter|correspondent|narrator|voice-over|announcer)", label):
                    kind = "note"  # a reporter's narration: facts, nobody's statement
                elif re.match(
                    r"(?i)(interviewer|journalist|q|question|host|anchor|presenter|moderator|caller|"
                    r"audience)",
                    label,
                ):
                    kind = "question"
                else:
                    kind = "answer"
            else:
                kind = "answer"
            title = m.group("title") or ""
            section.blocks.append(
                Block(
                    line.start + m.end(),
                    line.end,
                    text[m.end() :],
                    kind,
                    f"{label}, {title}" if title else label,
                    passage,
                )
            )
            continue
        quoted = _all_quote(text)
        if previous_quote and _speaker_line(text):
            section.blocks.append(Block(line.start, line.end, text.lstrip("\u2014\u2013- "), "speaker", "", passage))
            previous_quote = False
            continue
        if _heading(text) and not quoted:
            section.blocks.append(Block(line.start, line.end, text.strip("*"), "heading", "", passage))
            previous_quote = False
            continue
        section.blocks.append(Block(line.start, line.end, text, "quote" if quoted else "body", "", passage))
        previous_quote = quoted


# A presenter opens the programme, introduces the guests or mostly asks.
_GREETING = re.compile(
    r"(?i)\b(?:welcome to|welcome back to|you're listening to|joining (?:us|me)\b)|^\s*(?:and\s+)?I'm\s+[A-Z]"
)
_SPONSORED = re.compile(
    r"(?i)\b(?:sponsor(?:ed)?|supported by|brought to you by|advertisement|promo code|use the code)\b"
)


def _presenters_narrate(section: Section):
    """In a labelled transcript, the presenters' own words are nobody's statement: their turns are narration
    (the quotations they read out keep their speakers); a sponsor's message is furniture."""
    turns: dict[str, list[Block]] = {}
    for block in section.blocks:
        if block.kind == "answer" and block.label not in ("A", ""):
            turns.setdefault(block.label, []).append(block)
    if len(turns) < 2:
        return
    order = list(turns)
    presenters = {
        label
        for label, said in turns.items()
        if (order.index(label) < 2 and _GREETING.search(said[0].text))
        or sum(b.text.rstrip().endswith("?") for b in said) * 2 > len(said)
    }
    if len(presenters) == len(turns):
        return  # everyone cannot be a presenter: a debate, not a programme
    for block in section.blocks:
        if block.label in presenters and block.kind == "answer":
            block.kind = "caption" if _SPONSORED.search(block.text) else "body"
            block.label = ""


def _shouted(text: str) -> bool:
    """A short line all in capitals ('TARIFF TALKS: AKAZAWA HEADS BACK'): a heading, even with a colon."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.9 * len(letters) and len(_words(text)) <= 14


def _turn_label(m: re.Match, interview: bool) -> bool:
    """A speaker label opens a turn in a transcript or an interview; elsewhere 'In particular:' does not."""
    label = m.group("label")
    words = label.split()
    if len(words) > 5 or words[0].lower() in FUNCTION_WORDS:
        return False
    if ROLE_LABELS.match(label):
        return True
    letters = [c for c in label if c.isalpha()]
    shouting = letters and sum(c.isupper() for c in letters) > 0.7 * len(letters) and len(letters) > 2
    return bool(shouting or (interview and len(words) >= 2) or m.group(0).startswith("**"))


_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


def _all_quote(text: str) -> bool:
    """A paragraph that is nothing but a quotation (or several, with nothing said between them)."""
    quotes = find_quotes(text)
    if not quotes or text.strip()[:1] not in _QUOTE_MARKS:
        return False
    outside = list(text)
    for q in quotes:
        outside[q.open_at : q.close_at] = [" "] * (q.close_at - q.open_at)
    return not re.search(r"\w", "".join(outside))


def _speaker_line(text: str) -> bool:
    """'António Costa, President of the European Council' or '— Jane Doe, minister': a name line, no verb."""
    dashed = text[:1] in "\u2014\u2013-"
    words = _words(text.lstrip("\u2014\u2013- "))
    return (
        1 < len(words) <= 20
        and (dashed or (words[0][:1].isupper() and words[1][:1].isupper()))
        and not text.endswith(("?", "!", ":", "."))
        and not re.search(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|told|added)\b", text)
        and not _all_quote(text)
    )


def _split_teasers(lines: list[_Line], offset: int) -> list[Section]:
    """Aggregator teasers come as: outlet, "an hour ago", "- outlet", headline, body lines; a page's
    related-stories box as headlines, each with the summary lines under it."""
    stamps = [i for i, line in enumerate(lines) if TIME_AGO.match(line.text)]
    if stamps:
        spans = [(at + 1, stamps[n + 1] - 1 if n + 1 < len(stamps) else len(lines)) for n, at in enumerate(stamps)]
    else:
        heads = [i for i, line in enumerate(lines) if not line.text.endswith((".", ":", ";", ","))]
        spans = [(at, heads[n + 1] if n + 1 < len(heads) else len(lines)) for n, at in enumerate(heads)]
    sections = []
    for start, end in spans:
        block = lines[start:end]
        if block and block[0].text.startswith(("-", "\u2013", "\u2014")) and len(block[0].text.split()) <= 6:
            block = block[1:]  # "- outlet"
        if not block:
            continue
        title = block[0]
        if m := re.match(r"^[-\u2022*\u2013\u2014]\s+", title.text):
            title = _drop_prefix(title, m.end())  # a list item's dash
        section = Section(offset + len(sections), title.text, title.start, teaser=True)
        section.blocks = [Block(b.start, b.end, b.text) for b in block[1:] if not is_furniture(b.text)]
        sections.append(section)
    return sections


def _roundup_items(section: Section, next_index: int) -> list[Section]:
    """A newsletter's items: each headline-like heading starts a section of its own."""
    heads = [
        i
        for i, b in enumerate(section.blocks)
        if b.kind == "heading" and len(_words(b.text)) >= 4 and not re.search(r"\s\|\s", b.text)
    ]
    if len(heads) < 2:
        return []
    items = []
    for n, at in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(section.blocks)
        head = section.blocks[at]
        item = Section(next_index + n, head.text, head.start, meta=dict(section.meta))
        item.blocks = section.blocks[at + 1 : end]
        items.append(item)
    section.blocks = section.blocks[: heads[0]]
    section.meta["roundup-intro"] = "yes"
    return items


def split_page(text: str) -> list[Section]:
    """Section 0 is the main article; then round-up items and related-article teasers. Furniture belongs to none."""
    lines = _lines(text)
    if not lines:
        return []
    at = _headline(lines)
    head_lines = lines[: at or 0]
    title = lines[at] if at is not None else _Line(lines[0].start, lines[0].start, "")
    rest = lines[(at + 1) if at is not None else 0 :]
    section = Section(0, title.text.strip("*# "), title.start)
    for line in head_lines:
        if meta := _meta_line(line.text):
            section.meta.setdefault(*meta)
    end = next((i for i, line in enumerate(rest) if END.match(line.text)), len(rest))
    teaser_at = next((i for i, line in enumerate(rest) if TEASERS_START.match(line.text)), None)
    body = [line for line in rest[:end]]
    # a dateline opens the first paragraph: "TOKYO, April 3 (Harbour Wire) — ..."
    for i, line in enumerate(body):
        if not is_furniture(line.text) and not _meta_line(line.text) and len(_words(line.text)) > 8:
            body[i] = _strip_dateline(line, section)
            break
    body = _drop_author_lines(body)
    interview = any(QUESTION.match(line.text) for line in body) or bool(re.search(r"\binterview\b", title.text, re.I))
    _classify(section, body, interview)
    _presenters_narrate(section)
    _mark_standfirst(section, body)
    sections = [section]
    header = " ".join(line.text for line in head_lines) + " " + section.title
    if ROUNDUP.search(header):
        sections += _roundup_items(section, len(sections))
    if teaser_at is not None:
        tail = [
            line for line in rest[teaser_at + 1 :] if not (is_furniture(line.text) and not TIME_AGO.match(line.text))
        ]
        sections += _split_teasers(tail, offset=len(sections))
    return sections


def _drop_author_lines(body: list[_Line]) -> list[_Line]:
    """'Sanna Veikkola-Reid, Senior Research Fellow' before the first paragraph: the author, not the story."""
    out = []
    for i, line in enumerate(body):
        before_text = i < 6 and not any(len(_words(b.text)) > 25 for b in body[:i])
        if (
            before_text
            and _speaker_line(line.text)
            and "," in line.text
            and len(_words(line.text)) <= 10
            and not _meta_line(line.text)
        ):
            continue
        out.append(line)
    return out


def _mark_standfirst(section: Section, body: list[_Line]):
    """The summary under a headline: lines above the byline or date, or a first line with no full stop."""
    head = body[:6]
    furniture = [line.start for line in head if is_furniture(line.text) or _meta_line(line.text)]
    for block in section.blocks[:3]:
        if block.kind != "body":
            continue
        if (furniture and block.start < furniture[-1]) or (
            block is section.blocks[0]
            and not block.text.endswith((".", "!", "?", '"', "\u201d"))
            and len(_words(block.text)) >= 6
        ):
            block.kind = "standfirst"
