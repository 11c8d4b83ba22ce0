"""The pages policy staff use, through the real client on the real database."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogues.models import Article, Dialogue, Participant, Statement

pytestmark = pytest.mark.django_db


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_dashboard_shows_the_state_of_things_at_a_glance(client, seeded):
    html = page(client, "/")
    assert "Japan–NATO defense-industrial talks" in html
    overdue = html.split('id="overdue-heading"')[1].split("</section>")[0]
    assert "Japan–EU Defense Industry Dialogue" in overdue and "overdue" in overdue
    assert "Japan–NATO" not in overdue  # no date set: it cannot be late
    assert "<svg" in html and 'class="bar dialogue' in html  # the timeline, drawn on the server
    partners = html.split('id="partners-heading"')[1].split("</section>")[0]
    assert "NATO" in partners and "EU" in partners


def test_dialogues_filtered_by_status_show_both_planned_dialogues_with_a_plain_summary(client, seeded):
    html = page(client, "/dialogues/?status=planned")
    assert "Japan–NATO defense-industrial talks" in html and "Japan–EU Defense Industry Dialogue" in html
    assert "2 dialogues where status is planned" in html
    assert "planned · expected early next year (Jan–Apr 2026) · overdue" in html
    assert "planned · expected in the near future" in html


def test_choices_in_one_filter_combine_with_or_and_filters_with_and(client, seeded):
    html = page(client, "/dialogues/?party=nato&party=eu")
    assert "2 dialogues where a party is EU or NATO" in html
    html = page(client, "/dialogues/?party=nato&status=planned&status=active")
    assert "1 dialogue where status is planned or active and a party is NATO" in html


def test_a_party_filter_never_shows_a_record_twice(client, seeded):
    html = page(client, "/dialogues/?party=japan&party=nato")
    assert html.count(">Japan–NATO defense-industrial talks</a>") == 1
    assert "2 dialogues where" in html


def test_each_choice_shows_how_many_records_it_would_match(client, seeded):
    html = page(client, "/dialogues/?party=nato")
    # with NATO chosen, "planned" would match 1; NATO and EU each match 1 given the (empty) status filter
    assert 'value="planned"> Planned <span class="count">(1)</span>' in html
    assert 'value="eu"> EU <span class="count">(1)</span>' in html


def test_bad_query_strings_get_a_message_not_an_error(client, seeded):
    for url, says in [
        ("/dialogues/?status=postponed", "This filter was ignored"),
        ("/dialogues/?expected_from=31-02-2026", "Enter a valid date"),
        ("/dialogues/?page=999", "There is no page 999"),
        ("/dialogues/?page=abc", "is not a page number"),
        ("/dialogues/?sort=nonsense", "This filter was ignored"),
        ("/statements/?speaker=nobody", "This filter was ignored"),
        ("/search/?q=" + "x" * 5000, "only its first 200 characters"),
    ]:
        assert says in page(client, url), url
    assert "2 dialogues" in page(client, "/dialogues/?status=postponed")


def test_columns_sort_both_ways_and_the_sort_stays_in_the_url(client, seeded):
    html = page(client, "/dialogues/?sort=-name")
    assert html.index("Japan–NATO defense") < html.index("Japan–EU Defense")
    assert 'aria-sort="descending"' in html and "sort=name" in html


def test_a_dialogue_page_shows_its_history_statements_and_sources(client, seeded):
    dialogue = Dialogue.objects.get(parties__slug="eu")
    html = page(client, dialogue.get_absolute_url())
    assert "new → planned" in html
    assert "When we develop this dialogue further" in html
    assert "aim to launch a Japan-EU Defense Industry Dialogue early next year" in html
    assert "government officials and business representatives" in html


def test_a_source_link_opens_the_article_with_its_sentence_marked(client, seeded):
    dialogue = Dialogue.objects.get(parties__slug="nato")
    source = dialogue.sources.get(field="venue")
    html = page(client, f"/articles/{source.article_id}/?from={source.sentence_start}&to={source.sentence_end}")
    assert '<mark id="marked">The talks, to be held at NATO headquarters in Brussels' in html
    assert "Japan and NATO to launch" in page(client, f"/articles/{source.article_id}/?from=9&to=1")


def test_a_participant_page_shows_role_statements_and_dialogues(client, seeded):
    html = page(client, Participant.objects.get(name="Osamu Izawa").get_absolute_url())
    assert "Ambassador to NATO" in html and "We need information and they need information" in html
    assert "Japan–NATO defense-industrial talks" in html


def test_a_statement_page_shows_the_quote_in_its_paragraph(client, seeded):
    statement = Statement.objects.get(text__startswith="We need to know")
    html = page(client, statement.get_absolute_url())
    assert "Izawa said. &#x27;<mark>We need to know in which direction" in html


def test_search_finds_statements_dialogues_and_articles(client, seeded):
    html = page(client, "/search/?q=information")
    assert "We need information and they need information" in html
    assert "Japan and NATO to launch" in html
    assert "Nothing matches" in page(client, "/search/?q=zzqxv")


def test_the_feed_lists_new_statements_and_status_changes(client, seeded):
    response = client.get("/feed/")
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Osamu Izawa:" in xml and "new → planned" in xml


def test_article_text_is_escaped_everywhere_it_is_shown(client, japan, nato):
    article = Article.objects.create(
        title="<script>alert(1)</script>",
        text="<b>x</b> <script>alert(2)</script>",
        checksum="f" * 64,
        published=datetime.date(2025, 1, 1),
    )
    speaker = Participant.objects.create(name="<img src=x onerror=alert(3)>", kind="person")
    dialogue = Dialogue.objects.create(name="<script>alert(4)</script>", status="planned")
    dialogue.parties.set([japan, nato])
    statement = Statement.objects.create(
        text="<script>alert(5)</script>", speaker=speaker, article=article, span_start=0, span_end=8, dialogue=dialogue
    )
    for url in [
        "/",
        "/dialogues/",
        "/statements/",
        "/participants/",
        dialogue.get_absolute_url(),
        statement.get_absolute_url(),
        speaker.get_absolute_url(),
        f"/articles/{article.pk}/",
        "/search/?q=script",
    ]:
        html = page(client, url)
        assert "<script>alert" not in html and "<img src=x" not in html, url


ARTICLE_TEXT_LOADED = re.compile(r'(SELECT|,)\s*"dialogues_article"\."text"\s*(,|FROM)')


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/dialogues/",
        "/agreements/",
        "/participants/",
        "/statements/",
        "/statements/?q=information",
        "/dialogues.csv",
        "/agreements.json",
        "/statements.csv",
        "/statements.ndjson",
        "/search/?q=information",
        "/feed/",
    ],
)
def test_no_list_feed_search_or_download_loads_an_articles_text(client, seeded, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    loading = [q["sql"] for q in queries.captured_queries if ARTICLE_TEXT_LOADED.search(q["sql"])]
    assert loading == []


def test_a_statement_page_reads_only_the_article_around_its_quote(client, japan, nato):
    padding = "Filler paragraph about something else entirely.\n" * 20_000  # a megabyte of article
    text = f"Japan and NATO\n{padding}Izawa said: 'We need information.' He left.\n{padding}"
    article = Article.objects.create(title="Long", text=text, checksum="d" * 64)
    start = text.index("We need")
    statement = Statement.objects.create(
        text="We need information.", speaker=japan, article=article, span_start=start, span_end=start + 20
    )
    with CaptureQueriesContext(connection) as queries:
        html = page(client, statement.get_absolute_url())
    assert "Izawa said: &#x27;<mark>We need information.</mark>&#x27; He left." in html
    assert not [q for q in queries.captured_queries if ARTICLE_TEXT_LOADED.search(q["sql"])]
    assert len(html) < 50_000


def test_a_record_page_shows_the_newest_statements_and_links_to_all_of_them(client, japan, nato):
    article = Article.objects.create(title="Talks", text="x" * 100, checksum="c" * 64)
    dialogue = Dialogue.objects.create(name="Japan–NATO talks", status="planned")
    day = datetime.date(2025, 1, 1)
    Statement.objects.bulk_create(
        Statement(
            text=f"Quote {n}",
            speaker=japan,
            article=article,
            span_start=n,
            span_end=n + 1,
            dialogue=dialogue,
            said_on=day + datetime.timedelta(days=n),
        )
        for n in range(30)
    )
    html = page(client, dialogue.get_absolute_url())
    assert html.count("<blockquote>") == 20 and "Quote 29" in html and "Quote 0<" not in html
    assert f'<a href="/statements/?dialogue={dialogue.slug}">All 30 statements</a>' in html
    assert "30 statements where" in page(client, f"/statements/?dialogue={dialogue.slug}")
    assert "All 30 statements" in page(client, japan.get_absolute_url())


def test_an_address_that_is_not_a_web_page_is_never_stored_nor_linked(japan_times_article):
    from django.db import IntegrityError, transaction

    for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.filter(pk=japan_times_article.pk).update(url=url)
        assert Article(url=url).web_url == ""
    assert Article(url="https://www.japantimes.co.jp/x").web_url == "https://www.japantimes.co.jp/x"


def test_the_feed_sends_article_words_as_plain_text(client, japan, japan_times_article):
    Statement.objects.create(
        text='<script>alert(1)</script><img src=x onerror="alert(2)"> and a \x0b control character',
        speaker=japan,
        article=japan_times_article,
        span_start=0,
        span_end=5,
    )
    response = client.get("/feed/")
    assert response.status_code == 200
    from xml.etree import ElementTree

    atom = "{http://www.w3.org/2005/Atom}"
    entry = ElementTree.fromstring(response.content).find(f"{atom}entry")
    summary = entry.find(f"{atom}summary")
    assert summary.get("type") == "text"
    assert summary.text.startswith('<script>alert(1)</script><img src=x onerror="alert(2)"> and a  control')


@pytest.mark.parametrize("url", ["/search/?q=%00", "/search/?q=Japan%00NATO", "/dialogues/?q=%00"])
def test_a_nul_in_a_search_is_a_message_not_a_server_error(client, seeded, url):
    html = page(client, url)
    assert "Null characters are not allowed" in html


def test_a_list_says_what_it_ignored_or_changed_every_time(client, seeded):
    for url, says in [
        (
            "/dialogues/?stauts=planned",
            "“stauts” is not a filter of this list (did you mean “status”?). It was ignored.",
        ),
        ("/dialogues/?o=name", "“o” is not a filter of this list. It was ignored."),
        ("/dialogues/?status[]=planned", "“status[]” is not a filter of this list (did you mean “status”?)."),
        ("/dialogues/?q=" + "x" * 201, "Text: Ensure this value has at most 200 characters (it has 201)."),
        ("/dialogues/?q=NATO&q=EU", "Text was given 2 times. Only the last, “EU”, was used."),
        (
            "/statements/?said_from=2025-08-01&said_to=2025-07-01",
            "“Said from” (1 Aug 2025) is after “Said by” (1 Jul 2025); they were used as given.",
        ),
        ("/search/?q=NATO&page=2", "“page” is not a search option. It was ignored."),
    ]:
        assert says in page(client, url), url
    # the long text is not cut to match something it never said
    html = page(client, "/dialogues/?q=" + "NATO" + "x" * 300)
    assert "2 dialogues</h2>" in html and "mentions" not in html
