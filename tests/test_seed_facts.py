"""The model holds the seed articles' facts when an editor enters them by hand."""

import datetime

import pytest

from dialogues.models import Agreement, Dialogue, Participant, Source, Statement

pytestmark = pytest.mark.django_db


def test_the_japan_nato_talks_and_the_japan_eu_dialogue_fit_the_model(japan, nato, eu, japan_times_article):
    nato_talks = Dialogue.objects.create(
        name="Japan–NATO defence-industrial talks",
        status="planned",
        venue="NATO headquarters, Brussels",
        expected_text="in the near future",
        format="government officials only",
    )
    nato_talks.parties.set([japan, nato])
    eu_dialogue = Dialogue.objects.create(
        name="Japan–EU Defence Industry Dialogue",
        status="planned",
        expected_text="early next year",
        expected_earliest=datetime.date(2026, 1, 1),
        expected_latest=datetime.date(2026, 4, 30),
        format="government officials and business representatives",
    )
    eu_dialogue.parties.set([japan, eu])
    partnership = Agreement.objects.create(
        name="EU–Japan Security and Defence Partnership",
        kind="partnership",
        status="agreed",
        date_text="last November",
        date_earliest=datetime.date(2024, 11, 1),
        date_latest=datetime.date(2024, 11, 30),
    )
    partnership.parties.set([japan, eu])
    eu_dialogue.agreements.add(partnership)

    izawa = Participant.objects.create(
        name="Osamu Izawa", kind="person", role="Ambassador to NATO", affiliation=japan, country="Japan"
    )
    kallas = Participant.objects.create(name="Kaja Kallas", kind="person", role="High Representative", affiliation=eu)
    quote = "We need information and they need information,"
    start = japan_times_article.text.index(quote)
    said = Statement.objects.create(
        text=quote,
        speaker=izawa,
        article=japan_times_article,
        span_start=start,
        span_end=start + len(quote),
        said_on=japan_times_article.published,
        dialogue=nato_talks,
    )
    Source.objects.create(
        dialogue=nato_talks,
        field="status",
        value="planned",
        origin="import",
        article=japan_times_article,
        sentence_start=0,
        sentence_end=66,
    )

    assert set(Dialogue.objects.filter(status="planned").values_list("name", flat=True)) == {
        "Japan–NATO defence-industrial talks",
        "Japan–EU Defence Industry Dialogue",
    }
    assert list(Dialogue.objects.overdue(datetime.date(2026, 11, 22))) == [eu_dialogue]
    assert list(nato.dialogues.all()) == [nato_talks]
    assert japan_times_article.sentence_at(said.span_start, said.span_end) == quote
    assert list(izawa.statements.all()) == [said]
    assert list(eu.members.all()) == [kallas]
    assert nato_talks.sources.get(field="status").article == japan_times_article
    assert list(partnership.dialogues.all()) == [eu_dialogue]
