"""Trigram indexes for the list's free-text query on PostgreSQL.

The query filter is `text ILIKE %word% OR quote ILIKE %word%` (Django's icontains, which
PostgreSQL spells UPPER(col) LIKE UPPER(...)); a GIN trigram index on UPPER(col) turns the
sequential scan over a million rows into an index lookup. SQLite has no such index and
does not need one at the embedded tier's size.
"""
from django.db import migrations

INDEXES = {
    "cm_text_trgm": "text",
    "cm_quote_trgm": "quote",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON commitments_commitment '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("commitments", "0003_digests")]
    operations = [migrations.RunPython(create, drop)]
