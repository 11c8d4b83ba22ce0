"""PostgreSQL: GIN indexes over the very expressions search matches (dialogues.text_search.search_vector), so a
search reads the index instead of re-reading every statement's and article's text. SQLite has no such
index type; its search matches substrings."""

from django.db import migrations

SEARCHED = {  # table: the fields of its vector, as dialogues.search.TARGETS has them
    "dialogues_statement": ("text",),
    "dialogues_article": ("title", "text"),
}
CHARS = 100_000  # dialogues.text_search.SEARCHED_CHARS


def _expression(fields) -> str:
    joined = " || ' ' || ".join(f"COALESCE(LEFT({field}, {CHARS}), '')" for field in fields)
    return f"to_tsvector('english'::regconfig, {joined})"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in SEARCHED.items():
        schema_editor.execute(f"CREATE INDEX {table}_search ON {table} USING gin ({_expression(fields)})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search")


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0009_statement_order_indexes")]
    operations = [migrations.RunPython(create, drop)]
