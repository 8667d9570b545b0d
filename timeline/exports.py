"""The event schema shared by `export_timeline` and the exports: one dict per event."""

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import pgettext_lazy

from timeline.export_batches import ExportEvent, streamed_events
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


def event_record(event: ExportEvent) -> dict:
    """An event with its actors, countries and sources (see `timeline.export_batches`)."""
    return {
        "id": event.id,
        "title": event.title,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "date_display": event.date_display,
        "scheduled": event.scheduled,
        "date_resolution": event.date_resolution,
        "event_type": event.event_type,
        "status": event.status,
        "actors": [{"name": name, "slug": slug} for name, slug in event.actors],
        "countries": [{"code": code, "name": name} for code, name in event.countries],
        "sources": [
            {
                "article_title": source.article_title,
                "article_file": source.article_file,
                "article_url": source.article_url,
                "original_url": source.original_url,
                "outlet": source.outlet,
                "excerpt": source.quote,
                "excerpt_url": source.excerpt_url,
            }
            for source in event.sources
        ],
    }


def event_records(events: QuerySet[Event], *, newest_first: bool = True) -> Iterator[dict]:
    """Records read in keyset batches, so memory stays flat and no row is read twice."""
    for event in streamed_events(events, newest_first=newest_first):
        yield event_record(event)


def csv_row(record: dict, site_url: str = "") -> list[str]:
    values = [
        record["id"],
        record["title"],
        record["date"] or "",
        record["date_precision"],
        record["date_display"],
        record["event_type"],
        "; ".join(actor["name"] for actor in record["actors"]),
        "; ".join(country["code"] for country in record["countries"]),
        "; ".join(source_cell(source, site_url) for source in record["sources"]),
        "yes" if record.get("scheduled") else "",
    ]
    return [safe_cell(value) for value in values]


def source_cell(source: dict, site_url: str) -> str:
    """ "El Faro — https://site/articles/x/#excerpt-12 — https://elfaro.net/x": who reported it,
    the excerpt on this site and the original article, usable pasted anywhere."""
    parts = [source["outlet"] or source["article_title"], f"{site_url}{source['excerpt_url']}"]
    if source["original_url"]:
        parts.append(source["original_url"])
    return " — ".join(parts)


def safe_cell(value) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_lines(records: Iterable[dict], *, site_url: str = "") -> Iterator[str]:
    """CSV text line by line, so a large export streams instead of filling memory. Links to
    this site start with `site_url` (no trailing slash; empty: site-relative).

    The lines are made while the response streams, after the view has returned: they are made
    in the language of the request that asked for them, whatever the thread's language then.
    """
    language = translation.get_language()

    def lines() -> Iterator[str]:
        with translation.override(language):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            header = [str(label) for label in CSV_HEADERS]
            rows = itertools.chain([header], (csv_row(record, site_url) for record in records))
            for row in rows:
                writer.writerow(row)
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()

    return lines()
