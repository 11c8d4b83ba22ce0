"""The database holds the rules: bad rows are refused on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from dialogues.models import (
    Agreement,
    Dialogue,
    Participant,
    ParticipantAlias,
    Source,
    Statement,
    StatusChange,
    log_status_change,
)

pytestmark = pytest.mark.django_db


def refused(**create):
    model = create.pop("model")
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**create)


def test_an_expected_window_that_ends_before_it_starts_is_refused():
    refused(
        model=Dialogue,
        name="Backwards",
        expected_earliest=datetime.date(2026, 4, 30),
        expected_latest=datetime.date(2026, 1, 1),
    )


def test_an_unknown_status_is_refused():
    refused(model=Dialogue, name="Odd", status="postponed")
    refused(model=Agreement, name="Odd pact", status="planned")


def test_two_dialogues_cannot_share_a_name_whatever_its_case():
    Dialogue.objects.create(name="Japan–EU Defence Industry Dialogue")
    refused(model=Dialogue, name="japan–eu defence industry dialogue")


def test_a_statement_span_must_run_forwards(japan_times_article, japan):
    refused(model=Statement, text="quote", speaker=japan, article=japan_times_article, span_start=10, span_end=10)


def test_a_source_belongs_to_exactly_one_record(japan_times_article, japan):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks")
    refused(
        model=Source,
        dialogue=dialogue,
        participant=japan,
        field="status",
        origin="import",
        article=japan_times_article,
        sentence_start=0,
        sentence_end=5,
    )
    refused(
        model=Source, field="status", origin="import", article=japan_times_article, sentence_start=0, sentence_end=5
    )


def test_an_imported_fact_must_name_its_article_sentence():
    dialogue = Dialogue.objects.create(name="Japan–NATO talks")
    refused(model=Source, dialogue=dialogue, field="status", origin="import")


def test_an_alias_names_one_participant_only():
    rutte = Participant.objects.create(name="Mark Rutte", kind="person")
    ParticipantAlias.objects.create(participant=rutte, alias="Rutte")
    other = Participant.objects.create(name="Someone Else", kind="person")
    refused(model=ParticipantAlias, participant=other, alias="RUTTE")


def test_a_participant_is_found_by_any_of_its_aliases():
    rutte = Participant.objects.create(name="Mark Rutte", kind="person", role="Secretary-General")
    ParticipantAlias.objects.create(participant=rutte, alias="Rutte")
    ParticipantAlias.objects.create(participant=rutte, alias="NATO Secretary-General Mark Rutte")

    for name in ("Rutte", "mark rutte", "NATO Secretary-General  Mark Rutte"):
        assert (
            Participant.objects.get(aliases__alias=ParticipantAlias(alias=name).alias.casefold().replace("  ", " "))
            == rutte
        )


def test_a_status_move_is_kept_with_who_made_it(japan_times_article):
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", status="planned")
    source = Source.objects.create(
        dialogue=dialogue,
        field="status",
        value="active",
        origin="import",
        article=japan_times_article,
        sentence_start=0,
        sentence_end=20,
    )
    log_status_change(dialogue, "planned", "active", source=source)
    assert log_status_change(dialogue, "active", "active") is None

    (change,) = StatusChange.objects.filter(dialogue=dialogue)
    assert (change.from_status, change.to_status, change.source.article) == ("planned", "active", japan_times_article)


def test_overdue_dialogues_are_those_still_waiting_after_their_window(japan, eu):
    late = Dialogue.objects.create(
        name="Late one",
        status="planned",
        expected_text="early next year",
        expected_earliest=datetime.date(2026, 1, 1),
        expected_latest=datetime.date(2026, 4, 30),
    )
    Dialogue.objects.create(name="Begun", status="active", expected_latest=datetime.date(2026, 4, 30))
    Dialogue.objects.create(name="Undated", status="planned")
    soon = Dialogue.objects.create(
        name="Soon",
        status="planned",
        expected_earliest=datetime.date(2026, 12, 1),
        expected_latest=datetime.date(2026, 12, 31),
    )

    today = datetime.date(2026, 11, 22)
    assert list(Dialogue.objects.overdue(today)) == [late]
    assert list(Dialogue.objects.coming_up(today)) == [soon]
