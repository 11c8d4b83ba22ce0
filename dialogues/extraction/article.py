"""One page in, its sections' findings out: the pipeline.

    zoning       the page's lines sorted into headline, body, quote blocks, turns, passages and sections
    people       every person with all their mentions (names, surnames, titles alone, pronouns)
    records      every dialogue and agreement with all its mentions, status, time, venue
    attribution  who said each quote, from the mentions around it
    scope        only Japan–Europe records, and the people and statements that belong with them

Pure functions over text; the database is not touched here.
"""

import datetime
import re
from dataclasses import dataclass, field, replace

from .attribution import Attributor, Speaker
from .gazetteer import (
    COMPANY_RE,
    GROUP_RE,
    GROUPS,
    MEMBERS_AFTER,
    PARTIES,
    PARTY_RE,
    PLACE_BEFORE,
    as_place,
    company_country,
    is_european,
    party_for,
)
from .people import MEDIA_ROLES, People, Person, complete_names, find_mentions, find_people, infer_sides, normal_name
from .quotes import Quote, find_quotes
from .records import AgreementFinding, DialogueFinding, RecordFinder, all_parties, in_scope, order_parties
from .sentences import Sentence, split_sentences
from .zoning import Block, Section, split_page

DEFENCE_TERMS = re.compile(
    r"\b(defen[cs]e|military|security|armed forces|arms|weapons?|deterrence|NATO|troops|missiles?|fighter|"
    r"warships?|frigates?|navy|naval|army|alliance|reciprocal access|cross-servicing|munitions|ammunition|"
    r"GCAP|Self-Defen[cs]e Forces?)\b",
    re.I,
)
NOT_DEFENCE = re.compile(r"\b(social security|food security|job security|energy security)\b", re.I)
# A quote this short is a name or a scare-quoted term ("2+2", "Exceptional Partnership"), read as text.
SHORT_QUOTE_WORDS = 4


@dataclass
class StatementFinding:
    speaker: Speaker
    quote: Quote
    sentence: Sentence
    confidence: str
    dialogue: DialogueFinding | None = None
    agreement: AgreementFinding | None = None


@dataclass
class SectionFindings:
    index: int
    title: str
    relevant: bool
    skipped_reason: str | None = None
    dialogues: list[DialogueFinding] = field(default_factory=list)
    agreements: list[AgreementFinding] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    statements: list[StatementFinding] = field(default_factory=list)


@dataclass
class Unit:
    """One block of a section, read: its sentences, its quotes, and its text with quotations blanked."""

    block: Block
    sentences: list[Sentence]
    quotes: list[Quote]
    masked: str  # every quotation blanked (for people)
    text_masked: str  # only long quotations blanked (for records: '"2+2"' stays)
    relevant: bool = True


def _mask(text: str, quotes: list[Quote], offset: int, keep_short: bool) -> str:
    """The text with quotations blanked (same length, so offsets hold). With `keep_short`, names stay: a short
    quoted term ('"2+2"') or a document's title in quotation marks ('"Agreement between ... concerning ..."')."""
    chars = list(text)
    for q in quotes:
        if keep_short and (len(q.text.split()) <= SHORT_QUOTE_WORDS or _title_case(q.text)):
            continue
        for i in range(max(q.open_at - offset, 0), min(q.close_at - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in ("of", "the", "and", "for", "on", "between", "concerning")]
    return bool(words) and sum(1 for w in words if w[:1].isupper()) >= 0.8 * len(words)


def _read_block(block: Block) -> Unit:
    quotes = [] if block.kind in ("answer", "question") else find_quotes(block.text, block.start)
    return Unit(
        block,
        split_sentences(block.text, block.start),
        quotes,
        _mask(block.text, quotes, block.start, keep_short=False),
        _mask(block.text, quotes, block.start, keep_short=True),
    )


def _parties(text: str) -> set[str]:
    found = {party_for(m.group(1)) for m in PARTY_RE.finditer(text)}
    found |= {p for m in GROUP_RE.finditer(text) for p in GROUPS[m.group(1)]}
    found |= {company_country(m.group(1)) for m in COMPANY_RE.finditer(text)}
    return {p for p in found if p in PARTIES}


def _about_japan(text: str) -> bool:
    """A passage of a Japan–Europe section (a live blog's entry) is ours when it speaks of Japan."""
    return "Japan" in _parties(text)


def relevance(section: Section) -> str | None:
    """None when the section is about Japan–Europe defence and security; else why not."""
    text = " ".join([section.title, *(b.text for b in section.body)])
    parties = _parties(text)
    if "Japan" not in parties:
        return "not about Japan"
    if not any(PARTIES[p].region == "europe" for p in parties) and "Brussels" not in text:
        return "no European partner named"
    if not DEFENCE_TERMS.search(NOT_DEFENCE.sub(" ", text)):
        return "not about defence or security"
    return None


class Context:
    """What the records ask of the people and parties of a section: who is named where, and on which side."""

    def __init__(self, text: str, people: People, section_text: str, venue: str = "", headings=()):
        self.text = text
        self.people = people
        self.venue = venue  # where the page's own event took place ('Venue: ...' in its head)
        # (start, party or None) of each heading: a list under 'ITALY' is Italy's
        self.headings: list[tuple[int, str | None]] = list(headings)
        counts: dict[str, int] = {}
        for m in PARTY_RE.finditer(section_text):
            party = party_for(m.group(1))
            if party in PARTIES and PARTIES[party].region == "europe":
                counts[party] = counts.get(party, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        clear = ranked and (len(ranked) == 1 or ranked[1][1] * 2 <= ranked[0][1])
        self.partner = ranked[0][0] if clear else None
        self.brussels = "NATO" if counts.get("NATO", 0) > counts.get("EU", 0) else "EU"

    def pair(self) -> list[str]:
        return ["Japan", self.partner] if self.partner else []

    def heading_party(self, position: int) -> str | None:
        """The party the heading over `position` names by itself ('ITALY', 'European Union'), if any."""
        above = [party for start, party in self.headings if start <= position]
        return above[-1] if above else None

    def is_party_word(self, word: str) -> bool:
        bare = re.sub(r"['\u2019]s$", "", word.strip("\"'\u201c\u201d()"))
        parts = re.split(r"[-\u2010\u2011\u2013\u2014/]", bare)
        return bool(bare) and all(party_for(p) or p in ("Brussels",) for p in parts if p)

    def parties_in(self, start: int, end: int) -> list[str]:
        """Parties a stretch of the page names, by name, by group, by the side of a person named in it."""
        text = self.text[start:end]
        found: list[tuple[int, str]] = []
        for m in PARTY_RE.finditer(text):
            if MEMBERS_AFTER.match(text[m.end() :]) or as_place(self.text, _shift(m, start)):
                continue
            party = party_for(m.group(1))
            if party == "Brussels":
                party = self.brussels
            if party in PARTIES:
                found.append((m.start(), party))
        for m in re.finditer(r"\bBrussels\b", text):
            if not PLACE_BEFORE.search(self.text[max(0, start + m.start() - 25) : start + m.start()]):
                found.append((m.start(), self.brussels))
        for m in GROUP_RE.finditer(text):
            found += [(m.start(), p) for p in GROUPS[m.group(1)]]
        if "NATO" in self.text and (m := re.search(r"\bthe (?:[Aa]lliance|[Aa]llies)\b", text)):
            found.append((m.start(), "NATO"))
        if m := re.search(r"\bthe bloc\b", text):
            found.append((m.start(), "EU"))
        partners = re.search(r"\bthe (?:four|three|other) (?:Indo-Pacific )?partners\b", text)
        if partners and GROUP_RE.search(self.text[:start]):  # 'the four partners' named as a group before
            found += [(partners.start(), p) for p in GROUPS["IP4"]]
        for mention in self.people.mentions:
            if start <= mention.start < end:
                side = _side(mention.person)
                if side:
                    found.append((mention.start - start, side))
        return order_parties(p for _, p in sorted(found))

    def sides_in(self, start: int, end: int, subject: bool = False) -> list[str]:
        return self.parties_in(start, end)

    def people_in(self, start: int, end: int) -> list[Person]:
        return [m.person for m in self.people.mentions if start <= m.start < end]

    def people_names(self, start: int, end: int) -> list[str]:
        names = [p.name for p in self.people_in(start, end) if p.described]
        return list(dict.fromkeys(names))


class _shift:
    """A match of a slice, seen at its place in the whole page."""

    def __init__(self, m: re.Match, offset: int):
        self._m, self._offset = m, offset

    def group(self, n=0):
        return self._m.group(n)

    def start(self, n=0):
        return self._m.start(n) + self._offset


def _side(person: Person) -> str:
    if person.affiliation in PARTIES:
        return person.affiliation
    if person.country in PARTIES:
        return person.country
    return company_country(person.affiliation) or ""


def _interviewee(section: Section, people: People) -> Person | None:
    """Who answers an interview's 'A:' turns: the speaker its head names, else the one its headline names."""
    for block in section.blocks:
        if block.kind == "meta" and block.label in ("speaker", "speakers"):
            person = people.at(block.start, block.end)
            if person:
                return person
    head = [m.person for m in people.mentions if m.start < (section.blocks[0].start if section.blocks else 0)]
    return head[0] if head else people.first_named()


def _author(section: Section, body: list[Unit], people: People) -> Person | None:
    """Who says 'I' in the section: a speech's speaker, or the byline's writer of a piece told in the first
    person (an opinion piece), not a reporter's byline over a news story."""
    speech = next((b for b in section.blocks if b.kind == "meta" and b.label == "speaker"), None)
    byline = next((b for b in section.blocks if b.kind == "meta" and b.label == "byline"), None)
    told = " ".join(_slice(u, s) for u in body if u.block.kind == "body" for s in u.sentences)
    first_person = len(re.findall(r"\b(?:I|my|me)\b", told))
    line = speech or (byline if first_person >= 3 else None)
    if line is None:
        return None
    person = _label_person(line.text, people, line.start)
    if person is not None:
        person.described = True
    return person


def _label_person(label: str, people: People, offset: int) -> Person | None:
    """A turn's label: 'Roberto Cingolani', 'MINISTER KIHARA', 'Ms Lindqvist (Defence Minister)'."""
    name = re.sub(r"\s*\(.*\)$", "", label).strip()
    if not name or re.fullmatch(r"(?i)q|a|question|answer", name):
        return None
    words = name.split()
    if all(w.isupper() for w in words if w.isalpha()):
        name = " ".join(w.title() for w in words)
    before = len(people.people)
    find_people(people, f"{name} said", offset)
    person = people.find(name) or people.find(name.split()[-1])
    if person is None and len(people.people) > before:
        person = people.people[-1]
    if person is None and len(words) >= 2 and not any(w.lower() in ("anchor", "reporter", "host") for w in words):
        person = people.add(normal_name(name.split())[0].split())
        person.described = True
    return person


def analyse_section(section: Section, published: datetime.date | None, page: str) -> SectionFindings:
    reason = relevance(section)
    if section.teaser:
        reason = (
            "a related-article teaser about Japan–Europe defence: import that article itself"
            if not reason
            else f"a related-article teaser, {reason}"
        )
    elif section.meta.get("roundup-intro"):
        reason = "the round-up's introduction"
    if reason:
        return SectionFindings(section.index, section.title, relevant=False, skipped_reason=reason)

    units = [_read_block(b) for b in section.blocks]
    passages = {u.block.passage for u in units}
    body = [u for u in units if u.block.kind not in ("caption",)]

    # people: who is named, with what; then every later mention of them
    people = People()
    title_sentences = split_sentences(section.title, section.title_start)
    title_quotes = find_quotes(section.title, section.title_start)
    title_masked = _mask(section.title, title_quotes, section.title_start, keep_short=False)
    for s in title_sentences:
        find_people(people, title_masked[s.start - section.title_start : s.end - section.title_start], s.start)
    for u in body:
        if u.block.kind == "question":
            continue  # a question names who it asks about; the answers and the story say who they are
        for s in u.sentences:
            find_people(people, _slice(u, s), s.start)
    complete_names(people, [(_slice(u, s), s.start) for u in body for s in u.sentences])
    people.speaker = _author(section, body, people)
    labels = {}
    for u in body:
        if u.block.kind == "answer" and u.block.label not in ("A", "Q"):
            labels[id(u)] = _label_person(u.block.label, people, u.block.start)
    for u in units:
        if u.block.kind == "caption":
            for s in u.sentences:
                find_people(people, _slice(u, s), s.start, caption=True)
    for s in title_sentences:
        find_mentions(people, title_masked[s.start - section.title_start : s.end - section.title_start], s.start)
    floors = {}
    if len(passages) > 1:
        for u in units:
            floors.setdefault(u.block.passage, u.block.start)
    for u in body:
        for s in u.sentences:
            find_mentions(people, _slice(u, s), s.start, floors.get(u.block.passage, 0))
    infer_sides(people, [(_slice(u, s), s.start) for u in body for s in u.sentences])
    if len(passages) > 1:  # a live blog's entries: only those about Japan, by name or by a Japanese official
        for passage in passages:
            members = [u for u in units if u.block.passage == passage]
            spans = [(u.block.start, u.block.end) for u in members]
            keep = _about_japan(" ".join(u.block.text for u in members)) or any(
                m.person.affiliation == "Japan" and any(a <= m.start < b for a, b in spans) for m in people.mentions
            )
            for u in members:
                u.relevant = keep
    context = Context(
        page,
        people,
        " ".join([section.title, *(u.block.text for u in body if u.relevant)]),
        section.meta.get("venue", ""),
        [(u.block.start, _party_heading(u.block.text)) for u in body if u.block.kind == "heading"],
    )
    _sides_from_pair(people, context)

    # records: the headline first (the body may call its record just "the talks"), then the body
    finder = RecordFinder(published, context)
    title_text = _mask(section.title, title_quotes, section.title_start, keep_short=True)
    for s in title_sentences:
        finder.read(s, title_text[s.start - section.title_start : s.end - section.title_start], title=True)
    for u in body:
        if not u.relevant or u.block.kind in ("question", "meta"):
            continue
        finder.new_paragraph()
        for s in u.sentences:
            finder.read(s, _slice(u, s, records=True))
    finder.finish()

    statements = _statements(section, units, people, finder, labels)
    return _in_scope(section, people, finder, statements, units)


def _slice(unit: Unit, s: Sentence, records: bool = False) -> str:
    text = unit.text_masked if records else unit.masked
    return text[s.start - unit.block.start : s.end - unit.block.start]


def _sides_from_pair(people: People, context: Context):
    """In a bilateral section, an official with no side named: Japanese by name, else the partner."""
    if not context.partner:
        return
    from .people import _government
    from .roles import japanese_name

    for person in people.people:
        if not person.affiliation and person.role and _government(person.role):
            side = "Japan" if japanese_name(person.name) else context.partner
            person.affiliation = side
            person.country = side if PARTIES[side].kind == "government" else ""


def _party_heading(text: str) -> str | None:
    """'ITALY', 'European Union', 'Britain:': a heading that is a party's name and nothing else."""
    bare = text.strip(" :*#")
    for name in (bare, bare.title()):
        party = party_for(name) if PARTY_RE.fullmatch(name) else None
        if party in PARTIES:
            return party
    return None


def _statements(section, units, people: People, finder: RecordFinder, labels) -> list[StatementFinding]:
    speech = next((b for b in section.blocks if b.kind == "meta" and b.label in ("speaker", "speakers")), None)
    default = people.at(speech.start, speech.end) if speech else None

    kept = {id(r) for r in [*finder.dialogues, *finder.agreements]}

    def joint_parties(position):
        """'the two sides said': the sides of the Japan–Europe record under discussion, else the article's pair."""
        dialogue, agreement = finder.context_at(position)
        for record in (dialogue, agreement):
            if record and id(record) in kept and len(record.parties) > 1:
                return record.parties
        return finder.context.pair()

    attributor = Attributor(people, joint_parties, default)
    interviewee = _interviewee(section, people)
    statements: list[StatementFinding] = []
    previous: Speaker | None = None  # the last speaker, for a quote that runs on into the next paragraph
    for i, u in enumerate(units):
        block = u.block
        if not u.relevant or block.kind in ("question", "caption", "meta", "heading", "speaker"):
            if block.kind != "speaker":
                previous = None if block.kind in ("question", "heading") else previous
            continue
        if block.kind == "answer":
            person = labels.get(id(u)) if block.label != "A" else interviewee
            if person is None or not block.text.strip():
                previous = None
                continue
            quote = Quote(block.start, block.end, block.text, block.start, block.end)
            sentence = Sentence(block.start, block.end, block.text)
            statements.append(_finding(Speaker(person), quote, sentence, "medium", finder))
            previous = None
            continue
        whole = block.kind == "quote"
        after_block = None
        if whole and i + 1 < len(units) and units[i + 1].block.kind == "speaker":
            line = units[i + 1].block
            person = people.at(line.start, line.end)
            after_block = Speaker(person) if person else None
        introduced = None
        if whole and i and units[i - 1].block.text.rstrip().endswith(":"):
            introduced = (units[i - 1].block.text, units[i - 1].block.start)
        run_on = (
            previous
            if whole
            and i
            and units[i - 1].block.kind in ("quote", "body")
            and (units[i - 1].quotes and _ends_with_quote(units[i - 1]))
            else None
        )
        last_in_block: Speaker | None = None
        for q in u.quotes:
            if len(q.text.split()) < 1:
                continue
            spanned = [s for s in u.sentences if s.end > q.open_at and s.start < q.close_at]
            if not spanned:
                continue
            sentence = Sentence(
                spanned[0].start,
                spanned[-1].end,
                block.text[spanned[0].start - block.start : spanned[-1].end - block.start],
            )
            found = attributor.attribute(
                q,
                sentence.text,
                sentence.start,
                whole_paragraph=whole,
                introduced_by=introduced,
                after_block=after_block,
                previous=last_in_block or run_on,
            )
            if found is None:
                continue
            named_as = len(q.text.split()) <= 3 and _NAMED_AS.search(block.text[: q.open_at - block.start])
            if not whole and (_a_name(q.text, found) or named_as):
                continue  # a scare-quoted term, a document's title or 'a "2+2"' is no statement
            last_in_block = found.speaker
            statements.append(_finding(found.speaker, q, sentence, found.confidence, finder))
        previous = last_in_block or (previous if whole else None)
    return statements


# Words before a quotation that make it a name: 'a "2+2"', 'the so-called "3+1" format', 'known as "Nippon Skies"'.
_NAMED_AS = re.compile(
    r"(?i)\b(?:a|an|the|their|its|our|first|second|new|so-called|dubbed|called|named|titled|known as|termed)\s*$"
)


def _a_name(text: str, found) -> bool:
    """A short quote with no person clearly saying it, or a Title Case quote ('New Plan for a Free and Open
    Indo-Pacific'): a term or a title, not words someone said."""
    words = text.split()
    if len(words) <= SHORT_QUOTE_WORDS and (found.confidence != "high" or found.speaker.person is None):
        return True
    capitalised = [w for w in words if w[:1].isupper()]
    if len(words) <= 6 and len(capitalised) >= 0.6 * len(words):
        return True  # 'Free and Open Indo-Pacific.'
    return len(words) <= 12 and len(capitalised) >= 0.6 * len(words) and not re.search(r"[.!?,]\W*$", text)


def _ends_with_quote(unit: Unit) -> bool:
    last = unit.quotes[-1]
    tail = unit.block.text[last.close_at - unit.block.start :]
    return len(tail.strip(" .,'\"\u201d\u2019")) < 40


_DIALOGUE_WORDS = re.compile(r"\b(dialogue|talks|meetings?|forum|consultations?|cooperation|partners?)\b", re.I)
_AGREEMENT_WORDS = re.compile(r"\b(agreement|pledge|partnership|treaty|pact|deal|programme|program|accord)\b", re.I)


def _finding(speaker: Speaker, quote: Quote, sentence: Sentence, confidence: str, finder: RecordFinder):
    dialogue, agreement = finder.context_at(quote.open_at)
    dialogue = dialogue if dialogue in finder.dialogues else None
    agreement = agreement if agreement in finder.agreements and _AGREEMENT_WORDS.search(quote.text) else None
    return StatementFinding(speaker, quote, sentence, confidence, dialogue, agreement)


def _names_europe(text: str) -> bool:
    return any(is_european(party_for(m.group(1)) or "") for m in PARTY_RE.finditer(text))


def _names_other_track(text: str) -> bool:
    """Does the paragraph name a party that is neither Japan nor European (the US, Korea, Australia ...)?"""
    parties = {party_for(m.group(1)) for m in PARTY_RE.finditer(text)}
    return any(p in PARTIES and p != "Japan" and not is_european(p) for p in parties)


def _person_in_scope(person: Person) -> bool | None:
    """True for Japan's and Europe's people, False for others', None when the text does not say."""
    side = _side(person)
    if side:
        return side == "Japan" or PARTIES[side].region == "europe"
    return None


def _in_scope(section, people: People, finder: RecordFinder, statements, units) -> SectionFindings:
    """Only records of Japan and a European party; only the people and statements that belong with them."""
    # A paragraph about another track ('Japan-U.S. two-plus-two talks', with no European party and none of
    # the records in it) does not make its people the tracker's.
    record_sentences = [s.start for r in [*finder.dialogues, *finder.agreements] for s in r.mentions]
    linked_spans = [
        (u.block.start, u.block.end)
        for u in units
        if u.relevant
        and (
            not _names_other_track(u.block.text)
            or _names_europe(u.block.text)
            or any(u.block.start <= a < u.block.end for a in record_sentences)
        )
    ]

    def named_in_relevant(person: Person) -> bool:
        return any(m.person is person and any(s <= m.start < e for s, e in linked_spans) for m in people.mentions) or (
            person is people.speaker
        )

    kept_people = []
    for person in people.people:
        if not person.described or not named_in_relevant(person) or MEDIA_ROLES.search(person.role):
            continue
        verdict = _person_in_scope(person)
        if verdict is False:
            continue
        kept_people.append(person)
    kept_ids = {id(p) for p in kept_people}
    kept_statements = []
    for st in statements:
        if st.speaker.person is not None:
            if id(st.speaker.person) not in kept_ids:
                continue
        elif not all(p == "Japan" or PARTIES.get(p) and PARTIES[p].region == "europe" for p in st.speaker.parties):
            continue
        kept_statements.append(_with_dialogue(st, finder.dialogues))
    records = [*finder.dialogues, *finder.agreements]
    organisations = all_parties(records)
    for person in kept_people:
        if person.affiliation and person.affiliation not in organisations:
            organisations.append(person.affiliation)
    for st in kept_statements:
        for party in st.speaker.parties:
            if party not in organisations:
                organisations.append(party)
    text = " ".join(u.block.text for u in units if u.relevant)
    for m in COMPANY_RE.finditer(text):
        country = company_country(m.group(1))
        if (country == "Japan" or PARTIES[country].region == "europe") and m.group(1) not in organisations:
            organisations.append(m.group(1))
    return SectionFindings(
        section.index,
        section.title,
        relevant=True,
        dialogues=finder.dialogues,
        agreements=finder.agreements,
        people=kept_people,
        organisations=organisations,
        statements=kept_statements,
    )


def _with_dialogue(statement: StatementFinding, dialogues: list) -> StatementFinding:
    """A quote about no record in particular, by a participant of the one dialogue of its section that
    they take part in, belongs to that dialogue (an ambassador speaking in an article about the talks)."""
    if statement.dialogue or statement.agreement:
        return statement
    person = statement.speaker.person
    sides = {person.affiliation, person.country} if person else set(statement.speaker.parties)
    theirs = [d for d in dialogues if sides & set(d.parties)]
    return replace(statement, dialogue=theirs[0]) if len(theirs) == 1 else statement


def analyse_page(text: str, published: datetime.date | None) -> list[SectionFindings]:
    return [analyse_section(section, published, text) for section in split_page(text)]


def organisation_kind(name: str) -> str:
    party = PARTIES.get(name)
    if party:
        return party.kind
    lowered = name.lower()
    if any(w in lowered for w in ("university", "institute", "center", "centre", "school", "college")):
        return "institute"
    return "company"


__all__ = ["analyse_page", "SectionFindings", "StatementFinding", "organisation_kind", "in_scope", "order_parties"]
