from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """Imported articles, the import pipeline and the extraction of events from text."""

    name = "articles"
    verbose_name = _("Articles")
