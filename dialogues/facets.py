"""The choices beside a list's filters, with how many rows each would give — kept small and quick at a
million rows: a facet shows its most frequent choices (and the chosen ones), never every speaker; counts
are kept until the data changes (dialogues.remembered); the counts of a page's facets share one time
limit, and a facet whose counts would take too long shows its choices without counts and says so (as
Datasette does), while a background thread counts them for the next page."""

import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Count, QuerySet
from django.http import QueryDict

from .remembered import remembered, token, work_out_later

SHOWN = 10  # the most frequent choices a facet lists (chosen ones come on top of these)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None  # None: not counted (too slow at this size)
    checked: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[Option]
    counted: bool
    more: bool  # there are choices beyond those shown


class TooSlow(Exception):
    pass


@contextmanager
def time_limit(ms: int):
    """Abort the queries inside after `ms` milliseconds (raising TooSlow), on SQLite and on PostgreSQL."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        deadline = time.monotonic() + ms / 1000
        raw = connection.connection
        raw.set_progress_handler(lambda: time.monotonic() > deadline, 20_000)
        try:
            yield
        except OperationalError as error:  # interrupted (SQLite), statement timeout (PostgreSQL)
            raise TooSlow from error
        finally:
            raw.set_progress_handler(None, 0)
    elif connection.vendor == "postgresql":
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = %s", [ms])
                yield
                # within a request's own transaction the setting would outlive this block
                cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
        except OperationalError as error:  # interrupted (SQLite), statement timeout (PostgreSQL)
            raise TooSlow from error
    else:
        yield


def _counted(rows: QuerySet, key: str, distinct: bool, only=None) -> QuerySet:
    """(key value, count) pairs, the most frequent first; `only` restricts them to those values."""
    if only is not None:
        rows = rows.filter(**{f"{key}__in": only})
    counted = rows.order_by().values_list(key).annotate(n=Count("pk", distinct=distinct)).order_by("-n", key)
    return counted if only is not None else counted[: SHOWN + 1]


def _pairs(counted: QuerySet) -> list[tuple]:
    return [(value, n) for value, n in counted if value is not None]


def facet(name: str, field, path: str, rows: QuerySet, chosen: list[str], distinct: bool, budget_ms: int) -> Facet:
    """One facet: `rows` are the list's rows under every other filter; `path` the value counted
    ("status", or "speaker__slug" for a choice of records, counted by the key and labelled after).
    Counts with no time left on this page are worked out afterwards, for the next page."""
    label = str(field.label or name.title())
    model = getattr(getattr(field, "queryset", None), "model", None)
    key = path.removesuffix("__slug") if model else path  # group by the foreign key, not by a joined slug
    labels = {} if model else dict(field.choices)
    chosen_keys = list(model.objects.filter(slug__in=chosen).values_list("pk", flat=True)) if model else chosen
    # the most frequent, and the chosen ones' counts, among the top or not (so the queries are as many)
    queries = [_counted(rows, key, distinct), *([_counted(rows, key, distinct, chosen_keys)] if chosen_keys else [])]
    counts, more, counted = {}, True, False

    def count(query):
        if budget_ms <= 0:
            raise TooSlow
        return _pairs(query)

    try:
        with time_limit(max(budget_ms, 1)):  # counts kept from an earlier page take no time
            top, *mine = [remembered(q, "facet", partial(count, q)) for q in queries]
        counts, more = dict(top[:SHOWN]), len(top) > SHOWN
        counts.update(*mine)
        counted = True
    except TooSlow:
        for q in queries:
            work_out_later(q, "facet", partial(_pairs, q))
    if model:
        keys = list(dict.fromkeys([*counts, *chosen_keys]))
        records = model.objects.filter(pk__in=keys).only("slug", "name").in_bulk()
        shown = [(records[k].slug, str(records[k]), counts.get(k, 0)) for k in keys if k in records]
    else:
        short = len(labels) <= SHOWN  # a short list (status, side) is shown whole, counted or not
        more = more and not short
        values = list(labels) if short else list(dict.fromkeys([*counts, *chosen]))
        shown = [(str(v), str(labels[v]), counts.get(v, 0)) for v in values if v in labels]
    options = [
        Option(value, text, count if counted else None, value in chosen)
        for value, text, count in shown
        if not counted or count or value in chosen  # a choice that would match nothing only when chosen
    ]
    return Facet(name, label, options, counted, more)


def facets(listing, filterset, params: QueryDict) -> list[Facet]:
    """Each faceted filter's choices, counted given all the other filters as they are, all within
    FACET_TIME_LIMIT_MS: once it is spent, the facets left show their choices uncounted."""
    found = []
    token()  # read once for the page, before its time starts
    deadline = time.monotonic() + settings.FACET_TIME_LIMIT_MS / 1000
    for name, path in listing.facets.items():
        others = params.copy()
        others.pop(name, None)
        others.pop("page", None)
        rows = listing.filterset(others, queryset=listing.queryset().model.objects.all()).qs
        field = filterset.form.fields[name]
        distinct = "__" in path and path.split("__")[0] in listing.many
        chosen = [getattr(v, "slug", v) for v in filterset.form.cleaned_data.get(name) or []]  # valid ones only
        left = round((deadline - time.monotonic()) * 1000)
        found.append(facet(name, field, path, rows, [str(c) for c in chosen], distinct, left))
    return found
