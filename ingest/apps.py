from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    """Articles from the web: fetching pages politely, reading their article, following feeds."""

    name = "ingest"
    verbose_name = _("Web sources")
