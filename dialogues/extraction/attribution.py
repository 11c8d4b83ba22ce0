"""Who said each quote: the attribution around it ("..., Izawa said", "said
Sebastian Maslow", "he added", "according to ..."), a speech verb before a quoted
fragment ("with Rutte calling on ... 'outpace and outproduce'"), the speaker
earlier in the paragraph, or, for a paragraph that is all quote, the last speaker."""

import re
from dataclasses import dataclass

from .gazetteer import TITLE_HEADS, party_for
from .people import NAME, SPEECH_VERBS, People, Person
from .quotes import Quote, word_count

PRONOUNS = {"he", "she", "they"}
_JOINT = r"(?:the two sides|both sides|the two (?:countries|governments|leaders|partners)|the leaders)"
_PARTY = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
_PARTY_PAIR = rf"(?:both\s+)?(?:the\s+)?(?P<p1>{_PARTY})\s+and\s+(?:the\s+)?(?P<p2>{_PARTY})"
# "the minister added": a person named earlier, known by the title
_HEADS = "|".join(sorted((re.escape(h) for h in TITLE_HEADS), key=len, reverse=True))
_DESCRIBED = rf"[Tt]he\s+(?:[a-z-]+\s+){{0,2}}?(?P<desc>{_HEADS})"
_WHO = rf"(?P<who>\b(?:{_JOINT}|{_PARTY_PAIR}|{_DESCRIBED}|[Hh]e|[Ss]he|[Tt]hey|(?!(?i:{_HEADS})\b){NAME})\b)"
_APPOSITION = r"(?:,\s+[^,'\"\u201c\u201d]{1,120},)?"
_VERB = rf"(?:also\s+|later\s+|then\s+|has\s+|have\s+|had\s+)?(?:{SPEECH_VERBS})\b"
# A title may run before the name: "..., NATO Assistant Secretary General Ingrid Holm told reporters."
_TITLE_RUN = r"(?:(?:[A-Z][\w.'\u2019-]*|of|for|to|the|and|on)\s+){0,8}?"
AFTER = re.compile(rf"^[\s,.\u2014\u2013-]*{_TITLE_RUN}{_WHO}{_APPOSITION}\s+{_VERB}")
AFTER_INVERTED = re.compile(
    rf"^[\s,.\u2014\u2013-]*(?:said|says|added|adds|noted|notes|explained|according to)\s+{_TITLE_RUN}{_WHO}"
)
# "Müller put it bluntly:" closing the paragraph before a paragraph that is all quote
INTRODUCES = re.compile(rf"{_WHO}{_APPOSITION}[^.:!?]{{0,60}}:\s*$")
BEFORE = re.compile(rf"{_WHO}{_APPOSITION}\s+{_VERB}(?:\s+[\w,]+){{0,6}}?\s*[:,]?\s*$")
ACCORDING_BEFORE = re.compile(rf"\b[Aa]ccording to\s+{_WHO}\s*,\s*$")
FRAGMENT_VERBS = (
    rf"{SPEECH_VERBS}|call(?:ed|ing|s)?(?: on| for)?|describ(?:ed|ing|es)|reaffirm(?:ed|s)?|urg(?:ed|ing|es)"
    r"|described|termed|dubbed|labell?ed|hailed|praised|vowed|pledged|promised"
)
FRAGMENT_SPEAKER = re.compile(
    rf"{_WHO}{_APPOSITION}(?:\s+[\w-]+){{0,3}}?\s+(?:have\s+|has\s+|had\s+|also\s+)?(?:{FRAGMENT_VERBS})\b"
)


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
    def __init__(self, people: People, joint_parties):
        self.people = people
        self.joint_parties = joint_parties  # callable: position -> the parties under discussion there
        self.last: Speaker | None = None

    def _resolve(self, m: re.Match, position: int) -> Speaker | None:
        who = m.group("who")
        lowered = who.lower()
        if lowered in PRONOUNS:
            if lowered == "they":
                return None
            person = self.people.last_named_before(position)
            return Speaker(person) if person else None
        if re.fullmatch(_JOINT, lowered):
            parties = self.joint_parties(position)
            return Speaker(parties=tuple(parties)) if len(parties) > 1 else None
        if m.groupdict().get("desc"):
            person = self.people.last_with_role(m.group("desc"), position)
            return Speaker(person) if person else None
        if m.groupdict().get("p1"):
            pair = tuple(party_for(m.group(g).split()[-1]) or party_for(m.group(g)) for g in ("p1", "p2"))
            if all(pair):
                return Speaker(parties=tuple(sorted(set(pair), key=lambda p: (p != "Japan", pair.index(p)))))
            return None
        name = " ".join(w for w in who.split())
        if party_for(name):
            return Speaker(parties=(party_for(name),))
        person = self.people.find(name)
        if person is None and self.people.plausible(name):
            person = self.people.add(name)
        return Speaker(person) if person else None

    def attribute(
        self,
        quote: Quote,
        sentence_text: str,
        sentence_start: int,
        paragraph_start: int,
        whole_paragraph: bool,
        previous: Quote | None = None,
        introduced_by: str = "",
    ) -> Attribution | None:
        before = sentence_text[: quote.open_at - sentence_start]
        after = sentence_text[quote.close_at - sentence_start :]
        if previous is not None and previous.close_at > sentence_start:
            # '"We are not there yet," said Hiroshi Tanaka, director ..., "but the direction is clear."'
            between = sentence_text[previous.close_at - sentence_start : quote.open_at - sentence_start]
            m = AFTER_INVERTED.match(between) or AFTER.match(between)
            if m and between.rstrip().endswith(",") and (speaker := self._resolve(m, quote.open_at)):
                return Attribution(speaker, "high")
        fragment = bool(before.strip()) and not BEFORE.search(before) and word_count(quote.text) <= 12
        candidates = []
        if not fragment:
            candidates = [
                (AFTER.match(after), "high"),
                (AFTER_INVERTED.match(after), "high"),
                (BEFORE.search(before), "high"),
                (ACCORDING_BEFORE.search(before), "high"),
            ]
        else:
            found = list(FRAGMENT_SPEAKER.finditer(before))
            candidates = [(found[-1] if found else None, "medium"), (AFTER.match(after), "high")]
        for m, confidence in candidates:
            if m is None:
                continue
            speaker = self._resolve(m, quote.open_at)
            if speaker:
                if not fragment:
                    self.last = speaker
                return Attribution(speaker, confidence)
        if fragment:
            return None  # a quoted phrase with nobody clearly saying it
        if whole_paragraph and (m := INTRODUCES.search(introduced_by)) and (speaker := self._resolve(m, quote.open_at)):
            self.last = speaker
            return Attribution(speaker, "high")
        if self.last and (whole_paragraph or quote.open_at > paragraph_start):
            # A quote that runs on from the last speaker's words, as news style has it.
            return Attribution(self.last, "medium" if not whole_paragraph else "low")
        return None
