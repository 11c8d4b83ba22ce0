"""Every list downloads exactly its filtered, sorted rows: CSV, CSV for Excel, JSON and NDJSON."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse

from dialogues.models import Article, Participant, Statement

pytestmark = pytest.mark.django_db


def download(client, url) -> tuple[StreamingHttpResponse, bytes]:
    response = client.get(url)
    assert response.status_code == 200 and isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content)


def rows_of(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_csv_holds_exactly_the_filtered_rows_in_the_pages_order(client, seeded):
    response, body = download(client, "/dialogues.csv?status=planned&sort=-name")
    rows = rows_of(body)
    assert [r["name"] for r in rows] == ["Japan–NATO defense-industrial talks", "Japan–EU Defense Industry Dialogue"]
    eu = rows[1]
    assert eu["parties"] == "EU; Japan" and eu["expected_window"] == "Jan–Apr 2026"
    assert " · overdue" in eu["at_a_glance"]
    assert "aim to launch" in eu["status_source_sentence"] and eu["status_confirmed_by_editor"] == "False"
    assert "early next year" in eu["expected_source_sentence"] and eu["expected_source_article"].startswith("EU and")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="dialogues-where-status-is-planned-' in response["Content-Disposition"]


def test_all_rows_are_downloaded_not_just_the_page_shown(client, seeded):
    html = client.get("/statements/").content.decode()
    _, body = download(client, "/statements.csv")
    assert len(rows_of(body)) == Statement.objects.count() > 0
    assert f"Download these {Statement.objects.count()} rows" in html


def test_the_excel_download_starts_with_a_byte_order_mark(client, seeded):
    _, plain = download(client, "/agreements.csv")
    _, excel = download(client, "/agreements.csv?excel=1")
    assert not plain.startswith(b"\xef\xbb\xbf") and excel.startswith(b"\xef\xbb\xbf")
    assert rows_of(plain) == rows_of(excel)


def test_cells_a_spreadsheet_would_run_are_neutralised(client, japan):
    article = Article.objects.create(title='=HYPERLINK("http://evil")', text="x" * 20, checksum="e" * 64)
    speaker = Participant.objects.create(name="@SUM(A1:A9)", kind="person")
    Statement.objects.create(text="=1+2", speaker=speaker, article=article, span_start=0, span_end=4)
    _, body = download(client, "/statements.csv")
    (row,) = rows_of(body)
    assert row["quote"] == "'=1+2" and row["speaker"] == "'@SUM(A1:A9)"
    assert row["source_article"].startswith("'=")


def test_json_and_ndjson_carry_the_same_rows(client, seeded):
    _, body = download(client, "/participants.json?kind=person")
    people = json.loads(body)
    assert {p["name"] for p in people} >= {"Osamu Izawa", "Kaja Kallas"}
    _, lines = download(client, "/participants.ndjson?kind=person")
    assert [json.loads(line) for line in lines.decode().splitlines()] == people


def test_an_unknown_download_format_is_not_found(client, seeded):
    assert client.get("/dialogues.xlsx").status_code == 404


@pytest.mark.parametrize(
    ("url", "says"),
    [
        (
            "/statements.csv?speaker=nobody",
            "Speaker: Select a valid choice. nobody is not one of the available choices.",
        ),
        ("/dialogues.json?status=postponed", "Status: Select a valid choice."),
        ("/dialogues.ndjson?expected_from=31-02-2026", "Expected from: Enter a valid date."),
        ("/dialogues.csv?stauts=planned", "“stauts” is not a filter of this list (did you mean “status”?)."),
        ("/dialogues.csv?q=" + "x" * 201, "Text: Ensure this value has at most 200 characters"),
        ("/dialogues.csv?q=NATO&q=EU", "Text was given 2 times."),
        ("/dialogues.json?excel=1", "“excel” is not a filter of this list."),
        ("/dialogues.csv?excel=yes", "excel: the only value is 1"),
    ],
)
def test_a_download_with_a_bad_filter_is_refused_not_widened(client, seeded, url, says):
    response = client.get(url)
    assert response.status_code == 400 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert says in response.content.decode()
    assert "Nothing was downloaded" in response.content.decode()


def test_a_download_ignores_the_page_number_and_holds_every_row(client, seeded):
    _, body = download(client, "/statements.csv?page=2")
    assert len(rows_of(body)) == Statement.objects.count()
