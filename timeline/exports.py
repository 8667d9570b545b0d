"""The event schema shared by `export_timeline` and the exports: one dict per event."""

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import pgettext_lazy

from timeline.models import Event

# The header row in the reader's language; in English it is the column names themselves.
CSV_HEADERS = [
    pgettext_lazy("CSV column", "id"),
    pgettext_lazy("CSV column", "title"),
    pgettext_lazy("CSV column", "date"),
    pgettext_lazy("CSV column", "date_precision"),
    pgettext_lazy("CSV column", "date_display"),
    pgettext_lazy("CSV column", "event_type"),
    pgettext_lazy("CSV column", "actors"),
    pgettext_lazy("CSV column", "countries"),
    pgettext_lazy("CSV column", "sources"),
    pgettext_lazy("CSV column", "scheduled"),
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def event_record(event: Event) -> dict:
    """An event with its actors, countries and sources; expects `with_sources()` prefetching."""
    return {
        "id": event.pk,
        "title": event.title,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "date_display": event.date_display,
        "scheduled": event.scheduled,
        "date_resolution": event.date_resolution,
        "event_type": event.event_type,
        "status": event.status,
        "actors": [{"name": actor.name, "slug": actor.slug} for actor in event.actors.all()],
        "countries": [
            {"code": country.code, "name": country.name} for country in event.countries.all()
        ],
        "sources": [
            {
                "article_title": excerpt.article.title,
                "article_file": excerpt.article.source_file,
                "article_url": excerpt.article.get_absolute_url(),
                "original_url": excerpt.article.url,
                "outlet": excerpt.article.outlet,
                "excerpt": excerpt.quote,
                "excerpt_url": excerpt.get_absolute_url(),
            }
            for excerpt in event.excerpts.all()
        ],
    }


def event_records(events: QuerySet[Event], chunk_size: int = 500) -> Iterator[dict]:
    """Records in chunks, each chunk with its own prefetching, so memory stays flat."""
    for event in events.iterator(chunk_size=chunk_size):
        yield event_record(event)


def csv_row(record: dict) -> list[str]:
    values = [
        record["id"],
        record["title"],
        record["date"] or "",
        record["date_precision"],
        record["date_display"],
        record["event_type"],
        "; ".join(actor["name"] for actor in record["actors"]),
        "; ".join(country["code"] for country in record["countries"]),
        " ".join(source["excerpt_url"] for source in record["sources"]),
        "yes" if record.get("scheduled") else "",
    ]
    return [safe_cell(value) for value in values]


def safe_cell(value) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    """CSV text line by line, so a large export streams instead of filling memory.

    The lines are made while the response streams, after the view has returned: they are made
    in the language of the request that asked for them, whatever the thread's language then.
    """
    language = translation.get_language()

    def lines() -> Iterator[str]:
        with translation.override(language):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            header = [str(label) for label in CSV_HEADERS]
            rows = itertools.chain([header], (csv_row(record) for record in records))
            for row in rows:
                writer.writerow(row)
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()

    return lines()
