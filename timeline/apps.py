from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimelineConfig(AppConfig):
    """Events, the actors and countries they involve, and their excerpts in articles."""

    name = "timeline"
    verbose_name = _("Timeline")
