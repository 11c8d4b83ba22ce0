"""The importer's reading of articles, as plain functions on real files: the bundled
seed articles and articles in other layouts and wordings written for these tests."""

import datetime
from pathlib import Path

import pytest

from dialogues.extraction.article import analyse_page
from dialogues.extraction.quotes import find_quotes
from dialogues.extraction.reading import read_page
from dialogues.extraction.report import section_report
from dialogues.extraction.timing import find_times

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
ARTICLES = Path(__file__).resolve().parent / "articles"


def report(path: Path, published: str | None) -> list[dict]:
    page = read_page(path.read_bytes(), path.name)
    date = datetime.date.fromisoformat(published) if published else None
    return [section_report(s, path.name, date) for s in analyse_page(page.text, date)]


@pytest.fixture(scope="module")
def nato_article():
    return report(SEEDS / "000_92ee229aff965d8c.txt", "2025-07-15")


@pytest.fixture(scope="module")
def eu_article():
    return report(SEEDS / "004_226b3f89e1556764.txt", "2025-07-23")


def people(section) -> dict[str, dict]:
    return {p["name"]: p for p in section["participants"] if p["kind"] == "person"}


def said(section) -> dict[str, str]:
    """First words of each quote -> its speaker."""
    return {" ".join(s["text"].split()[:4]): s["speaker"] for s in section["statements"]}


def test_the_main_article_is_relevant_and_the_teasers_are_skipped_with_a_reason(nato_article):
    main, *teasers = nato_article
    assert main["relevant"] and main["title"].startswith("Japan and NATO to launch")
    assert len(teasers) == 3
    for teaser in teasers:
        assert not teaser["relevant"] and teaser["skipped_reason"]
        assert not (teaser["statements"] or teaser["participants"] or teaser["dialogues"])


def test_the_japan_nato_talks_are_planned_in_brussels_with_no_date_yet(nato_article):
    (talks,) = nato_article[0]["dialogues"]
    assert talks["parties"] == ["Japan", "NATO"] and talks["status"] == "planned"
    assert "Brussels" in talks["venue"]
    assert talks["expected"] == {"text": "in the near future", "earliest": None, "latest": None}
    assert talks["format"] is None or "officials" in talks["format"]
    assert {"space", "drones", "semiconductors"} <= set(talks["topics"])


def test_the_japan_eu_dialogue_is_planned_for_early_next_year_from_the_articles_date(eu_article):
    (dialogue,) = eu_article[0]["dialogues"]
    assert dialogue["parties"] == ["Japan", "EU"] and dialogue["status"] == "planned"
    assert "Defense Industry Dialogue" in dialogue["name"]
    assert dialogue["expected"] == {"text": "early next year", "earliest": "2026-01-01", "latest": "2026-04-30"}
    assert dialogue["format"] == "government officials and business representatives"


def test_dialogues_without_japan_are_not_recorded(eu_article):
    parties = [set(d["parties"]) for s in eu_article for d in s["dialogues"]]
    assert {"EU", "Philippines"} not in parties and {"EU", "South Korea"} not in parties
    assert all("South Korea" not in a["parties"] for a in eu_article[0]["agreements"])


def test_agreements_get_kind_status_parties_and_date(nato_article, eu_article):
    found = {a["name"]: a for s in (eu_article[0], nato_article[0]) for a in s["agreements"]}
    icep = found["NATO Industrial Capacity Expansion Pledge"]
    assert (icep["kind"], icep["status"], icep["date"]["earliest"]) == ("pledge", "agreed", "2024-01-01")
    gcap = found["Global Combat Air Program"]
    assert set(gcap["parties"]) == {"Japan", "UK", "Italy"} and gcap["kind"] == "programme"
    pledge = found["NATO Defence spending pledge: 5% of GDP by 2035"]
    assert pledge["parties"] == ["NATO"] and pledge["date"]["earliest"] == "2025-06-01"
    sharing = found["Japan–EU classified information-sharing agreement"]
    assert (sharing["kind"], sharing["status"]) == ("information_security", "negotiating")
    partnership = found["Japan–EU security and defense partnership"]
    assert partnership["date"] == {"text": "last November", "earliest": "2024-11-01", "latest": "2024-11-30"}


def test_people_come_with_titles_and_affiliations_and_captions_name_no_one_new(nato_article, eu_article):
    nato_people, eu_people = people(nato_article[0]), people(eu_article[0])
    assert nato_people["Osamu Izawa"]["role"] == "Ambassador to NATO"
    assert nato_people["Mark Rutte"]["role"] == "Secretary-General"
    assert nato_people["Mark Rutte"]["affiliation"] == "NATO"
    assert nato_people["Gorana Grgic"]["affiliation"] == "ETH Zurich's Center for Security Studies"
    assert "Kaja Kallas" in eu_people, "the caption spells out the surname the article uses"
    assert eu_people["Sebastian Maslow"]["affiliation"] == "University of Tokyo"
    everyone = " ".join(nato_people) + " " + " ".join(eu_people)
    assert "Fung" not in everyone and "Pool" not in everyone and "REUTERS" not in everyone


def test_quotes_are_attributed_whatever_their_marks_and_pronouns(nato_article, eu_article):
    nato, eu = said(nato_article[0]), said(eu_article[0])
    assert nato["We need information and"] == "Osamu Izawa"  # opened with ' and closed with "
    assert nato["We need to know"] == "Osamu Izawa"  # runs on after "Izawa said."
    assert nato["We are now going"] == "Osamu Izawa"  # "he said"
    assert nato["Together, if successful, these"] == "Gorana Grgic"  # "she added"
    assert nato["outpace and outproduce"] == "Mark Rutte"  # a fragment with its speaker in the sentence
    assert eu["In recent years, Tokyo"] == "Sebastian Maslow"  # "said Sebastian Maslow, an ..."
    assert eu["We see North Korean"] == "Kaja Kallas"  # several sentences before the attribution
    assert eu["Our closer cooperation has"] == "Japan–EU (joint)"  # "the two sides said in a joint statement"


def test_a_quote_span_points_at_its_words_in_the_file(eu_article):
    text = (SEEDS / "004_226b3f89e1556764.txt").read_text()
    for statement in eu_article[0]["statements"]:
        start, end = statement["span"]
        assert text[start:end] == statement["text"]


@pytest.mark.parametrize(
    ("words", "published", "earliest", "latest"),
    [
        ("early next year", "2025-07-23", "2026-01-01", "2026-04-30"),
        ("last month", "2025-07-15", "2025-06-01", "2025-06-30"),
        ("last November", "2025-07-23", "2024-11-01", "2024-11-30"),
        ("in April", "2025-07-15", "2025-04-01", "2025-04-30"),
        ("later this year", "2026-03-10", "2026-03-11", "2026-12-31"),
        ("later this year", "2023-12-31", "2023-12-31", "2023-12-31"),  # on its last day: never an empty window
        ("later this month", "2026-04-30", "2026-04-30", "2026-04-30"),
        ("in the first half of next year", "2025-10-08", "2026-01-01", "2026-06-30"),
        ("early 2027", "2025-11-20", "2027-01-01", "2027-04-30"),
    ],
)
def test_fuzzy_times_resolve_against_the_articles_date(words, published, earliest, latest):
    (when,) = find_times(words, datetime.date.fromisoformat(published))
    assert (when.text, str(when.earliest), str(when.latest)) == (words, earliest, latest)


def test_a_time_with_no_article_date_keeps_its_words_only():
    (when,) = find_times("early next year", None)
    assert (when.text, when.earliest, when.latest) == ("early next year", None, None)


def test_by_a_year_is_a_deadline_not_a_date():
    (when,) = find_times("by 2035", datetime.date(2025, 7, 15))
    assert when.deadline and str(when.latest) == "2035-12-31"


def test_quote_marks_pair_across_styles():
    text = "\u201cWe\u2019re ready,\u201d he said. 'We're ready too,' she said, of the allies' plans. \"Yes.'"
    assert [q.text for q in find_quotes(text)] == ["We\u2019re ready", "We're ready too", "Yes."]


def test_a_plain_article_with_blank_lines_and_straight_quotes():
    (main,) = report(ARTICLES / "uk_japan_plain.txt", "2026-03-10")
    dialogue = next(d for d in main["dialogues"] if "Equipment" in d["name"])
    assert dialogue["parties"] == ["Japan", "UK"] and dialogue["status"] == "planned"
    assert dialogue["expected"]["earliest"] == "2026-09-01"  # "in the autumn" sharpens "later this year"
    agreements = {a["name"]: a for a in main["agreements"]}
    assert agreements["Japan–UK reciprocal access agreement"]["status"] == "agreed"
    quotes = said(main)
    assert quotes["We have moved from"] == "Jane Holloway"  # `Holloway told reporters: "..."`
    assert quotes["Too often the conversation"] == "Jane Holloway"  # "according to Holloway"
    assert quotes["Japan sees the United"] == "Kenji Arakawa"  # "said Arakawa"
    assert "Officials" not in people(main) and "Analysts" not in people(main)


def test_an_aggregator_page_with_curly_quotes_and_a_first_meeting_held():
    main, *teasers = report(ARTICLES / "germany_japan_aggregator.txt", "2026-02-12")
    (dialogue,) = [d for d in main["dialogues"] if "dialogue" in d["name"]]
    assert set(dialogue["parties"]) == {"Japan", "Germany"} and dialogue["status"] == "active"
    assert dialogue["venue"] == "Tokyo" and dialogue["expected"]["earliest"] == "2026-01-01"
    (agreement,) = main["agreements"]
    assert agreement["status"] == "negotiating"
    assert people(main)["Matthias Brenner"]["role"].lower() == "state secretary"
    assert len(teasers) == 2 and not any(t["relevant"] for t in teasers)


def test_single_quotes_a_proposal_and_an_out_of_scope_dialogue():
    (main,) = report(ARTICLES / "eu_japan_single_quotes.txt", "2025-11-20")
    assert [(d["parties"], d["status"]) for d in main["dialogues"]] == [(["Japan", "EU"], "proposed")]
    quotes = said(main)
    assert quotes["We're not starting from"] == "Annika Roos"
    assert "whole-of-government" not in quotes  # "called for a 'whole-of-government' approach": a term, not words said


def test_an_html_page_gives_only_its_article():
    main, *related = report(ARTICLES / "france_japan_html.html", "2025-10-08")
    assert len(related) == 4 and not any(r["relevant"] for r in related)  # the related-stories box, skipped
    dialogue = next(d for d in main["dialogues"] if "Forum" in d["name"])
    assert {d["status"] for d in main["dialogues"]} == {"planned", "active"}  # the forum; their existing 2+2
    assert dialogue["status"] == "planned" and dialogue["expected"]["latest"] == "2026-06-30"
    (agreement,) = main["agreements"]
    assert agreement["date"]["earliest"] == "2015-01-01"
    assert "Sophie Marchand" not in people(main)  # the byline is not a source


def test_an_article_with_only_unrelated_news_gives_no_records():
    (only,) = report(ARTICLES / "unrelated_only.txt", "2025-10-06")
    assert not only["relevant"] and only["skipped_reason"]


EXTRA = Path(__file__).resolve().parent / "articles_extra"


def test_a_dialogue_that_has_stalled_and_a_trade_agreement_left_out():
    (main,) = report(EXTRA / "eu_japan_stalled.txt", "2026-02-17")
    (dialogue,) = [d for d in main["dialogues"] if "minerals" in d["name"]]
    assert dialogue["status"] == "stalled" and not dialogue["name"].startswith("Japan–EU Analysis")
    assert main["agreements"] == []  # the Economic Partnership Agreement is trade, not defence


def test_a_title_after_a_possessive_and_a_treaty_signed_by_three():
    (main,) = report(EXTRA / "italy_japan_gcap.txt", "2026-03-03")
    assert people(main)["Keiko Morimoto"]["role"] == "State Minister of Defense"
    treaty = next(a for a in main["agreements"] if a["kind"] == "treaty")
    assert set(treaty["parties"]) == {"Japan", "Italy", "UK"} and treaty["status"] == "agreed"
    assert treaty["date"]["earliest"] == "2025-12-01"
    forum = next(d for d in main["dialogues"] if "forum" in d["name"])
    assert (forum["status"], forum["venue"], forum["expected"]["text"]) == ("planned", "Rome", "in the spring")
    # and the ministers' meeting in Rome at which it was announced, which took place
    assert {d["status"] for d in main["dialogues"]} == {"planned", "concluded"}


def test_a_quote_split_by_its_attribution_and_a_title_run_into_the_name():
    (main,) = report(EXTRA / "nato_japan_wire.txt", "2025-11-19")
    quotes = said(main)
    assert quotes["We are not there"] == "Hiroshi Tanaka"
    assert quotes["but the direction is"] == "Hiroshi Tanaka"
    assert quotes["Japan has world-class industrial"] == "Ingrid Vasquez-Holm"
    assert main["dialogues"][0]["status"] == "active"


def test_two_wordings_of_one_agreement_in_an_article_are_one_record():
    (main,) = report(EXTRA / "netherlands_japan_mou.txt", "2025-10-10")
    (agreement,) = main["agreements"]
    assert agreement["status"] == "negotiating" and agreement["parties"] == ["Japan", "Netherlands"]
    # "Van Rijswijk noted" is her; the head of Japan's delegation is named with his title too
    assert set(people(main)) == {"Maarten Verhoeven", "Lotte van Rijswijk", "Takeshi Ogura"}


def test_talks_with_a_counterpart_take_the_other_side_from_the_subject():
    (main,) = report(EXTRA / "poland_japan_short.txt", "2025-09-12")
    (talks,) = main["dialogues"]
    assert talks["parties"] == ["Japan", "Poland"] and talks["venue"] == "Warsaw"
    assert talks["expected"]["earliest"] == "2025-10-01" and not main["statements"]


THIRD = Path(__file__).resolve().parent / "articles_third"


def test_a_press_release_with_guillemets_a_memorandum_and_a_contact_block():
    (main,) = report(THIRD / "press_release_sweden.txt", "2026-05-12")
    assert said(main)["This memorandum gives our"] == "Åsa Lindqvist-Ström"  # «...», said Minister for Defence ...
    assert said(main)["Sweden and Japan are"] == "Åsa Lindqvist-Ström"  # "the minister added"
    assert "Johan Ekholm" not in people(main)
    (memorandum,) = main["agreements"]
    assert memorandum["status"] == "agreed" and memorandum["parties"] == ["Japan", "Sweden"]
    (dialogue,) = main["dialogues"]
    assert (dialogue["status"], dialogue["venue"], dialogue["expected"]["earliest"]) == (
        "planned",
        "Tokyo",
        "2026-09-01",
    )


def test_an_interviews_answers_are_the_interviewees_and_its_questions_nobodys():
    (main,) = report(THIRD / "interview_qa_nato.txt", "2026-03-18")
    speakers = {s["speaker"] for s in main["statements"]}
    assert speakers == {"Henrik Vestergaard-Lund"} and len(main["statements"]) == 7
    (dialogue,) = main["dialogues"]
    assert dialogue["status"] == "planned" and dialogue["expected"]["text"] == "in the autumn"
    assert not [a for a in main["agreements"] if a["status"] == "negotiating"]  # "We are not negotiating a treaty"


def test_a_live_blog_keeps_each_speaker_to_their_entry():
    (main,) = report(THIRD / "liveblog_summit.txt", "2025-12-03")
    quotes = said(main)
    assert quotes["Security of supply is"] == "Emiko Tanabe"
    assert quotes["We have learned the"] == "Kristiina Valtonen-Berg"
    dialogue = next(d for d in main["dialogues"] if "Supply" in d["name"])
    assert dialogue["name"] == "Japan–EU Security of Supply Dialogue" and dialogue["venue"] is None
    assert dialogue["expected"] == {
        "text": "in the first quarter of next year",
        "earliest": "2026-01-01",
        "latest": "2026-03-31",
    }


def test_a_feature_with_dashes_an_introduced_quote_and_an_unnamed_official():
    (main,) = report(THIRD / "feature_germany_japan_dashes.txt", "2026-02-09")
    quotes = said(main)
    assert quotes["An agreement on paper"] == "Jürgen Müller"  # "Müller put it bluntly:" then the quote
    assert quotes["For decades our companies"] == "Haruka Ōtsuki"
    assert "cautiously serious" not in quotes  # said by an unnamed official
    statuses = {a["name"]: a["status"] for a in main["agreements"]}
    assert statuses["Japan–Germany defence equipment and technology transfer agreement"] == "negotiating"


def test_two_dialogues_of_one_pair_one_suspended_and_one_concluded():
    (main,) = report(THIRD / "brief_uk_japan_stalled_and_concluded.txt", "2026-04-14")
    statuses = {d["name"]: d["status"] for d in main["dialogues"]}
    assert statuses["Japan–UK Defence Research Dialogue"] == "stalled"
    assert statuses["Japan–UK maritime security dialogue"] == "concluded"
    assert len(statuses) == 3  # and the 2+2, into which the maritime dialogue's agenda folds
    assert all(d["expected"] is None for d in main["dialogues"])  # a report "published last month" dates neither
    assert not main["statements"]  # a report's title in quotes is no statement


def test_a_teaser_on_the_same_subject_is_still_only_a_teaser():
    page = (SEEDS / "004_226b3f89e1556764.txt").read_text().split("Related Articles")[0] + (
        "Related Articles\n\nDefence Weekly\nan hour ago\n- Defence Weekly\n"
        "Japan and UK to launch defence equipment dialogue\n"
        'Japan and the UK aim to launch a Japan-UK Defence Equipment Dialogue next year. "It matters," '
        "said Defence Minister Anna Berg.\n"
    )
    main, teaser = [section_report(s, "page.txt", None) for s in analyse_page(page, None)]
    assert main["relevant"] and not teaser["relevant"]
    assert "teaser" in teaser["skipped_reason"] and not teaser["dialogues"] and not teaser["statements"]


FOURTH = Path(__file__).resolve().parent / "articles_fourth"


def test_aggregator_pages_on_other_subjects_give_their_own_records_and_ignore_teasers():
    italy, *teasers = report(FOURTH / "agg_japan_italy.txt", "2025-09-16")
    assert [d["parties"] for d in italy["dialogues"]] == [["Japan", "Italy"]]  # "... with Britain" is context
    assert {a["name"]: a["parties"] for a in italy["agreements"]}[
        "Japan–Italy agreement on the transfer of defence equipment and technology"
    ] == ["Japan", "Italy"]
    assert "Armaments Directorate" not in people(italy)
    assert teasers and not any(t["relevant"] or t["participants"] for t in teasers)

    nato, *_ = report(FOURTH / "agg_nato_japan_cyber.txt", "2026-10-13")
    (consultations,) = [d for d in nato["dialogues"] if "consultations" in d["name"]]
    assert consultations["venue"] == "Brussels" and consultations["expected"]["earliest"] == "2027-01-01"
    assert set(people(nato)) == {"Annelise Vandermeer", "Shinpei Takamori", "Naoko Sekimura"}

    space, *_ = report(FOURTH / "agg_eu_japan_space.txt", "2026-03-09")
    assert [(d["status"], d["venue"]) for d in space["dialogues"]] == [("active", "Tokyo")]

    france, *_ = report(FOURTH / "agg_france_japan_stalled.txt", "2026-01-22")
    assert {d["status"] for d in france["dialogues"]} == {"stalled"}
    assert said(france)["We are ready"] == "Mathilde Ferrand"  # 'We are ready," she said: mismatched marks


def test_a_programmes_presenters_are_narrators_and_a_sponsors_message_is_furniture():
    section = report(ARTICLES / "radio_programme_transcript.txt", "2025-03-09")[0]
    speakers = {s["speaker"] for s in section["statements"]}
    assert "Marta Lindqvist" not in speakers and "Hugo Ferreira" not in speakers  # they ask and link
    assert "Guido Crosetto" in speakers  # the quote a presenter reads out keeps its speaker
    assert "Aiko Shimizu" in speakers  # the guest's answers are hers
    assert not any("Northwind" in s["text"] for s in section["statements"])
