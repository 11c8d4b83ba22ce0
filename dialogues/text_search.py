"""Which statements or articles hold a piece of text, through the database's text indexes: on SQLite its
FTS5 indexes (migration 0011), statements by trigrams for three characters or more (else a plain
substring match), articles by words; on PostgreSQL words, through the GIN indexes over search_vector (migration 0010).
British and American spellings count as one ("defence" finds "Defense").

A rare word's statements (at most FEW) are fetched by the ids the index gives; a common word's page is
found by walking the list's order and testing each row (see `_walked`), never by sorting every match."""

from django.db import connection, transaction
from django.db.models import F, Func, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Left
from django.db.models.lookups import In

from .models import Statement
from .remembered import remembered
from .spelling import spellings

FEW = 1_000  # a word in at most this many statements is looked up by their ids
SEARCHED_CHARS = 100_000  # PostgreSQL refuses a text vector over 1 MB: one long article must not break search
INDEX = "dialogues_statement_text"
ARTICLES = "dialogues_article_text"


def search_terms(query: str):
    from django.contrib.postgres.search import SearchQuery

    terms = None
    for spelling in spellings(query):  # "defence" finds "Defense" too
        one = SearchQuery(spelling, search_type="websearch", config="english")
        terms = one if terms is None else terms | one
    return terms


def search_vector(*fields):
    """The text vector searched: the same expression as the GIN indexes of migration 0010 (keep them in step)."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector(*(Left(field, SEARCHED_CHARS) for field in fields), config="english")


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'  # an FTS5 string: found anywhere, as written


def statement_text(value: str) -> Q:
    """A condition on statements: their text holds `value`."""
    words = spellings(value)
    if connection.vendor == "sqlite" and all(len(w) >= 3 for w in words):
        match = " OR ".join(_phrase(w) for w in words)
        found = RawSQL(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH %s", [match])
        ids = few(Statement.objects.filter(pk__in=found).values_list("pk", flat=True))
        return Q(pk__in=ids) if ids is not None else _walked("pk", found)
    if connection.vendor == "postgresql":
        return Q(pk__in=few_or_all(matching(value).values_list("pk", flat=True), read=_from_bitmap))
    condition = Q()
    for word in words:
        condition |= Q(text__icontains=word)
    return condition


def said_by(speakers) -> Q:
    """A condition on statements: one of these speakers (ids, or a query of them) said it."""
    if speakers == []:
        return Q(speaker__in=[])
    said = Statement.objects.filter(speaker__in=speakers).values_list("pk", flat=True)
    if connection.vendor == "sqlite" and few(said) is None:
        return _walked("speaker_id", speakers)
    return Q(speaker__in=speakers)


class _Unindexed(Func):
    """`+column`: the column's value, through no index (SQLite's way of saying so)."""

    template = "+%(expressions)s"


def _walked(column: str, values) -> Q:
    """SQLite: `column IN values`, tested row by row as SQLite walks the list's order index. For a condition
    many rows meet (a common word, the top speaker) a page is then found at once, where through the
    column's index SQLite would collect every match and sort them (0.3-0.4 s for 90,000-120,000 of a
    million); counting them reads every row (0.4 s at a million, once: counts are kept)."""
    return Q(In(_Unindexed(F(column)), values))


def matching(value: str):
    """PostgreSQL: the statements whose words match, through search's GIN index (migration 0010)."""
    return Statement.objects.annotate(found=search_vector("text")).filter(found=search_terms(value))


def few(ids, read=list) -> list | None:
    """`ids` (a query of keys) as a list when there are at most FEW of them, else None (kept until the data
    changes): a list lets the database fetch the rows by key and OR it with another index."""
    ids = ids.order_by()  # any FEW + 1 of them: not sorted first
    found = remembered(ids, "few", lambda: read(ids[: FEW + 1]))
    return found if len(found) <= FEW else None


def few_or_all(ids, read=list):
    """`ids` as a list when there are at most FEW of them (see `few`), else the query itself."""
    found = few(ids, read)
    return ids if found is None else found


def _from_bitmap(ids) -> list:
    """The ids, read by the text index's bitmap alone.

    PostgreSQL cannot tell a rare word from a common one (it guesses 0.5 % of the rows for any), so for a
    page of the newest matches it walks the date order testing every quote: fast for a common word, seconds
    for a rare one (every row read). Asking the index first for at most FEW ids settles which: a rare
    word's few rows are then fetched by id, a common word's walk soon finds its page."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")  # only the bitmap of the text index is left
        found = list(ids)
        # within a request's own transaction they would outlive this block
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
        cursor.execute("SET LOCAL enable_indexscan TO DEFAULT")
    return found


def article_words(value: str) -> Q:
    """A condition on articles: their title or text holds `value`'s words, in order (on SQLite through its
    FTS5 word index; elsewhere a substring match of the title and text)."""
    words = spellings(value)
    if connection.vendor == "sqlite":
        match = " OR ".join(_phrase(w) for w in words)
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {ARTICLES} WHERE {ARTICLES} MATCH %s", [match]))
    condition = Q()
    for word in words:
        condition |= Q(title__icontains=word) | Q(text__icontains=word)
    return condition
