import datetime

from django.conf import settings
from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F, Max, Prefetch
from django.db.models.functions import Substr
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property

from . import exports
from .article_page import paragraphs
from .display import quiet_since
from .facets import facets
from .filters import MAX_SEARCH
from .forms import SearchForm
from .listings import LISTINGS, Problem, conditions, describe, filtered, problems, range_notes
from .models import (
    Agreement,
    AgreementStatus,
    Article,
    Dialogue,
    DialogueStatus,
    Participant,
    Region,
    Source,
    Statement,
)
from .provenance import describe_sources
from .remembered import remembered
from .search import CANDIDATES as search_candidates
from .search import search
from .timeline import timeline

PAGE_SIZE = 25
STATEMENTS_SHOWN = 20  # on a record's page; the rest are a link away, in the statements list
CONTEXT_CHARS = 2_000  # at most this much of the article either side of a quote


def _status_counts(model, statuses) -> list[tuple[str, str, int]]:
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [(value, label, counts.get(value, 0)) for value, label in statuses.choices]


DASHBOARD_ROWS = 25  # each of the dashboard's lists shows at most this many, with a link to all of them
TIMELINE_BARS = 30


def dashboard(request):
    today = datetime.date.today()
    dialogues = Dialogue.objects.with_parties().order_by(F("expected_earliest").asc(nulls_last=True), "name")
    overdue = Dialogue.objects.overdue(today).with_parties().order_by("expected_latest", "name")
    context = {
        "dialogue_counts": _status_counts(Dialogue, DialogueStatus),
        "agreement_counts": _status_counts(Agreement, AgreementStatus),
        "dialogues": dialogues[:DASHBOARD_ROWS],
        "dialogue_total": Dialogue.objects.count(),
        "overdue": overdue[:DASHBOARD_ROWS],
        "overdue_total": overdue.count(),
        "quiet": _quiet(today),
        "quiet_after": quiet_since(today),
        "coming_up": Dialogue.objects.coming_up(today).with_parties()[:DASHBOARD_ROWS],
        "latest_statements": Statement.objects.select_related("speaker").only(
            "text", "said_on", "speaker__name", "speaker__slug"
        )[:8],
        "timeline": timeline(_timeline_records(), today),
        "partners": _partners(),
    }
    return render(request, "dialogues/dashboard.html", context)


def _timeline_records() -> list:
    """The latest dated dialogues and agreements, at most TIMELINE_BARS in all."""
    half = TIMELINE_BARS // 2
    dialogues = Dialogue.objects.exclude(expected_earliest=None).order_by("-expected_earliest", "name")[:half]
    agreements = Agreement.objects.exclude(date_earliest=None).order_by("-date_earliest", "name")[:half]
    return [*dialogues, *agreements]


def _partners():
    """European governments and organisations with the number of dialogues and agreements they share with
    Japan: one grouped query per kind of record over the parties tables (rows never multiply)."""
    counts = {}
    for model, label in ((Dialogue, "dialogue_count"), (Agreement, "agreement_count")):
        through = model.parties.through
        record = f"{model._meta.model_name}_id"
        with_japan = through.objects.filter(participant__region=Region.JAPAN).values(record)
        grouped = (
            through.objects.filter(**{f"{record}__in": with_japan})
            .filter(participant__region=Region.EUROPE, participant__kind__in=("government", "organisation"))
            .values_list("participant_id")
            .annotate(n=Count(record, distinct=True))
        )
        for pk, n in grouped:
            counts.setdefault(pk, {"dialogue_count": 0, "agreement_count": 0})[label] = n
    partners = list(Participant.objects.filter(pk__in=counts).only("name", "slug").order_by("name"))
    for partner in partners:
        partner.dialogue_count = counts[partner.pk]["dialogue_count"]
        partner.agreement_count = counts[partner.pk]["agreement_count"]
    return partners


QUIET_SHOWN = 10


def _quiet(today) -> list[dict]:
    """Unfinished dialogues and agreements with no news for a long time: the longest-silent first."""
    return [
        {
            "plural": model._meta.verbose_name_plural,
            "list": reverse(f"{model._meta.verbose_name_plural}-list") + "?sort=heard",
            "records": rows.order_by("last_heard", "name")[:QUIET_SHOWN],
            "total": rows.count(),
        }
        for model in (Dialogue, Agreement)
        for rows in [model.objects.quiet(today)]
    ]


MAX_PAGE = 200  # past the first 5,000 rows in an order, a reader narrows the list or downloads it


class _Paginator(Paginator):
    @cached_property
    def count(self) -> int:  # a million rows take a while to count: counted once per change of the data
        rows = self.object_list.order_by().values("pk")  # the rows' keys: no joins for the columns shown
        return remembered(rows, "count", rows.count)


def _page(request, rows):
    paginator = _Paginator(rows, PAGE_SIZE)
    number = request.GET.get("page", "1")
    try:
        if number.isdigit() and int(number) > MAX_PAGE and paginator.num_pages > MAX_PAGE:
            messages.warning(
                request,
                f"Pages stop at {MAX_PAGE} (the first {MAX_PAGE * PAGE_SIZE:,} rows in this order): narrow the "
                f"filters, sort the other way, or download all {paginator.count:,} rows. Showing page {MAX_PAGE}.",
            )
            number = MAX_PAGE
        return paginator.page(number)
    except PageNotAnInteger:
        messages.warning(request, f"“{number[:20]}” is not a page number; showing the first page.")
        return paginator.page(1)
    except EmptyPage:
        last = paginator.num_pages
        messages.warning(request, f"There is no page {number[:20]}; showing page {last}, the last.")
        return paginator.page(last)


def _report(request, found: list[Problem], notes=()):
    for problem in found:
        messages.warning(request, f"{problem.text} {problem.outcome}")
    for note in notes:
        messages.warning(request, note)


def record_list(request, slug):
    listing = LISTINGS[slug]
    filterset, rows = filtered(listing, request.GET)
    _report(request, problems(filterset, request.GET), range_notes(listing, filterset))
    page = _page(request, rows)
    shown_facets = facets(listing, filterset, request.GET)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "sorts": _sort_links(filterset, query),
        "listing": listing,
        "filterset": filterset,
        "page": page,
        "facets": shown_facets,
        "summary": describe(listing, filterset, page.paginator.count),
        "querystring": query.urlencode(),
        "plain_fields": [filterset.form[name] for name in filterset.form.fields if name not in listing.facets],
    }
    return render(request, f"dialogues/{slug}_list.html", context)


def _sort_links(filterset, query) -> dict[str, dict]:
    """Per sortable column: the link that sorts by it (again: the other way) and its current direction."""
    current = query.get("sort", "")
    links = {}
    for param in filterset.filters["sort"].param_map:
        q = query.copy()
        q["sort"] = f"-{param}" if current == param else param
        direction = "ascending" if current == param else "descending" if current == f"-{param}" else None
        links[param] = {"url": f"?{q.urlencode()}", "direction": direction}
    return links


def record_export(request, slug, fmt):
    listing = LISTINGS[slug]
    if fmt not in ("csv", "json", "ndjson"):
        raise Http404("Unknown download format")
    filterset, rows = filtered(listing, request.GET)
    found = problems(filterset, request.GET, allowed=("page", "excel") if fmt == "csv" else ("page",))
    if request.GET.get("excel", "1") != "1" and fmt == "csv":
        found.append(Problem("excel: the only value is 1 (a byte-order mark for Excel).", ""))
    if found:
        # A download never holds more than was asked for: an ignored filter would widen it.
        lines = "\n".join(f"- {problem.text}" for problem in found)
        return HttpResponseBadRequest(
            f"Nothing was downloaded: this query string has problems.\n{lines}\nFix or remove them and try again.\n",
            content_type="text/plain; charset=utf-8",
        )
    name = listing.plural + conditions(filterset)
    rows, columns = listing.export(rows)
    if fmt == "csv":
        excel = request.GET.get("excel") == "1"
        filename = exports.export_filename(
            f"{name} for excel" if excel else name, "csv"
        )  # neither overwrites the other
        return exports.csv_response(rows, columns, filename, excel=excel)
    if fmt == "json":
        return exports.json_response(rows, columns, exports.export_filename(name, "json"))
    return exports.ndjson_response(rows, columns, exports.export_filename(name, "ndjson"))


def _history(record):
    return record.status_changes.select_related("source__article", "editor").defer("source__article__text")


def _sources(record):
    rows = record.sources.select_related("article", "editor").defer("article__text").order_by("field", "-created_at")
    return describe_sources(record, rows)


def _statements(statements, list_filter: str, slug: str) -> dict:
    """The newest statements for a record's page, and the list that holds them all."""
    statements = statements.all()  # in the statements' own order, which their indexes walk
    rows = statements.select_related("speaker").only("text", "said_on", "speaker__name", "speaker__slug")
    return {
        "statements": rows[:STATEMENTS_SHOWN],
        "statements_total": remembered(statements, "count", statements.count),
        "statements_list": f"{reverse('statements-list')}?{list_filter}={slug}",
    }


def _record_page(request, queryset, slug: str, name: str):
    """A dialogue's or agreement's page: the record, its status history, statements and sources."""
    record = get_object_or_404(queryset, slug=slug)
    context = {
        name: record,
        "history": _history(record),
        "sources": _sources(record),
        **_statements(record.statements, name, slug),
    }
    return render(request, f"dialogues/{name}_detail.html", context)


def dialogue_detail(request, slug):
    return _record_page(request, Dialogue.objects.prefetch_related("parties", "topics", "agreements"), slug, "dialogue")


def agreement_detail(request, slug):
    return _record_page(request, Agreement.objects.prefetch_related("parties", "dialogues"), slug, "agreement")


def participant_detail(request, slug):
    participant = get_object_or_404(
        Participant.objects.select_related("affiliation").prefetch_related(
            "aliases",
            Prefetch("dialogues", queryset=Dialogue.objects.prefetch_related("parties")),
            "agreements",
            "members",
        ),
        slug=slug,
    )
    spoken_in = Dialogue.objects.filter(statements__speaker=participant).distinct()
    context = {
        "participant": participant,
        **_statements(participant.statements, "speaker", slug),
        "dialogues": {*participant.dialogues.all(), *spoken_in},
        "sources": _sources(participant),
    }
    return render(request, "dialogues/participant_detail.html", context)


def statement_detail(request, pk):
    statement = get_object_or_404(
        Statement.objects.select_related("speaker", "article", "dialogue", "agreement").defer("article__text"), pk=pk
    )
    # The quote's paragraph, read from a window of the article around it (never the whole text).
    offset = max(statement.span_start - CONTEXT_CHARS, 0)
    length = statement.span_end + CONTEXT_CHARS - offset
    window = Article.objects.filter(pk=statement.article_id).values_list(Substr("text", offset + 1, length), flat=True)
    text = window.get()
    start, end = statement.span_start - offset, statement.span_end - offset
    before = text.rfind("\n", 0, start) + 1
    after = text.find("\n", end)
    context = {
        "statement": statement,
        "before": text[before:start],
        "quote": text[start:end],
        "after": text[end : None if after < 0 else after],
        "sources": _sources(statement),
    }
    return render(request, "dialogues/statement_detail.html", context)


def article_detail(request, pk):
    """A source article, with the sentence a fact came from marked when `?from=`/`?to=` say which."""
    article = get_object_or_404(Article, pk=pk)
    try:
        start, end = int(request.GET.get("from", "")), int(request.GET.get("to", ""))
    except ValueError:
        start = end = None
    if start is None or not (0 <= start < end <= len(article.text)):
        start = end = None
    as_saved = request.GET.get("as") == "saved"
    context = {
        "article": article,
        "paragraphs": None if as_saved else paragraphs(article.text, start, end),
        "as_saved": as_saved,
        "before": article.text[:start] if start is not None else article.text,
        "marked": article.text[start:end] if start is not None else "",
        "after": article.text[end:] if start is not None else "",
        "records": Source.objects.filter(article=article).count(),
    }
    return render(request, "dialogues/article_detail.html", context)


def search_page(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    for error in form.errors.get("q", []):
        messages.warning(request, f"Search: {error} Nothing was searched.")
    if len(query) > MAX_SEARCH:
        messages.warning(request, f"That search was very long; only its first {MAX_SEARCH} characters were used.")
        query = query[:MAX_SEARCH]
    for name in request.GET:
        if name != "q":
            messages.warning(request, f"\u201c{name[:40]}\u201d is not a search option. It was ignored.")
    results = search(query) if query else None
    return render(
        request, "dialogues/search.html", {"query": query, "results": results, "candidates": search_candidates}
    )


def about(request):
    context = {
        "article_count": Article.objects.count(),
        "newest": Article.objects.aggregate(newest=Max("published"))["newest"],
        "quiet_days": settings.QUIET_AFTER_DAYS,
        "contact": settings.CONTACT_EMAIL,
    }
    return render(request, "dialogues/about.html", context)
