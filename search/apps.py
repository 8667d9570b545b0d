from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Full-text search of events, excerpts and articles: FTS5 on SQLite, tsvector on PostgreSQL."""

    name = "search"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from search.schema import repair_search_schema

        post_migrate.connect(repair_search_schema, sender=self)
