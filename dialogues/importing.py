"""Import article files into the records, with a source for every fact.

    read_page (bytes -> text) -> analyse_page (text -> findings) -> save_findings (findings -> records)

Each file is one transaction: a file that fails leaves nothing behind. A field an
editor has set is never overwritten (it is reported as left alone); a field set by
an earlier article changes only on the word of an article at least as recent. The
same file imported twice changes nothing. With `dry_run`, everything runs and is
rolled back, so the preview shows exactly what an import would do.
"""

import datetime
import re
import time
from dataclasses import dataclass, field

from django.db import IntegrityError, OperationalError, transaction

from .extraction.article import SectionFindings, analyse_page, organisation_kind
from .extraction.gazetteer import PARTIES, Party
from .extraction.reading import Page, UnreadableFile, read_page
from .extraction.records import AgreementFinding, DialogueFinding, Evidence
from .extraction.report import section_report
from .extraction.sentences import Sentence
from .models import (
    Agreement,
    Article,
    Dialogue,
    Origin,
    Participant,
    ParticipantAlias,
    Source,
    Statement,
    Topic,
    log_status_change,
    normalise_alias,
)


@dataclass
class ArticleMeta:
    published: datetime.date | None = None
    outlet: str = ""
    url: str = ""


@dataclass
class FileOutcome:
    source: str
    sections: list[dict] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    left_alone: list[str] = field(default_factory=list)
    unchanged: int = 0
    error: str | None = None
    note: str | None = None

    @property
    def status(self) -> str:
        if self.error:
            return "failed"
        if not any(s["relevant"] for s in self.sections):
            return "skipped"
        return "imported" if self.created or self.changed else "unchanged"

    def as_report(self) -> dict:
        return {
            "source": self.source,
            "status": self.status,
            "created": self.created,
            "changed": self.changed,
            "left_alone": self.left_alone,
            "unchanged": self.unchanged,
            "skipped": [
                {"section": s["section"], "title": s["title"], "reason": s["skipped_reason"]}
                for s in self.sections
                if not s["relevant"]
            ],
            "note": self.note,
            "error": self.error,
        }


class _Rollback(Exception):
    """Raised to undo a dry run's writes once its outcome is known."""


def import_file(data: bytes, name: str, meta: ArticleMeta, *, dry_run: bool = False) -> FileOutcome:
    """Import one file in one transaction; never raises for bad input (the outcome says what went wrong)."""
    outcome = FileOutcome(name)
    try:
        page = read_page(data, name)
    except UnreadableFile as exc:
        outcome.error = str(exc)
        return outcome
    outcome.note = page.note
    findings = analyse_page(page.text, meta.published)
    outcome.sections = [section_report(f, name, meta.published) for f in findings]
    attempts = 5
    for attempt in range(attempts):
        result = FileOutcome(name, outcome.sections, note=page.note)
        try:
            with transaction.atomic():
                _Saver(page, name, meta, result).save(findings)
                if dry_run:
                    raise _Rollback
        except _Rollback:
            pass
        except (IntegrityError, OperationalError) as exc:
            # Another import wrote the same record at the same moment: start this file again.
            if attempt == attempts - 1:
                result.error = f"could not be saved: {exc}"
                return result
            time.sleep(0.05 * 2**attempt)
            continue
        return result
    return outcome


HEAD_WORDS = {
    "dialogue",
    "talks",
    "forum",
    "consultation",
    "pledge",
    "partnership",
    "agreement",
    "treaty",
    "pact",
    "accord",
    "deal",
    "program",
    "initiative",
    "arrangement",
}


def _name_key(name: str) -> frozenset[str]:
    """The content words of a record's name, spelling-normalised, for matching across articles."""
    text = name.lower().replace("defense", "defence").replace("programme", "program")
    text = re.sub(r"industr\w*", "industry", text)
    words = set(re.findall(r"[a-z0-9%.]+", text))
    stop = {"the", "and", "of", "on", "for", "a", "an", "new", "s", "by", "joint"} | HEAD_WORDS
    return frozenset(words - stop - {p.lower() for p in PARTIES})


def _same_subject(a: str, b: str) -> bool:
    """'Japan–NATO defense-industrial talks' and 'Japan–NATO Defence Industry Dialogue' are one dialogue."""
    ka, kb = _name_key(a), _name_key(b)
    return ka == kb or (bool(ka) and bool(kb) and (ka <= kb or kb <= ka))


@dataclass
class _Saver:
    page: Page
    source_name: str
    meta: ArticleMeta
    outcome: FileOutcome
    article: Article | None = None
    fresh: set = field(default_factory=set)  # records this file created: their first values are no "change"

    # -- entry ------------------------------------------------------------
    def save(self, findings: list[SectionFindings]):
        relevant = [f for f in findings if f.relevant]
        if not relevant:
            return
        self.article = self._article(relevant[0].title)
        for section in relevant:
            dialogues = {id(d): self._dialogue(d) for d in section.dialogues}
            agreements = {id(a): self._agreement(a) for a in section.agreements}
            for d in section.dialogues:
                dialogue = dialogues[id(d)]
                linked = [agreements[id(a)] for a in section.agreements if set(a.parties) == set(d.parties)]
                if linked:
                    dialogue.agreements.add(*linked)
            for person in section.people:
                self._person(person)
            for statement in section.statements:
                self._statement(statement, dialogues, agreements)

    # -- records ----------------------------------------------------------
    def _article(self, title: str) -> Article:
        article = Article.objects.filter(checksum=self.page.checksum).first()
        if article:
            return article
        self.outcome.created.append(f"article: {title}")
        return Article.objects.create(
            title=(self.page.title or title)[:500],
            outlet=self.meta.outlet,
            url=self.meta.url,
            published=self.meta.published,
            text=self.page.text,
            checksum=self.page.checksum,
            source_name=self.source_name[:500],
        )

    def _party(self, name: str) -> Participant:
        party = PARTIES.get(name) or Party(name, organisation_kind(name), "other", name)
        found = Participant.objects.filter(aliases__alias=normalise_alias(name)).first()
        if found:
            return found
        participant = Participant.objects.create(name=name, kind=party.kind, region=party.region)
        if party.full_name and party.full_name != name:
            ParticipantAlias.objects.get_or_create(
                alias=normalise_alias(party.full_name), defaults={"participant": participant}
            )
        self.outcome.created.append(f"participant: {name}")
        return participant

    def _joint(self, parties: tuple[str, ...]) -> Participant:
        name = "\u2013".join(parties) + " (joint)"
        found = Participant.objects.filter(aliases__alias=normalise_alias(name)).first()
        if found:
            return found
        self.outcome.created.append(f"participant: {name}")
        return Participant.objects.create(name=name, kind=Participant.Kind.JOINT)

    def _person(self, person) -> Participant:
        aliases = [normalise_alias(a) for a in [person.name, *sorted(person.aliases, key=len, reverse=True)]]
        found = None
        for alias in aliases:
            found = Participant.objects.filter(aliases__alias=alias, kind=Participant.Kind.PERSON).first()
            if found:
                break
        if found is None:
            found = Participant.objects.create(name=person.name, kind=Participant.Kind.PERSON)
            self.fresh.add(("participant", found.pk))
            self.outcome.created.append(f"participant: {person.name}")
        elif " " in person.name and " " not in found.name and not self._editor_set(found, "name"):
            found.name = person.name  # "Kallas" becomes "Kaja Kallas"
            found.save(update_fields=["name", "updated_at"])
        for alias in aliases:
            ParticipantAlias.objects.get_or_create(alias=alias, defaults={"participant": found})
        sentence = self._sentence_for(person.name)
        if person.role:
            self._set(found, "role", person.role, sentence)
        if person.country:
            self._set(found, "country", person.country, sentence)
        if person.affiliation:
            self._set(found, "affiliation", self._party(person.affiliation), sentence)
        return found

    def _sentence_for(self, name: str) -> Evidence | None:
        """The first sentence of the article that names `name` (its evidence)."""
        text = self.page.text
        at = text.find(name)
        if at < 0:
            at = text.find(name.split()[-1])
        if at < 0:
            return None
        start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1, 0)
        end_candidates = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
        end = min(end_candidates) + 1 if end_candidates else len(text)
        return Evidence(None, Sentence(start, end, text[start:end].strip()), "medium")

    def _match(self, model, parties: list[str], name: str):
        candidates = model.objects.prefetch_related("parties")
        by_name = candidates.filter(name__iexact=name).first()
        if by_name:
            return by_name
        for record in candidates.filter(parties__name__in=parties).distinct():
            if {p.name for p in record.parties.all()} == set(parties) and _same_subject(name, record.name):
                return record
        return None

    def _dialogue(self, finding: DialogueFinding) -> Dialogue:
        dialogue = self._match(Dialogue, finding.parties, finding.name)
        if dialogue is None:
            dialogue = Dialogue.objects.create(name=finding.name[:300])
            self.fresh.add(("dialogue", dialogue.pk))
            self.outcome.created.append(f"dialogue: {dialogue.name}")
        self._record_common(dialogue, finding)
        for field_name, evidence in (("venue", finding.venue), ("format", finding.format)):
            if evidence:
                self._set(dialogue, field_name, evidence.value[:300], evidence)
        if finding.topics:
            for topic_name in finding.topics.value:
                topic, _ = Topic.objects.get_or_create(name=topic_name[:100].lower())
                dialogue.topics.add(topic)
            self._source(dialogue, "topics", ", ".join(finding.topics.value), finding.topics)
        return dialogue

    def _agreement(self, finding: AgreementFinding) -> Agreement:
        agreement = self._match(Agreement, finding.parties, finding.name)
        if agreement is None:
            agreement = Agreement.objects.create(name=finding.name[:300], kind=finding.kind)
            self.fresh.add(("agreement", agreement.pk))
            self.outcome.created.append(f"agreement: {agreement.name}")
        self._record_common(agreement, finding)
        return agreement

    def _record_common(self, record, finding):
        """Parties, status and the time window: the facts dialogues and agreements share."""
        parties = [self._party(p) for p in finding.parties]
        record.parties.add(*parties)
        self._source(record, "parties", ", ".join(finding.parties), Evidence(None, finding.mentions[0]))
        if finding.status:
            self._set(record, "status", finding.status.value, finding.status)
        if finding.when:
            when = finding.when.value
            prefix = "expected" if isinstance(record, Dialogue) else "date"
            text_field = f"{prefix}_text"
            earliest, latest = getattr(record, f"{prefix}_earliest"), getattr(record, f"{prefix}_latest")
            if earliest and when.earliest and when.earliest <= earliest and latest <= when.latest:
                # "last year" after "last November": the vaguer words agree, they do not correct
                self._source(record, text_field, when.text, finding.when)
                self.outcome.unchanged += 1
                return
            self._set(
                record,
                text_field,
                when.text,
                finding.when,
                also={f"{prefix}_earliest": when.earliest, f"{prefix}_latest": when.latest},
            )

    def _statement(self, finding, dialogues, agreements):
        speaker = finding.speaker
        if speaker.person:
            participant = self._person(speaker.person)
        elif len(speaker.parties) == 1:
            participant = self._party(speaker.parties[0])
        else:
            participant = self._joint(speaker.parties)
        statement, created = Statement.objects.get_or_create(
            article=self.article,
            span_start=finding.quote.start,
            span_end=finding.quote.end,
            defaults={
                "text": finding.quote.text,
                "speaker": participant,
                "said_on": self.meta.published,
                "dialogue": dialogues.get(id(finding.dialogue)),
                "agreement": agreements.get(id(finding.agreement)),
            },
        )
        if created:
            self.outcome.created.append(f"statement: {participant.name}: {finding.quote.text[:60]}")
        else:
            self.outcome.unchanged += 1
        self._source(statement, "speaker", participant.name, Evidence(None, finding.sentence, finding.confidence))

    # -- facts and their sources -------------------------------------------
    def _editor_set(self, record, field_name: str) -> bool:
        return record.sources.filter(field=field_name, origin=Origin.EDITOR).exists()

    def _source(self, record, field_name: str, value, evidence: Evidence | None) -> Source | None:
        if evidence is None:
            return None
        sentence = evidence.sentence
        source, _ = Source.objects.get_or_create(
            **{record._meta.model_name: record},
            field=field_name,
            article=self.article,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            defaults={
                "value": str(value),
                "origin": Origin.IMPORT,
                "sentence": self.page.text[sentence.start : sentence.end],
                "confidence": evidence.confidence,
            },
        )
        return source

    def _newer_than_current(self, record, field_name: str) -> bool:
        """Does this article speak later than (or as late as) the one that set the field?"""
        latest = (
            record.sources.filter(field=field_name, origin=Origin.IMPORT)
            .exclude(article=self.article)
            .order_by("-article__published")
            .values_list("article__published", flat=True)
            .first()
        )
        mine = self.meta.published
        return latest is None or (mine is not None and mine >= latest)

    def _set(self, record, field_name: str, value, evidence: Evidence | None, also: dict | None = None):
        """Set one fact on a record, keeping its source; never over an editor's value."""
        label = f"{record._meta.verbose_name} {record}: {field_name}"
        fresh = (record._meta.model_name, record.pk) in self.fresh
        current = "" if fresh and field_name == "status" else getattr(record, field_name)
        wanted = {field_name: value, **(also or {})}
        if all(getattr(record, f) == v for f, v in wanted.items()):
            self._source(record, field_name, value, evidence)
            self.outcome.unchanged += 1
            return
        if self._editor_set(record, field_name):
            self.outcome.left_alone.append(f"{label} (editor's {current!s} kept; article says {value!s})")
            return
        if current not in ("", None) and not fresh and not self._newer_than_current(record, field_name):
            self.outcome.left_alone.append(f"{label} (a newer article's {current!s} kept; this one says {value!s})")
            return
        for f, v in wanted.items():
            setattr(record, f, v)
        record.save()
        source = self._source(record, field_name, value, evidence)
        if field_name == "status":
            log_status_change(record, current or "", value, source=source, effective=self.meta.published)
        if current not in ("", None) and not fresh:
            self.outcome.changed.append(f"{label}: {current!s} \u2192 {value!s}")
