"""Who said each quote, read from the mentions around it (people.People has tied every name, surname,
title and pronoun to a person):

    "...," Pistorius said / "...," said Lars Eriksson, Saab's ...     the attribution after the quote
    the Secretary General said: "..." / He added: "..."                a speaker before it
    Kamikawa told the envoy the treaty would "..."                     a quoted fragment: the clause's subject
    Defence Secretary Ben Wallace said:  +  a paragraph in quotes       introduced by the paragraph before
    a quote block, then "António Costa, President of the ..."          the name line under it
    a quote that runs on after an attributed one                        the same speaker
    a speech's quoted passages                                          the speaker its header names

A quote with nobody clearly saying it (a declaration's words, "they" of a group) is no statement.
"""

import re
from dataclasses import dataclass

from .gazetteer import PARTIES, PARTY_RE, party_for
from .people import SPEECH_VERBS, People, Person
from .quotes import Quote

_VERBS = (
    rf"{SPEECH_VERBS}|adding|saying|telling|noting|stressing|warning|insisting|arguing|calling|describing"
    r"|call(?:ed|s)?(?: on| for)?|describ(?:ed|es)|reaffirm(?:ed|s)?|urg(?:ed|es|ing)|termed|dubbed|labell?ed"
    r"|hailed|praised|pledged|voiced|expressed|spoke of|speaking of|referred to|characteri[sz]ed|branded"
)
# 'M. Le Drian told ...', 'Gen. Yoshida said': a full stop that ends an abbreviation, not the sentence.
_ABBREVIATION = r"\b(?:M|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Prof|Sen|Rep|St|Capt|Maj|Sgt|Cmdr)\."
VERB = re.compile(rf"\b(?:{_VERBS})\b")
_JOINT = re.compile(
    r"\b(?:the two sides|both sides|the two (?:countries|governments|leaders|partners|ministers|nations)|the leaders"
    r"|the (?:four|three) (?:ministers|leaders))\b",
    re.I,
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<ref>[^,]{2,120}),\s*$")


@dataclass
class Speaker:
    """A person, a party ("Washington"), or several parties speaking jointly."""

    person: Person | None = None
    parties: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        if self.person:
            return self.person.name
        if len(self.parties) == 1:
            return self.parties[0]
        return "\u2013".join(self.parties) + " (joint)"


@dataclass
class Attribution:
    speaker: Speaker
    confidence: str


class Attributor:
    def __init__(self, people: People, joint_parties, default: Person | None = None):
        self.people = people
        self.joint_parties = joint_parties  # position -> the parties under discussion there
        self.default = default  # a speech's speaker, for its quoted passages
        self.last: Speaker | None = None

    def _ref(self, start: int, end: int, *, last: bool = True) -> Speaker | None:
        """The speaker a stretch of the page names: a person's mention, a joint subject or a party."""
        people = [m for m in self.people.mentions if start <= m.start and m.end <= end]
        if people:
            return Speaker(people[-1 if last else 0].person)
        return None

    def _party_ref(self, text: str, at: int) -> Speaker | None:
        if _JOINT.search(text):
            parties = self.joint_parties(at)
            return Speaker(parties=tuple(parties)) if len(parties) > 1 else None
        found = [party_for(m.group(1)) for m in PARTY_RE.finditer(text)]
        found = [p for p in dict.fromkeys(found) if p in PARTIES]
        if len(found) == 1 and not re.search(r"\b(?:officials?|sources?|media|reports?|analysts?)\b", text, re.I):
            return Speaker(parties=(found[0],))
        return None

    def attribute(
        self,
        quote: Quote,
        sentence: str,
        sentence_start: int,
        *,
        whole_paragraph: bool,
        introduced_by: tuple[str, int] | None,
        after_block: Speaker | None,
        previous: Speaker | None,
    ) -> Attribution | None:
        """The speaker of `quote` (in `sentence`, which starts at `sentence_start` in the page)."""
        before = sentence[: quote.open_at - sentence_start]
        after = sentence[quote.close_at - sentence_start :]
        # '"...," Pistorius said' / '"...," said Lars Eriksson, ...' / '"...," the minister added.'
        m = re.match(
            rf"^[\s,.;:!?\u2014\u2013\u00bb-]*(?P<ref>(?:[^\"\u201c\u201d.;:!?]|{_ABBREVIATION}){{0,120}}?)\s*"
            rf"\b(?P<verb>{_VERBS})\b",
            after,
        )
        if m:
            ref_start = quote.close_at + m.start("ref")
            ref_end = quote.close_at + m.end("ref")
            speaker = self._ref(ref_start, ref_end) or self._party_ref(m.group("ref"), ref_start)
            if speaker is None and not m.group("ref").strip():  # 'said Sebastian Maslow, an associate ...'
                tail = quote.close_at + m.end("verb")
                speaker = self._ref(tail, tail + 80, last=False)
            if speaker:
                return self._found(speaker, "high")
        m = re.match(r"^[\s,.;:!?\u2014\u2013-]*according to\s+(?P<ref>[^.;:!?]{2,120})", after, re.I)
        if m:
            start = quote.close_at + m.start("ref")
            speaker = self._ref(start, start + len(m.group("ref")), last=False) or self._party_ref(
                m.group("ref"), start
            )
            if speaker:
                return self._found(speaker, "high")
        if whole_paragraph and after_block:
            return self._found(after_block, "high")
        if before.strip():
            found = self._before(quote, before, sentence_start)
            if found:
                return found
        if whole_paragraph and introduced_by:
            text, start = introduced_by
            speaker = self._ref(start, start + len(text)) or self._party_ref(text, start)
            if speaker:
                return self._found(speaker, "high")
        if previous and not before.strip():
            return Attribution(previous, "medium")  # a quote that runs on from the same speaker's words
        if whole_paragraph and self.last and not self.default:
            return Attribution(self.last, "low")  # news style: a paragraph of quote carries on the last speaker
        if self.default and not before.strip() or (self.default and not VERB.search(before)):
            return Attribution(Speaker(self.default), "medium")
        return None

    def _before(self, quote: Quote, before: str, sentence_start: int) -> Attribution | None:
        """A speaker named before the quote in its sentence: 'X said:', 'X told ... that "...', 'According to X,'."""
        if m := _ACCORDING.search(before):
            start = sentence_start + m.start("ref")
            speaker = self._ref(start, sentence_start + m.end("ref")) or self._party_ref(m.group("ref"), start)
            if speaker:
                return self._found(speaker, "high")
        verbs = list(VERB.finditer(before))
        colon = before.rstrip().endswith(":")
        if not verbs and not colon:
            return None
        cut = verbs[-1].start() if verbs else len(before.rstrip()) - 1
        clause_start = _clause_start(before, cut)
        # the subject of the clause that carries the verb: the first person there who acts
        subjects = [
            m
            for m in self.people.mentions
            if sentence_start + clause_start <= m.start < sentence_start + cut and m.subject
        ]
        anyone = [m for m in self.people.mentions if sentence_start <= m.start < sentence_start + cut]
        chosen = subjects[-1] if subjects else (anyone[-1] if anyone else None)
        if chosen is None and verbs:  # '"...," said Hiroshi Tanaka, director ..., "but ..."': the inverted speaker
            inverted = [
                m
                for m in self.people.mentions
                if sentence_start + verbs[-1].end() <= m.start < sentence_start + len(before)
            ]
            chosen = inverted[0] if inverted else None
        if chosen:
            told = chosen.how == "title" and chosen.end - sentence_start <= cut <= chosen.end - sentence_start + 2
            confidence = "high" if chosen.how in ("name", "surname") or told else "medium"  # told: 'the minister said'

            return self._found(Speaker(chosen.person), confidence)
        speaker = self._party_ref(before[clause_start:cut], sentence_start + clause_start)
        return self._found(speaker, "medium") if speaker else None

    def _found(self, speaker: Speaker, confidence: str) -> Attribution:
        self.last = speaker
        return Attribution(speaker, confidence)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` starts: after the last full stop, semicolon or dash before it."""
    cut = max(text.rfind(". ", 0, at), text.rfind("; ", 0, at), text.rfind(" \u2014 ", 0, at))
    return cut + 2 if cut >= 0 else 0
