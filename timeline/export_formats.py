"""TimelineJS slides and iCalendar events, built from `timeline.export_batches.ExportEvent`s.

Both formats leave the site: TimelineJS renders `text` as HTML inside someone else's story and
calendar clients read iCalendar's line-based syntax, so every untrusted string (titles and
excerpts come from scraped articles) is escaped here for the format it lands in, and links are
made absolute with `absolute_url`, a function from a site-relative path to a full URL.
"""

import datetime
import json
import re
from collections.abc import Callable, Iterable, Iterator

from django.utils import translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext

from timeline.country_names import localized_country_name
from timeline.export_batches import ExportEvent
from timeline.export_selection import SITE_NAME
from timeline.models import Event

AbsoluteUrl = Callable[[str], str]

ICS_PRODUCT_ID = "-//Newsroom Timeline//Timeline export//EN"
# The same on every host, so a calendar never sees one event twice under two site names.
ICS_UID_DOMAIN = "newsroom-timeline"
ICS_LINE_OCTETS = 75
ICS_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def timelinejs_date(event: ExportEvent) -> dict:
    """Year, month and day only as far as the date is known: "March 2022" has no day."""
    date = event.date
    parts = {"year": date.year}
    if event.date_precision in (Event.Precision.MONTH, Event.Precision.DAY):
        parts["month"] = date.month
    if event.date_precision == Event.Precision.DAY:
        parts["day"] = date.day
    parts["display_date"] = event.date_display
    return parts


def in_language_of_request(chunks: Iterable[str]) -> Iterator[str]:
    """Make the chunks in the language active now, the request's: a streamed response is made
    after the view has returned, when the thread's language may be another reader's."""
    language = translation.get_language()

    def made() -> Iterator[str]:
        with translation.override(language):
            yield from chunks

    return made()


def timelinejs_text(event: ExportEvent, absolute_url: AbsoluteUrl) -> str:
    """The excerpts as escaped quotations, each followed by a link we build to its source."""
    sources = format_html_join(
        "",
        '<blockquote>{}</blockquote><p><a href="{}">{}</a></p>',
        (
            (
                source.quote,
                absolute_url(source.excerpt_url),
                gettext("Source: %(source)s") % {"source": source.outlet or source.article_title},
            )
            for source in event.sources
        ),
    )
    permalink = absolute_url(event.url)
    return sources + format_html(
        '<p><a href="{}">{}</a></p>',
        permalink,
        gettext("This event on %(site)s") % {"site": SITE_NAME},
    )


def country_names(event: Event) -> list[str]:
    """The event's countries in the reader's language, as the pages name them."""
    return [localized_country_name(c.code, c.name) for c in event.countries.all()]


def export_country_names(event: ExportEvent) -> list[str]:
    return [localized_country_name(code, name) for code, name in event.countries]


def timelinejs_slide(event: ExportEvent, absolute_url: AbsoluteUrl) -> dict:
    """One TimelineJS slide, grouped by the event's first country (TimelineJS takes one group)."""
    countries = export_country_names(event)
    return {
        "unique_id": f"event-{event.id}",
        "start_date": timelinejs_date(event),
        "display_date": event.date_display,
        "text": {
            "headline": escape(event.title),
            "text": timelinejs_text(event, absolute_url),
        },
        "group": countries[0] if countries else gettext("No country"),
        "autolink": False,
    }


def timelinejs_chunks(
    *, title: str, warnings: list[str], events: Iterable[ExportEvent], absolute_url: AbsoluteUrl
) -> Iterator[str]:
    """A TimelineJS document as JSON text, one slide at a time so it can be streamed.

    Every event must have at least a year: TimelineJS cannot place an undated slide.
    """
    head = {
        "title": {"text": {"headline": escape(title), "text": ""}},
        "warnings": warnings,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "events": ['
    separator = ""
    for event in events:
        yield separator + json.dumps(timelinejs_slide(event, absolute_url), ensure_ascii=False)
        separator = ", "
    yield "]}"


def ics_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped, controls dropped.

    Escaping the line breaks is what stops a title from starting a property of its own
    ("\\r\\nATTENDEE:…"), the iCalendar counterpart of HTML injection.
    """
    value = ICS_CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(raw, escaped)
    return value


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1)."""
    pieces: list[str] = []
    current, size, limit = [], 0, ICS_LINE_OCTETS
    for character in line:
        octets = len(character.encode())
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, ICS_LINE_OCTETS - 1
        current.append(character)
        size += octets
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def ics_timestamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics_description(event: ExportEvent, absolute_url: AbsoluteUrl) -> str:
    sources = [
        f"“{source.quote}” ({source.outlet or source.article_title}: "
        f"{absolute_url(source.excerpt_url)})"
        for source in event.sources
    ]
    return "\n\n".join(sources)


def ics_event_lines(event: ExportEvent, absolute_url: AbsoluteUrl) -> list[str]:
    """An all-day VEVENT: a calendar has no way to say "some day in March 2022"."""
    categories = [
        event.event_type_display,
        *(name for name, _slug in event.actors),
        *export_country_names(event),
    ]
    return [
        "BEGIN:VEVENT",
        f"UID:event-{event.id}@{ICS_UID_DOMAIN}",
        f"DTSTAMP:{ics_timestamp(event.updated)}",
        f"CREATED:{ics_timestamp(event.created)}",
        f"LAST-MODIFIED:{ics_timestamp(event.updated)}",
        f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.date + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ics_text(event.title)}",
        f"DESCRIPTION:{ics_text(ics_description(event, absolute_url))}",
        f"URL:{absolute_url(event.url)}",
        "CATEGORIES:" + ",".join(map(ics_text, categories)),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def ics_lines(
    *, calendar_name: str, events: Iterable[ExportEvent], absolute_url: AbsoluteUrl
) -> Iterator[str]:
    """A VCALENDAR of events known to the day, folded line by line so it can be streamed."""
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{ICS_PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_text(calendar_name)}",
    ]
    yield from map(ics_fold, header)
    for event in events:
        yield from map(ics_fold, ics_event_lines(event, absolute_url))
    yield ics_fold("END:VCALENDAR")
