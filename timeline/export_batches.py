"""Events for the exports read in keyset batches, each batch a fixed number of plain queries.

A full export can hold a million events. Model instances and `prefetch_related` cost about
3 ms an event in Python (30 s for 10,000, past gunicorn's worker timeout), and OFFSET paging
reads every earlier row again on each page. Here each batch is four queries whatever its size
(the events after the last one sent, in the page's order, then their actors, countries and
sources as tuples) and the rows become small `ExportEvent`s; links are made by string
substitution into one `reverse()`d pattern. Ordering is the pages' order: dated events by date
and id (the `(date, id, status)` index), then the undated ones by id.
"""

import datetime
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.db.models.lookups import In
from django.urls import reverse
from django.utils import translation

from timeline.models import Event, Excerpt, format_event_date

BATCH_SIZE = 2_000
EVENT_FIELDS = (
    "id",
    "title",
    "date",
    "date_precision",
    "date_resolution",
    "event_type",
    "status",
    "created",
    "updated",
    "scheduled",
)
PLACEHOLDER = "0"


@dataclass(slots=True)
class Source:
    excerpt_id: int
    quote: str
    article_title: str
    article_slug: str
    article_file: str
    original_url: str
    outlet: str
    article_url: str = ""
    excerpt_url: str = ""


@dataclass(slots=True)
class ExportEvent:
    """What every export format reads of an event, with site-relative links."""

    id: int
    title: str
    date: datetime.date | None
    date_precision: str
    date_resolution: str
    event_type: str
    status: str
    created: datetime.datetime
    updated: datetime.datetime
    scheduled: bool
    url: str = ""
    actors: list[tuple[str, str]] = field(default_factory=list)  # (name, slug)
    countries: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    sources: list[Source] = field(default_factory=list)

    @property
    def date_display(self) -> str:
        return _date_display(
            self.date, self.date_precision, self.scheduled, translation.get_language()
        )

    @property
    def event_type_display(self) -> str:
        return str(Event.Type(self.event_type).label)


@functools.lru_cache(maxsize=8192)
def _date_display(
    date: datetime.date | None, precision: str, scheduled: bool, language: str | None
) -> str:
    """Memoised: a million events fall on a few thousand dates, each formatted by gettext."""
    return format_event_date(date, precision, scheduled=scheduled)


def _for_events(model, ids: list[int]) -> QuerySet:
    """Rows of `model` whose `event_id` is one of `ids`, which are ints from the database: a
    plain `In` over the column skips the per-value checks of a related-field lookup."""
    return model.objects.filter(In(F("event_id"), ids))


class Links:
    """Site-relative links by substitution: `reverse()` costs more than the rest of a row."""

    def __init__(self):
        self.event = reverse("timeline:event", kwargs={"pk": PLACEHOLDER}).split(PLACEHOLDER)
        self.article = reverse("articles:detail", kwargs={"slug": "-"}).split("-")

    def event_url(self, pk: int) -> str:
        return f"{self.event[0]}{pk}{self.event[1]}"

    def article_url(self, slug: str) -> str:
        return f"{self.article[0]}{slug}{self.article[1]}"


def keyset_batches(events: QuerySet[Event], *, newest_first: bool = True) -> Iterator[list[tuple]]:
    """Rows of `EVENT_FIELDS`, `BATCH_SIZE` at a time, each batch starting after the last row
    sent: two keyset passes, the dated events then the undated ones, each an index range."""
    size = BATCH_SIZE
    dated = events.filter(date__isnull=False)
    order = ("-date", "-id") if newest_first else ("date", "id")
    after = None
    while True:
        batch = dated
        if after is not None:
            date, pk = after
            if newest_first:
                batch = batch.filter(date__lte=date).filter(Q(date__lt=date) | Q(id__lt=pk))
            else:
                batch = batch.filter(date__gte=date).filter(Q(date__gt=date) | Q(id__gt=pk))
        rows = list(batch.order_by(*order).values_list(*EVENT_FIELDS)[:size])
        if rows:
            yield rows
        if len(rows) < size:
            break
        after = (rows[-1][2], rows[-1][0])
    undated = events.filter(date__isnull=True).order_by("-id" if newest_first else "id")
    after_id = None
    while True:
        batch = undated
        if after_id is not None:
            batch = batch.filter(id__lt=after_id) if newest_first else batch.filter(id__gt=after_id)
        rows = list(batch.values_list(*EVENT_FIELDS)[:size])
        if rows:
            yield rows
        if len(rows) < size:
            break
        after_id = rows[-1][0]


def export_events(rows: Iterable[tuple], links: Links | None = None) -> list[ExportEvent]:
    """One batch of event rows with their actors, countries and sources: three queries."""
    links = links or Links()
    events = [ExportEvent(*row) for row in rows]
    if not events:
        return []
    by_id = {event.id: event for event in events}
    ids = list(by_id)
    actor_links = _for_events(Event.actors.through, ids)
    for event_id, name, slug in actor_links.order_by("actor__name", "actor_id").values_list(
        "event_id", "actor__name", "actor__slug"
    ):
        by_id[event_id].actors.append((name, slug))
    country_links = _for_events(Event.countries.through, ids)
    for event_id, code, name in country_links.order_by("country__name", "country_id").values_list(
        "event_id", "country__code", "country__name"
    ):
        by_id[event_id].countries.append((code, name))
    sources = _for_events(Excerpt, ids).order_by("id")
    for event_id, *values in sources.values_list(
        "event_id",
        "id",
        "quote",
        "article__title",
        "article__slug",
        "article__source_file",
        "article__url",
        "article__outlet",
    ):
        source = Source(*values)
        source.article_url = links.article_url(source.article_slug)
        source.excerpt_url = f"{source.article_url}#excerpt-{source.excerpt_id}"
        by_id[event_id].sources.append(source)
    for event in events:
        event.url = links.event_url(event.id)
    return events


def streamed_events(events: QuerySet[Event], *, newest_first: bool = True) -> Iterator[ExportEvent]:
    links = Links()
    for rows in keyset_batches(events, newest_first=newest_first):
        yield from export_events(rows, links)
