"""Answers that take a million rows to work out — a list's count, a facet's counts, the statements that
hold a rare word — kept in the cache until the statements or participants change, and no longer.

Every change to those tables (the admin, an import, raw SQL alike) gives a one-row table a new random
token, through triggers (migration 0012). The token is part of every key, so an answer is never read
once the data it came from has changed. The token is read before the answer is worked out: an answer is
never older than its token. A page reads the token once (the first time it needs it). A query that
reads any other table is worked out every time.

An answer a page had no time for can be worked out later (`work_out_later`), by one thread per process,
for the next page to find."""

import hashlib
import logging
import queue
import re
import threading

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.signals import request_finished, request_started
from django.db import connection, connections
from django.db.models import QuerySet

logger = logging.getLogger(__name__)
WAITING = 50  # answers waiting to be worked out later, at most (more are dropped: a later page asks again)

WATCHED = {"dialogues_statement", "dialogues_participant", "dialogues_statement_text"}  # its FTS5 index
_TABLES = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)')
_request = threading.local()  # the token read during this thread's request, if one is running
UNREAD, MISSING = object(), object()


def token() -> int | None:
    """The data's current token (None if its row is missing: then nothing is kept)."""
    held = getattr(_request, "token", None)
    if held is not None and held is not UNREAD:
        return held
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM dialogues_data_version WHERE id = 1")
        row = cursor.fetchone()
    if held is UNREAD and row:
        _request.token = row[0]
    return row[0] if row else None


def _query(rows: QuerySet) -> str | None:
    """The query's SQL and parameters, if it can be kept: it reads only the watched tables (and can match)."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # a query that cannot match (`pk IN ()`) runs none
        return None
    return repr((sql, params)) if set(_TABLES.findall(sql)) <= WATCHED else None


def remembered(rows: QuerySet, label: str, work_out):
    """`work_out()`, the answer about `rows` named `label`, from the cache while the data is unchanged."""
    query = _query(rows)
    current = token() if query else None
    if current is None:
        return work_out()
    digest = hashlib.sha256(query.encode()).hexdigest()
    key = f"remembered:{current}:{label}:{digest}"
    answer = cache.get(key, MISSING)
    if answer is MISSING:
        answer = work_out()
        cache.set(key, answer)
    return answer


_later: queue.Queue = queue.Queue(maxsize=WAITING)
_waiting: set[str] = set()
_lock = threading.Lock()
_worker: list[threading.Thread] = []


def work_out_later(rows: QuerySet, label: str, work_out) -> None:
    """Have `remembered(rows, label, work_out)` run in this process's background thread, one answer at a
    time, so that a later page finds the answer in the cache (settings.WORK_OUT_LATER turns it off)."""
    query = _query(rows)
    if not settings.WORK_OUT_LATER or not query:
        return
    ident = f"{label}:{query}"
    with _lock:
        if ident in _waiting or _later.full():
            return
        _waiting.add(ident)
        _later.put((ident, rows, label, work_out))
        if not _worker or not _worker[0].is_alive():  # one per process (a forked worker starts its own)
            _worker[:] = [threading.Thread(target=_work, name="work-out-later", daemon=True)]
            _worker[0].start()


def _work():
    while True:
        ident, rows, label, work_out = _later.get()
        try:
            remembered(rows, label, work_out)
        except Exception:  # said, and the thread goes on to the next
            logger.exception("Could not work out %s later", label)
        finally:
            connections.close_all()  # this thread's own connections
            with _lock:
                _waiting.discard(ident)
            _later.task_done()


def wait_for_later() -> None:
    """Until every answer asked for later has been worked out."""
    _later.join()


def _start(**kwargs):
    _request.token = UNREAD


def _finish(**kwargs):
    _request.token = None


request_started.connect(_start)
request_finished.connect(_finish)
