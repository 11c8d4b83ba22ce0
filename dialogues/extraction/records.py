"""Dialogues and agreements named in a section, recognised from general wording:
a dialogue/talks/forum between Japan and a European party; pledges,
partnerships, agreements, treaties and programmes — with the sentence behind
each fact."""

import re
from dataclasses import dataclass, field

from .gazetteer import BRUSSELS, MEMBERS_AFTER, PARTIES, PARTY_RE, is_european, party_for
from .naming import same_subject
from .sentences import Sentence
from .timing import When, find_times
from .wording import AGREEMENT_STATUS, DIALOGUE_STATUS, format_from, status_from, topics_from, venue_from


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
    when: Evidence | None = None  # a dialogue's expected start; an agreement's date
    mentions: list[Sentence] = field(default_factory=list)
    proper_name: bool = False


@dataclass
class DialogueFinding(Finding):
    venue: Evidence | None = None
    format: Evidence | None = None
    topics: Evidence | None = None


@dataclass
class AgreementFinding(Finding):
    kind: str = "agreement"


DETERMINERS = {"the", "this", "that", "its", "their", "these", "those"}
ARTICLES = {"a", "an"} | DETERMINERS
# Lower-case words that can stand inside a dialogue's or agreement's noun phrase.
MODIFIERS = {
    "defense",
    "defence",
    "security",
    "industrial",
    "industry",
    "strategic",
    "bilateral",
    "trilateral",
    "multilateral",
    "independent",
    "dedicated",
    "new",
    "first",
    "second",
    "economic",
    "space",
    "cyber",
    "military",
    "equipment",
    "technology",
    "technological",
    "policy",
    "information",
    "classified",
    "sharing",
    "reciprocal",
    "access",
    "and",
    "joint",
    "comprehensive",
    "free",
    "trade",
    "research",
    "development",
    "maritime",
    "naval",
    "ministerial",
    "high-level",
    "regular",
    "annual",
    "formal",
    "framework",
    "transfer",
    "procurement",
    "export",
    "arms",
    "capacity",
    "cooperation",
    "consultation",
    "partnership",
    "spending",
    "acquisition",
    "logistics",
    "mutual",
    "supply",
    "inaugural",
    "official",
    "working-level",
    "expert-level",
    "vice-ministerial",
    "foreign",
    "fighter",
    "jet",
    "aircraft",
    "satellite",
    "semiconductor",
    "critical",
    "minerals",
}
DIALOGUE_HEAD = re.compile(r"\b(?P<head>[Dd]ialogues?|[Tt]alks|[Cc]onsultations?|[Ff]orums?)\b")
AGREEMENT_HEADS = (
    r"[Mm]emorand(?:um|a)|MoUs?|"
    r"[Pp]ledges?|[Pp]artnerships?|[Aa]greements?|[Tt]reat(?:y|ies)|[Pp]acts?|[Aa]ccords?|[Dd]eals?|"
    r"[Pp]rogram(?:me)?s?|[Pp]rojects?|[Ii]nitiatives?|[Aa]rrangements?"
)
AGREEMENT_HEAD = re.compile(rf"\b(?P<head>{AGREEMENT_HEADS})\b")
_TOKEN = re.compile(r"\S+")


@dataclass
class NounPhrase:
    det: str
    mods: str
    head: str
    start: int  # in the sentence
    end: int


def noun_phrase(text: str, head: re.Match) -> NounPhrase:
    """Walk back from a head noun over its modifiers to the determiner (if any)."""
    tokens = list(_TOKEN.finditer(text[: head.start()]))
    start, det, kept = head.start(), "", []
    window = tokens[-8:]
    for i in range(len(window) - 1, -1, -1):
        tok = window[i]
        word = tok.group(0)
        bare = word.rstrip(",")
        if (
            bare in ("of", "and", "for", "on")
            and kept
            and kept[0][:1].isupper()
            and i
            and window[i - 1].group(0)[:1].isupper()
        ):
            kept.insert(0, bare)  # inside a name: "Security of Supply Dialogue"
            start = tok.start()
            continue
        if bare.lower() in ARTICLES:
            det, start = bare.lower(), tok.start()
            break
        if word.endswith(",") and not kept:
            break
        acceptable = (
            bare[:1].isupper()
            or any(c in bare for c in "-\u2010\u2011\u2013+")
            or bare[:1].isdigit()
            or bare.lower() in MODIFIERS
        )
        if not acceptable or bare.endswith(("'s", "\u2019s", ":")):
            break
        kept.insert(0, bare)
        start = tok.start()
    return NounPhrase(det, " ".join(kept), head.group("head"), start, head.end())


SPENDING_PLEDGE = re.compile(
    r"\b(?:agree[sd]?|agreeing|pledged?|pledging|commit(?:ted|s)?|vowed)\s+to\s+(?:\w+\s+){0,3}?"
    r"(?:boost|raise|increase|ramp up|lift|spend|reach|hike)\s+(?:[\w-]+\s+){0,3}?spending\s+to\s+"
    r"(?:a total of\s+)?(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+of\s+(?:gross domestic product|GDP)"
    r"(?:\s+by\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
# Words that make a bare head noun a defence dialogue rather than any "talks".
DIALOGUE_QUALIFIERS = re.compile(
    r"defen[cs]e|security|industr|strategic|bilateral|military|equipment|2\+2|two-plus-two|space|cyber|"
    r"economic security|technology|armaments",
    re.I,
)
# Heads that only refer back to an agreement already named ("the project", "the deal").
ANAPHORIC_AGREEMENT_HEADS = {"project", "deal", "pact", "initiative", "arrangement", "accord"}
JOINT_SUBJECT = re.compile(r"\b(the two|both) (countries|sides|governments|nations|partners)\b", re.I)
EVENT_NOUNS = re.compile(r"\b(summit|meeting|visit|election|war|invasion|conference|trip|attack)\b", re.I)
# Agreements are made at summits and meetings: only unrelated events stand between one and its date.
OTHER_EVENTS = re.compile(r"\b(visit|election|war|invasion|trip|attack|forum|dialogue|talks|framework|report)\b", re.I)
# "its first meeting", "the inaugural session": the dialogue's own start, not another event
_OWN_START = re.compile(r"\b(?:its|their|the)\s+(?:first|inaugural|opening)\s+(?:meeting|session|round)\b", re.I)
_CONNECTIVE = re.compile(r"\b(which|that|who|while|after|before|when)\b")


def party_mentions(text: str, brussels: str) -> list[tuple[int, str]]:
    """(offset, party) for each party named in `text`, skipping "NATO members"-style uses."""
    out = []
    for m in PARTY_RE.finditer(text):
        name = party_for(m.group(1))
        if name == BRUSSELS:
            name = brussels
        if MEMBERS_AFTER.match(text[m.end() :]):
            continue
        out.append((m.start(), name))
    return out


def in_scope(parties: list[str]) -> bool:
    """A Japan–Europe record: Japan and/or European parties only."""
    return bool(parties) and all(p == "Japan" or is_european(p) for p in parties)


def japan_europe(parties: list[str]) -> bool:
    return "Japan" in parties and any(is_european(p) for p in parties) and in_scope(parties)


def order_parties(parties) -> list[str]:
    unique = list(dict.fromkeys(parties))
    return sorted(unique, key=lambda p: (p != "Japan", unique.index(p)))


_CLAUSE_END = re.compile(r"[.;]|,\s+(?:which|who|while|but|although|though|\w+ing)\b|\s+\u2014\s")
_RELATIVE = re.compile(r",\s+(?:which|who)\b[^,.;]*,")
_CLAUSE_START = re.compile(r".*(?:[.;]|\u2014)\s*", re.S)


# Nouns that carry a status of their own: a status word after one of them is not ours.
OTHER_RECORDS = re.compile(
    r"\b(framework|agreement|treaty|pact|accord|deal|memorandum|partnership|programme|program|summit|report)s?\b",
    re.I,
)


def status_near(rules, masked: str, np: "NounPhrase") -> str | None:
    """The status the clause around a noun phrase gives it: a relative clause describing the phrase
    ('..., which is expected to hold its first meeting'), then what follows the phrase, then what leads to it."""
    relative = re.match(r",\s+(?:which|that)\b[^.;]*", masked[np.end :])
    if relative and (status := status_from(rules, relative.group(0))):
        return status
    rest = _RELATIVE.sub(" ", masked[np.end :])  # "..., which would have brought ..., has stalled"
    end = _CLAUSE_END.search(rest)
    rest = rest[: end.start() if end else len(rest)]
    other = OTHER_RECORDS.search(rest)
    after = masked[np.start : np.end] + rest[: other.start() if other else len(rest)]
    lead = _CLAUSE_START.match(masked[: np.start])
    before = masked[lead.end() if lead else 0 : np.end]
    return status_from(rules, after) or status_from(rules, before)


def _np_parties(np_text: str, after: str, before: str, brussels: str) -> list[str]:
    """Parties named by the noun phrase itself: "Japan-EU ...", "... between X and Y", "... with X".

    "with X" names the counterpart; the other side is the sentence's subject, named before the phrase."""
    found = [p for _, p in party_mentions(np_text, brussels)]
    m = re.match(r"^\s*(?P<prep>between|with|among|involving)\s+((?:the\s+)?[^,.;]{1,80})", after)
    if m:
        # the phrase ends where a place, a time or a purpose begins ("... in Warsaw next month")
        phrase = re.split(r"\b(?:that|which|who|to|for|on|in|at|next|last|this|as)\b", m.group(2))[0]
        named = [p for _, p in party_mentions(phrase, brussels)]
        found += named
        if named and m.group("prep") == "with":
            found = [p for _, p in party_mentions(before, brussels)] + found
    return order_parties(found)


def _times_near(sentence: Sentence, masked: str, np_end: int, future: bool, published, events=EVENT_NOUNS):
    """The nearest time expression after the noun phrase (or before it), with no other event in between."""
    times = [t for t in find_times(masked, published, sentence.start, future=future) if not t.deadline]
    for when in sorted(times, key=lambda t: (t.start < np_end, abs(t.start - np_end))):
        lo, hi = sorted((np_end, when.start))
        between = _OWN_START.sub(" ", masked[lo - sentence.start : hi - sentence.start])
        if events is EVENT_NOUNS and _CONNECTIVE.search(re.sub(r"^,\s+(?:which|that)\b", "", between)):
            continue
        if events is not EVENT_NOUNS and when.start < np_end and "," in between:
            continue  # a time in an earlier clause belongs to something else
        if not events.search(between):
            return when
    return None


def _narrower(new: When, old: When) -> bool:
    """'in the first half of next year' sharpens an earlier 'next year'."""
    if not (new.earliest and old.earliest):
        return False
    inside = old.earliest <= new.earliest and new.latest <= old.latest
    return inside and (new.latest - new.earliest) < (old.latest - old.earliest)


_POST_MODIFIER = re.compile(
    r"^\s+(?P<how>on|of|for|covering|concerning|establishing|creating|setting up)\s+"
    r"(?P<what>(?:the\s+|an?\s+)?[a-zA-Z][^,.;]{2,70}?)"
    r"(?=\s+(?:in|last|this|next|with|between)\s|\s+(?:which|that|signed|agreed)\b|[,.;]|$)"
)
# Agreements that are not about defence or security (trade, tax, climate ...) are not ours.
NOT_DEFENCE = re.compile(r"\b(economic|trade|tariff|investment|tax|customs|climate|fisheries|aviation|health)\b", re.I)
DEFENCE_WORDS = re.compile(r"defen[cs]e|security|military|arms|equipment|combat|fighter|nato|gcap", re.I)


def _acronym(name: str) -> str:
    """'Global Combat Air Programme' -> 'GCAP'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class RecordFinder:
    """Walks a section's sentences in order, keeping track of the dialogue and
    agreement under discussion so that "the talks" and "the project" point back."""

    def __init__(self, published, brussels: str):
        self.published = published
        self.brussels = brussels
        self.dialogues: list[DialogueFinding] = []
        self.agreements: list[AgreementFinding] = []
        self.current_dialogue: DialogueFinding | None = None
        self.current_agreement: AgreementFinding | None = None
        self.positions: list[tuple[int, DialogueFinding | None, AgreementFinding | None]] = []

    # -- dialogues ---------------------------------------------------------
    def _dialogue_for(self, parties: list[str], mods: str = "", head: str = "") -> DialogueFinding | None:
        """This article's dialogue between these parties; with a subject of its own ('maritime security
        dialogue' beside a 'Defence Research Dialogue') a phrase names another one."""
        subject = f"{mods} {head}" if DIALOGUE_QUALIFIERS.search(mods) else ""
        for d in self.dialogues:
            if set(d.parties) == set(parties) and (not subject or same_subject(d.name, subject)):
                return d
        return None

    def _read_dialogue(self, sentence: Sentence, masked: str, m: re.Match):
        np = noun_phrase(masked, m)
        det, mods, head = np.det, np.mods, np.head
        np_text = masked[np.start : np.end]
        after = masked[np.end :]
        explicit = _np_parties(np_text, after, masked[: np.start], self.brussels)
        # the sentence's subject speaks for the dialogue ("Japan and Italy will launch a ... dialogue ... with
        # Britain"); without a Japan–Europe subject, the whole sentence does
        subject = order_parties(p for _, p in party_mentions(masked[: np.start], self.brussels))
        context = (
            subject if japan_europe(subject) else order_parties(p for _, p in party_mentions(masked, self.brussels))
        )
        about = re.match(r"\s+(?:on|about|over)\s+[^,.;]{1,60}", after)  # "consultations on cyber-defence ..."
        qualified = bool(DIALOGUE_QUALIFIERS.search(mods + (about.group(0) if about else ""))) or any(
            w[:1].isupper() for w in mods.split()
        )
        if explicit:
            if not japan_europe(explicit):
                return None  # another pair's dialogue (EU–Philippines): not ours, and not "the" one either
            dialogue = self._dialogue_for(explicit, mods, head)
            if dialogue is None and not qualified:
                return None
        elif (
            det in DETERMINERS
            and self.current_dialogue is not None
            and not (
                det in ("its", "their") and japan_europe(context) and set(context) != set(self.current_dialogue.parties)
            )
        ):
            dialogue = self.current_dialogue
        elif not qualified:
            return None
        elif self.current_dialogue is not None and not japan_europe(context):
            dialogue = self.current_dialogue
        elif japan_europe(context):
            explicit = context
            dialogue = self._dialogue_for(context)
        else:
            return None
        proper = bool(mods) and mods.split()[-1][:1].isupper() and head[:1].isupper()
        if dialogue is None:
            dialogue = DialogueFinding(name="", parties=explicit)
            self.dialogues.append(dialogue)
        if not dialogue.name or (proper and not dialogue.proper_name):
            dialogue.name = self._dialogue_name(dialogue.parties, mods, head, proper)
            dialogue.proper_name = proper
        dialogue.mentions.append(sentence)
        self.current_dialogue = dialogue
        self._dialogue_facts(dialogue, sentence, masked, np)
        return dialogue

    @staticmethod
    def _dialogue_name(parties: list[str], mods: str, head: str, proper: bool) -> str:
        pair = "\u2013".join(parties)
        words = [w for w in mods.replace(",", "").split() if w.lower() not in ("new", "first", "an", "a")]
        # drop the parties already spelled out in the modifiers ("Japan-EU Defense Industry Dialogue")
        words = [w for w in words if not all(party_for(x) for x in re.split(r"[-\u2013\u2010\u2011/]", w) if x)]
        words = (
            [w for w in words if w.lower() not in ("independent", "dedicated", "bilateral")] if not proper else words
        )
        return " ".join([pair, *words, head if proper else head.lower()]).strip()

    def _dialogue_facts(self, dialogue: DialogueFinding, sentence: Sentence, masked: str, np: NounPhrase):
        np_end = sentence.start + np.end
        status = status_near(DIALOGUE_STATUS, masked, np)
        if status and (dialogue.status is None or dialogue.status.value == status):
            dialogue.status = dialogue.status or Evidence(status, sentence)
        elif status and dialogue.status is not None and status == "active" and dialogue.status.value == "planned":
            pass  # a later "launched" in an article about plans usually refers to something else
        # only a clause about the dialogue starting dates it ("to launch ... early next year"), not a
        # report "published last month" about a suspended one
        when = (
            _times_near(sentence, masked, np_end, status != "active", self.published)
            if status in ("planned", "proposed", "active")
            else None
        )
        if when and (dialogue.when is None or _narrower(when, dialogue.when.value)):
            dialogue.when = Evidence(when, sentence)
        if dialogue.venue is None and (venue := venue_from(masked)):
            dialogue.venue = Evidence(venue[0], sentence)
        if dialogue.format is None and (fmt := format_from(masked)):
            dialogue.format = Evidence(fmt, sentence)

    # -- agreements --------------------------------------------------------
    def _agreement_named(self, name: str) -> AgreementFinding | None:
        return next((a for a in self.agreements if same_subject(a.name, name)), None)

    def _read_agreement(self, sentence: Sentence, masked: str, m: re.Match):
        np = noun_phrase(masked, m)
        det, mods, head = np.det, np.mods, np.head
        head_word = head.lower().rstrip("s")
        words = mods.split()
        # A named agreement: Capitalised Words ending in a capitalised head ("Global Combat Air Program").
        proper_words = []
        for w in reversed(words):
            if w[:1].isupper() or (proper_words and w in ("and", "of", "on", "for", "&")):
                proper_words.insert(0, w)
            else:
                break
        while proper_words and proper_words[0] in ("and", "of", "on", "for", "&", "The"):
            proper_words.pop(0)
        proper = head[:1].isupper() and bool(proper_words)
        if head.endswith("s") and head_word not in ("progra", "pact") and not proper:
            return None  # "the two sides' agreements": plural, no one record
        if head_word in ("dialogue",):
            return None
        after = masked[np.end :]
        explicit = _np_parties(" ".join(proper_words) if proper else mods, after, masked[: np.start], self.brussels)
        if not proper and (det in DETERMINERS and not explicit or head_word in ANAPHORIC_AGREEMENT_HEADS):
            agreement = self.current_agreement
            if agreement is None:
                return None
            if not agreement.parties and self._kind("", head_word) == agreement.kind:
                context = [p for _, p in party_mentions(masked, self.brussels)]
                agreement.parties = order_parties(p for p in context if in_scope([p]))
            agreement.mentions.append(sentence)
            return agreement
        content = [w for w in words if w.lower() not in ("new", "an", "a", "formal", "the")]
        post = None
        if not proper and not content and det in ("a", "an") and (post := _POST_MODIFIER.match(after)):
            # "an agreement on the transfer of defence equipment and technology", "a treaty establishing ..."
            post = f"{post.group('how')} {post.group('what')}"
        elif not proper and not content:
            return None
        if re.match(rf"\s+(?:{AGREEMENT_HEADS})\b", after) and head[:1].isupper():
            return None  # "Economic Partnership" inside "Economic Partnership Agreement": the longer name counts
        if proper:
            name = " ".join([*proper_words, head])
        else:
            current = self.current_dialogue or self.current_agreement
            if not explicit and current and JOINT_SUBJECT.search(masked[: np.start]):
                explicit = list(current.parties)  # "The two governments are in talks on ..."
            context = explicit or order_parties(p for _, p in party_mentions(masked, self.brussels))
            explicit = context
            name = " ".join(["\u2013".join(context), *content, head.lower(), *([post] if post else [])]).strip()
        parties = explicit
        if proper and not parties:
            parties = order_parties(p for _, p in party_mentions(after, self.brussels) if in_scope([p]))
        if not parties and JOINT_SUBJECT.search(masked):
            current = self.current_dialogue or self.current_agreement
            parties = list(current.parties) if current else []
            if not proper:
                name = " ".join(["\u2013".join(parties), *content, head.lower(), *([post] if post else [])]).strip()
        if parties and not in_scope(parties):
            return None  # EU–South Korea: someone else's agreement
        if NOT_DEFENCE.search(name) and not DEFENCE_WORDS.search(name):
            return None  # an economic partnership agreement is a trade deal, not a defence one
        if not proper and not parties:
            return None
        kind = self._kind(mods, head_word)
        return self._note_agreement(name, kind, parties, sentence, masked, np, proper=proper)

    def _note_agreement(self, name, kind, parties, sentence, masked, np: "NounPhrase", *, proper):
        np_end = sentence.start + np.end
        agreement = self._agreement_named(name)
        if agreement is None:
            agreement = AgreementFinding(name=name, parties=parties, kind=kind, proper_name=proper)
            self.agreements.append(agreement)
        agreement.mentions.append(sentence)
        status = status_near(AGREEMENT_STATUS, masked, np)
        if agreement.status is None:
            if status:
                agreement.status = Evidence(status, sentence)
            else:
                agreement.status = Evidence("agreed" if proper else "proposed", sentence, "low")
        if agreement.when is None:
            when = _times_near(sentence, masked, np_end, status == "proposed", self.published, OTHER_EVENTS)
            if when:
                agreement.when = Evidence(when, sentence)
        self.current_agreement = agreement
        return agreement

    @staticmethod
    def _kind(mods: str, head: str) -> str:
        lowered = mods.lower()
        if "information" in lowered and ("shar" in lowered or "secur" in lowered or "classified" in lowered):
            return "information_security"
        return {
            "pledge": "pledge",
            "partnership": "partnership",
            "treaty": "treaty",
            "treatie": "treaty",
            "program": "programme",
            "programme": "programme",
            "project": "programme",
        }.get(head, "agreement")

    def _read_spending_pledge(self, sentence: Sentence, masked: str, m: re.Match):
        pct, year = m.group("pct"), m.group("year")
        name = f"Defence spending pledge: {pct}% of GDP" + (f" by {year}" if year else "")
        mentioned = [p for _, p in party_mentions(masked, self.brussels)]
        lowered = masked.lower()
        if "NATO" in mentioned or "alliance" in lowered or "allies" in lowered:
            parties = ["NATO"]
        else:
            parties = order_parties(p for p in mentioned if in_scope([p]))
        if not parties:
            return None
        np = NounPhrase("", "", "", m.start(), m.end())
        return self._note_agreement(name, "pledge", parties, sentence, masked, np, proper=True)

    # -- the walk ----------------------------------------------------------
    def read(self, sentence: Sentence, masked: str):
        """Read one sentence (`masked`: its text with quotations blanked out)."""
        for m in SPENDING_PLEDGE.finditer(masked):
            self._read_spending_pledge(sentence, masked, m)
        for m in AGREEMENT_HEAD.finditer(masked):
            self._read_agreement(sentence, masked, m)
        for m in DIALOGUE_HEAD.finditer(masked):
            self._read_dialogue(sentence, masked, m)
        if self.current_dialogue and (topics := topics_from(masked)) and self.current_dialogue.topics is None:
            self.current_dialogue.topics = Evidence(topics, sentence, "medium")
        self.positions.append((sentence.start, self.current_dialogue, self.current_agreement))

    def finish(self):
        self._merge_acronyms()
        for dialogue in self.dialogues:
            if dialogue.status is None:
                dialogue.status = Evidence("proposed", dialogue.mentions[0], "low")
        self.dialogues = [d for d in self.dialogues if japan_europe(d.parties)]

    def _merge_acronyms(self):
        """'GCAP fighter programme' and 'Global Combat Air Programme' in one article are one programme."""
        named = {_acronym(a.name): a for a in self.agreements if a.proper_name and len(_acronym(a.name)) > 2}
        for other in list(self.agreements):
            target = next(
                (
                    a
                    for acr, a in named.items()
                    if a is not other and a.kind == other.kind and acr in other.name.split()
                ),
                None,
            )
            if target is None:
                continue
            target.mentions += other.mentions
            target.parties = target.parties or other.parties
            if target.status is None or (
                target.status.confidence == "low" and other.status and other.status.confidence != "low"
            ):
                target.status = other.status
            self.agreements.remove(other)
            self.positions = [(p, d, target if a is other else a) for p, d, a in self.positions]

    def context_at(self, position: int):
        """The dialogue and agreement under discussion at `position` in the page."""
        dialogue = agreement = None
        for start, d, a in self.positions:
            if start > position:
                break
            dialogue, agreement = d, a
        return dialogue, agreement


def all_parties(findings) -> list[str]:
    return order_parties(p for f in findings for p in f.parties if p in PARTIES)
