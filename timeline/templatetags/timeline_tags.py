"""Template helpers for dates known only to a month or a year."""

import datetime

from django import template

from timeline.models import Event, format_event_date

register = template.Library()


@register.filter
def event_date(date: datetime.date | None, precision: str) -> str:
    """`{{ actor.first_date|event_date:actor.first_precision }}` → "March 2022"."""
    return format_event_date(date, precision)


@register.filter
def machine_date(event: Event) -> str:
    """The `datetime` attribute of a `<time>`: as precise as the date is known."""
    if event.date is None or event.date_precision == Event.Precision.UNKNOWN:
        return ""
    if event.date_precision == Event.Precision.YEAR:
        return f"{event.date.year:04d}"
    if event.date_precision == Event.Precision.MONTH:
        return event.date.strftime("%Y-%m")
    return event.date.isoformat()
