"""Search across statements, dialogues, agreements and articles: PostgreSQL's ranked
full-text search when the database is PostgreSQL, a plain substring match on SQLite.

On PostgreSQL only the first SEARCHED_CHARS characters of each field are searched: it refuses a
text vector over 1 MB, and one long article must not break search for everyone. Results never
carry an article's text."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Left

from .models import Agreement, Article, Dialogue, Statement
from .spelling import spellings

LIMIT = 20
SEARCHED_CHARS = 100_000


@dataclass
class Results:
    statements: list
    dialogues: list
    agreements: list
    articles: list
    ranked: bool

    @property
    def total(self) -> int:
        return len(self.statements) + len(self.dialogues) + len(self.agreements) + len(self.articles)


# model, the fields searched, the related rows shown
TARGETS = {
    "statements": (Statement, ("text", "speaker__name"), ("speaker", "article")),
    "dialogues": (Dialogue, ("name", "summary", "venue", "format"), ()),
    "agreements": (Agreement, ("name", "summary"), ()),
    "articles": (Article, ("title", "text"), ()),
}


def _rows(model, related):
    rows = model.objects.select_related(*related)
    return rows.defer("article__text") if "article" in related else rows


def _postgres(model, fields, related, query):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*(Left(field, SEARCHED_CHARS) for field in fields), config="english")
    terms = None
    for spelling in spellings(query):  # "defence" finds "Defense" too
        one = SearchQuery(spelling, search_type="websearch", config="english")
        terms = one if terms is None else terms | one
    return list(
        _rows(model, related).annotate(rank=SearchRank(vector, terms)).filter(rank__gt=0).order_by("-rank")[:LIMIT]
    )


def _substring(model, fields, related, query):
    condition = Q()
    for field in fields:
        for spelling in spellings(query):
            condition |= Q(**{f"{field}__icontains": spelling})
    return list(_rows(model, related).filter(condition).distinct()[:LIMIT])


def search(query: str) -> Results:
    ranked = connection.vendor == "postgresql"
    find = _postgres if ranked else _substring
    found = {name: find(model, fields, related, query) for name, (model, fields, related) in TARGETS.items()}
    return Results(**found, ranked=ranked)
