"""Search across statements, dialogues, agreements, articles and participants: PostgreSQL's ranked
full-text search over GIN indexes when the database is PostgreSQL; on SQLite its FTS5 indexes (a
substring of a statement, the words of an article) and substring matches of the small tables.

On PostgreSQL only the first SEARCHED_CHARS characters of each field are searched: it refuses a
text vector over 1 MB, and one long article must not break search for everyone. Results never
carry an article's text."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .models import Agreement, Article, Dialogue, Participant, Statement
from .spelling import spellings
from .text_search import article_words, search_terms, search_vector, statement_text

LIMIT = 20


@dataclass
class Results:
    statements: list
    dialogues: list
    agreements: list
    articles: list
    participants: list
    ranked: bool

    @property
    def total(self) -> int:
        return sum(
            len(found) for found in (self.statements, self.dialogues, self.agreements, self.articles, self.participants)
        )


# model, the fields searched, the related rows shown, the columns shown
TARGETS = {
    "statements": (Statement, ("text",), ("speaker",), ("text", "speaker__name", "speaker__slug")),
    "dialogues": (Dialogue, ("name", "summary", "venue", "format"), (), ()),
    "agreements": (Agreement, ("name", "summary"), (), ()),
    "articles": (Article, ("title", "text"), (), ("title",)),
    "participants": (Participant, ("name",), (), ("name", "slug", "role")),
}
# PostgreSQL ranks the newest this many matches of each kind (each kind's own order, which its index
# walks): ranking every match of a common word would read them all.
CANDIDATES = 200


def _rows(model, related, columns):
    rows = model.objects.select_related(*related)
    return rows.only(*columns) if columns else rows


def _vector(model, fields):
    """The text vector searched: an article's is kept in its column (migration 0013), the others' computed by
    the expression their GIN indexes hold (0010)."""
    from django.contrib.postgres.search import SearchVectorField

    if model is Article:  # unqualified: SQL takes the innermost article table, in a subquery too
        return RawSQL("search_vector", [], output_field=SearchVectorField())
    return search_vector(*fields)


def _postgres(model, fields, related, columns, query):
    from django.contrib.postgres.search import SearchRank

    vector, terms = _vector(model, fields), search_terms(query)
    if model is Statement:  # a rare word's few statements by id (see text_search)
        matches = model.objects.filter(statement_text(query))
    else:
        matches = model.objects.annotate(found=vector).filter(found=terms)
    newest = matches.order_by(*model._meta.ordering)[:CANDIDATES]
    rows = _rows(model, related, columns).filter(pk__in=newest.values("pk"))
    return list(rows.annotate(rank=SearchRank(vector, terms)).order_by("-rank", "pk")[:LIMIT])


def _substring(model, fields, related, columns, query):
    if model in (Statement, Article):  # through SQLite's text indexes
        condition = statement_text(query) if model is Statement else article_words(query)
    else:
        condition = Q()
        for field in fields:
            for spelling in spellings(query):
                condition |= Q(**{f"{field}__icontains": spelling})
    return list(_rows(model, related, columns).filter(condition)[:LIMIT])


def search(query: str) -> Results:
    ranked = connection.vendor == "postgresql"
    find = _postgres if ranked else _substring
    found = {name: find(*target, query) for name, target in TARGETS.items()}
    return Results(**found, ranked=ranked)
