"""Searches that cost one pass over the index, whatever they match.

SQLite: the article index's `rank` column becomes the weighted bm25, so the search joins the
index once instead of ranking each article with a subquery. PostgreSQL: stored tsvector columns
with GIN indexes replace the indexes over `to_tsvector()` expressions (see `search.schema`).
"""

from django.db import migrations

from search import schema


def install(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            schema.set_sqlite_article_rank(cursor)
    elif connection.vendor == "postgresql":
        schema.install_postgresql_vectors(schema_editor)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema.uninstall_postgresql_vectors(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_full_text_search"),
        # The vectors are generated from these tables' columns: after their last migrations.
        ("articles", "0003_translatable_labels"),
        ("timeline", "0007_drop_redundant_date_indexes"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
