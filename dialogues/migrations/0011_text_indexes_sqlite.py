"""SQLite: FTS5 indexes kept in step by triggers, so a text filter or a search finds text without reading
every row (dialogues.text_search): the statements' text by trigrams (a phrase anywhere, as a substring
match would), the articles' title and text by words (a trigram index of megabytes of articles would be
three times their size). PostgreSQL has its GIN indexes (0010)."""

from django.db import migrations



def _index(table: str, index: str, columns: list[str], tokenize: str) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {index}({index}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {index}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5({cols}, content='{table}', content_rowid='id', tokenize='{tokenize}')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    ]


INDEXES = {  # index: (table, columns, tokenizer)
    "dialogues_statement_text": ("dialogues_statement", ["text"], "trigram"),
    "dialogues_article_text": ("dialogues_article", ["title", "text"], "unicode61 remove_diacritics 2"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for index, (table, columns, tokenize) in INDEXES.items():
            for sql in _index(table, index, columns, tokenize):
                schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for index in INDEXES:
            for name in ("insert", "delete", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {index}_{name}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0010_search_indexes")]
    operations = [migrations.RunPython(create, drop)]
