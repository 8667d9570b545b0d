"""The actors and countries directories: who is in the most events, and since when.

At a million events a correlated count and first/last lookup per actor read every event many
times over; here the counts come from the link tables alone (the busiest first, a page at a
time), and each shown row's first and last appearance is read the cheap way for how many
events it has: walking the date index until one turns up, or reading its few links.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Subquery

from timeline.models import Actor, Country, Event
from timeline.selectors import cached_summary, drives_from_links

DIRECTORY_PAGE_SIZE = 100


@dataclass(frozen=True)
class Directory:
    """One page of the directory: its rows carry `event_count` and `first_date`,
    `first_precision`, `last_date`, `last_precision` (None when they have no dated event)."""

    rows: list[Actor] | list[Country]
    number: int
    num_pages: int
    count: int

    @property
    def start_index(self) -> int:
        return (self.number - 1) * DIRECTORY_PAGE_SIZE + 1 if self.rows else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.rows) - 1 if self.rows else 0

    @property
    def previous_page_number(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next_page_number(self) -> int | None:
        return self.number + 1 if self.number < self.num_pages else None


def directory(
    model: type[Actor] | type[Country], *, page: str | int | None, version: str | None
) -> Directory:
    """Once per data version and page: the busiest first, then by name. A page number that is
    not one gives the first page, one past the end the last (as `Paginator.get_page`)."""
    page = min(int(page), 10**6) if str(page).isdigit() else 1
    counts_key = ("directory-counts", model.__name__)
    counts = cached_summary(version, counts_key, lambda: event_counts(model))
    key = ("directory", model.__name__, str(page))
    return cached_summary(version, key, lambda: _read(model, page, counts))


def event_counts(model: type[Actor] | type[Country]) -> dict[int, int]:
    """Visible events per actor or country, in one query over the link table's index alone:
    all its links, less those to rejected events (which are few)."""
    through = (Event.actors if model is Actor else Event.countries).through.objects
    name = f"{model._meta.model_name}_id"
    rejected = Event.objects.filter(status=Event.Status.REJECTED).values("pk")
    linked = through.values_list(name).annotate(n=Count("id")).order_by()
    unseen = through.filter(event_id__in=rejected).values_list(name).annotate(n=-Count("id"))
    counts: dict[int, int] = {}
    for pk, n in linked.union(unseen.order_by(), all=True):
        counts[pk] = counts.get(pk, 0) + n
    return counts


def _read(model, page_number, counts: dict[int, int]) -> Directory:
    shown_rows = model.objects.visible() if model is Actor else model.objects.all()
    names = dict(shown_rows.values_list("pk", "name"))
    ranked = sorted(names, key=lambda pk: (-counts.get(pk, 0), names[pk], pk))
    page = Paginator(ranked, DIRECTORY_PAGE_SIZE).get_page(page_number)
    rows = model.objects.filter(pk__in=page.object_list)
    if model is Actor:
        rows = rows.select_related("country")
    by_pk = {row.pk: row for row in rows}
    shown = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    for row in shown:
        row.event_count = counts.get(row.pk, 0)
    _attach_first_and_last(model, shown)
    return Directory(shown, page.number, page.paginator.num_pages, page.paginator.count)


def _attach_first_and_last(model, rows) -> None:
    """Two queries at most: the rows with many events walk the date index, the others read
    their links."""
    if not rows:
        return
    newest = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    found = {}
    for from_links in (False, True):
        pks = [
            row.pk
            for row in rows
            if row.event_count and drives_from_links(row.event_count, newest, 1) == from_links
        ]
        if pks:
            found |= {row["pk"]: row for row in _ends(model, pks, from_links=from_links)}
    for row in rows:
        ends = found.get(row.pk, {})
        for name in ("first_date", "first_precision", "last_date", "last_precision"):
            setattr(row, name, ends.get(name))


def _ends(model, pks: list[int], *, from_links: bool):
    through = (Event.actors if model is Actor else Event.countries).through.objects
    name = model._meta.model_name
    events = Event.objects.visible()
    if from_links:
        links = through.filter(**{name: OuterRef(OuterRef("pk"))}).values("event_id")
        events = events.filter(pk__in=links)
    else:
        links = through.filter(event=OuterRef("pk"), **{name: OuterRef(OuterRef("pk"))})
        events = events.filter(Exists(links))
    # `IS NOT NULL` walks the date index from its first date; `NOT (... IS NULL)`, which
    # exclude(date=None) writes, would step over every undated event first.
    dated = events.filter(date__isnull=False).exclude(date_precision=Event.Precision.UNKNOWN)
    first = dated.order_by("date", "id")
    last = dated.order_by("-date", "-id")
    return (
        model.objects.filter(pk__in=pks)
        .annotate(
            first_date=Subquery(first.values("date")[:1]),
            first_precision=Subquery(first.values("date_precision")[:1]),
            last_date=Subquery(last.values("date")[:1]),
            last_precision=Subquery(last.values("date_precision")[:1]),
        )
        .values("pk", "first_date", "first_precision", "last_date", "last_precision")
    )
