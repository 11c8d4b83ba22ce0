"""Policy staff's everyday questions, answered by the pages and downloads without workarounds."""

import csv
import datetime
import io
from html import unescape

import pytest
from django.core.management import call_command
from django.http import StreamingHttpResponse

from dialogues.models import Agreement, Article, Dialogue, Participant, Statement
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def csv_rows(client, url) -> tuple[StreamingHttpResponse, list[dict]]:
    response = client.get(url)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return response, list(csv.DictReader(io.StringIO(body)))


# 1. Whose side a speaker is on


def test_a_persons_side_and_country_follow_from_their_country_or_organisation(seeded):
    sides = dict(Participant.objects.filter(kind="person").values_list("name", "region"))
    assert sides["Kaja Kallas"] == "europe" and sides["Mark Rutte"] == "europe"  # by the EU and NATO
    assert sides["Osamu Izawa"] == "japan"
    assert Participant.objects.get(name="Japan").country == "Japan"  # a government is its own country


def test_an_editors_side_for_a_person_is_kept_when_the_articles_are_imported_again(seeded, editor):
    from dialogues.models import Origin, Source

    kallas = Participant.objects.get(name="Kaja Kallas")
    kallas.region = "other"
    kallas.save()
    Source.objects.create(participant=kallas, field="region", value="other", origin=Origin.EDITOR, editor=editor)
    Article.objects.all().delete()
    call_command("import_articles", str(SEEDS), verbosity=0, stdout=io.StringIO())
    assert Participant.objects.get(name="Kaja Kallas").region == "other"


def test_statements_filter_by_the_speakers_side_country_and_organisation_with_counts(client, seeded):
    europe = Statement.objects.filter(speaker__region="europe").count()
    assert europe > 0
    html = unescape(page(client, "/statements/?side=europe"))
    assert f"{europe} statements where a speaker's side is Europe" in html
    assert "Osamu Izawa" not in html.split('class="results"')[1].split("</table>")[0]
    everything = page(client, "/statements/")
    assert f'> Europe <span class="count">({europe})</span>' in everything
    japan = Statement.objects.filter(speaker__country="Japan").count()
    assert f"{japan} statements where a speaker's country is Japan" in unescape(
        page(client, "/statements/?country=Japan")
    )
    by_nato = Statement.objects.filter(speaker__affiliation__name="NATO").count()
    assert f'NATO <span class="count">({by_nato})</span>' in everything


def test_the_statements_download_says_who_each_speaker_is(client, seeded):
    _, rows = csv_rows(client, "/statements.csv?side=europe")
    assert rows and {r["speaker_region"] for r in rows} == {"Europe"}
    kallas = next(r for r in rows if r["speaker"] == "Kaja Kallas")
    assert kallas["speaker_organisation"] == "EU" and "speaker_role" in kallas and "speaker_country" in kallas


# 2. Dates a reader can place


def test_lists_details_and_downloads_show_the_window_beside_the_words_and_the_date_they_were_relative_to(
    client, seeded
):
    expected = "early next year (Jan–Apr 2026), as of 23 Jul 2025"
    assert expected in page(client, "/dialogues/")
    eu = Dialogue.objects.get(parties__name="EU")
    assert expected in page(client, eu.get_absolute_url())
    _, rows = csv_rows(client, "/dialogues.csv?party=eu")
    assert rows[0]["expected_window"] == "Jan–Apr 2026" and rows[0]["expected_words_as_of"] == "2025-07-23"
    assert "last November (Nov 2024), as of 23 Jul 2025" in page(client, "/agreements/")


# 3. Stale records


def test_records_with_no_news_for_six_months_are_flagged_on_the_dashboard_and_in_lists(client, seeded):
    nato = Dialogue.objects.get(parties__name="NATO")
    assert nato.last_heard == datetime.date(2025, 7, 15)
    quiet = page(client, "/").split('id="quiet-heading"')[1].split("</section>")[0]
    assert nato.name in quiet and "last heard of 15 Jul 2025" in quiet
    assert "no news since Jul 2025" in page(client, "/dialogues/")
    _, rows = csv_rows(client, "/dialogues.csv")
    assert {r["quiet"] for r in rows} == {"True"} and {r["last_heard_of"] for r in rows} == {"2025-07-15", "2025-07-23"}


def test_news_within_the_quiet_period_is_not_flagged(client, seeded, settings):
    settings.QUIET_AFTER_DAYS = (datetime.date.today() - datetime.date(2025, 7, 1)).days
    assert "no news since" not in page(client, "/dialogues/")
    quiet = page(client, "/").split('id="quiet-heading"')[1].split("</section>")[0]
    assert "Japan–NATO" not in quiet


def test_a_dialogue_under_way_does_not_show_its_expected_start_as_pending(seeded):
    nato = Dialogue.objects.get(parties__name="NATO")
    nato.status = "active"
    nato.last_heard = datetime.date.today()
    assert nato.glance == "active"
    nato.status = "planned"
    assert nato.glance == "planned · expected in the near future"


def test_a_newer_article_moves_last_heard_and_an_older_one_does_not(seeded, tmp_path):
    (tmp_path / "later.txt").write_text(
        "Japan and NATO hold defence industry talks\n\n"
        "Japan and NATO held their first defense-industrial talks in Brussels on Friday, officials said.\n"
    )
    (tmp_path / "manifest.csv").write_text("file,published,outlet,url\nlater.txt,2026-03-06,Wire,\n")
    call_command("import_articles", str(tmp_path), verbosity=0, stdout=io.StringIO())
    nato = Dialogue.objects.get(parties__name="NATO")
    assert nato.last_heard == datetime.date(2026, 3, 6)
    call_command("import_articles", str(SEEDS), verbosity=0, stdout=io.StringIO())
    assert Dialogue.objects.get(pk=nato.pk).last_heard == datetime.date(2026, 3, 6)


# 4. A dialogue's page shows what its participants said about it


def test_every_statement_by_the_ambassador_in_the_article_about_the_talks_belongs_to_the_talks(seeded):
    nato = Dialogue.objects.get(parties__name="NATO")
    izawa = Statement.objects.filter(speaker__name="Osamu Izawa")
    assert izawa.count() == 8
    assert izawa.filter(dialogue=nato).count() == 8


# 6. The source trail


def test_bundled_articles_link_to_their_originals_and_no_page_shows_an_internal_path(client, seeded):
    article = Article.objects.get(title__startswith="EU and Japan aim")
    html = page(client, f"/articles/{article.pk}/")
    assert 'href="https://www.japantimes.co.jp/news/2025/07/23/' in html
    assert "imported from" not in html and ".txt" not in html
    _, rows = csv_rows(client, "/statements.csv")
    assert all(r["source_url"].startswith("https://www.japantimes.co.jp/") for r in rows)


def test_an_article_page_shows_the_article_without_its_headline_twice_captions_or_teasers(client, seeded):
    from dialogues.models import Source

    source = Source.objects.filter(article__title__startswith="Japan and NATO", field="speaker").first()
    url = f"/articles/{source.article_id}/?from={source.sentence_start}&to={source.sentence_end}"
    html = unescape(page(client, url))
    body = html.split('class="article-text"')[1].split("</div>")[0]
    assert "Japan and NATO to launch defense-industrial talks" not in body  # the <h1> says it once
    assert "meets with Rutte at NATO headquarters in Brussels. |" not in body  # a photo caption
    assert "Try Our AI Features" not in body and "Isuzu" not in body
    assert f'<mark id="marked">{source.sentence}' in body
    saved = unescape(page(client, url + "&as=saved"))
    assert "meets with Rutte at NATO headquarters in Brussels. |" in saved and '<mark id="marked">' in saved


def test_an_article_without_an_address_says_so(client, japan_times_article):
    html = page(client, f"/articles/{japan_times_article.pk}/")
    assert "original address not recorded" in html


# 9. Small things


def test_the_csv_and_the_csv_for_excel_have_different_file_names(client, seeded):
    plain, _ = csv_rows(client, "/agreements.csv")
    excel, _ = csv_rows(client, "/agreements.csv?excel=1")
    assert plain["Content-Disposition"] != excel["Content-Disposition"]
    assert "for-excel" in excel["Content-Disposition"]


def test_a_choice_that_would_match_nothing_is_shown_only_when_chosen(client, seeded):
    Participant.objects.create(name="United States", kind="government", region="other")
    assert "United States" not in page(client, "/dialogues/")
    chosen = page(client, "/dialogues/?party=united-states")
    assert 'value="united-states" checked' in chosen and "0 dialogues" in chosen


@pytest.mark.parametrize("query", ["defence+industry", "Defense+Industry"])
def test_british_and_american_spellings_find_the_same_records(client, seeded, query):
    listed = page(client, f"/dialogues/?q={query}").split('class="results"')[1].split("</table>")[0]
    assert "Japan–EU Defense Industry Dialogue" in listed
    assert "Japan–EU Defense Industry Dialogue" in page(client, f"/search/?q={query}")


def test_the_timeline_tells_a_window_from_a_duration_and_keeps_its_labels_whole(client, seeded):
    html = page(client, "/")
    timeline = html.split("<svg")[1].split("</svg>")[0]
    assert 'class="bar agreement status-agreed window"' in timeline  # "in 2024": somewhere in that year
    assert "NATO Industrial Capacity Expansion Pledge — agreed · 2024" in timeline
    assert "is a window: the date falls somewhere in it" in html


def test_the_sources_index_lists_articles_by_outlet_and_date(client, seeded):
    html = page(client, "/articles/?outlet=The+Japan+Times&published_from=2025-07-20")
    assert "1 source article where" in html and "EU and Japan aim for deeper defense cooperation" in html
    assert "Japan and NATO to launch" not in html.split('class="results"')[1].split("</table>")[0]
    _, rows = csv_rows(client, "/articles.csv?outlet=The+Japan+Times")
    assert [r["published"] for r in rows] == ["2025-07-23", "2025-07-15"]
    assert page(client, "/articles/?outlet=Nobody").count("is not one of the available choices") == 1


def test_the_about_page_says_where_the_data_comes_from_and_how_to_report_an_error(client, seeded, settings):
    settings.CONTACT_EMAIL = "editors@tracker.example"
    html = page(client, "/about/")
    assert "2 so far" in html and "What confidence means" in html
    assert 'href="mailto:editors@tracker.example"' in html
    assert 'href="/about/"' in page(client, "/")


def test_agreements_are_unaffected_by_a_dialogues_quiet_period(seeded):
    gcap = Agreement.objects.get(name__startswith="Global Combat")
    gcap.status = "in_force"
    assert not gcap.quiet  # an agreement in force needs no news to be current
