from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Imported articles, the import pipeline and the extraction of events from text."""

    name = "articles"
