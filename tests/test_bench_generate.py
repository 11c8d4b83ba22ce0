"""The scale benchmark's data generator (bench/generate_data.py) at a tiny scale: the counts, the skew
and the consistency that the benchmark's figures rely on."""

from collections import Counter

import pytest
from django.db.models import Count

from bench.generate_data import RARE_WORD, generate
from dialogues.models import Agreement, Article, Dialogue, Participant, Source, Statement, Topic

STATEMENTS = 300


@pytest.fixture
def made(db):
    return generate(STATEMENTS, seed=7, say=lambda *_: None)


def test_counts_scale_with_the_statements(made):
    assert Statement.objects.count() == STATEMENTS
    assert Article.objects.count() == STATEMENTS // 20  # 50k articles per 1M statements
    assert Dialogue.objects.count() >= 5 and Agreement.objects.count() >= 5
    assert Source.objects.filter(statement__isnull=False).count() == STATEMENTS  # its speaker
    assert Source.objects.count() == pytest.approx(1.3 * STATEMENTS, rel=0.05)
    # the real governments are there, with Japan on its side of every dialogue
    assert Participant.objects.get(name="Japan").region == "japan"
    assert Participant.objects.filter(name__in=["NATO", "EU", "UK", "Italy"]).count() == 4
    assert not Dialogue.objects.exclude(parties__name="Japan").exists()
    assert made.counts["statements"] == STATEMENTS


def test_the_top_speaker_and_the_busiest_dialogue_are_as_skewed_as_real_news(made):
    by_speaker = Counter(Statement.objects.values_list("speaker__slug", flat=True))
    (top, n), (_, second) = by_speaker.most_common(2)
    assert (top, n) == (made.top_speaker_slug, 0.12 * STATEMENTS)
    assert second < n
    by_dialogue = Counter(Statement.objects.exclude(dialogue=None).values_list("dialogue__slug", flat=True))
    (busiest, n), (_, second) = by_dialogue.most_common(2)
    assert (busiest, n) == (made.busiest_dialogue_slug, 0.05 * STATEMENTS)
    assert second < n
    assert Participant.objects.get(slug=made.top_speaker_slug).kind == "person"


def test_the_rare_word_is_rare(made):
    assert 1 <= Statement.objects.filter(text__contains=RARE_WORD).count() == made.rare_statements <= 3


def test_every_statement_and_source_points_at_its_words_in_the_article(made):
    articles = {a.pk: a for a in Article.objects.defer(None)}
    for statement in Statement.objects.all():
        article = articles[statement.article_id]
        assert article.text[statement.span_start : statement.span_end] == statement.text
        assert statement.said_on == article.published
    for source in Source.objects.exclude(article=None):
        text = articles[source.article_id].text
        assert text[source.sentence_start : source.sentence_end] == source.sentence


def test_articles_are_a_few_kilobytes_and_statuses_are_mixed(made):
    lengths = [len(text) for text in Article.objects.values_list("text", flat=True)]
    assert 1_000 < sum(lengths) / len(lengths) < 10_000
    assert Dialogue.objects.values("status").annotate(n=Count("pk")).count() >= 3
    assert Agreement.objects.values("status").annotate(n=Count("pk")).count() >= 3


def test_the_same_seed_gives_the_same_data(made):
    first = list(Statement.objects.order_by("pk").values_list("text", "speaker__slug", "said_on"))
    Source.objects.all().delete()
    Statement.objects.all().delete()
    for model in (Article, Dialogue, Agreement, Participant, Topic):
        model.objects.all().delete()
    generate(STATEMENTS, seed=7, say=lambda *_: None)
    assert list(Statement.objects.order_by("pk").values_list("text", "speaker__slug", "said_on")) == first


def test_it_refuses_a_database_that_holds_records(made):
    with pytest.raises(RuntimeError, match="already holds records"):
        generate(STATEMENTS, seed=7)
