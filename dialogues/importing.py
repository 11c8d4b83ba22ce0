"""Import article files into the records, with a source for every fact.

    read_page (bytes -> text) -> analyse_page (text -> findings) -> _Saver.save (findings -> records)

Each file is one transaction: a file that fails leaves nothing behind. A field an
editor has set is never overwritten (it is reported as left alone); a field set by
an earlier article changes only on the word of an article at least as recent. The
same file imported twice changes nothing. With `dry_run`, everything runs and is
rolled back, so the preview shows exactly what an import would do.
"""

import datetime
import logging
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.db.models.lookups import Exact

from .extraction.article import SectionFindings, organisation_kind
from .extraction.gazetteer import PARTIES, Party, company_country
from .extraction.naming import name_key, same_subject
from .extraction.reading import Page, UnreadableFile, read_file, read_page
from .extraction.records import AgreementFinding, DialogueFinding, Evidence
from .extraction.report import section_report
from .extraction.sentences import Sentence
from .import_limits import TooMuch, analyse_within_limits
from .models import (
    Agreement,
    Article,
    Dialogue,
    Origin,
    Participant,
    ParticipantAlias,
    Source,
    Statement,
    StatusChange,
    Topic,
    normalise_alias,
    status_change,
    unique_slug,
)
from .provenance import field_label

logger = logging.getLogger(__name__)


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
    already_recorded: list[str] = field(default_factory=list)  # facts the records hold already, as said
    error: str | None = None
    note: str | None = None

    @property
    def unchanged(self) -> int:
        return len(self.already_recorded)

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
            "already_recorded": self.already_recorded,
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


@dataclass
class Prepared:
    """A file read and analysed, ready to save: the part of an import that needs no database."""

    name: str
    meta: ArticleMeta
    page: Page | None = None
    findings: list[SectionFindings] | None = None
    error: str | None = None


def prepare(data: bytes, name: str, meta: ArticleMeta) -> Prepared:
    """Read and analyse one file; never raises for bad input (the result says what went wrong)."""
    try:
        page = read_page(data, name)
    except UnreadableFile as exc:
        return Prepared(name, meta, error=str(exc))
    try:
        return Prepared(name, meta, page, analyse_within_limits(page.text, meta.published))
    except TooMuch as exc:
        return Prepared(name, meta, error=str(exc))
    except Exception as exc:  # a fault of ours must cost this one file, not the whole run
        logger.exception("reading %s failed", name)
        return Prepared(name, meta, error=f"could not be read ({exc.__class__.__name__}: {exc}); nothing was saved")


def save(prepared: Prepared, *, dry_run: bool = False) -> FileOutcome:
    """Save one prepared file in one transaction (rolled back for a dry run)."""
    outcome = FileOutcome(prepared.name, error=prepared.error)
    if prepared.error:
        return outcome
    outcome.note = prepared.page.note
    outcome.sections = [section_report(f, prepared.name, prepared.meta.published) for f in prepared.findings]
    try:
        return _save_page(prepared, outcome, dry_run)
    except Exception as exc:  # as above: one file fails, the run goes on
        logger.exception("import of %s failed", prepared.name)
        outcome.error = f"could not be imported ({exc.__class__.__name__}: {exc}); nothing of it was saved"
        return outcome


def import_file(data: bytes, name: str, meta: ArticleMeta, *, dry_run: bool = False) -> FileOutcome:
    """Import one file in one transaction; never raises for bad input (the outcome says what went wrong)."""
    return save(prepare(data, name, meta), dry_run=dry_run)


def _prepare_item(item: tuple[str, "bytes | Path", ArticleMeta]) -> Prepared:
    name, data, meta = item
    if isinstance(data, Path):
        try:
            data = read_file(data)
        except (UnreadableFile, OSError) as exc:
            return Prepared(name, meta, error=str(exc))
    return prepare(data, name, meta)


def _die_with(parent: int):
    """In the worker process: exit as soon as the importing process is gone. A killed parent
    cannot tell its worker, so the worker watches for being handed to another parent."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# Below this many files, a second process costs more than it saves.
PARALLEL_FROM = 20


def import_files(
    items: Sequence[tuple[str, "bytes | Path", ArticleMeta]], *, dry_run: bool = False, parallel_from=PARALLEL_FROM
):
    """Import many files, yielding each outcome in order. With many files and a second core, a worker
    process reads and analyses the next files while this one writes to the database."""
    if len(items) < parallel_from or (os.cpu_count() or 1) < 2:
        for item in items:
            yield save(_prepare_item(item), dry_run=dry_run)
        return
    connections.close_all()  # the worker must not inherit (and later close) our database connection
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=fork, initializer=_die_with, initargs=(os.getpid(),)) as pool:
        for prepared in pool.map(_prepare_item, items, chunksize=8):
            yield save(prepared, dry_run=dry_run)


def _save_page(prepared: Prepared, outcome: FileOutcome, dry_run: bool) -> FileOutcome:
    name, meta, page, findings = prepared.name, prepared.meta, prepared.page, prepared.findings
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
    raise AssertionError("unreachable: the last attempt returns")


def _same_name(name: str) -> Q:
    """The same name but for case, compared as the unique index on lower(name) compares (and so through it)."""
    return Q(Exact(Lower("name"), Lower(Value(name))))


def _same_name_or_parties(model, name: str, parties: list[int]) -> list[tuple[int, str]]:
    """The (id, name) of the dialogues or agreements named `name` (but for case, as the unique index on
    lower(name) compares) or with exactly these parties (participant ids: every one of them and no other),
    in name order.

    Written in SQL because it runs for every record an article names: built with the ORM, the queries'
    construction cost more than running them. Table and column names come from the models, values are
    parameters."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, name FROM {model._meta.db_table} WHERE LOWER(name) = LOWER(%s)", [name])
        rows = cursor.fetchall()
        if parties:
            rows += _same_parties(cursor, model, sorted(set(parties)))
    return sorted(set(rows), key=lambda row: (row[1], row[0]))


def _same_parties(cursor, model, parties: list[int]) -> list[tuple[int, str]]:
    """The (id, name) of the records with exactly these parties, looked for among the records of the party
    with the fewest: Japan is a party of nearly every record, its partner of a few."""
    table, through = model._meta.db_table, model.parties.through._meta.db_table
    key = f"{model._meta.model_name}_id"
    marks = ", ".join(["%s"] * len(parties))
    cursor.execute(
        f"SELECT participant_id, COUNT(*) FROM {through} WHERE participant_id IN ({marks}) GROUP BY participant_id",
        parties,
    )
    links = dict(cursor.fetchall())
    if len(links) < len(parties):  # a party of no record yet
        return []
    rarest = min(parties, key=links.__getitem__)
    others = [p for p in parties if p != rarest]
    sql = (
        f"SELECT r.id, r.name FROM {through} a JOIN {table} r ON r.id = a.{key} WHERE a.participant_id = %s"
        f" AND (SELECT COUNT(*) FROM {through} t WHERE t.{key} = a.{key}) = %s"
    )
    params = [rarest, len(parties)]
    if others:
        sql += (
            f" AND (SELECT COUNT(*) FROM {through} t WHERE t.{key} = a.{key}"
            f" AND t.participant_id IN ({', '.join(['%s'] * len(others))})) = %s"
        )
        params += [*others, len(others)]
    cursor.execute(sql, params)
    return cursor.fetchall()


def _words_rank(text: str) -> tuple:
    """Of two wordings of one window, the more explicit: a date in figures, then the longer words."""
    return (any(c.isdigit() for c in text), len(text), text)


def _name_rank(name: str) -> tuple:
    """How full a record's name is: an acronym given, then capitalised words, then words of substance, then
    (to break ties the same way whatever the order of import) the name itself."""
    capitals = sum(w[:1].isupper() for w in name.split())
    return (bool(re.search(r"\([A-Z0-9+]{2,}\)", name)), capitals, len(name_key(name)), name)


def _names_in(sections: list[SectionFindings]) -> list[str]:
    names = []
    for section in sections:
        for record in [*section.dialogues, *section.agreements]:
            names += record.parties
        for person in section.people:
            names += [person.name, *person.aliases, person.affiliation]
        for statement in section.statements:
            names += list(statement.speaker.parties) + ["\u2013".join(statement.speaker.parties) + " (joint)"]
    return [n for n in dict.fromkeys(names) if n]


@dataclass
class _Saver:
    """Writes one file's findings. Lookups are cached for the file and new sources are written
    in one batch at the end, so a file costs a few dozen queries, not hundreds."""

    page: Page
    source_name: str
    meta: ArticleMeta
    outcome: FileOutcome
    article: Article | None = None
    fresh: set = field(default_factory=set)  # records this file created: their first values are no "change"
    _aliases: dict = field(default_factory=dict)  # alias -> Participant (None: known to be absent)
    _facts: dict = field(default_factory=dict)  # record key -> [(field, origin, article id, published, start, end)]
    _pending: list = field(default_factory=list)  # Sources to write at the end
    _dirty: dict = field(default_factory=dict)  # record key -> record with unsaved field changes
    _new_statements: list = field(default_factory=list)  # written in one batch, before the sources
    _status_changes: list = field(default_factory=list)  # written in one batch, after the sources
    _spoke_of: set = field(default_factory=set)  # (model, pk) of records this article gave facts before
    _new_records: list = field(default_factory=list)  # (line in outcome.created, new dialogue or agreement)

    # -- entry ------------------------------------------------------------
    def save(self, findings: list[SectionFindings]):
        relevant = [f for f in findings if f.relevant]
        if not relevant:
            return
        self.article, new_article = self._article(relevant[0].title)
        if not new_article:  # importing it again speaks of the same records
            self._spoke_of = self._records_sourced_by(self.article)
        self._statements = {} if new_article else {(s.span_start, s.span_end): s for s in self.article.statements.all()}
        self._known(_names_in(relevant))  # every participant the file names, looked up in one query
        # and the facts already recorded about them, in one more
        people = [p.pk for p in dict.fromkeys(p for p in self._aliases.values() if p is not None)]
        self._facts.update(
            self._read_facts("participant", [pk for pk in people if ("participant", pk) not in self._facts])
        )
        for section in relevant:
            dialogues = {id(d): self._dialogue(d) for d in section.dialogues}
            agreements = {id(a): self._agreement(a) for a in section.agreements}
            for d in section.dialogues:
                dialogue = dialogues[id(d)]
                linked = [agreements[id(a)] for a in section.agreements if set(a.parties) == set(d.parties)]
                if linked:
                    self._link(dialogue.agreements, linked)
            for person in section.people:
                self._person(person)
            for statement in section.statements:
                self._statement(statement, dialogues, agreements)
        for record in self._dirty.values():
            record.save()
        for line, record in self._new_records:  # "dialogue: X — planned · expected early next year (Jan–Mar 2026)"
            self.outcome.created[line] = f"{record._meta.verbose_name}: {record.name} \u2014 {record.glance}"
        Statement.objects.bulk_create(self._new_statements)
        Source.objects.bulk_create(self._pending)
        StatusChange.objects.bulk_create(self._status_changes)

    @staticmethod
    def _records_sourced_by(article) -> set[tuple[str, int]]:
        rows = Source.objects.filter(article=article).values_list("dialogue_id", "agreement_id").distinct()
        return {(name, pk) for row in rows for name, pk in zip(("dialogue", "agreement"), row, strict=True) if pk}

    @staticmethod
    def _key(record) -> tuple[str, int]:
        return record._meta.model_name, record.pk

    @staticmethod
    def _link(manager, targets):
        """Add to a many-to-many relation in one INSERT, leaving links that exist as they are."""
        through = manager.through
        source_field, target_field = manager.source_field_name, manager.target_field_name
        through.objects.bulk_create(
            [through(**{f"{source_field}_id": manager.instance.pk, f"{target_field}_id": t.pk}) for t in targets],
            ignore_conflicts=True,
        )

    # -- records ----------------------------------------------------------
    def _article(self, title: str) -> tuple[Article, bool]:
        """The file's Article, and whether this import made it."""
        article = Article.objects.filter(checksum=self.page.checksum).first()
        if article:
            return article, False
        self.outcome.created.append(f"article: {title}")
        article = Article.objects.create(
            title=(self.page.title or title)[:500],
            outlet=self.meta.outlet,
            url=self.meta.url,
            published=self.meta.published,
            text=self.page.text,
            checksum=self.page.checksum,
            source_name=self.source_name[:500],
        )
        return article, True

    def _known(self, names: list[str], kind: str | None = None) -> Participant | None:
        """The participant any of `names` is an alias of (cached for the file)."""
        aliases = [normalise_alias(n) for n in names]
        missing = [a for a in aliases if a not in self._aliases]
        if missing:
            self._aliases.update(dict.fromkeys(missing))
            for row in ParticipantAlias.objects.filter(alias__in=missing).select_related("participant"):
                self._aliases[row.alias] = row.participant
        for alias in aliases:
            found = self._aliases[alias]
            if found is not None and (kind is None or found.kind == kind):
                return found
        return None

    def _new_participant(self, name: str, aliases=(), **fields) -> Participant:
        if Participant.objects.filter(_same_name(name)).exists():
            # 'JAIEC' the company is there already; a person read as 'Jaiec' is someone else
            name = f"{name} ({Participant.Kind(fields.get('kind', Participant.Kind.COMPANY)).label.lower()})"
        participant = Participant.objects.create(name=name, **fields)
        self.fresh.add(self._key(participant))
        self.outcome.created.append(f"participant: {name}")
        self._add_aliases(participant, [name, *aliases])
        return participant

    def _add_aliases(self, participant: Participant, names):
        new = [a for a in dict.fromkeys(normalise_alias(n) for n in names) if self._aliases.get(a) is None]
        # an alias another participant already holds stays theirs
        ParticipantAlias.objects.bulk_create(
            [ParticipantAlias(participant=participant, alias=a) for a in new], ignore_conflicts=True
        )
        for alias in new:
            self._aliases[alias] = participant

    def _party(self, name: str) -> Participant:
        found = self._known([name])
        if found:
            return found
        party = PARTIES.get(name) or Party(name, organisation_kind(name), "other", name)
        # a government is its own country; a company is from one ('Mitsubishi Heavy Industries': Japan)
        country = name if party.kind == Participant.Kind.GOVERNMENT else company_country(name) or ""
        region = party.region if party.region != "other" or country not in PARTIES else PARTIES[country].region
        return self._new_participant(name, [party.full_name], kind=party.kind, region=region, country=country[:100])

    def _joint(self, parties: tuple[str, ...]) -> Participant:
        name = "\u2013".join(parties) + " (joint)"
        return self._known([name]) or self._new_participant(name, kind=Participant.Kind.JOINT)

    def _person(self, person) -> Participant:
        names = [person.name, *sorted(person.aliases, key=len, reverse=True)]
        found = self._known(names, kind=Participant.Kind.PERSON)
        if found is None:
            found = self._new_participant(person.name, names, kind=Participant.Kind.PERSON)
        else:
            if " " in person.name and " " not in found.name and not self._editor_set(found, "name"):
                found.name = person.name  # "Kallas" becomes "Kaja Kallas"
                found.save(update_fields=["name", "updated_at"])
            self._add_aliases(found, names)
        sentence = self._sentence_for(person.name)
        if person.role:
            self._set(found, "role", person.role, sentence)
        if person.country:
            self._set(found, "country", person.country, sentence)
        organisation = self._party(person.affiliation) if person.affiliation else None
        if organisation:
            self._set(found, "affiliation", organisation, sentence)
        # a person's side follows from their country, else from the organisation they speak for
        country = PARTIES.get(person.country)
        region = country.region if country else organisation.region if organisation else None
        if region and region != Participant.Region.OTHER:
            self._set(found, "region", region, sentence)
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
        """The record this finding is about: the same name, or the same parties and subject."""
        known = [self._known([party]) for party in parties]
        # a party not in the database yet is a party of no record: only the name can match
        ids = [p.pk for p in known] if all(known) else []
        found = _same_name_or_parties(model, name, ids)
        # Imported again, an article speaks of the records it spoke of before, even if a record
        # made since would match it too: importing the same file twice changes nothing.
        before = [row for row in found if (model._meta.model_name, row[0]) in self._spoke_of]
        best = self._best(before, parties, name) or self._best(found, parties, name)
        return model.objects.get(pk=best) if best else None

    @staticmethod
    def _best(found: list[tuple[int, str]], parties: list[str], name: str) -> int | None:
        """Of these (id, name) rows, the id of the one named `name`, else (with parties) of the same subject."""
        by_name = next((pk for pk, other in found if other.lower() == name.lower()), None)
        if by_name or not parties:
            return by_name
        return next((pk for pk, other in found if same_subject(name, other)), None)

    def _dialogue(self, finding: DialogueFinding) -> Dialogue:
        dialogue = self._match(Dialogue, finding.parties, finding.name)
        if dialogue is None:
            dialogue = Dialogue.objects.create(name=finding.name[:300])
            self._created_record(dialogue)
        self._name(dialogue, finding.name)
        self._record_common(dialogue, finding)
        for field_name, evidence in (("venue", finding.venue), ("format", finding.format)):
            if evidence:
                self._set(dialogue, field_name, evidence.value[:300], evidence)
        if finding.topics:
            self._link(dialogue.topics, self._topics([name[:100].lower() for name in finding.topics.value]))
            self._source(dialogue, "topics", ", ".join(finding.topics.value), finding.topics)
        return dialogue

    @staticmethod
    def _topics(names: list[str]) -> list[Topic]:
        """The topics of these names, made where missing: two queries however many there are."""
        known = {t.name: t for t in Topic.objects.filter(name__in=names)}
        missing = [n for n in dict.fromkeys(names) if n not in known]
        if missing:
            Topic.objects.bulk_create(
                [Topic(name=n, slug=unique_slug(Topic, n)) for n in missing], ignore_conflicts=True
            )
            known.update({t.name: t for t in Topic.objects.filter(name__in=missing)})
        return [known[n] for n in dict.fromkeys(names) if n in known]

    def _agreement(self, finding: AgreementFinding) -> Agreement:
        agreement = self._match(Agreement, finding.parties, finding.name)
        if agreement is None:
            agreement = Agreement.objects.create(name=finding.name[:300], kind=finding.kind)
            self._created_record(agreement)
        self._name(agreement, finding.name)
        self._record_common(agreement, finding)
        return agreement

    def _created_record(self, record):
        """A new dialogue or agreement: its line in `created` is written at the end, with its status and dates."""
        self.fresh.add(self._key(record))
        self._new_records.append((len(self.outcome.created), record))
        self.outcome.created.append("")

    def _name(self, record, name: str):
        """Of the names articles give one record, the fullest ('Reciprocal Access Agreement (RAA)' over
        'reciprocal access agreement'), so the name does not depend on which article came first."""
        name = name[:300]
        if name == record.name or _name_rank(name) <= _name_rank(record.name) or self._editor_set(record, "name"):
            return
        self.outcome.changed.append(f"{record._meta.verbose_name} {record}: name \u2192 {name}")
        record.name = name
        self._dirty[self._key(record)] = record

    def _record_common(self, record, finding):
        """Parties, status and the time window: the facts dialogues and agreements share."""
        heard = self.meta.published
        if heard and (record.last_heard is None or record.last_heard < heard):
            record.last_heard = heard
            self._dirty[self._key(record)] = record
        self._link(record.parties, [self._party(p) for p in finding.parties])
        self._source(record, "parties", ", ".join(finding.parties), Evidence(None, finding.mentions[0]))
        if finding.status:
            self._set(record, "status", finding.status.value, finding.status)
        if finding.when:
            when = finding.when.value
            prefix = "expected" if isinstance(record, Dialogue) else "date"
            text_field = f"{prefix}_text"
            earliest, latest = getattr(record, f"{prefix}_earliest"), getattr(record, f"{prefix}_latest")
            dated = bool(earliest and when.earliest)
            contains = dated and when.earliest <= earliest and latest <= when.latest
            inside = dated and earliest <= when.earliest and when.latest <= latest
            if contains and not (inside and _words_rank(when.text) > _words_rank(getattr(record, text_field))):
                # "last year" after "last November": the vaguer words agree, they do not correct
                self._source(record, text_field, when.text, finding.when)
                self._already(record, text_field, getattr(record, text_field))
                return
            self._set(
                record,
                text_field,
                when.text,
                finding.when,
                also={
                    f"{prefix}_earliest": when.earliest,
                    f"{prefix}_latest": when.latest,
                    f"{prefix}_as_of": self.meta.published,
                },
                # a window inside the one recorded refines it, whichever article is newer (so the order of
                # import does not matter); an equal one with more explicit words too
                refines=inside,
            )

    def _statement(self, finding, dialogues, agreements):
        speaker = finding.speaker
        if speaker.person:
            participant = self._person(speaker.person)
        elif len(speaker.parties) == 1:
            participant = self._party(speaker.parties[0])
        else:
            participant = self._joint(speaker.parties)
        span = (finding.quote.start, finding.quote.end)
        # a quote from a file whose encoding was guessed may have wrong letters: an editor looks at it
        evidence = Evidence(None, finding.sentence, "low" if self.page.doubtful else finding.confidence)
        statement = self._statements.get(span)
        if statement is not None:
            self.outcome.already_recorded.append(f"statement: {participant.name}: {finding.quote.text[:60]}")
            self._source(statement, "speaker", participant.name, evidence)
            return
        statement = self._statements[span] = Statement(
            article=self.article,
            span_start=span[0],
            span_end=span[1],
            text=finding.quote.text,
            speaker=participant,
            said_on=self.meta.published,
            dialogue=dialogues.get(id(finding.dialogue)),
            agreement=agreements.get(id(finding.agreement)),
        )
        self._new_statements.append(statement)
        self.outcome.created.append(f"statement: {participant.name}: {finding.quote.text[:60]}")
        self._pending.append(self._new_source(statement, "speaker", participant.name, evidence))

    # -- facts and their sources -------------------------------------------
    def _facts_of(self, record) -> list[tuple]:
        """What the record's sources say: (field, origin, article id, published, start, end, checksum), read
        once."""
        key = self._key(record)
        if key not in self._facts:
            self._facts[key] = [] if key in self.fresh else self._read_facts(record._meta.model_name, [record.pk])[key]
        return self._facts[key]

    @staticmethod
    def _read_facts(model_name: str, pks: list[int]) -> dict[tuple[str, int], list[tuple]]:
        """The facts of these records of one kind, in one query."""
        facts = {(model_name, pk): [] for pk in pks}
        rows = Source.objects.filter(**{f"{model_name}_id__in": pks}).values_list(
            f"{model_name}_id",
            "field",
            "origin",
            "article_id",
            "article__published",
            "sentence_start",
            "sentence_end",
            "article__checksum",
        )
        for pk, *fact in rows:
            facts[(model_name, pk)].append(tuple(fact))
        return facts

    def _editor_set(self, record, field_name: str) -> bool:
        return any(f == field_name and origin == Origin.EDITOR for f, origin, *_ in self._facts_of(record))

    def _source(self, record, field_name: str, value, evidence: Evidence | None):
        """Keep the sentence behind a fact (once); written with the file's other sources at the end."""
        if evidence is None:
            return None
        sentence = evidence.sentence
        facts = self._facts_of(record)
        if any(
            f == field_name and a == self.article.pk and (s, e) == (sentence.start, sentence.end)
            for f, _, a, _, s, e, _ in facts
        ):
            return None
        facts.append(
            (
                field_name,
                Origin.IMPORT,
                self.article.pk,
                self.meta.published,
                sentence.start,
                sentence.end,
                self.page.checksum,
            )
        )
        source = self._new_source(record, field_name, value, evidence)
        self._pending.append(source)
        return source

    def _new_source(self, record, field_name: str, value, evidence: Evidence) -> Source:
        sentence = evidence.sentence
        return Source(
            **{record._meta.model_name: record},
            field=field_name,
            value=str(value),
            origin=Origin.IMPORT,
            article=self.article,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            sentence=self.page.text[sentence.start : sentence.end],
            confidence=evidence.confidence,
        )

    def _newer_than_current(self, record, field_name: str) -> bool:
        """Does this article speak later than every other article that gave the field a value? Of two
        articles of the same day, the one with the greater checksum has the word: whichever is imported
        first, the records come out the same, and importing again changes nothing."""
        others = [
            (published, checksum)
            for f, origin, article, published, _, _, checksum in self._facts_of(record)
            if f == field_name and origin == Origin.IMPORT and article != self.article.pk
        ]
        mine = self.meta.published
        return not others or (
            mine is not None and all(d is not None and (mine, self.page.checksum) > (d, c) for d, c in others)
        )

    @staticmethod
    def _label(record, field_name: str) -> str:
        return f"{record._meta.verbose_name} {record}: {field_label(type(record), field_name)}"

    def _already(self, record, field_name: str, value):
        """Note a fact the record held before this file (once, however often the file repeats it)."""
        line = f"{self._label(record, field_name)} = {value!s}"
        if self._key(record) not in self.fresh and line not in self.outcome.already_recorded:
            self.outcome.already_recorded.append(line)

    def _set(self, record, field_name: str, value, evidence: Evidence | None, also: dict | None = None, refines=False):
        """Set one fact on a record, keeping its source; never over an editor's value."""
        label = self._label(record, field_name)
        fresh = self._key(record) in self.fresh
        current = "" if fresh and field_name == "status" else getattr(record, field_name)
        wanted = {field_name: value, **(also or {})}
        if all(getattr(record, f) == v for f, v in wanted.items()):
            self._source(record, field_name, value, evidence)
            self._already(record, field_name, value)
            return
        if self._editor_set(record, field_name):
            self.outcome.left_alone.append(f"{label} (editor's {current!s} kept; article says {value!s})")
            return
        if current not in ("", None) and not fresh and not refines and not self._newer_than_current(record, field_name):
            self.outcome.left_alone.append(
                f"{label} (an article as recent or newer said {current!s}; this one says {value!s})"
            )
            return
        for f, v in wanted.items():
            setattr(record, f, v)
        self._dirty[self._key(record)] = record
        source = self._source(record, field_name, value, evidence)
        if field_name == "status" and (
            change := status_change(record, current or "", value, source=source, effective=self.meta.published)
        ):
            self._status_changes.append(change)
        if current not in ("", None) and not fresh:
            self.outcome.changed.append(f"{label}: {current!s} \u2192 {value!s}")
