"""A token that changes with every change to statements or participants, so that answers worked out from
them (a list's count, a facet's counts) can be kept until then and no longer (dialogues.remembered).

Triggers give the one-row table a new random token on every insert, update or delete, whoever makes it
(the admin, an import, raw SQL): per row on SQLite, per SQL statement on PostgreSQL. A random token, not
a counter, so that a rolled-back change's token never comes back meaning other data."""

from django.db import migrations

TABLE = "dialogues_data_version"
WATCHED = ("dialogues_statement", "dialogues_participant")
# the row is put back if it was ever deleted
SQLITE_BUMP = f"INSERT INTO {TABLE} (id, token) VALUES (1, random()) ON CONFLICT (id) DO UPDATE SET token = excluded.token"
POSTGRES_FUNCTION = f"""
CREATE FUNCTION dialogues_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {TABLE} (id, token) VALUES (1, (random() * 9e18)::bigint)
    ON CONFLICT (id) DO UPDATE SET token = excluded.token;
    RETURN NULL;
END $$"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(f"CREATE TABLE {TABLE} (id integer PRIMARY KEY, token bigint NOT NULL)")
    schema_editor.execute(f"INSERT INTO {TABLE} (id, token) VALUES (1, 0)")
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)
    for table in WATCHED:
        if vendor == "sqlite":
            for event in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_changed_{event.lower()} AFTER {event} ON {table} BEGIN {SQLITE_BUMP}; END"
                )
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION dialogues_data_changed()"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in WATCHED:
        if vendor == "sqlite":
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_changed_{event}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_changed ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS dialogues_data_changed()")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0011_text_indexes_sqlite")]
    operations = [migrations.RunPython(create, drop)]
