"""The search indexes: FTS5 tables kept by triggers on SQLite, GIN indexes on PostgreSQL.

SQLite: one external-content FTS5 table per searched table (event titles, excerpt quotes, article
titles and bodies). They hold only the index, not a copy of the text, and triggers keep them in
step with every insert, update and delete, whoever writes (the ORM, the admin, raw SQL). Django
rebuilds a SQLite table to alter it, which drops its triggers; `repair_search_schema` runs after
every `migrate` and puts back what is missing, rebuilding that index.

PostgreSQL: a stored generated `search_vector` column on each searched table, with a GIN index
over it, and a text search configuration that strips accents when the `unaccent` extension can
be installed and is plain `simple` otherwise. The vectors are made when a row is written, so a
search reads them and never runs `to_tsvector` over every body, nor again to rank a match.
(Migration 0001 made GIN indexes over `to_tsvector()` expressions; 0002 replaced them, because
a search matching most rows — and ranking — recomputed the vectors of all of them.)
"""

from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper

TOKENIZER = "unicode61 remove_diacritics 2"
SEARCH_CONFIG = "newsroom_search"
# An article's rank: bm25 with a word in the title worth four in the body.
ARTICLE_RANK = "bm25(4.0, 1.0)"
VECTOR_COLUMN = "search_vector"

# FTS5 table: (content table, indexed columns)
FTS_TABLES = {
    "search_event_title": ("timeline_event", ("title",)),
    "search_excerpt_quote": ("timeline_excerpt", ("quote",)),
    "search_article_text": ("articles_article", ("title", "body")),
}


def _fts_triggers(fts: str, table: str, columns: tuple[str, ...]) -> dict[str, str]:
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{column}" for column in columns)
    old_values = ", ".join(f"old.{column}" for column in columns)
    add = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values});"
    remove = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values});"
    return {
        f"{fts}_insert": f"AFTER INSERT ON {table} BEGIN {add} END",
        f"{fts}_delete": f"AFTER DELETE ON {table} BEGIN {remove} END",
        f"{fts}_update": f"AFTER UPDATE OF {names} ON {table} BEGIN {remove} {add} END",
    }


def _existing(cursor, kind: str) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = %s", [kind])
    return {row[0] for row in cursor.fetchall()}


def install_sqlite(connection: BaseDatabaseWrapper) -> list[str]:
    """Create what is missing; return the FTS tables that need a rebuild because of it."""
    stale = []
    with connection.cursor() as cursor:
        tables, triggers = _existing(cursor, "table"), _existing(cursor, "trigger")
        for fts, (table, columns) in FTS_TABLES.items():
            if table not in tables:
                continue
            wanted = _fts_triggers(fts, table, columns)
            if fts in tables and wanted.keys() <= triggers:
                continue
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({', '.join(columns)}, "
                f"content='{table}', content_rowid='id', tokenize='{TOKENIZER}')"
            )
            for name, body in wanted.items():
                cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
            stale.append(fts)
        if "search_article_text" in stale:
            set_sqlite_article_rank(cursor)
    return stale


def set_sqlite_article_rank(cursor) -> None:
    """Make the FTS5 table's `rank` column the weighted bm25 (kept in the table's config)."""
    cursor.execute(
        "INSERT INTO search_article_text(search_article_text, rank) VALUES ('rank', %s)",
        [ARTICLE_RANK],
    )


def rebuild_sqlite(connection: BaseDatabaseWrapper, tables=tuple(FTS_TABLES)) -> None:
    """Re-read every row: after a bulk load with the triggers off, or after a repair."""
    with connection.cursor() as cursor:
        for fts in tables:
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop_sqlite_triggers(connection: BaseDatabaseWrapper) -> None:
    """For bulk loads: one `rebuild` afterwards is much faster than a trigger per row."""
    with connection.cursor() as cursor:
        for fts, (table, columns) in FTS_TABLES.items():
            for name in _fts_triggers(fts, table, columns):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def uninstall_sqlite(connection: BaseDatabaseWrapper) -> None:
    drop_sqlite_triggers(connection)
    with connection.cursor() as cursor:
        for fts in FTS_TABLES:
            cursor.execute(f"DROP TABLE IF EXISTS {fts}")


def postgresql_indexes():
    """(model, GIN index) pairs; imported late because models need the app registry."""
    from django.contrib.postgres.indexes import GinIndex

    from articles.models import Article
    from search.queries import article_vector, excerpt_vector, title_vector
    from timeline.models import Event, Excerpt

    return [
        (Event, GinIndex(title_vector(), name="search_event_title_gin")),
        (Excerpt, GinIndex(excerpt_vector(), name="search_excerpt_quote_gin")),
        (Article, GinIndex(article_vector(), name="search_article_text_gin")),
    ]


def install_postgresql(schema_editor) -> None:
    """The configuration first (the indexes name it), then the indexes."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [SEARCH_CONFIG])
        if cursor.fetchone() is None:
            has_unaccent = _try_create_unaccent(cursor)
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {SEARCH_CONFIG} (COPY = simple)")
            if has_unaccent:
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {SEARCH_CONFIG} ALTER MAPPING FOR "
                    "word, hword, hword_part, numword, numhword, hword_numpart "
                    "WITH unaccent, simple"
                )
    for model, index in postgresql_indexes():
        schema_editor.add_index(model, index)


def _try_create_unaccent(cursor) -> bool:
    """`unaccent` is a contrib extension: it may be absent, or we may not be allowed to add it."""
    cursor.execute("SAVEPOINT search_unaccent")
    try:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception:
        cursor.execute("ROLLBACK TO SAVEPOINT search_unaccent")
        return False
    cursor.execute("RELEASE SAVEPOINT search_unaccent")
    return True


def uninstall_postgresql(schema_editor) -> None:
    for model, index in postgresql_indexes():
        schema_editor.remove_index(model, index)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {SEARCH_CONFIG}")


# table: (GIN index, the stored vector's expression over the row's own columns)
POSTGRESQL_VECTORS = {
    "timeline_event": (
        "search_event_vector_gin",
        f"to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce(title, ''))",
    ),
    "timeline_excerpt": (
        "search_excerpt_vector_gin",
        f"to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce(quote, ''))",
    ),
    "articles_article": (
        "search_article_vector_gin",
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce(body, '')), 'B')",
    ),
}


def install_postgresql_vectors(schema_editor) -> None:
    """Stored vectors and their GIN indexes in place of the expression indexes of 0001."""
    with schema_editor.connection.cursor() as cursor:
        for table, (index, expression) in POSTGRESQL_VECTORS.items():
            cursor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector "
                f"GENERATED ALWAYS AS ({expression}) STORED"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({VECTOR_COLUMN})"
            )
    for model, index in postgresql_indexes():
        schema_editor.remove_index(model, index)


def uninstall_postgresql_vectors(schema_editor) -> None:
    for model, index in postgresql_indexes():
        schema_editor.add_index(model, index)
    with schema_editor.connection.cursor() as cursor:
        for table, (index, _expression) in POSTGRESQL_VECTORS.items():
            cursor.execute(f"DROP INDEX IF EXISTS {index}")
            cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {VECTOR_COLUMN}")


def repair_search_schema(sender=None, using="default", **kwargs) -> None:
    """After `migrate`: put back FTS5 triggers that a SQLite table rebuild dropped."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    connection = connections[using] if using else default_connection
    if connection.vendor != "sqlite":
        return
    applied = MigrationRecorder(connection).applied_migrations()
    if ("search", "0001_full_text_search") not in applied:
        return
    stale = install_sqlite(connection)
    if stale:
        rebuild_sqlite(connection, stale)
