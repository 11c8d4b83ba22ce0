import datetime

from django.conf import settings
from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.db.models.functions import Substr
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from . import exports
from .article_page import paragraphs
from .display import quiet_since
from .filters import MAX_SEARCH
from .forms import SearchForm
from .listings import LISTINGS, Problem, describe, facet_counts, filtered, problems, range_notes
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
from .search import search
from .timeline import timeline

PAGE_SIZE = 25
STATEMENTS_SHOWN = 20  # on a record's page; the rest are a link away, in the statements list
CONTEXT_CHARS = 2_000  # at most this much of the article either side of a quote


def _status_counts(model, statuses) -> list[tuple[str, str, int]]:
    counts = dict(model.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [(value, label, counts.get(value, 0)) for value, label in statuses.choices]


def dashboard(request):
    today = datetime.date.today()
    dialogues = list(Dialogue.objects.with_parties().order_by("expected_earliest", "name"))
    agreements = list(Agreement.objects.with_parties().order_by("date_earliest", "name"))
    partners = (
        Participant.objects.filter(region=Region.EUROPE, kind__in=("government", "organisation"))
        .annotate(
            dialogue_count=Count("dialogues", filter=Q(dialogues__parties__region=Region.JAPAN), distinct=True),
            agreement_count=Count("agreements", filter=Q(agreements__parties__region=Region.JAPAN), distinct=True),
        )
        .filter(Q(dialogue_count__gt=0) | Q(agreement_count__gt=0))
        .order_by("name")
    )
    context = {
        "dialogue_counts": _status_counts(Dialogue, DialogueStatus),
        "agreement_counts": _status_counts(Agreement, AgreementStatus),
        "dialogues": dialogues,
        "overdue": [d for d in dialogues if d.overdue],
        "quiet": _quiet(today),
        "quiet_after": quiet_since(today),
        "coming_up": Dialogue.objects.coming_up(today).with_parties(),
        "latest_statements": Statement.objects.select_related("speaker", "dialogue").order_by("-said_on", "-pk")[:8],
        "timeline": timeline([*dialogues, *agreements], today),
        "partners": partners,
    }
    return render(request, "dialogues/dashboard.html", context)


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


def _page(request, rows):
    paginator = Paginator(rows, PAGE_SIZE)
    number = request.GET.get("page", "1")
    try:
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
    counts = facet_counts(listing, request.GET)
    facets = [
        {
            "name": name,
            "label": filterset.form.fields[name].label or name.title(),
            "options": [
                {
                    "value": str(value),
                    "label": label,
                    "count": counts[name].get(str(value), 0),
                    "checked": str(value) in request.GET.getlist(name),
                }
                for value, label in _choices(filterset.form.fields[name])
                # a choice that would match nothing is noise, unless it is the one chosen
                if counts[name].get(str(value)) or str(value) in request.GET.getlist(name)
            ],
        }
        for name in listing.facets
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "sorts": _sort_links(filterset, query),
        "listing": listing,
        "filterset": filterset,
        "page": page,
        "facets": facets,
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


def _choices(field):
    if hasattr(field, "queryset"):
        return [(obj.slug, str(obj)) for obj in field.queryset]
    return list(field.choices)


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
    name = describe(listing, filterset, rows.count())
    name = name.split(" ", 1)[1] if " " in name else name  # drop the count
    rows = rows.iterator(chunk_size=500)
    if fmt == "csv":
        excel = request.GET.get("excel") == "1"
        filename = exports.export_filename(
            f"{name} for excel" if excel else name, "csv"
        )  # neither overwrites the other
        return exports.csv_response(rows, listing.columns, filename, excel=excel)
    if fmt == "json":
        return exports.json_response(rows, listing.columns, exports.export_filename(name, "json"))
    return exports.ndjson_response(rows, listing.columns, exports.export_filename(name, "ndjson"))


def _history(record):
    return record.status_changes.select_related("source__article", "editor").defer("source__article__text")


def _sources(record):
    rows = record.sources.select_related("article", "editor").defer("article__text").order_by("field", "-created_at")
    return describe_sources(record, rows)


def _statements(statements, list_filter: str, slug: str) -> dict:
    """The newest statements for a record's page, and the list that holds them all."""
    rows = statements.select_related("speaker", "article").defer("article__text").order_by("-said_on", "-pk")
    return {
        "statements": rows[:STATEMENTS_SHOWN],
        "statements_total": statements.count(),
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
    return render(request, "dialogues/search.html", {"query": query, "results": results})


def about(request):
    context = {
        "article_count": Article.objects.count(),
        "newest": Article.objects.aggregate(newest=Max("published"))["newest"],
        "quiet_days": settings.QUIET_AFTER_DAYS,
        "contact": settings.CONTACT_EMAIL,
    }
    return render(request, "dialogues/about.html", context)
