from django.apps import AppConfig


class TimelineConfig(AppConfig):
    """Events, the actors and countries they involve, and their excerpts in articles."""

    name = "timeline"
