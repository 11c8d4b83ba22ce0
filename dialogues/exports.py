"""Streaming downloads of list rows: CSV (safe to open in a spreadsheet), JSON and NDJSON.

    columns = [Column("title", lambda d: d.title), Column("status", lambda d: d.get_status_display())]
    return csv_response(queryset.iterator(), columns, export_filename("dialogues", "csv"))

Rows are pulled one at a time while the response is sent, so memory stays flat however
long the list is; pass a queryset as `.iterator()` so Django does not cache it whole.
Every CSV cell goes through `neutralise`, so a cell can never run as a formula
(OWASP "CSV injection"); JSON keeps values as they are, typed.
"""

import csv
import datetime
import io
import json
import math
import numbers
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

# A spreadsheet treats a cell starting with one of these as a formula (or strips the
# control character and then does): OWASP's list, plus NUL.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_TRIGGERS = frozenset(FORMULA_TRIGGERS)
LIST_SEPARATOR = "; "
UTF8_BOM = "\ufeff"
MAX_FILENAME_STEM = 80
CHUNK_CHARS = 64 * 1024  # rows are sent in pieces of about this size
FIRST_ROWS = 1  # rows sent on their own first, so a download starts at once


@dataclass(frozen=True)
class Column:
    """One exported column: a stable, documented header and how to read the cell from a row."""

    header: str
    value: Callable[[Any], Any]


def read_straight(rows, columns: Sequence[tuple[str, str, Callable | None]]) -> tuple[Iterable, list[Column]]:
    """Rows read as plain tuples of `(header, database path, convert)` columns — no model objects, several
    times faster for a long download — and the Columns that read their cells."""
    paths = [path for _, path, _ in columns]
    cells = [
        Column(header, (lambda row, i=i, f=convert: f(row[i]) if f else row[i]))
        for i, (header, _, convert) in enumerate(columns)
    ]
    return rows.values_list(*paths).iterator(chunk_size=500), cells


def in_one_transaction(rows: Iterable) -> Iterator:
    """`rows` read inside one transaction on PostgreSQL, so its cursor sends them as it finds them: outside
    one, Django's cursor is held past the commit, and PostgreSQL works out every row before the first
    (3.4 s for a million). The download is then one consistent snapshot, too. (Not on SQLite, where a
    transaction here would take the write lock for as long as the download.)"""
    if connection.vendor != "postgresql":
        yield from rows
        return
    with transaction.atomic():
        yield from rows


def _plain_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_plain_text(item) for item in value)
    return str(value)


def neutralise(value: Any) -> str:
    """Cell text a spreadsheet will never run as a formula (OWASP CSV injection): a cell that begins
    with =, +, -, @, tab, carriage return, line feed or NUL gets a leading apostrophe; None -> ""; dates -> ISO;
    lists/tuples -> items joined with "; ".

    Real numbers are written as they are (-5 stays -5, a number to the spreadsheet); only text is
    neutralised, so the string "-5" becomes "'-5"."""
    if value.__class__ is str:  # the common case, first
        return "'" + value if value[:1] in _TRIGGERS else value
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return str(value)
    text = _plain_text(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _json_value(value: Any) -> Any:
    """A JSON-native value: dates as ISO strings, lists as lists, None as null, numbers as numbers."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [_json_value(item) for item in value]
        return items if isinstance(value, list | tuple) else sorted(items, key=str)
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    return str(value)  # Decimal, UUID, lazy translations, model instances: their text


def _record(row: Any, columns: Sequence[Column]) -> dict[str, Any]:
    return {column.header: _json_value(column.value(row)) for column in columns}


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def _streaming(chunks: Iterator[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse((chunk.encode() for chunk in chunks), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _csv_chunks(rows: Iterable, columns: Sequence[Column], excel: bool) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([neutralise(column.header) for column in columns])
    yield (UTF8_BOM if excel else "") + flush()
    for n, row in enumerate(rows):
        writer.writerow([neutralise(column.value(row)) for column in columns])
        if n < FIRST_ROWS or buffer.tell() >= CHUNK_CHARS:  # the first rows at once, then in sizeable pieces
            yield flush()
    yield flush()


def csv_response(rows: Iterable, columns: list[Column], filename: str, *, excel: bool = False) -> StreamingHttpResponse:
    """text/csv; charset=utf-8, Content-Disposition attachment with `filename`, streamed row by row
    (a generator over `rows` writing through csv.writer into a small buffer — memory stays flat), header row first;
    with excel=True the body starts with the UTF-8 byte-order mark so Excel opens it cleanly."""
    return _streaming(_csv_chunks(rows, columns, excel), "text/csv; charset=utf-8", filename)


def _batched(pieces: Iterator[str]) -> Iterator[str]:
    """The pieces joined into chunks of about CHUNK_CHARS (the first few alone, so the first row comes at
    once): one write to the network per chunk, not per row."""
    batch, size = [], 0
    for n, piece in enumerate(pieces):
        batch.append(piece)
        size += len(piece)
        if n < FIRST_ROWS or size >= CHUNK_CHARS:
            yield "".join(batch)
            batch, size = [], 0
    yield "".join(batch)


def _json_chunks(rows: Iterable, columns: Sequence[Column]) -> Iterator[str]:
    def pieces():
        separator = "[\n"
        for row in rows:
            yield separator + _dumps(_record(row, columns))
            separator = ",\n"
        yield "[\n]\n" if separator == "[\n" else "\n]\n"

    return _batched(pieces())


def json_response(rows: Iterable, columns: list[Column], filename: str) -> StreamingHttpResponse:
    """application/json: a JSON array of objects keyed by column header, streamed element by element
    (values JSON-native: dates ISO strings, lists as lists, None as null — no apostrophe neutralising in JSON)."""
    return _streaming(_json_chunks(rows, columns), "application/json", filename)


def _ndjson_chunks(rows: Iterable, columns: Sequence[Column]) -> Iterator[str]:
    return _batched(_dumps(_record(row, columns)) + "\n" for row in rows)


def ndjson_response(rows: Iterable, columns: list[Column], filename: str) -> StreamingHttpResponse:
    """application/x-ndjson: one JSON object per line, streamed."""
    return _streaming(_ndjson_chunks(rows, columns), "application/x-ndjson", filename)


def export_filename(what: str, extension: str, today: datetime.date | None = None) -> str:
    """e.g. export_filename("dialogues", "csv") -> "dialogues-2026-11-22.csv" (today's date by default;
    `what` slugified, so "dialogues where status is planned" -> "dialogues-where-status-is-planned-2026-11-22.csv",
    trimmed to at most 80 characters before the date)."""
    if today is None:
        today = timezone.localdate() if settings.USE_TZ else datetime.date.today()
    # Dashes of any kind separate words ("Japan–EU" -> "japan-eu"), rather than vanishing.
    spaced = "".join(" " if unicodedata.category(char) == "Pd" else char for char in what)
    stem = slugify(spaced)[:MAX_FILENAME_STEM].strip("-") or "export"
    return f"{stem}-{today.isoformat()}.{extension.lstrip('.')}"
