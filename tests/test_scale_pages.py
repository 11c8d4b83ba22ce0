"""What keeps every page small and its cost flat as the tracker grows: bounded facets, capped deep pages,
bounded dashboard lists, a fixed number of queries whatever the size. (Speed itself is measured by
bench/scale_benchmark.py, not here.)"""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogues.facets import TooSlow, time_limit
from dialogues.models import Article, Dialogue, Participant, Statement
from dialogues.remembered import wait_for_later

pytestmark = pytest.mark.django_db


def grow(speakers: int, statements: int, dialogues: int = 3) -> list[Participant]:
    """`statements` quotes spread over `speakers` people, the first quoted most (as in real news)."""
    first, first_record = Participant.objects.count(), Dialogue.objects.count()
    people = Participant.objects.bulk_create(
        [
            Participant(name=f"Speaker {n:03}", slug=f"speaker-{n:03}", kind="person", region="europe")
            for n in range(first, first + speakers)
        ]
    )
    records = Dialogue.objects.bulk_create(
        [
            Dialogue(name=f"Talks {n}", slug=f"talks-{n}", status="planned")
            for n in range(first_record, first_record + dialogues)
        ]
    )
    start = Article.objects.count()
    articles = Article.objects.bulk_create(
        [
            Article(title=f"Story {n}", text="x" * 200, checksum=f"{n:064}", published=datetime.date(2025, 1, 1))
            for n in range(start, start + statements // 10 + 1)
        ]
    )
    weights = [speakers - n for n in range(speakers)]  # speaker 0 the most, the last the least
    picks = [p for p, w in zip(people, weights, strict=True) for _ in range(w)]
    Statement.objects.bulk_create(
        [
            Statement(
                text=f"Quote {n}",
                speaker=picks[n % len(picks)],
                article=articles[n // 10],
                span_start=(n % 10) * 10,
                span_end=(n % 10) * 10 + 5,
                said_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 300),
                dialogue=records[n % dialogues],
            )
            for n in range(statements)
        ]
    )
    return people


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_speaker_facet_lists_the_ten_most_quoted_and_the_chosen_ones_never_everyone(client):
    people = grow(speakers=15, statements=400)
    page = html(client, f"/statements/?speaker={people[-1].slug}")
    facet = page.split("<legend>Speaker</legend>")[1].split("</fieldset>")[0]
    shown = [p.name for p in people if p.name in facet]
    assert shown == [p.name for p in people[:10]] + [people[-1].name]
    mine = Statement.objects.filter(speaker=people[-1]).count()
    assert f'value="{people[-1].slug}" checked> {people[-1].name} <span class="count">({mine})</span>' in facet
    assert "The 11 most frequent; find others by name below" in facet
    found = html(client, f"/statements/?speaker_name={people[12].name.replace(' ', '+')}")
    assert f"{Statement.objects.filter(speaker=people[12]).count()} statements where" in found


def test_a_time_limit_stops_a_slow_query_with_too_slow():
    slow = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT count(*) FROM n"
        if connection.vendor == "sqlite"
        else "SELECT pg_sleep(2)"
    )
    with pytest.raises(TooSlow), time_limit(50), connection.cursor() as cursor:
        cursor.execute(slow)
    with connection.cursor() as cursor:  # the connection works on, with no limit left behind
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_facet_counts_that_would_take_too_long_are_left_out_and_the_page_says_so(client, settings):
    grow(speakers=40, statements=20_000)
    settings.FACET_TIME_LIMIT_MS = 1
    page = html(client, "/statements/?side=europe")
    assert "Not counted yet: too many rows to count in the time of one page" in page
    assert "20000 statements where" in page  # the rows themselves are all there


@pytest.mark.django_db(transaction=True)  # the counting thread reads what the test wrote
def test_counts_a_page_had_no_time_for_are_worked_out_afterwards_for_the_next_page(client, settings):
    people = grow(speakers=40, statements=20_000)
    settings.FACET_TIME_LIMIT_MS = 1
    settings.WORK_OUT_LATER = True
    assert "Not counted yet" in html(client, "/statements/?side=europe")
    wait_for_later()
    page = html(client, "/statements/?side=europe")
    assert "Not counted yet" not in page
    most = Statement.objects.filter(speaker=people[0]).count()
    assert f'value="{people[0].slug}"> {people[0].name} <span class="count">({most})</span>' in page
    Statement.objects.filter(speaker=people[0]).delete()  # the data changes: the counts kept are not shown
    page = html(client, "/statements/?side=europe")
    assert "Not counted yet" in page and f"({most})" not in page
    wait_for_later()  # none of its counting outlives the test (the database is emptied after it)


def test_kept_counts_are_never_shown_once_statements_or_speakers_change(client):
    people = grow(speakers=3, statements=30)
    assert "30 statements" in html(client, "/statements/")
    Statement.objects.filter(pk=Statement.objects.values("pk")[:1]).delete()
    assert "29 statements" in html(client, "/statements/")
    # a bulk update (no model signals): the speaker's side facet counts again
    Participant.objects.filter(pk=people[0].pk).update(region="japan")
    mine = Statement.objects.filter(speaker=people[0]).count()
    assert f'value="japan"> Japan <span class="count">({mine})</span>' in html(client, "/statements/")


def test_pages_stop_at_200_with_a_message_while_the_download_holds_every_row(client):
    grow(speakers=3, statements=5_030)
    page = html(client, "/statements/?page=900")
    assert "Pages stop at 200 (the first 5,000 rows in this order)" in page and "download all 5,030 rows" in page
    assert "Page 200 of 202" in page
    response = client.get("/statements.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 5_030


def test_the_dashboard_lists_a_bounded_number_of_dialogues_and_says_how_many_there_are(client):
    Dialogue.objects.bulk_create(
        [
            Dialogue(
                name=f"Talks {n:02}",
                slug=f"talks-{n:02}",
                status="planned",
                expected_earliest=datetime.date(2030, 1, 1),
                expected_latest=datetime.date(2030, 2, 1),
            )
            for n in range(40)
        ]
    )
    page = html(client, "/")
    assert "The 25 expected soonest of 40" in page and "Talks 24" in page and "Talks 25" not in page


URLS = [
    "/",
    "/dialogues/",
    "/dialogues/?status=planned&sort=-name",
    "/agreements/",
    "/participants/",
    "/statements/",
    "/statements/?speaker=speaker-000",
    "/statements/?q=Quote",
    "/statements/?page=3",
    "/articles/",
    "/dialogues/talks-0/",
    "/participants/speaker-000/",
    "/search/?q=Quote",
    "/feed/",
]


def queries_per_page(client) -> dict[str, int]:
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            html(client, url)
        counts[url] = len(queries)
    return counts


def test_every_page_runs_the_same_number_of_queries_at_any_size(client, settings):
    # the facets' time limit cuts counting short on a loaded machine (fewer queries): its own tests cover it
    settings.FACET_TIME_LIMIT_MS = 60_000
    grow(speakers=12, statements=200)
    small = queries_per_page(client)
    grow(speakers=30, statements=3_000, dialogues=20)
    assert queries_per_page(client) == small


def test_lists_walk_their_order_index_and_text_is_found_through_a_text_index(client):
    from dialogues.search import _vector
    from dialogues.text_search import matching, search_terms, statement_text

    people = grow(speakers=5, statements=300)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # as on a big table: a few rows would be scanned
    order = Statement._meta.ordering
    assert "statement_order" in Statement.objects.order_by(*order)[:25].explain()
    assert "statement_speaker_order" in Statement.objects.filter(speaker=people[0]).order_by(*order)[:25].explain()
    # the statements' text filter (and search), through the text index: GIN on PostgreSQL, FTS5 on SQLite
    if connection.vendor == "postgresql":  # the ids of a rare word's statements come from the GIN index
        assert "dialogues_statement_search" in matching("Quote 111").explain()
        # and an article's words from the vector it keeps (never its text parsed again)
        words = Article.objects.annotate(found=_vector(Article, ())).filter(found=search_terms("Story 7"))
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_indexscan = off")  # nor walking another index of a few rows
        assert "dialogues_article_vector" in words.order_by().explain()
        assert "Story 7" in html(client, "/search/?q=Story+7")
    else:  # a rare word's statements are fetched by the ids the FTS5 index gives
        with CaptureQueriesContext(connection) as queries:
            rare = Statement.objects.filter(statement_text("Quote 111"))
        assert any("dialogues_statement_text MATCH" in q["sql"] for q in queries)
        assert "INTEGER PRIMARY KEY" in rare.explain()
    # and they find the quote
    assert "1 statement where" in html(client, "/statements/?q=Quote+111")


@pytest.mark.parametrize("text", ["Quote", "Speaker 000"])
def test_text_in_many_statements_pages_by_the_order_index_not_by_sorting_every_match(client, monkeypatch, text):
    """A common word, or the name of the most quoted speaker: SQLite walks the list's order and tests
    each row, instead of collecting every match and sorting them (seconds at a million)."""
    from dialogues import text_search
    from dialogues.filters import StatementFilter

    grow(speakers=5, statements=300)
    monkeypatch.setattr(text_search, "FEW", 10)  # "many" is over 10 here (a thousand at scale)
    rows = StatementFilter({"q": text}, queryset=Statement.objects.all()).qs
    if connection.vendor == "sqlite":
        plan = rows.order_by(*Statement._meta.ordering)[:25].explain()
        assert "statement_order" in plan and "TEMP B-TREE" not in plan
    expected = [s for s in Statement.objects.order_by(*Statement._meta.ordering) if text in f"{s.text} {s.speaker}"]
    assert len(expected) > 10 and rows.count() == len(expected)
    assert list(rows.order_by(*Statement._meta.ordering)[:25]) == expected[:25]
    assert f"{len(expected)} statements where" in html(client, f"/statements/?q={text.replace(' ', '+')}")
