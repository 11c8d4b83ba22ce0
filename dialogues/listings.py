"""One description per list page — its rows, filters, facets, columns — and the one
function that turns a request's query string into the filtered, sorted rows. The
list page and every download call `filtered()`, so what you see is what you get."""

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import QueryDict

from . import filters
from .display import agreement_glance, dialogue_glance, window_label
from .exports import Column, in_one_transaction, read_straight
from .models import Agreement, Article, Dialogue, Participant, Region, Source, Statement


def _names(records) -> list[str]:
    return [str(r) for r in records]


def _fact_source(record, field: str) -> Source | None:
    """The newest source of one of a record's facts (prefetched as `fact_sources`)."""
    return next((s for s in record.fact_sources if s.field == field), None)


def _source_columns(prefix: str, field: str) -> list[Column]:
    """Where a status or date came from: the article, the sentence, and whether an editor confirmed it."""

    def article(record):
        source = _fact_source(record, field)
        return source.article.title if source and source.article else ("editor" if source else "")

    def sentence(record):
        source = _fact_source(record, field)
        return source.sentence if source else ""

    def confirmed(record):
        source = _fact_source(record, field)
        return bool(source and (source.confirmed_at or source.origin == "editor"))

    return [
        Column(f"{prefix}_source_article", article),
        Column(f"{prefix}_source_sentence", sentence),
        Column(f"{prefix}_confirmed_by_editor", confirmed),
    ]


def _with_fact_sources(queryset: QuerySet) -> QuerySet:
    sources = (
        Source.objects.filter(field__in=("status", "expected_text", "date_text"))
        .select_related("article")
        .defer("article__text")
        .order_by("-created_at")
    )
    return queryset.prefetch_related(Prefetch("sources", queryset=sources, to_attr="fact_sources"))


@dataclass(frozen=True)
class Listing:
    slug: str  # URL and download name: "dialogues"
    singular: str
    plural: str
    filterset: type
    facets: dict[str, str]  # filter name -> the value path counted for it
    columns: list[Column]
    default_order: tuple[str, ...]
    date_range: tuple[str, str] | None = None  # the "from" and "to" filters of its dates
    many: tuple[str, ...] = ()  # to-many relations among the facets' paths (counted with DISTINCT)
    # or, for a list that may run to a million rows: (header, database path, convert) read as plain tuples
    straight: tuple[tuple[str, str, Callable | None], ...] = ()

    def queryset(self) -> QuerySet:
        return ROWS[self.slug]()

    def export(self, rows: QuerySet) -> tuple[Iterable, list[Column]]:
        """The rows of a download, read one chunk at a time, and the columns that read their cells."""
        if self.straight:
            rows, columns = read_straight(rows, self.straight)
        else:
            rows, columns = rows.iterator(chunk_size=500), self.columns
        return in_one_transaction(rows), columns


# What a statements row shows (page and downloads): never an article's text or a record's summary.
STATEMENT_COLUMNS = (
    "text",
    "said_on",
    "article_id",
    "span_start",
    "span_end",
    *(f"speaker__{f}" for f in ("name", "slug", "role", "country", "region")),
    "speaker__affiliation__name",
    "speaker__affiliation__slug",
    *(f"article__{f}" for f in ("title", "outlet", "url")),
    "dialogue__name",
    "dialogue__slug",
    "agreement__name",
    "agreement__slug",
)

ROWS = {
    "dialogues": lambda: _with_fact_sources(Dialogue.objects.prefetch_related("parties", "topics")),
    "agreements": lambda: _with_fact_sources(Agreement.objects.prefetch_related("parties")),
    # each row's count reads its speaker's index entries: never a join of every statement
    "participants": lambda: Participant.objects.select_related("affiliation").annotate(
        statement_count=Coalesce(
            Subquery(
                Statement.objects.filter(speaker=OuterRef("pk"))
                .order_by()
                .values("speaker")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        )
    ),
    "articles": lambda: Article.objects.only("title", "outlet", "published", "url"),
    "statements": lambda: Statement.objects.select_related(
        "speaker__affiliation", "article", "dialogue", "agreement"
    ).only(*STATEMENT_COLUMNS),
}

DIALOGUES = Listing(
    "dialogues",
    "dialogue",
    "dialogues",
    filters.DialogueFilter,
    facets={"status": "status", "party": "parties__slug", "topic": "topics__slug"},
    columns=[
        Column("name", lambda d: d.name),
        Column("parties", lambda d: _names(d.parties.all())),
        Column("status", lambda d: d.status),
        Column("at_a_glance", dialogue_glance),
        Column("expected_words", lambda d: d.expected_text),
        Column("expected_earliest", lambda d: d.expected_earliest),
        Column("expected_latest", lambda d: d.expected_latest),
        Column("expected_window", lambda d: window_label(d.expected_earliest, d.expected_latest)),
        Column("expected_words_as_of", lambda d: d.expected_as_of),
        Column("venue", lambda d: d.venue),
        Column("format", lambda d: d.format),
        Column("topics", lambda d: _names(d.topics.all())),
        Column("last_heard_of", lambda d: d.last_heard),
        Column("quiet", lambda d: d.quiet),
        *_source_columns("status", "status"),
        *_source_columns("expected", "expected_text"),
    ],
    default_order=("name",),
    date_range=("expected_from", "expected_to"),
    many=("parties", "topics"),
)
AGREEMENTS = Listing(
    "agreements",
    "agreement",
    "agreements",
    filters.AgreementFilter,
    facets={"status": "status", "kind": "kind", "party": "parties__slug"},
    columns=[
        Column("name", lambda a: a.name),
        Column("kind", lambda a: a.get_kind_display()),
        Column("parties", lambda a: _names(a.parties.all())),
        Column("status", lambda a: a.status),
        Column("at_a_glance", agreement_glance),
        Column("date_words", lambda a: a.date_text),
        Column("date_earliest", lambda a: a.date_earliest),
        Column("date_latest", lambda a: a.date_latest),
        Column("date_window", lambda a: window_label(a.date_earliest, a.date_latest)),
        Column("date_words_as_of", lambda a: a.date_as_of),
        Column("last_heard_of", lambda a: a.last_heard),
        Column("quiet", lambda a: a.quiet),
        *_source_columns("status", "status"),
        *_source_columns("date", "date_text"),
    ],
    default_order=("name",),
    date_range=("date_from", "date_to"),
    many=("parties",),
)
PARTICIPANTS = Listing(
    "participants",
    "participant",
    "participants",
    filters.ParticipantFilter,
    facets={"kind": "kind", "region": "region", "organisation": "affiliation__slug"},
    columns=[
        Column("name", lambda p: p.name),
        Column("kind", lambda p: p.get_kind_display()),
        Column("role", lambda p: p.role),
        Column("affiliation", lambda p: p.affiliation.name if p.affiliation else ""),
        Column("country", lambda p: p.country),
        Column("region", lambda p: p.get_region_display()),
        Column("statements", lambda p: p.statement_count),
    ],
    default_order=("name",),
)
REGIONS = dict(Region.choices)

STATEMENTS = Listing(
    "statements",
    "statement",
    "statements",
    filters.StatementFilter,
    facets={
        "side": "speaker__region",
        "country": "speaker__country",
        "organisation": "speaker__affiliation__slug",
        "speaker": "speaker__slug",
        "dialogue": "dialogue__slug",
        "agreement": "agreement__slug",
    },
    columns=[],
    straight=(
        ("quote", "text", None),
        ("speaker", "speaker__name", None),
        ("speaker_role", "speaker__role", None),
        ("speaker_organisation", "speaker__affiliation__name", None),
        ("speaker_country", "speaker__country", None),
        ("speaker_region", "speaker__region", REGIONS.get),
        ("said_on", "said_on", None),
        ("dialogue", "dialogue__name", None),
        ("agreement", "agreement__name", None),
        ("source_article", "article__title", None),
        ("source_outlet", "article__outlet", None),
        ("source_url", "article__url", None),  # only web addresses: the database refuses others
    ),
    default_order=("-said_on", "article_id", "span_start"),
    date_range=("said_from", "said_to"),
)
ARTICLES = Listing(
    "articles",
    "source article",
    "source articles",
    filters.ArticleFilter,
    facets={"outlet": "outlet"},
    columns=[
        Column("title", lambda a: a.title),
        Column("outlet", lambda a: a.outlet),
        Column("published", lambda a: a.published),
        Column("url", lambda a: a.web_url),
    ],
    default_order=("-published", "title"),
    date_range=("published_from", "published_to"),
)
LISTINGS = {listing.slug: listing for listing in (DIALOGUES, AGREEMENTS, PARTICIPANTS, STATEMENTS, ARTICLES)}


def filtered(listing: Listing, params: QueryDict):
    """The FilterSet (for its form and errors) and the rows it selects, in the page's order."""
    filterset = listing.filterset(params, queryset=listing.queryset())
    rows = filterset.qs
    if not filterset.form.cleaned_data.get("sort"):
        rows = rows.order_by(*listing.default_order)
    return filterset, rows


@dataclass(frozen=True)
class Problem:
    """Something in a query string that is not a filter in force. The page shows it with what was
    done instead (`outcome`); a download refuses to run, since it would hold more than was asked."""

    text: str
    outcome: str


def _label(filterset, name: str) -> str:
    return str(filterset.form.fields[name].label or name)


def problems(filterset, params: QueryDict, allowed=("page",)) -> list[Problem]:
    """Invalid filter values, parameters the list does not know, and single-valued filters given twice."""
    found = [
        Problem(f"{_label(filterset, name)}: {' '.join(errors)}", "This filter was ignored.")
        for name, errors in filterset.errors.items()
    ]
    known = [*filterset.filters, *allowed]
    for name, values in params.lists():
        if name not in known:
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean \u201c{guess[0]}\u201d?)" if guess else ""
            found.append(Problem(f"\u201c{name[:40]}\u201d is not a filter of this list{hint}.", "It was ignored."))
        elif len(values) > 1 and name in filterset.filters and not _many_allowed(filterset, name):
            found.append(
                Problem(
                    f"{_label(filterset, name)} was given {len(values)} times.",
                    f"Only the last, \u201c{values[-1][:40]}\u201d, was used.",
                )
            )
    return found


def _many_allowed(filterset, name: str) -> bool:
    return getattr(filterset.form.fields[name].widget, "allow_multiple_selected", False)


def range_notes(listing: Listing, filterset) -> list[str]:
    """A date range whose start is after its end: kept as given, but said."""
    if not listing.date_range:
        return []
    start, end = (filterset.form.cleaned_data.get(name) for name in listing.date_range)
    if not (start and end and start > end):
        return []
    (start_label, end_label) = (_label(filterset, name) for name in listing.date_range)
    return [
        f"\u201c{start_label}\u201d ({start:%-d %b %Y}) is after \u201c{end_label}\u201d ({end:%-d %b %Y});"
        " they were used as given. Did you mean them the other way round?"
    ]


def describe(listing: Listing, filterset, total: int) -> str:
    """'3 dialogues where status is planned and a party is NATO' (invalid filters, being ignored, are left out)."""
    noun = listing.singular if total == 1 else listing.plural
    return f"{total} {noun}{conditions(filterset)}"


def conditions(filterset) -> str:
    """' where status is planned and a party is NATO', or '' when no filter is in force."""
    filterset.form.is_valid()  # validates, so cleaned_data holds the filters in force
    clauses = []
    for name, value in filterset.form.cleaned_data.items():
        if name == "sort" or value is None or value == "" or (hasattr(value, "__len__") and not len(value)):
            continue
        field = filterset.form.fields[name]
        label = str(field.label or name).lower()
        if name == "q":
            clauses.append(f"the text mentions \u201c{value}\u201d")
        elif hasattr(value, "strftime"):
            clauses.append(f"{label} {value.day} {value:%b %Y}")
        elif isinstance(value, str):  # a name to look for
            clauses.append(f"{label} holds \u201c{value}\u201d")
        else:
            words = [str(v) for v in value]  # chosen records name themselves
            if not hasattr(field, "queryset"):  # a fixed list of choices: their labels
                labels = {str(k): str(v) for k, v in field.choices}
                words = [labels.get(w, w) for w in words]
            if name in ("status", "kind", "region"):
                words = [w.lower() for w in words]
                subject = f"{label} is"
            else:
                subject = f"{'an' if label[0] in 'aeiou' else 'a'} {label} is"
            clauses.append(f"{subject} {' or '.join(words)}")
    return " where " + " and ".join(clauses) if clauses else ""
