"""Downloads of list rows: streamed, and safe to open in a spreadsheet."""

import csv
import datetime
import io
import json
from types import SimpleNamespace

import pytest
from django.http import StreamingHttpResponse
from django.utils import timezone

from dialogues.exports import Column, csv_response, export_filename, json_response, ndjson_response, neutralise

COLUMNS = [
    Column("title", lambda row: row.title),
    Column("status", lambda row: row.status),
    Column("started", lambda row: row.started),
    Column("parties", lambda row: row.parties),
    Column("meetings", lambda row: row.meetings),
]

DANGEROUS = ["=1+2", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "\ncmd", "\0cmd"]


def dialogue(title="Japan–EU Security and Defence Dialogue", **fields):
    values = {"status": "planned", "started": datetime.date(2024, 11, 1), "parties": ["Japan", "EU"], "meetings": 2}
    return SimpleNamespace(title=title, **(values | fields))


def body(response):
    return b"".join(response.streaming_content)


def csv_rows(response):
    return list(csv.reader(io.StringIO(body(response).decode("utf-8"), newline="")))


class CountingRows:
    """A generator of rows that counts how many the export has pulled so far."""

    def __init__(self, total):
        self.total = total
        self.pulled = 0

    def __iter__(self):
        for number in range(self.total):
            self.pulled += 1
            yield dialogue(title=f"Dialogue {number}")


def test_the_csv_starts_with_the_header_row_then_one_line_per_row():
    rows = csv_rows(csv_response([dialogue(), dialogue(title="Japan–UK talks")], COLUMNS, "d.csv"))

    assert rows[0] == ["title", "status", "started", "parties", "meetings"]
    assert rows[1] == ["Japan–EU Security and Defence Dialogue", "planned", "2024-11-01", "Japan; EU", "2"]
    assert rows[2][0] == "Japan–UK talks"
    assert len(rows) == 3


@pytest.mark.parametrize("text", DANGEROUS, ids=repr)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(text):
    rows = csv_rows(csv_response([dialogue(title=text)], COLUMNS, "d.csv"))

    assert rows[1][0] == "'" + text


@pytest.mark.parametrize("text", DANGEROUS, ids=repr)
def test_a_dangerous_first_party_in_a_list_cell_is_neutralised_too(text):
    assert neutralise([text, "Japan"]) == "'" + text + "; Japan"


@pytest.mark.parametrize(
    "text", ["Japan–EU", "日本・欧州 防衛産業対話", "Défense européenne", "a = b", "50% + more", "info@example.org", ""]
)
def test_harmless_text_is_written_untouched_and_round_trips_as_utf8(text):
    rows = csv_rows(csv_response([dialogue(title=text)], COLUMNS, "d.csv"))

    assert rows[1][0] == text


def test_real_negative_numbers_stay_numbers_but_a_negative_looking_string_is_neutralised():
    assert neutralise(-5) == "-5"
    assert neutralise(-2.5) == "-2.5"
    assert neutralise("-5") == "'-5"
    rows = csv_rows(csv_response([dialogue(meetings=-5, status="-5")], COLUMNS, "d.csv"))
    assert rows[1][1] == "'-5"
    assert rows[1][4] == "-5"


def test_empty_values_dates_and_lists_become_plain_cell_text():
    assert neutralise(None) == ""
    assert neutralise(datetime.date(2025, 3, 4)) == "2025-03-04"
    assert neutralise(("Japan", "Italy", "UK")) == "Japan; Italy; UK"
    assert neutralise([]) == ""


def test_the_byte_order_mark_is_sent_only_when_asked_for_excel():
    plain = body(csv_response([dialogue()], COLUMNS, "d.csv"))
    for_excel = body(csv_response([dialogue()], COLUMNS, "d.csv", excel=True))

    assert not plain.startswith(b"\xef\xbb\xbf")
    assert for_excel.startswith(b"\xef\xbb\xbf")
    assert for_excel.count(b"\xef\xbb\xbf") == 1
    assert for_excel.decode("utf-8-sig") == plain.decode("utf-8")


def test_the_csv_is_downloaded_as_an_attachment_with_its_filename():
    response = csv_response([], COLUMNS, "dialogues-2026-11-22.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dialogues-2026-11-22.csv"'
    assert csv_rows(response) == [["title", "status", "started", "parties", "meetings"]]


@pytest.mark.parametrize("export", [csv_response, json_response, ndjson_response])
def test_ten_thousand_rows_are_streamed_not_built_up_front(export):
    rows = CountingRows(10_000)
    response = export(iter(rows), COLUMNS, "big")

    assert isinstance(response, StreamingHttpResponse)
    assert rows.pulled == 0
    chunks = iter(response.streaming_content)
    next(chunks)
    assert rows.pulled <= 1
    rest = b"".join(chunks)
    assert rows.pulled == 10_000
    assert b"Dialogue 9999" in rest


def test_the_json_is_one_valid_array_of_objects_keyed_by_header():
    rows = [dialogue(), dialogue(title="=HYPERLINK()", started=None, parties=[])]
    response = json_response(rows, COLUMNS, "dialogues.json")

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="dialogues.json"'
    assert json.loads(body(response)) == [
        {
            "title": "Japan–EU Security and Defence Dialogue",
            "status": "planned",
            "started": "2024-11-01",
            "parties": ["Japan", "EU"],
            "meetings": 2,
        },
        {"title": "=HYPERLINK()", "status": "planned", "started": None, "parties": [], "meetings": 2},
    ]


def test_an_empty_list_gives_an_empty_json_array():
    assert json.loads(body(json_response([], COLUMNS, "dialogues.json"))) == []


def test_the_ndjson_has_one_valid_object_per_line():
    rows = [dialogue(), dialogue(title="日本・欧州", started=None), dialogue(meetings=-5)]
    response = ndjson_response(rows, COLUMNS, "dialogues.ndjson")

    assert response["Content-Type"] == "application/x-ndjson"
    assert response["Content-Disposition"] == 'attachment; filename="dialogues.ndjson"'
    lines = body(response).decode("utf-8").splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == 3
    assert objects[0]["started"] == "2024-11-01"
    assert objects[1] == {
        "title": "日本・欧州",
        "status": "planned",
        "started": None,
        "parties": ["Japan", "EU"],
        "meetings": 2,
    }
    assert objects[2]["meetings"] == -5


def test_an_export_filename_is_the_slugified_subject_then_the_date():
    day = datetime.date(2026, 11, 22)

    assert export_filename("dialogues", "csv", today=day) == "dialogues-2026-11-22.csv"
    assert (
        export_filename("dialogues where status is planned", "csv", today=day)
        == "dialogues-where-status-is-planned-2026-11-22.csv"
    )
    assert export_filename("Japan–EU agreements", ".json", today=day) == "japan-eu-agreements-2026-11-22.json"


def test_a_long_subject_is_trimmed_to_eighty_characters_before_the_date():
    name = export_filename("dialogue " * 40, "ndjson", today=datetime.date(2026, 11, 22))

    stem = name.removesuffix("-2026-11-22.ndjson")
    assert len(stem) <= 80
    assert stem.startswith("dialogue-dialogue")
    assert not stem.endswith("-")


def test_an_export_filename_is_dated_today_by_default():
    assert export_filename("dialogues", "csv") == f"dialogues-{timezone.localdate().isoformat()}.csv"
