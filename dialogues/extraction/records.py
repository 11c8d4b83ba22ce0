"""Dialogues and agreements in a section, as records with all their mentions.

A mention is a noun phrase with a head ("dialogue", "talks", "summit", "2+2"; "agreement", "pact",
"treaty", "programme", "partnership", "memorandum"), an acronym the text has defined ("the RAA",
"GCAP"), or a meeting told by its verb ("he was due to meet Prime Minister Shigeru Ishiba"). Each mention
is tied to one record of the section: by an acronym, by the same content words and compatible parties,
or, for "the pact" / "the talks" / "the project", by being the last record of its kind under discussion.
Parties come from the phrase itself ("EU-Japan"), from "between/with/by X and Y", from the clause's
subject and the sides of the people in it, and for "the two sides" from the record under discussion.
Status, time, venue and format come from the clause around each mention (see `wording`) and are settled
once the whole section is read.
"""

import bisect
import datetime
import re
from dataclasses import dataclass, field

from .gazetteer import is_european
from .naming import TWO_PLUS_TWO, name_key, same_subject
from .sentences import Sentence
from .timing import When, find_times
from .wording import (
    AGREEMENT_ORDER,
    AGREEMENT_WORDS,
    DIALOGUE_ORDER,
    DIALOGUE_WORDS,
    format_from,
    statuses_around,
    topics_from,
    venue_from,
)
from .wordlists import words


@dataclass
class Evidence:
    """A fact's value and the sentence that gave it."""

    value: object
    sentence: Sentence
    confidence: str = "high"


@dataclass
class Finding:
    name: str
    parties: list[str]
    status: Evidence | None = None
    when: Evidence | None = None  # a dialogue's expected (or held) date; an agreement's date
    mentions: list[Sentence] = field(default_factory=list)
    proper_name: bool = False
    aliases: set[str] = field(default_factory=set)
    head: str = ""  # the class of its head noun: dialogue, event, summit, negotiations, agreement, programme, ...
    core: str = ""  # the name without its parties
    series: bool = False  # a dialogue that meets again and again (not a one-off meeting)
    people: list[str] = field(default_factory=list)  # who met, for a meeting told by its verb
    _settled: bool = False  # a status word (not a default) gave its status
    tentative: bool = False  # named by the headline only, so far
    held_on: "When | None" = None  # when a one-off meeting took place
    _said: list = field(default_factory=list, repr=False)  # (status class, Evidence, times near it)


@dataclass
class DialogueFinding(Finding):
    venue: Evidence | None = None
    format: Evidence | None = None
    topics: Evidence | None = None


@dataclass
class AgreementFinding(Finding):
    kind: str = "agreement"


DIALOGUE_HEAD = re.compile(
    r"(?<![\w-])(?P<head>[Dd]ialogues?|[Tt]alks?|[Cc]onsultations?|[Mm]eetings?|[Ss]ummits?|[Ff]orums?|"
    r"[Ss]essions?|[Gg]atherings?|[Nn]egotiations|2\s?\+\s?2|[Tt]wo-plus-two|(?:[Tt]elephone|[Pp]hone|[Vv]ideo) "
    r"(?:[Cc]alls?|[Tt]alks?|[Cc]onversations?|[Cc]onference)|[Vv]ideo-?conference"
    r"|[Bb]ilateral(?=\s+(?:with|between)\b))(?![\w-])"  # 'Kishida's bilateral with Stoltenberg': a meeting
)
AGREEMENT_HEAD = re.compile(
    r"(?<![\w-])(?P<head>[Aa]greements?|[Aa]ccords?|[Pp]acts?|[Tt]reat(?:y|ies)|[Cc]onventions?|[Mm]emorand(?:um|a)|"
    r"MoUs?|MOUs?|MoCs?|[Aa]rrangements?|[Pp]artnerships?|[Pp]rogram(?:me)?s?|[Pp]rojects?|[Pp]ledges?|Alliance|"
    r"Initiative|Framework|[Dd]eals?|[Aa]ction [Pp]lan|[Jj]oint [Vv]enture|Roadmap)(?![\w-])"
)
HEAD_CLASS = {
    "dialogue": "dialogue",
    "dialogues": "dialogue",
    "consultation": "dialogue",
    "consultations": "dialogue",
    "forum": "dialogue",
    "forums": "dialogue",
    "2+2": "dialogue",
    "two-plus-two": "dialogue",
    "meeting": "event",
    "bilateral": "event",
    "meetings": "event",
    "talks": "event",
    "talk": "event",
    "call": "event",
    "calls": "event",
    "conversation": "event",
    "conversations": "event",
    "conference": "event",
    "videoconference": "event",
    "video-conference": "event",
    "session": "event",
    "sessions": "event",
    "gathering": "event",
    "gatherings": "event",
    "summit": "summit",
    "summits": "summit",
    "negotiations": "negotiations",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "accords": "agreement",
    "pact": "agreement",
    "pacts": "agreement",
    "treaty": "agreement",
    "treaties": "agreement",
    "convention": "agreement",
    "conventions": "agreement",
    "memorandum": "agreement",
    "memoranda": "agreement",
    "mou": "agreement",
    "mous": "agreement",
    "moc": "agreement",
    "mocs": "agreement",
    "arrangement": "agreement",
    "arrangements": "agreement",
    "deal": "agreement",
    "deals": "agreement",
    "action plan": "agreement",
    "roadmap": "agreement",
    "joint venture": "venture",
    "programme": "programme",
    "programmes": "programme",
    "program": "programme",
    "programs": "programme",
    "project": "programme",
    "projects": "programme",
    "initiative": "programme",
    "framework": "programme",
    "partnership": "partnership",
    "partnerships": "partnership",
    "pledge": "pledge",
    "pledges": "pledge",
    "alliance": "partnership",
}
KINDS = {"pledge": "pledge", "partnership": "partnership", "programme": "programme", "venture": "programme"}
DETERMINERS = {"the", "this", "that", "its", "their", "these", "those", "our", "his", "her", "such"}
ARTICLES = {"a", "an"} | DETERMINERS
# A sentence that tells a status with no subject ('In force.', 'Signed in Tokyo in May 2017.', 'Under negotiation.').
_BARE_STATUS = re.compile(
    r"^\s*(?:Signed|Entered|In force|Took effect|Takes effect|Expired|Lapsed|Under negotiation|Negotiations|Agreed|"
    r"Held|First held|Launched|Ratified|Approved|Concluded|Suspended|Postponed|Replaced|Not yet|Planned|Due)\b"
)
_HELD_AFTER = re.compile(r"^,?\s+(?:was\s+|which\s+was\s+)?(?:held|hosted|which took place|took place)\b")
_OCCASIONS = {"session", "sessions", "meeting", "round", "call", "videoconference", "video-conference", "sitting"}
# 'the fourth meeting': a round of something that meets again ('the first meeting' may be the only one)
_NTH = re.compile(
    r"(?i)^(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))$"
)
ORDINALS = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)|"
    r"previous|next|latest|inaugural|new|formal|broad|landmark|historic|last|upcoming|planned|proposed|"
    r"annual|regular|dedicated|upgraded|first-ever|maiden|one|two|three|four|five|six|several|existing|current|"
    r"planned|proposed|long-awaited|so-called|envisaged|mooted|suspended|stalled|postponed|delayed|frozen|revived|"
    r"signed|promised)$",
    re.I,
)
# Lower-case words that can stand inside a dialogue's or agreement's name.
MODIFIERS = words(
    """
    defense defence security industrial industry strategic bilateral trilateral multilateral independent dedicated
    new first second third fourth fifth economic space cyber military equipment technology technological policy
    information classified sharing reciprocal access and joint comprehensive free trade research development
    maritime naval ministerial high-level regular annual formal framework transfer procurement export arms capacity
    cooperation consultation partnership spending acquisition logistics mutual supply inaugural official
    working-level expert-level vice-ministerial foreign fighter jet aircraft satellite semiconductor critical
    minerals cross-servicing in-person virtual online leaders ministers ministers' leaders' defence-industrial
    defense-industrial defence-industry defense-industry staff visiting forces status collaboration
    industrial-cooperation munitions exchange intelligence protection exchanged secrecy two-plus-two 2+2 partner
    partners four three two several previous latest upcoming broad landmark historic business action summit
    emergency extraordinary informal political interparliamentary parliamentary outreach regional sideline sidelines
    ministry level planned proposed existing current long-awaited so-called envisaged mooted stalled suspended
    revived revamped upgraded new-look postponed delayed signed promised style format type
    """
)
# Heads that only refer back to a record already named ("the project", "the deal").
ANAPHORIC = words(
    """
    project deal pact accord initiative arrangement programme program agreement treaty talks meeting session
    dialogue consultations summit negotiations partnership convention framework memorandum gathering forum pledge
    """
)
# Content words that say nothing about which record a phrase names ("a defense treaty", "the landmark accord").
GENERIC_PATTERN = re.compile(
    r"(?i)^(?:\w+-day|\w+-hour|one-day|opening|closing|plenary|virtual|in-person|"
    r"online|video|high-level|ministerial|bilateral|joint)$"
)
GENERIC = words(
    """
    defence security military landmark historic important major key new formal broad bilateral trilateral logistics
    access political legal binding visiting forces status strategic joint first signed cooperation industrial
    industry equipment framework defense comprehensive wider deeper closer
    """
)
# Words that give talks a subject of their own: a track that meets again, not a one-off meeting.
TOPICAL = re.compile(
    r"(?i)defen[cs]e|security|industr|strategic|economic|space|cyber|maritime|military|equipment|"
    r"technology|staff|policy|2\+2|two-plus-two|armaments|intelligence"
)
JOINT = re.compile(
    r"\b(?:the two sides|both sides|the two (?:countries|governments|leaders|partners|ministers|nations|prime "
    r"ministers|defen[cs]e ministers|foreign ministers|allies|democracies)|both countries|both governments|"
    r"the (?:four|three) (?:ministers|leaders)|(?<![\w-])(?:[Ll]eaders|[Mm]inisters|[Tt]hey)"
    r"(?=\s+(?:also\s+|jointly\s+)?(?:adopted|agreed|launched|committed|welcomed|decided|underlined|reaffirmed|signed|confirmed|announced|"
    r"noted)))\b",
    re.I,
)
THREE = re.compile(
    r"\b(?:(?:the|our|their) three (?:countries|governments|nations|partners|ministers|leaders)|all three|"
    r"the three of us)\b",
    re.I,
)
TOPIC_OF_OTHER = re.compile(r"\b(?:tariffs?|trade deal|taxes?|climate|fisheries|customs|investment treaty)\b", re.I)
NOT_DEFENCE = re.compile(
    r"\b(?:economic partnership|free trade|trade|tariff|investment|tax|customs|climate|"
    r"fisheries|aviation|health|digital|science and technology)\b",
    re.I,
)
DEFENCE_WORDS = re.compile(
    r"defen[cs]e|security|military|arms|equipment|combat|fighter|nato|gcap|access|cross-servicing|logistics|"
    r"classified|information|strategic|intelligence|forces|frigate|naval|space|cyber",
    re.I,
)
_TOKEN = re.compile(r"\S+")
_VENUE_PLACE = r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|headquarters|of|de|in))*"
_MONTH_START = re.compile(
    r"(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Japan|Tokyo's)\b"
)
AGREEMENT_HEADS_RE = r"agreements?|accords?|pacts?|treat(?:y|ies)|conventions?|memorand(?:um|a)|deals?|arrangements?"
# 'agreed to ramp up defense-related spending to a total of 5% of gross domestic product by 2035'
SPENDING_PLEDGE = re.compile(
    r"\b(?:agree[sd]?|agreeing|pledged?|pledging|commit(?:ted|s)?|vowed)\s+to\s+(?:\w+\s+){0,3}?"
    r"(?:boost|raise|increase|ramp up|lift|spend|reach|hike)\s+(?:[\w-]+\s+){0,3}?spending\s+to\s+"
    r"(?:a total of\s+)?(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+of\s+(?:gross domestic product|GDP)"
    r"(?:\s+by\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_HEADS_AFTER = (
    r"[Aa]greement|[Pp]rogram(?:me)?|[Dd]ialogue|[Mm]eeting|[Tt]alks|[Ff]orum|[Cc]onsultations|"
    r"[Tt]reaty|[Aa]ccord|[Pp]act|[Cc]onvention|[Pp]ledge|[Ii]nitiative|[Ff]ramework|[Aa]lliance"
)
_COMPOUND = re.compile(rf"\s+(?:(?:and|of|for|[A-Z][\w-]*)\s+){{0,3}}(?:{_HEADS_AFTER})\b")
_SETTING = re.compile(
    r"(?:['\u2019]s)?\s+(?:host|hosts|venue|city|chair|chairmanship|sidelines|margins|fringes|agenda|season|"
    r"hall|room|centre|center|site|declaration|communiqu\w*|photo|dinner|reception)\b"
)
_PRESENT = re.compile(
    r"(?<!\bto )\b(?:launch|sign|agree|hold|open|adopt|set up|establish|begin|start|unveil|seal|"
    r"strike|ink|conclude|upgrade|form)s?\b",
    re.I,
)
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


@dataclass
class Phrase:
    det: str
    words: list[str]  # the modifiers before the head, as written
    head: str
    start: int  # offsets in the sentence
    end: int
    post: str = ""  # "on the transfer of defence equipment", "of their foreign and defence ministers"
    alias: str = ""  # an acronym defined right after it
    head_end: int = 0


def noun_phrase(text: str, m: re.Match) -> Phrase:
    """Walk back from a head over its modifiers to the determiner, and forward over what completes it."""
    tokens = list(_TOKEN.finditer(text[: m.start()]))[-9:]
    start, det, kept = m.start(), "", []
    skip = 0
    if len(tokens) >= 2 and tokens[-1].group(0) == "of" and tokens[-2].group(0).lower() in ("round", "rounds"):
        skip = 2  # 'the first round of negotiations': the determiner is the round's
    for i in range(len(tokens) - 1 - skip, -1, -1):
        word = tokens[i].group(0)
        bare = word.strip(_QUOTES + "(),")
        lowered = bare.lower()
        if not word.strip(_QUOTES):
            continue  # an opening quotation mark before a quoted name
        abbreviation = word.endswith(".") and len(bare) <= 3 and bare[:1].isupper()
        if word.endswith((",", ";", ":", ".")) and (kept or i == len(tokens) - 1) and not abbreviation:
            break
        if (
            lowered in ("of", "and", "for", "on", "&")
            and kept
            and kept[0][:1].isupper()
            and i
            and (tokens[i - 1].group(0).strip(_QUOTES)[:1].isupper())
        ):
            kept.insert(0, lowered if lowered != "&" else "&")
            start = tokens[i].start()
            continue
        if lowered in ARTICLES:
            det, start = lowered, tokens[i].start()
            break
        if bare.endswith(("'s", "\u2019s")) and not bare.lower().endswith(("ministers's",)):
            kept.insert(0, bare)  # "Japan's": a party naming the record's side; the phrase starts here
            start = tokens[i].start()
            break
        acceptable = (
            bare[:1].isupper()
            or bare[:1].isdigit()
            or any(c in bare for c in "-\u2010\u2011\u2013+")
            or lowered in MODIFIERS
        )
        if not bare or not acceptable:
            break
        kept.insert(0, bare)
        start = tokens[i].start()
    head = m.group("head")
    end = m.end()
    rest = text[end:]
    alias_at = end
    post = ""
    # a proper name runs on: "Agreement concerning the Transfer of Defense Equipment and Technology"
    cap = re.match(
        r"^\s+(?:concerning|on|for|of|regarding)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+(?:and|of|the|for|on)"
        r"(?:\s+the)?\s+|\s+))*[A-Z][\w-]*",
        rest,
    )
    low = re.match(
        r"^\s+(?P<how>on|of|for|concerning|regarding|covering|establishing|creating|setting up|to establish)\s+"
        r"(?P<what>(?:the\s+|an?\s+|their\s+)?[a-zA-Z][^,.;:()\u2014\u2013]{2,80}?)"
        r"(?=\s+(?:in|last|this|next|with|between|that|which|who|signed|agreed|would|will|was|were|is|are|has|have|"
        r"by|at|from|to|as|after|before|since|on|and\s+(?:the|a|an)\s|during)\b|[,.;:()\u2014\u2013]|$)",
        rest,
    )
    initial = not text[: m.start()].strip(" \"'\u201c\u2018-\u2022*")
    if cap and head[:1].isupper() and not (initial and not kept):
        post = cap.group(0).strip()
        end += cap.end()
        alias_at = end
    elif (
        low
        and (not head[:1].isupper() or initial and not kept)
        and re.match(
            r"(?i)agreements?|treat(?:y|ies)|conventions?|memorand(?:um|a)|accords?|arrangements?|pacts?|"
            r"consultations?|dialogues?|talks|negotiations?|meetings?|mous?|mocs?|deals?",
            head,
        )
    ):
        what = low.group("what").strip()
        if not re.match(r"(?:the\s+)?(?:sidelines|margins|occasion|level|side|basis|start|end|way)\b", what) and (
            low.group("how") != "of"
            or re.search(r"minister|leader|official|chiefs|head", what)
            or re.match(r"(?i)memorand", head)
        ):
            post = f"{low.group('how')} {what}"
            end += low.end()
    alias = re.match(
        r"^\s*\(\s*[\"'\u201c\u2018]?(?P<a>[A-Z][A-Za-z0-9+&-]{1,9}|2\s?\+\s?2)[\"'\u201d\u2019]?\s*\)", text[alias_at:]
    )
    if not alias:
        alias = re.match(
            r"^\s*,\s+(?:or|known as|also known as|abbreviated as)\s+(?:the\s+)?(?P<a>[A-Z][A-Za-z0-9+&-]"
            r"{1,9})\b",
            text[alias_at:],
        )
    if alias and alias_at == m.end() and post and not cap:
        alias = None  # '(RAA)' after 'negotiations on a Reciprocal Access Agreement' names the agreement
    return Phrase(det, kept, head, start, end, post, alias.group("a") if alias else "", m.end())


def in_scope(parties: list[str]) -> bool:
    """A Japan–Europe record: Japan and at least one European party."""
    return "Japan" in parties and any(is_european(p) for p in parties)


def european_body(parties: list[str]) -> bool:
    """A commitment of NATO or the EU alone (a pledge, a programme) belongs to the tracker too."""
    from .gazetteer import PARTIES

    return len(parties) == 1 and is_european(parties[0]) and PARTIES[parties[0]].kind == "organisation"


def order_parties(parties) -> list[str]:
    unique = [p for p in dict.fromkeys(parties) if p]
    return sorted(unique, key=lambda p: (p != "Japan", unique.index(p)))


def prefix(parties: list[str]) -> str:
    return "\u2013".join(parties)


_CLAUSE_BREAK = re.compile(
    r";\s|\s[\u2014\u2013]\s|:\s|"
    r",\s+and\s+(?=(?:the\s|their\s|its\s|[A-Z])[^,;]{0,60}?\b(?:hold|holds|have|has|are|is|was|were|will|would|"
    r"\w+ed)\b)|"
    r",\s+(?:but|while|whereas|although|though|where|when|as|"
    r"after|before|because|since)\s|,\s+(?:[\w'\u2019-]+\s+){1,4}(?:told|said|says|added|noted)\b"
)


_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9+&]{1,8})(?![\w-])")
_TABLE_ROW = re.compile(r"^[^;:]+;\s+[A-Z][\w ]{1,25}:\s.*$")
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|announced|added|noted|stated|stressed|confirmed|explained)\b"
    r"[^.;:]*?\bthat\s"
)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last break before (or a reported clause's 'that') to the next
    break after. A 'Name; Parties: ...; Status: ...' line (a table's row) is one clause."""
    if _TABLE_ROW.match(text):
        return 0, len(text)
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    lo = before[-1] if before else 0
    reported = [m.end() for m in _REPORTED.finditer(text, lo, start)]
    if reported:
        lo = reported[-1]
    after = _CLAUSE_BREAK.search(text, end)
    return lo, (after.start() if after else len(text))


class RecordFinder:
    """Reads a section's sentences in order; `context` answers who is named where (see article.Context)."""

    def __init__(self, published: datetime.date | None, context):
        self.published = published
        self.context = context
        self.dialogues: list[DialogueFinding] = []
        self.agreements: list[AgreementFinding] = []
        self.current: dict[str, Finding] = {}  # head class -> the record last talked of
        self.recent: list[Finding] = []  # records by the order they were last talked of
        self.aliases: dict[str, Finding] = {}
        self.positions: list[tuple[int, DialogueFinding | None, AgreementFinding | None]] = []
        self._paragraph_record: Finding | None = None  # the record a paragraph opens with

    # -- the walk ------------------------------------------------------------------------------------------------
    def new_paragraph(self):
        self._paragraph_record = None

    def read(self, sentence: Sentence, masked: str, *, title: bool = False):
        """Read one sentence (`masked`: its text with long quotations blanked out)."""
        found = []
        taken: list[tuple[int, int]] = []
        for m in AGREEMENT_HEAD.finditer(masked):
            found.append(("agreement", m))
        for m in DIALOGUE_HEAD.finditer(masked):
            found.append(("dialogue", m))
        found.sort(key=lambda pair: pair[1].start())
        phrases = []
        for family, m in found:
            if any(s <= m.start() < e for s, e in taken):
                continue
            if m.group("head").lower().startswith("meeting") and re.search(
                r"\b(?:is|are|was|were|be|been|being|now|'re|also|still)\s+$", masked[: m.start()]
            ):
                continue  # 'are now meeting': the verb
            if re.search(r"\b(?:by|via|over|through)\s+(?:a\s+)?$", masked[: m.start()]):
                continue  # 'held ... by videoconference': how they met, not another meeting
            if _COMPOUND.match(masked, m.end()):
                continue  # 'Partnership Programme', 'summit meeting': the last noun heads the name
            if _SETTING.match(masked, m.end()):
                continue  # 'the summit host', 'the summit's venue': a word about something else
            phrase = noun_phrase(masked, m)
            if (
                family == "dialogue"
                and self._head_word(phrase) == "2+2"
                and re.match(
                    r"^\s*[\"'\u201d\u2019)]*\s*(?:[\w-]+\s+){0,3}?(?:meetings?|talks|dialogue|forum|consultations|format|"
                    r"framework|mechanism|style)\b",
                    masked[m.end() :],
                )
            ):
                continue  # the head is the noun after it: '"2+2" format', '2+2 security talks'
            if (
                family == "dialogue"
                and phrase.det in ("its", "their")
                and re.match(r"(?i)meetings?|sessions?", phrase.head)
                and phrases
                and phrases[-1][0] == "dialogue"
            ):
                continue  # 'which is expected to hold its first meeting next year': the dialogue's own start
            taken.append((phrase.start, m.end()))
            phrases.append((family, phrase))
        records = []
        if not title:
            for m in SPENDING_PLEDGE.finditer(masked):
                records.append(self._spending_pledge(sentence, masked, m))
        # phrases and defined acronyms ('the RAA'), in the order the sentence names them
        acronyms = [
            m
            for m in _ACRONYM.finditer(masked)
            if m.group(1) in self.aliases and not any(p.start <= m.start() < p.end for _, p in phrases)
        ]
        steps = [(p.start, family, p) for family, p in phrases] + [(m.start(), "acronym", m) for m in acronyms]
        for _, family, item in sorted(steps, key=lambda step: step[0]):
            if family == "acronym":
                record = self._acronym(sentence, masked, item, records)
            else:
                record = self._mention(family, item, sentence, masked, title, [p for _, p in phrases])
            if record is not None:
                records.append(record)
        bare = _BARE_STATUS.match(masked) if not title else None
        first = min((p.start for _, p in phrases), default=len(masked))
        if bare and self._paragraph_record is not None and self._paragraph_record not in records[:1] and first > 0:
            # '* ACSA - Signed in January 2017. In force since August 2017.': the item's record, still
            self._note(self._paragraph_record, sentence, masked, Phrase("", [], "", 0, 0), 0, first, False, [])
        if records and self._paragraph_record is None:
            self._paragraph_record = records[0]
        if not any(isinstance(r, DialogueFinding) for r in records) and not title:
            self._meeting_verb(sentence, masked)
        if (topics := topics_from(masked)) and not title:
            dialogue = next((d for d in reversed(self.dialogues) if in_scope(d.parties) and d.mentions), None)
            if dialogue is not None and dialogue.topics is None:
                dialogue.topics = Evidence(topics, sentence, "medium")
        self.positions.append((sentence.start, self.current.get("dialogue-any"), self.current.get("agreement-any")))

    @staticmethod
    def _head_word(phrase: Phrase) -> str:
        head = phrase.head.lower()
        return "2+2" if TWO_PLUS_TWO.fullmatch(head) else head

    # -- one mention ---------------------------------------------------------------------------------------------
    def _mention(self, family, phrase: Phrase, sentence: Sentence, masked: str, title: bool, phrases):
        head = self._head_word(phrase)
        cls = HEAD_CLASS.get(head) or HEAD_CLASS.get(
            head.split()[-1], "agreement" if family == "agreement" else "dialogue"
        )
        words = [w for w in phrase.words if not self.context.is_party_word(w)]
        content = [w for w in words if not ORDINALS.match(w)]
        if " " in head or head in ("roadmap",):
            content = [*content, head]  # 'action plan', 'joint venture': the head is what names it
        proper = (
            phrase.head[:1].isupper()
            and any(w[:1].isupper() for w in content)
            or bool(phrase.post and phrase.head[:1].isupper() and re.search(r"\s[A-Z]", phrase.post))
        )
        if proper and not content and phrase.start == 0:
            proper = False  # 'Agreement on the security of information; ...' opens a line: capital by position
        if head in ("alliance", "initiative", "framework", "roadmap") and not proper:
            return None
        if cls == "partnership" and not proper and not DEFENCE_WORDS.search(" ".join(content)):
            return None  # "a partnership with Japan": a relation, not a record
        np_parties = self.context.parties_in(sentence.start + phrase.start, sentence.start + phrase.end)
        clause_start, clause_end = clause_bounds(masked, phrase.start, phrase.end)
        before = masked[clause_start : phrase.start]
        linked = self._linked_parties(
            sentence, masked, phrase, re.split(r"[.;](?:\s|$)", masked[phrase.end :])[0], before
        )
        explicit = order_parties([*np_parties, *linked])
        alias_target = self.aliases.get(phrase.alias.upper()) if phrase.alias else None
        if alias_target is not None and (family == "dialogue") != isinstance(alias_target, DialogueFinding):
            alias_target = None
        later = [p.start for p in phrases if p.start > phrase.end and p.start < clause_end]
        window_end = min(later) if later else clause_end  # a later record's words are its own
        candidate = explicit or self._clause_parties(sentence, masked, clause_start, window_end, phrase)
        heading = self.context.heading_party(sentence.start)
        if heading and heading != "Japan" and not explicit:
            candidate = order_parties(["Japan", heading])  # '* ACSA - Signed in July 2018.' under 'FRANCE'
        pair = self.context.pair()
        if (
            not explicit
            and len(candidate) > 2
            and pair
            and set(pair) <= set(candidate)
            and re.search(r"(?i)\bbilateral\b", masked[max(0, phrase.start - 40) : phrase.head_end])
        ):
            candidate = pair  # a bilateral record named in a long list: the article's two sides
        record = alias_target or self._known(family, cls, content, phrase, candidate, np_parties)
        generic = (
            not proper
            and all(w.lower() in GENERIC or GENERIC_PATTERN.match(w) for w in content)
            and not phrase.post
            and head != "2+2"
        )
        ordinal = next(
            (
                w.lower()
                for w in phrase.words
                if ORDINALS.match(w)
                and not re.match(
                    r"(?i)new|formal|broad|landmark|historic|regular|annual|dedicated|upgraded|several|planned|proposed",
                    w,
                )
            ),
            "",
        )
        if record is None:
            current = self._anaphor(cls, ordinal, head)
            if current is not None and explicit and current.parties and not _compatible(explicit, current.parties):
                current = None
            if (
                current is not None
                and cls in ("event", "summit")
                and ordinal
                and ordinal not in current.core.lower()
                and ordinal not in ("first", "next", "last", "previous", "latest")
            ):
                current = None  # 'the 29th summit' after 'the 30th summit': another one
            if (
                generic
                and not proper
                and phrase.det in DETERMINERS
                and not (cls in ("event", "summit") and phrase.det in ("their", "its", "our", "his", "her"))
            ):
                record = current  # 'the pact', 'the talks', 'the new programme' (but 'their talks' are new ones)
                if (
                    current is not None
                    and cls == "event"
                    and not any(st[0] == "held" for st in current._said)
                    and _HELD_AFTER.match(masked[phrase.end :])
                ):
                    record = None  # 'agreed to hold a meeting in March. The meeting, held at ...': today's, not March's
            elif (
                not generic
                and cls not in ("event", "summit")
                and (phrase.det in DETERMINERS or proper)
                and current is not None
                and current.head == cls
                and not current.proper_name
                and _generic(current.core)
                and _compatible(candidate, current.parties)
            ):
                record = current  # 'a logistics pact' ... 'The acquisition and cross-servicing agreement'
                record.core = self._core(phrase, content, proper)
                record.proper_name = proper
                if isinstance(record, AgreementFinding):
                    record.kind = self._kind(content, record.head, head)
        if record is None:
            if (
                not proper
                and not content
                and not phrase.post
                and (
                    family == "agreement" or (cls == "dialogue" and not phrase.det and self._head_word(phrase) != "2+2")
                )
            ):
                return None  # "an agreement", "engaged in dialogue": nothing to name it by
            if (
                (
                    family == "agreement"
                    or phrase.head.lower() in ("dialogues", "summits", "forums", "meetings")
                    # not 'their existing "2+2" meetings', 'the regular meetings of the foreign and defence ministers'
                    and not TWO_PLUS_TWO.search(" ".join([*phrase.words, phrase.head, phrase.post]))
                    and not {"regular", "annual"} & {w.lower() for w in phrase.words}
                )
                and phrase.head.endswith("s")
                and not proper
                and not (
                    family == "agreement"
                    and candidate
                    and re.search(r"\d|\b(?:two|three|four|five|six)\b", " ".join(phrase.words))
                )
            ):
                return None  # "the two sides' agreements": no one record
            if cls == "summit" and (
                not np_parties
                or re.search(
                    r"\b(?:at|during|on the sidelines of|on the margins of|ahead of|after|before)\s+"
                    r"(?:(?:the|a|an|their)\s+)?$",
                    masked[: phrase.start],
                    re.I,
                )
            ):
                return None  # a summit is a record when the text names whose it is and tells of it, not a setting
            if (
                cls in ("summit", "event")
                and not explicit
                and re.search(
                    r"\b(?:of|at|on|during|to)\s+(?:(?:the|a|an|their|its)\s+)?$", masked[: phrase.start], re.I
                )
            ):
                return None  # 'on the sidelines of the summit', 'at a Cabinet meeting': where something else happened
            if cls == "event" and re.search(
                r"(?i)\b(?:cabinet|board|party|shareholders'?|press|news|staff|"
                r"parliamentary|committee)\s*$",
                " ".join(phrase.words),
            ):
                return None  # a government's or a firm's own meeting
            if cls == "negotiations" and not re.search(r"\bround\b|scheduled|will begin|to begin|set to", masked, re.I):
                return None  # talks about an agreement: its status, not a dialogue of their own
            if (
                cls == "event"
                and head == "talks"
                and re.match(
                    rf"^\s+(?:on|about|over|for)\s+(?:(?:a|an|the)\s+)?(?!sidelines|margins|fringes|eve|occasion)"
                    rf"[^,.;]{{0,80}}?\b(?:{AGREEMENT_HEADS_RE})\b",
                    masked[phrase.head_end :],
                )
                and not re.search(r"\bround\b|scheduled", masked, re.I)
            ):
                return None  # "talks on a treaty": the negotiation of an agreement
            if (
                cls == "event"
                and not (content or phrase.post)
                and not explicit
                and not self.context.people_in(sentence.start + clause_start, sentence.start + clause_end)
            ):
                return None  # "a meeting" with nobody and no parties to it
            parties = candidate
            if not parties and not (proper and family == "agreement"):
                return None  # a proper name ('the Global Combat Air Program') may learn its parties later
            record = self._new(family, cls, phrase, content, parties, proper)
            record.tentative = title  # a headline's record stands only if the body tells of it
        else:
            if explicit and not record.parties:
                record.parties = explicit
            elif (
                explicit
                and cls in ("programme", "agreement")
                and set(record.parties) < set(explicit)
                and len(explicit) <= 4
            ):
                record.parties = order_parties([*record.parties, *explicit])
            if proper and not record.proper_name:
                self._rename(record, phrase, content)
            if isinstance(record, DialogueFinding) and (
                TWO_PLUS_TWO.search(" ".join([*phrase.words, phrase.head, phrase.post]))
                or any(_NTH.match(w) for w in phrase.words)
            ):
                record.series = True  # 'the talks' ... 'It was the fourth meeting of the foreign and defence ministers'
        if phrase.alias:
            record.aliases.add(phrase.alias)
            self.aliases[phrase.alias.upper()] = record
        self._note(record, sentence, masked, phrase, clause_start, clause_end, title, phrases)
        return record

    def _spending_pledge(self, sentence: Sentence, masked: str, m: re.Match) -> Finding:
        """'allies agreed to raise defence spending to 5% of GDP by 2035': a pledge, named by its figure."""
        core = f"Defence spending pledge: {m.group('pct')}% of GDP" + (
            f" by {m.group('year')}" if m.group("year") else ""
        )
        lo, hi = clause_bounds(masked, m.start(), m.end())
        named = self.context.parties_in(sentence.start, sentence.start + len(masked))
        parties = (
            ["NATO"]
            if "NATO" in named or re.search(r"\b(?:alliance|allies)\b", masked, re.I)
            else [p for p in named if p == "Japan" or is_european(p)]
        )
        record = next((a for a in self.agreements if a.core == core), None)
        if record is None:
            record = AgreementFinding(
                name="", parties=order_parties(parties), head="pledge", core=core, proper_name=True, kind="pledge"
            )
            self.agreements.append(record)
        phrase = Phrase("", [], "pledge", m.start(), m.end(), head_end=m.end())
        self._note(record, sentence, masked, phrase, lo, max(hi, m.end()), False, [phrase])
        record._said.append(("agreed", record._said[-1][1], record._said[-1][2], False))
        return record

    def _known(self, family, cls, content, phrase: Phrase, explicit, np_parties=()) -> Finding | None:
        """A record of the section this phrase names by its content words (or an acronym among them)."""
        name = " ".join([*content, phrase.head, phrase.post])
        pool = list(reversed(self.dialogues if family == "dialogue" else self.agreements))
        # of two records the phrase could name: the one named so, then the Japan–Europe one, then the latest
        pool.sort(key=lambda r: (not (r.proper_name and name_key(r.core) == name_key(name)), not in_scope(r.parties)))
        for record in pool:
            if not content and not phrase.post and self._head_word(phrase) != "2+2":
                break
            if explicit and record.parties and not _compatible(explicit, record.parties):
                continue
            if np_parties and record.parties and not set(record.parties) <= set(np_parties):
                continue  # 'NATO defence-industrial meetings' are NATO's own, not the Japan–NATO talks
            if record.tentative and name_key(record.core) and name_key(record.core) <= name_key(name):
                record.tentative = False  # the headline's 'research talks' are the body's 'Defence Research Dialogue'
                record.core = self._core(
                    phrase, content, phrase.head[:1].isupper() and any(w[:1].isupper() for w in content)
                )
                record.proper_name = record.proper_name or phrase.head[:1].isupper()
                record.head = cls
                return record
            if (
                family == "dialogue"
                and record.head != cls
                and not (
                    cls in ("event", "dialogue")
                    and record.head in ("event", "dialogue")
                    and name_key(name) == name_key(record.core)
                )
            ):
                continue
            if same_subject(name, record.core, (), record.aliases):
                return record
            if phrase.det in DETERMINERS and name_key(name) and name_key(name) < name_key(record.core):
                return record  # 'the research dialogue' after 'the Defence Research Dialogue'

            words = {w.upper() for w in content}
            if words & {a.upper() for a in record.aliases}:
                return record
        return None

    def _anaphor(self, cls, ordinal: str = "", head: str = "") -> Finding | None:
        """The record 'the talks' / 'the pact' / 'the programme' stands for: the last one of its kind."""
        if cls in ("event", "summit"):
            found = self.current.get(cls) or self.current.get("event" if cls == "summit" else "summit")
            series = self.current.get("dialogue")
            if ordinal == "first":  # 'the first session': of the record that has not met yet
                series = next((r for r in reversed(self.recent) if any(st[0] == "planned" for st in r._said)), series)
                if series is not None:
                    return series
            if (
                cls == "event"
                and series is not None
                and (found is None or self.recent.index(series) > self.recent.index(found))
                and series in self.recent[-1:]
                and (head == "talks" or any(st[0] == "held" for st in series._said))
            ):
                return series  # 'held their first dialogue ...' then 'The two-day meeting': the dialogue's meeting
            return found
        if cls in ("dialogue", "negotiations"):
            return self.current.get(cls) or self.current.get("dialogue-any")
        return self.current.get(cls) or (
            self.current.get("agreement-any") if cls in ("agreement", "programme") else None
        )

    def _linked_parties(self, sentence, masked, phrase: Phrase, after: str, before: str) -> list[str]:
        """Parties a phrase names beside it: 'between X and Y', 'with X' (and the subject), 'by X, Y and Z'."""
        m = re.match(
            r"^\s*(?:\([^)]*\)\s*)?(?:(?:in|at)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+)?(?:,\s*)?"
            r"(?:(?:which|that)\s+(?:(?P<rel>[^,;]{0,60}?)\s+)?|(?:the|a|an)\s+[\w\s-]{0,40}?"
            r"\b(?:launched|signed|agreed|developed|set up|established|created|concluded|formed|built|run)\s+"
            r"(?:jointly\s+)?)?"
            r"(?P<prep>between|with|among|involving|by|ties|tying|linking|links|joining|bringing together)\s+"
            r"(?P<who>[^;:.]{1,120})",
            after,
        )
        signed = re.match(
            r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:which|that)\s+(?P<who>[^,;]{1,80}?)\s+(?:signed|agreed|concluded|"
            r"launched|reached|struck|sealed|ratified|adopted|established|set up|negotiated)\b",
            after,
        )
        if signed:  # 'the Reciprocal Access Agreement that Mr Sunak and Mr Kishida signed'
            start = sentence.start + phrase.end + signed.start("who")
            who = signed.group("who")
            return self.context.parties_in(start, start + len(who)) or self._sides_of_group(who)
        if not m:
            return []
        who = re.split(
            r"\b(?:that|which|who|to (?!the)|on|in|at|next|last|this|as|from|for|over|under)\b|,\s+(?!and\b)"
            r"(?=[a-z])",
            m.group("who"),
        )[0]
        start = sentence.start + phrase.end + m.start("who")
        named = self.context.parties_in(start, start + len(who)) or self._sides_of_group(who)
        if m.group("rel"):
            rel_start = sentence.start + phrase.end + m.start("rel")
            named = self.context.parties_in(rel_start, rel_start + len(m.group("rel"))) + named
        elif named and m.group("prep") in ("with",):
            subject_end = sentence.start + phrase.start
            subject_start = sentence.start + clause_bounds(masked, phrase.start, phrase.end)[0]
            named = self.context.parties_in(subject_start, subject_end) + named
        return named

    def _sides_of_group(self, text: str) -> list[str]:
        """'the two countries' and 'the three of us': the sides of the last record with that many."""
        size = 3 if THREE.search(text) else 2 if JOINT.search(text) else 0
        if not size:
            return []
        latest = next((r for r in reversed(self.recent) if len(r.parties) == size and in_scope(r.parties)), None)
        if latest is None:
            latest = next((r for r in reversed(self.dialogues + self.agreements) if len(r.parties) == size), None)
        return list(latest.parties) if latest else (self.context.pair() if size == 2 else [])

    def _clause_parties(self, sentence, masked, clause_start, clause_end, phrase) -> list[str]:
        """The parties of a record the phrase itself does not name: the clause's subject and the people in it,
        or for 'the two sides' the record under discussion."""
        start, end = sentence.start + clause_start, sentence.start + clause_end
        clause = masked[clause_start:clause_end]
        if THREE.search(clause) and (three := self._sides_of_group(clause)):
            return three
        parties = self.context.parties_in(start, end)
        if JOINT.search(clause) or (phrase.det == "their" and len(parties) < 2):
            # 'the two leaders': the two sides of the last bilateral record talked of
            parties = order_parties([*self._sides_of_group("the two sides"), *parties])
        if not parties and not self.context.people_in(start, end):
            return []
        return order_parties(parties)

    # -- records -------------------------------------------------------------------------------------------------
    def _new(self, family, cls, phrase: Phrase, content, parties, proper) -> Finding:
        core = self._core(phrase, content, proper)
        series = self._series(cls, phrase, content, core)
        if family == "dialogue":
            record = DialogueFinding(name="", parties=parties, head=cls, core=core, proper_name=proper, series=series)
            self.dialogues.append(record)
        else:
            kind = self._kind(content, cls, self._head_word(phrase))
            record = AgreementFinding(name="", parties=parties, head=cls, core=core, proper_name=proper, kind=kind)
            self.agreements.append(record)
        if TWO_PLUS_TWO.search(core) and "2+2" not in core:
            record.aliases.add("2+2")
        return record

    @staticmethod
    def _series(cls, phrase: Phrase, content, core) -> bool:
        # a track that meets again and again, not a one-off meeting: a dialogue, a 2+2, an 'Nth' or 'regular'
        # meeting, or talks with a subject of their own ('defence-industrial talks'; 'Defence Ministers' Meeting'
        # names who met, not what about)
        subject = re.sub(
            r"(?i)\b(?:[\w-]+\s+)?(?:ministers|ministerial|leaders|chiefs)['\u2019]?(?:\s|$)",
            " ",
            " ".join([*content, phrase.post]),
        )
        return (
            cls in ("dialogue", "negotiations")
            or (cls == "event" and bool(TWO_PLUS_TWO.search(core)))
            or (cls == "event" and any(ORDINALS.match(w) and w[:1].isupper() or _NTH.match(w) for w in phrase.words))
            or (cls == "event" and bool(TOPICAL.search(subject)))
            or (cls == "event" and any(w.lower() in ("regular", "annual", "periodic") for w in phrase.words))
        )

    def _core(self, phrase: Phrase, content, proper) -> str:
        words = [w for w in content if not w.endswith(("'s", "\u2019s"))]
        head = phrase.head if proper else phrase.head.lower()
        if self._head_word(phrase) == "2+2":
            head = "2+2"
        elif head.lower() == "bilateral":
            head = "bilateral meeting"  # 'Kishida's bilateral with Stoltenberg'
        post = phrase.post
        if post.startswith("of ") and re.search(r"minister|leader", post):
            post = re.sub(r"^of\s+(?:their|the)\s+", "of ", post)
        core = " ".join([*(w for w in words if w.lower() != head.lower()), head, post]).strip()
        if phrase.alias and phrase.alias.upper() not in core.upper():
            core = f"{core} ({phrase.alias})"
        return core

    def _rename(self, record: Finding, phrase: Phrase, content):
        record.core = self._core(phrase, content, True)
        record.proper_name = True
        if isinstance(record, AgreementFinding):
            record.kind = self._kind(
                content, HEAD_CLASS.get(self._head_word(phrase), record.head), self._head_word(phrase)
            )

    @staticmethod
    def _kind(content, cls, head: str = "") -> str:
        lowered = " ".join(content).lower()
        if "information" in lowered and any(w in lowered for w in ("shar", "secur", "classified", "protect")):
            return "information_security"
        if cls == "agreement" and head.startswith("treat"):
            return "treaty"
        return KINDS.get(cls, "agreement")

    def _note(self, record: Finding, sentence, masked, phrase: Phrase, clause_start, clause_end, title, phrases):
        """What the clause around this mention says of the record."""
        record.mentions.append(sentence)
        if not title:
            record.tentative = False
        # the clause, less other records' own phrases and what only they govern
        others = [p for p in phrases if p is not phrase]
        lo, hi = clause_start, clause_end
        for other in others:
            if (
                phrase.end <= other.start < hi
                and re.search(r",\s*$|\band\s+(?:the|a|an)\s*$|\bwith\s+(?:the\s+)?$", masked[phrase.end : other.start])
                is None
                and re.search(r"\b(?:which|that|who)\b", masked[phrase.end : other.start])
            ):
                hi = other.start
        clause = masked[lo:hi]
        rules, is_dialogue = (DIALOGUE_WORDS, True) if isinstance(record, DialogueFinding) else (AGREEMENT_WORDS, False)
        # status words that speak of another record in the clause do not speak of this one
        ahead = masked[lo : phrase.start]
        for other in others:
            if (
                other.end <= phrase.start
                and other.end > lo
                and not re.search(r"\b(?:and|or)\s+(?:the\s+|an?\s+)?$", masked[other.end : phrase.start])
            ):
                ahead = masked[other.end : phrase.start]
        for other in sorted(others, key=lambda p: -p.start):  # 'signed the X in 2015 and the Y': the verb is Y's too
            start_in = other.start - (phrase.start - len(ahead))
            if start_in >= 0 and other.end <= phrase.start:
                ahead = ahead[:start_in] + "it" + ahead[start_in + other.end - other.start :]
        behind = masked[phrase.end : hi]
        for other in others:
            if phrase.end <= other.start < hi:
                behind = masked[phrase.end : other.start]
                break
        said = statuses_around(rules, ahead, behind)
        if is_dialogue and self._head_word(phrase) in _OCCASIONS:
            # 'the session ended with a joint statement': one sitting is over, so it was held
            said = [("held", *rest) if status == "concluded" else (status, *rest) for status, *rest in said]
        for word in (w.lower() for w in phrase.words):  # 'the existing agreement', 'the suspended dialogue'
            if word in ("existing", "current"):
                said.append(("held" if is_dialogue else "agreed", phrase.start, word))
            elif word in ("suspended", "stalled", "postponed", "delayed", "frozen") and is_dialogue:
                said.append(("stalled", phrase.start, word))
            elif word in ("planned", "proposed", "signed"):
                said.append(({"planned": "planned", "proposed": "proposed"}.get(word, "agreed"), phrase.start, word))
        times = [
            t
            for t in find_times(
                masked[lo:hi],
                self.published,
                sentence.start + lo,
                future=any(s[0] in ("planned", "future_in_force", "proposed") for s in said),
            )
            if not t.deadline or is_dialogue
        ]
        near = self._nearest_time(
            times, sentence.start + phrase.start, sentence.start + phrase.end, phrases, sentence.start
        )
        confidence = "medium" if title else "high"
        if (
            title
            and near is None
            and self.published
            and _PRESENT.search(clause)
            and any(st[0] in ("agreed", "in_force", "held") for st in said)
        ):
            near = When("the article's day", self.published, self.published, sentence.start, sentence.start)
        for status, *_ in said or [(None, 0)]:
            record._said.append((status, Evidence(status, sentence, confidence), near, title))
        if isinstance(record, DialogueFinding):
            own = re.match(
                rf"^[^,;]{{0,40}}?\b(?:at|in)\s+(?P<venue>{_VENUE_PLACE})", behind
            )  # '... with Japan at NATO HQ'
            if (
                record.venue is None
                and own
                and not re.match(r"(?:the\s+)?(?:[A-Z][a-z]+\s+)?\d", own.group("venue"))
                and not _MONTH_START.match(own.group("venue"))
            ):
                place = re.sub(
                    rf"\s+in\s+{_MONTH_START.pattern}.*$", "", own.group("venue").rstrip(".")
                )  # 'Paris in May'
                record.venue = Evidence(re.sub(r"(?:\s+(?:of|de|in))+$", "", place), sentence)
            if record.venue is None and (venue := venue_from(clause)):
                record.venue = Evidence(venue[0], sentence)
            if record.format is None and (fmt := format_from(clause)):
                record.format = Evidence(fmt, sentence)
        if (
            record.head in ("event", "summit")
            and re.search(
                r"\b(?:of|at|on|during|before|after|following|ahead of)\s+(?:(?:the|a|an|their|its)\s+)?$",
                masked[: phrase.start],
                re.I,
            )
            and not re.match(r"^\s*(?:in\s+[A-Z][\w'-]*\s+)?(?:between|with)\b", masked[phrase.end :])
        ):
            return  # 'on the sidelines of the summit': a setting, not the record under discussion
        if record in self.recent:
            self.recent.remove(record)
        self.recent.append(record)
        self.current["dialogue-any" if isinstance(record, DialogueFinding) else "agreement-any"] = record
        self.current[record.head] = record

    def _nearest_time(self, times: list[When], start: int, end: int, phrases, offset) -> When | None:
        """The time nearest the phrase, after it first, with no other record's phrase in between ('the 1945 atomic
        bombing': a year that names something else is no time of the record's)."""
        spans = [(offset + p.start, offset + p.end) for p in phrases]
        page = self.context.text
        times = [
            t
            for t in times
            if not (
                re.fullmatch(r"(?:19|20)\d\d", t.text)
                and re.match(r"^\s+[a-z]", page[t.end : t.end + 20])
                and re.search(r"\bthe\s+$", page[max(0, t.start - 6) : t.start])
            )
        ]
        for when in sorted(times, key=lambda t: (t.start < end, abs(t.start - end))):
            lo, hi = sorted((end if when.start >= end else when.end, when.start if when.start >= end else start))
            if any(lo <= s and e <= hi for s, e in spans if (s, e) != (start, end)):
                continue
            return when
        return None

    def _acronym(self, sentence, masked, m: re.Match, records) -> Finding | None:
        """A bare acronym the section has defined ('the RAA', 'GCAP') mentions its record; 'its RAA with Australia'
        names another record of that kind, between other parties."""
        record = self.aliases.get(m.group(1))
        if record in records:
            return None
        if re.match(r"^\s+(?:[A-Z][a-z]|(?:International|Government|Organi[sz]ation)\b)", masked[m.end() :]):
            return None  # 'the GCAP International Government Organisation': a name of its own
        phrase = Phrase("", [], m.group(1), m.start(), m.end(), head_end=m.end())
        lo, hi = clause_bounds(masked, m.start(), m.end())
        other = self._linked_parties(sentence, masked, phrase, masked[m.end() : hi], masked[lo : m.start()])
        heading = self.context.heading_party(sentence.start)
        if not other and heading and heading != "Japan":
            other = ["Japan", heading]  # '* ACSA - Signed in January 2017.' under 'BRITAIN'
        if other and not _compatible(other, record.parties):
            pool = self.dialogues if isinstance(record, DialogueFinding) else self.agreements
            same = next((r for r in pool if r.core == record.core and r.parties == order_parties(other)), None)
            if same is None:
                same = type(record)(
                    name="",
                    parties=order_parties(other),
                    head=record.head,
                    core=record.core,
                    proper_name=record.proper_name,
                )
                pool.append(same)
            record = same
        self._note(record, sentence, masked, phrase, lo, hi, False, [phrase])
        return record

    _MEET = re.compile(
        r"\b(?P<verb>met|meets|(?:is|are|was|were) (?:now )?meeting|(?:will|to|would|due to|set to|scheduled to|"
        r"expected to) meet|(?:held|hold|holds|holding|will hold|to hold) talks with|talked with|met with|"
        r"sat down with|(?:will|to) (?:sit down|talk) with)\b"
    )

    def _meeting_verb(self, sentence: Sentence, masked: str):
        """'he was due to meet Prime Minister Shigeru Ishiba ...': a meeting told by its verb."""
        for m in self._MEET.finditer(masked):
            lo, hi = clause_bounds(masked, m.start(), m.end())
            subject = self.context.sides_in(sentence.start + lo, sentence.start + m.start(), subject=True)
            objects = self.context.sides_in(sentence.start + m.end(), sentence.start + hi)
            parties = order_parties([*subject, *objects])
            if not in_scope(parties) or not subject or not objects:
                continue
            verb = m.group("verb")
            status = (
                "held"
                if verb.startswith(("met", "meets", "held", "talked", "sat"))
                else ("ongoing" if "meeting" in verb and verb.split()[0] in ("is", "are") else "planned")
            )
            names = self.context.people_names(sentence.start + lo, sentence.start + hi)
            core = "meeting" + (f" ({', '.join(names)})" if names else "")
            record = next((d for d in self.dialogues if d.core == core and d.parties == parties), None)
            if record is None:
                record = DialogueFinding(name="", parties=parties, head="event", core=core, people=names, series=False)
                self.dialogues.append(record)
            phrase = Phrase("", [], "meeting", m.start(), m.end())
            if status == "ongoing":
                record.series = True
                status = "held"
            self._note(record, sentence, masked, phrase, lo, hi, False, [phrase])
            record._said[-1] = (status, record._said[-1][1], record._said[-1][2], False)

    # -- settling -----------------------------------------------------------------------------------------------
    def finish(self):
        # a record only the headline names is a headline's shorthand, not one the article reports on
        self.dialogues = [d for d in self.dialogues if any(not s[3] for s in d._said)]
        self.agreements = [a for a in self.agreements if any(not s[3] for s in a._said)]
        for record in self.dialogues:
            self._settle_dialogue(record)
        for record in self.agreements:
            if not record.parties and record.proper_name:
                record.parties = self.context.pair()  # 'the Reciprocal Access Agreement' of a Japan–UK story
            self._settle_agreement(record)
        self._negotiations_follow_agreements()
        for record in [*self.dialogues, *self.agreements]:
            record.name = self._name(record)
        self.dialogues = [d for d in self.dialogues if in_scope(d.parties) and d._settled]
        for record in self.dialogues:  # a meeting of the day takes the venue the page's head gives
            if not record.series and record.venue is None and self.context.venue and record.mentions:
                record.venue = Evidence(self.context.venue, record.mentions[0], "medium")
        self.agreements = [
            a
            for a in self.agreements
            if (in_scope(a.parties) or european_body(a.parties))
            and not self._off_topic(a)
            and (
                a.head not in ("partnership", "programme")
                or a._settled
                or a.proper_name
                and a.head == "programme"
                or a.head == "partnership"
                and DEFENCE_WORDS.search(a.core)
            )
        ]

    def _settle_dialogue(self, record: DialogueFinding):
        said = [s for s in record._said if s[0]]
        body = [s for s in said if not s[3]] or said
        status = next((k for k in DIALOGUE_ORDER if any(s[0] == k for s in body)), None)
        if status is None:
            times = [s[2] for s in record._said if s[2] and s[2].latest]
            past = self.published and times and all(t.latest < self.published for t in times)
            status = "held" if record.proper_name or record.series or past else None
            evidence = Evidence(status, record.mentions[0], "low")
        else:
            evidence = next(s[1] for s in body if s[0] == status)
        value = {"held": "active" if record.series else "concluded"}.get(status, status) if status else "proposed"
        said_times = [s for s in record._said if s[2] and not s[3]] or [s for s in record._said if s[2]]
        times = [s[2] for s in said_times if s[0] == status] or [s[2] for s in said_times]
        if value == "stalled":
            # a suspended dialogue is expected again only when the text says when it will resume
            ahead = [s[2] for s in record._said if s[2] and s[0] in ("planned", None)]
            times = [t for t in ahead if t.deadline] or [
                t
                for t in ahead
                if t.latest
                and self.published
                and t.latest >= self.published
                and any(
                    st[0] == "planned" and st[2] is t and "reschedul" in st[1].sentence.text.lower()
                    for st in record._said
                )
            ]
        when = self._best_time(times, latest=value == "active")
        record.held_on = when if value == "concluded" else None
        if value == "concluded":
            when = None  # over: nothing is expected of it (its date goes into its name)
        if (
            value == "planned"
            and when
            and when.latest
            and self.published
            and (self.published - when.latest).days > 90
            and not when.deadline
        ):
            value = "active"  # 'agreed in July 2023 to set up' read two years on: set up by now
        record.status = Evidence(value, evidence.sentence, evidence.confidence)
        record._settled = status is not None
        if when:
            record.when = Evidence(
                when, next((s[1].sentence for s in record._said if s[2] is when), record.mentions[0])
            )

    def _settle_agreement(self, record: AgreementFinding):
        said = [s for s in record._said if s[0]]
        body = [s for s in said if not s[3]] or said
        status = next((k for k in AGREEMENT_ORDER if any(s[0] == k for s in body)), None)
        if status is None:
            evidence = Evidence(None, record.mentions[0], "low")
            value = "agreed" if record.proper_name else "proposed"
        else:
            evidence = next(s[1] for s in body if s[0] == status)
            value = "agreed" if status == "future_in_force" else status
            record._settled = True
        record.status = Evidence(value, evidence.sentence, evidence.confidence)
        # its date: when it was signed or agreed, else when it took effect, else any time said with it
        said_times = [s for s in record._said if s[2] and not s[3]] or [s for s in record._said if s[2]]
        for wanted in (("agreed",), ("in_force", "future_in_force"), ("negotiating", "proposed", "expired", None)):
            times = [s[2] for s in said_times if s[0] in wanted and not s[2].deadline]
            if times:
                when = self._best_time(times)
                record.when = Evidence(when, next(s[1].sentence for s in record._said if s[2] is when))
                break

    def _negotiations_follow_agreements(self):
        """Negotiations on an agreement end when it is signed: a negotiation dialogue follows its agreement."""
        for record in self.dialogues:
            if record.head != "negotiations" or record.status.value == "planned":
                continue
            agreement = next(
                (
                    a
                    for a in reversed(self.agreements)
                    if set(a.parties) == set(record.parties)
                    and (
                        not record.core.count(" on ")
                        or same_subject(record.core.split(" on ", 1)[1], a.core, (), a.aliases)
                    )
                ),
                None,
            )
            if agreement and agreement.status.value in ("agreed", "in_force"):
                record.status = Evidence("concluded", record.status.sentence, record.status.confidence)
            elif agreement and agreement.status.value == "negotiating":
                record.status = Evidence("active", record.status.sentence, record.status.confidence)

    @staticmethod
    def _best_time(times: list[When], latest: bool = False) -> When | None:
        """The most precise time said (a day beats a month beats a year); for a dialogue that meets again and
        again, the last meeting."""
        dated = [t for t in times if t.earliest and t.latest]
        if not dated:
            return times[0] if times else None
        if latest:
            return max(dated, key=lambda t: (t.latest, -(t.latest - t.earliest).days))
        return min(dated, key=lambda t: (t.latest - t.earliest).days)

    def _name(self, record: Finding) -> str:
        core = record.core
        if isinstance(record, AgreementFinding) and record.proper_name and len(record.parties) > 2:
            return core
        if record.head == "negotiations" and " on " not in core:
            agreement = next((a for a in reversed(self.agreements) if set(a.parties) == set(record.parties)), None)
            if agreement:
                core = f"{core} on the {agreement.core}"
        # 'Japan–Baltic Cooperation Dialogue': the article's own name already says whose it is
        name = core if re.match(r"^(?:\S+[-\u2013])?Japan[-\u2013]\S", core) else f"{prefix(record.parties)} {core}"
        if isinstance(record, DialogueFinding) and not record.series:
            details = [
                d
                for d in (
                    record.venue.value if record.venue else "",
                    _month(record.held_on or (record.when.value if record.when else None)),
                )
                if d
            ]
            if details:
                name += f" ({', '.join(details)})" if not core.endswith(")") else ""
        return name[:300]

    @staticmethod
    def _off_topic(record: AgreementFinding) -> bool:
        """An economic partnership or a tariff deal is trade, not defence."""
        return bool(NOT_DEFENCE.search(record.core)) and not DEFENCE_WORDS.search(record.core)

    def context_at(self, position: int):
        """The dialogue and agreement under discussion at `position` in the page."""
        at = bisect.bisect_right(self.positions, position, key=lambda entry: entry[0])  # sentences start in order
        return self.positions[at - 1][1:] if at else (None, None)


def _compatible(named: list[str], parties: list[str]) -> bool:
    """Can a mention whose clause names `named` be of a record between `parties`? One within the other, or sharing a
    partner of Japan's (a clause often names fewer sides, or more, than the record has)."""
    a, b = set(named), set(parties)
    return a <= b or b <= a or bool((a & b) - {"Japan"})


def _generic(core: str) -> bool:
    words = re.findall(r"[\w'-]+", re.sub(r"\([^)]*\)", " ", core))
    return all(w.lower() in GENERIC or w.lower() in HEAD_CLASS for w in words)


def _month(when: When | None) -> str:
    if not when or not when.earliest or not when.latest or (when.latest - when.earliest).days > 31:
        return ""
    return when.earliest.strftime("%B %Y")


def all_parties(findings) -> list[str]:
    from .gazetteer import PARTIES

    return order_parties(p for f in findings for p in f.parties if p in PARTIES)
