"""One page in, its sections' findings out: the pipeline that ties layout,
sentences, people, quotes and records together. Pure functions over text; the
database is not touched here."""

import datetime
import re
from dataclasses import dataclass, field

from .attribution import Attributor, Speaker
from .gazetteer import PARTIES, PARTY_RE, is_european, party_for
from .layout import Paragraph, Section, split_page
from .people import People, Person, scan_people
from .quotes import Quote, find_quotes
from .records import AgreementFinding, DialogueFinding, RecordFinder, all_parties
from .sentences import Sentence, split_sentences

DEFENCE_TERMS = re.compile(
    r"\b(defen[cs]e|military|security|armed forces|arms|weapons?|deterrence|NATO|troops|missiles?|"
    r"fighter|warships?|navy|naval|army|alliance)\b",
    re.I,
)
NOT_DEFENCE = re.compile(r"\b(social security|food security|job security|energy security)\b", re.I)


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
    person_sources: dict = field(default_factory=dict)  # person name -> the sentence that named them


def _mask(text: str, quotes: list[Quote], offset: int) -> str:
    """The paragraph with quoted words blanked out (same length, so offsets hold)."""
    chars = list(text)
    for q in quotes:
        for i in range(q.open_at - offset, min(q.close_at - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


INTERVIEW_TURN = re.compile(r"^(?P<who>Q|A|Question|Answer)\s*[:\u2014\u2013]\s+")


def _interview_turn(p: Paragraph) -> Quote | None:
    """An interview's 'Q: ...' or 'A: ...' line as a quote (a question's text is kept empty: nobody is quoted)."""
    m = INTERVIEW_TURN.match(p.text)
    if not m:
        return None
    body = p.text[m.end() :].rstrip()
    start = p.start + m.end()
    if m.group("who") in ("Q", "Question"):
        return Quote(start, start, "", p.start, p.end)
    return Quote(start, start + len(body), body, p.start, p.end)


def relevance(section: Section) -> str | None:
    """None when the section is about Japan–Europe defence and security; else why not."""
    text = " ".join([section.title, *(p.text for p in section.body)])
    parties = {party_for(m.group(1)) for m in PARTY_RE.finditer(text)}
    if "Japan" not in parties:
        return "not about Japan"
    if not any(is_european(p) for p in parties) and "Brussels" not in parties:
        return "no European partner named"
    terms = [m.group(0).lower() for m in DEFENCE_TERMS.finditer(NOT_DEFENCE.sub(" ", text))]
    if len(terms) < 2:
        return "not about defence or security"
    return None


def _brussels(section: Section) -> str:
    """Brussels stands for the EU or for NATO, whichever the article is about."""
    text = " ".join(p.text for p in section.body)
    eu = len(re.findall(r"\b(EU|European Union)\b", text))
    nato = len(re.findall(r"\bNATO\b", text))
    return "NATO" if nato > eu else "EU"


def analyse_section(section: Section, published: datetime.date | None) -> SectionFindings:
    reason = relevance(section)
    if section.index and not reason:
        # A teaser is a clipped excerpt of another page: never a source to cite. Import that article itself.
        reason = "a related-article teaser about Japan–Europe defence: import that article itself"
    elif section.index:
        reason = f"a related-article teaser, {reason}"
    if reason:
        return SectionFindings(section.index, section.title, relevant=False, skipped_reason=reason)

    title = Paragraph(section.title_start, section.title_start + len(section.title), section.title)
    paragraphs = [title, *section.body]
    interview = {id(p): q for p in paragraphs if (q := _interview_turn(p))}
    answers = {key for key, q in interview.items() if q.text}
    quotes = {id(p): [interview[id(p)]] if id(p) in interview else find_quotes(p.text, p.start) for p in paragraphs}
    masked = {id(p): _mask(p.text, quotes[id(p)], p.start) for p in paragraphs}

    people = People(" ".join(p.text for p in paragraphs))
    for p in paragraphs:
        scan_people(masked[id(p)], people)
    for caption in section.captions:
        scan_people(caption.text, people, caption=True)
    people.note_mentions([(masked[id(p)], p.start) for p in paragraphs])

    finder = RecordFinder(published, _brussels(section))
    sentences: dict[int, list[Sentence]] = {}
    for p in paragraphs:
        sentences[id(p)] = split_sentences(p.text, p.start)
        for s in sentences[id(p)]:
            finder.read(s, masked[id(p)][s.start - p.start : s.end - p.start])
    finder.finish()

    def parties_at(position: int) -> list[str]:
        dialogue, agreement = finder.context_at(position)
        for record in (dialogue, agreement):
            if record and len(record.parties) > 1:
                return record.parties
        return []

    attributor = Attributor(people, parties_at)
    statements = []
    interviewee = people.first_named()
    for before_p, p in zip(paragraphs, paragraphs[1:], strict=False):
        previous = None
        if id(p) in interview:  # an interview's answer is the interviewee's, quote marks or not; questions aren't
            if id(p) not in answers or interviewee is None:
                continue
            q = quotes[id(p)][0]
            sentence = Sentence(q.start, q.end, q.text)
            dialogue, agreement = _about(q, finder)
            statements.append(StatementFinding(Speaker(interviewee), q, sentence, "medium", dialogue, agreement))
            continue
        for q in quotes[id(p)]:
            # The quote's sentence, stretched over every sentence the quote runs through.
            spanned = [s for s in sentences[id(p)] if s.end > q.open_at and s.start < q.close_at]
            if not spanned:
                continue
            sentence = Sentence(
                spanned[0].start, spanned[-1].end, p.text[spanned[0].start - p.start : spanned[-1].end - p.start]
            )
            whole = not p.text[: q.open_at - p.start].strip()
            whole = whole and len(p.text[q.close_at - p.start :].strip(" .,'\"\u201d\u2019")) == 0
            found = attributor.attribute(
                q,
                p.text[sentence.start - p.start : sentence.end - p.start],
                sentence.start,
                p.start,
                whole,
                previous,
                introduced_by=before_p.text if before_p.text.rstrip().endswith(":") else "",
            )
            previous = q

            if found is None:
                continue
            dialogue, agreement = _about(q, finder)
            statements.append(StatementFinding(found.speaker, q, sentence, found.confidence, dialogue, agreement))

    records = [*finder.dialogues, *finder.agreements]
    organisations = all_parties(records)
    for person in people.people:
        if person.affiliation and person.affiliation not in organisations:
            organisations.append(person.affiliation)
    for st in statements:
        for party in st.speaker.parties:
            if party not in organisations:
                organisations.append(party)
    return SectionFindings(
        section.index,
        section.title,
        relevant=True,
        dialogues=finder.dialogues,
        agreements=finder.agreements,
        people=people.people,
        organisations=organisations,
        statements=statements,
    )


_DIALOGUE_WORDS = re.compile(r"\b(dialogue|talks|meetings?|forum|consultations?)\b", re.I)
_AGREEMENT_WORDS = re.compile(r"\b(agreement|pledge|partnership|treaty|pact|deal|programme|program)\b", re.I)


def _about(quote: Quote, finder: RecordFinder):
    """The dialogue or agreement a quote speaks of, when its words name one."""
    dialogue, agreement = finder.context_at(quote.open_at)
    if dialogue is None and finder.dialogues:
        dialogue = finder.dialogues[0]
    return (
        dialogue if _DIALOGUE_WORDS.search(quote.text) and dialogue in finder.dialogues else None,
        agreement if _AGREEMENT_WORDS.search(quote.text) else None,
    )


def analyse_page(text: str, published: datetime.date | None) -> list[SectionFindings]:
    return [analyse_section(section, published) for section in split_page(text)]


def organisation_kind(name: str) -> str:
    party = PARTIES.get(name)
    if party:
        return party.kind
    lowered = name.lower()
    if any(w in lowered for w in ("university", "institute", "center", "centre", "school", "college")):
        return "institute"
    return "company"
