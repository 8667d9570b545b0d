"""Reads for the timeline pages: filtering, facets, pagination and year/month grouping.

Every filter is a subquery (`EXISTS`, or `IN` over an actor's or country's links when that
reads fewer rows: see `drives_from_links`) rather than a join, so the filtered queryset has one
row per event and the facet query can join the relations afresh without double counting.

A page's summary (its bounded total, its facets and the ids of its first pages) is computed
once per filter state and data version and kept in the shared cache; later readers of that
state pay only for the 50 rows they see.
"""

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext, pgettext

from timeline.country_names import localized_country_name
from timeline.facets import MAX_SAMPLE, Facet, facet_counts, relation_facet, type_facet
from timeline.filters import (
    SCHEDULED_CHOICES,
    SOURCES_CHOICES,
    UNKNOWN_ACTOR,
    UNKNOWN_COUNTRY,
    TimelineFilters,
)
from timeline.listing import listed_events
from timeline.models import Actor, Country, Event, format_event_date

PAGE_SIZE = 50
SUMMARY_CACHE_SECONDS = 60 * 60
# Above this many matching events the total is a lower bound ("more than 10,000 events") and the
# facets count the newest this many: exact figures would read up to a million rows per filter.
EXACT_COUNT_LIMIT = 10_000
# The ids of this many first pages are kept with the summary: scrolling on costs one read of 50
# rows by primary key, whatever the filters.
CACHED_PAGES = 20
# Counting stops past this page however deep the page asked for (50 million events).
MAX_COUNTED_PAGE = 1_000_000


def exact_count_limit() -> int:
    return getattr(settings, "TIMELINE_EXACT_COUNT_LIMIT", EXACT_COUNT_LIMIT)


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_params: dict[str, Any]


@dataclass
class EventSection:
    """A run of events under the same year and month; a heading is None when it continues."""

    year_heading: str | None
    month_heading: str | None
    events: list[Event] = field(default_factory=list)


@dataclass
class TimelinePage:
    filters: TimelineFilters
    query: QueryDict
    messages: list[str]
    total: int
    number: int
    num_pages: int
    start_index: int
    end_index: int
    facets: list[Facet]
    active_filters: list[ActiveFilter]
    selected_countries: list[Country]
    selected_actors: list[Actor]
    # `total` is "more than total" (counting stopped there); facets count only the newest
    # `facet_sample` matching events when it is set.
    total_is_lower_bound: bool = False
    facet_sample: int | None = None
    # The ids of the events shown, after the previous page's last one when `continues`.
    shown_ids: list[int] = field(default_factory=list)
    continues: bool = False
    # What the time axis reads, when rendered (see `timeline.axis.page_axis`).
    scope: Actor | Country | None = None
    selection: "Selection | None" = None
    version: str | None = None

    @cached_property
    def date_counts(self) -> list[tuple]:
        """Every matching event counted by date and precision: one GROUP BY, read when
        rendered (see `timeline.axis`)."""
        from timeline.axis import page_date_counts

        return page_date_counts(self)

    @property
    def axis(self):
        from timeline.axis import build_axis

        return build_axis(self.date_counts, self.filters.date_from, self.filters.date_to)

    @property
    def exact_total(self) -> int:
        """The exact number of matching events, however many (`total` stops counting)."""
        return self.total if not self.total_is_lower_bound else sum(n for *_, n in self.date_counts)

    @cached_property
    def sections(self) -> list[EventSection]:
        """Read only when rendered: a page whose results come from the fragment cache reads
        no events at all."""
        rows = listed_events(self.shown_ids)
        previous = rows.pop(0) if self.continues and rows else None
        return event_sections(rows, previous=previous)

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int | None:
        return self.number - 1 if self.number > 1 else None


@dataclass(frozen=True)
class Summary:
    """What the first reader of a filter state computes for every later one."""

    total: int
    total_is_lower_bound: bool
    facet_counts: dict[str, dict[str, tuple]]
    sample_size: int
    # The ids of the first `CACHED_PAGES` pages, in the page's order.
    first_ids: list[int]


@dataclass(frozen=True)
class Selection:
    """The filter values that name rows, looked up, with how many events each is linked to."""

    countries: list[Country]
    actors: list[Actor]
    messages: list[str]
    link_counts: dict[tuple[str, int], int]
    event_count: int


def drives_from_links(link_count: int, event_count: int, depth: int) -> bool:
    """Read the `link_count` links of an actor or country, then sort their events, or walk the
    date index probing each event until `depth` of them are found (about depth × event_count
    / link_count probes)? Whichever reads fewer rows."""
    return link_count * link_count < depth * max(event_count, 1)


def with_actor(events: QuerySet[Event], actor_id: int, *, sparse=False) -> QuerySet[Event]:
    through = Event.actors.through.objects
    if sparse:
        return events.filter(pk__in=through.filter(actor=actor_id).values("event_id"))
    return events.filter(Exists(through.filter(event=OuterRef("pk"), actor=actor_id)))


def with_country(events: QuerySet[Event], country_id: int, *, sparse=False) -> QuerySet[Event]:
    through = Event.countries.through.objects
    if sparse:
        return events.filter(pk__in=through.filter(country=country_id).values("event_id"))
    return events.filter(Exists(through.filter(event=OuterRef("pk"), country=country_id)))


def matching_text(events: QuerySet[Event], q: str) -> QuerySet[Event]:
    """Events with every word of `q` in their title or in one of their excerpts."""
    return events.search(q) if q else events


def filter_events(
    events: QuerySet[Event],
    *,
    filters: TimelineFilters,
    countries: list[Country],
    actors: list[Actor],
    sparse: frozenset = frozenset(),
) -> QuerySet[Event]:
    """Apply every filter; several countries or actors mean events involving all of them."""
    for country in countries:
        events = with_country(events, country.pk, sparse=("Country", country.pk) in sparse)
    for actor in actors:
        events = with_actor(events, actor.pk, sparse=("Actor", actor.pk) in sparse)
    if filters.event_type:
        events = events.filter(event_type=filters.event_type)
    if filters.date_from:
        events = events.filter(date__gte=filters.date_from.first_day)
    if filters.date_to:
        events = events.filter(date__lte=filters.date_to.last_day)
    events = by_sources(events, filters.sources)
    if filters.scheduled:
        events = events.filter(scheduled=filters.scheduled == "expected")
    return matching_text(events, filters.q)


def by_sources(events: QuerySet[Event], sources: str) -> QuerySet[Event]:
    """Events told by one article, by several, or whose sources disagree."""
    if sources == "disputed":
        return events.filter(is_disputed=True)
    if sources in {"single", "several"}:
        several = events.reported_by_several_articles()
        return events.filter(several) if sources == "several" else events.exclude(several)
    return events


def scoped_events(
    scope: Actor | Country | None, sparse: frozenset = frozenset()
) -> QuerySet[Event]:
    """The visible events of the whole timeline, or of one actor's or country's page."""
    events = Event.objects.visible()
    if isinstance(scope, Actor):
        return with_actor(events, scope.pk, sparse=("Actor", scope.pk) in sparse)
    if isinstance(scope, Country):
        return with_country(events, scope.pk, sparse=("Country", scope.pk) in sparse)
    return events


def select(
    filters: TimelineFilters, scope: Actor | Country | None, version: str | None
) -> Selection:
    """Look up the filters' countries and actors with how many events each is linked to, in one
    query once per data version (none without such filters). The scope's own counts come
    annotated by `with_link_counts`."""
    link_counts, event_count = {}, 0
    if scope is not None and hasattr(scope, "link_count"):
        link_counts[(type(scope).__name__, scope.pk)] = scope.link_count
        event_count = scope.newest_event
    if not filters.countries and not filters.actors:
        return Selection([], [], list(filters.errors), link_counts, event_count)
    key = ("selection", filters.countries, filters.actors)
    countries, actors, filter_links, newest_event = cached_summary(
        version, key, lambda: _look_up(filters.countries, filters.actors)
    )
    messages = list(filters.errors)
    for values, found, unknown in (
        (filters.countries, {c.code for c in countries}, UNKNOWN_COUNTRY),
        (filters.actors, {a.slug for a in actors}, UNKNOWN_ACTOR),
    ):
        messages += [str(unknown) % {"value": value} for value in values if value not in found]
    return Selection(
        countries, actors, messages, link_counts | filter_links, event_count or newest_event
    )


def with_link_counts(scopes: QuerySet) -> QuerySet:
    """Annotate each actor or country with `link_count` (its links to events, rejected ones
    included) and `newest_event` (the newest event's id: about how many events there are),
    which tell how to read its events cheaply (`drives_from_links`)."""
    model = scopes.model
    relation = "actors" if model is Actor else "countries"
    name = model._meta.model_name
    links = (
        getattr(Event, relation)
        .through.objects.filter(**{name: OuterRef("pk")})
        .order_by()
        .values(name)
        .annotate(n=Count("id"))
        .values("n")
    )
    return scopes.annotate(
        link_count=Coalesce(Subquery(links, output_field=IntegerField()), Value(0)),
        newest_event=Coalesce(Subquery(Event.objects.order_by("-pk").values("pk")[:1]), 0),
    )


def _look_up(codes, slugs) -> tuple[list[Country], list[Actor], dict, int]:
    parts = [
        with_link_counts(model.objects.filter(**{f"{field_name}__in": values}))
        .annotate(kind=Value(model.__name__), key=F(field_name))
        .values_list("kind", "pk", "key", "name", "link_count", "newest_event")
        .order_by()
        for model, field_name, values in ((Country, "code", codes), (Actor, "slug", slugs))
        if values
    ]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found: dict[str, dict[str, Actor | Country]] = {"Country": {}, "Actor": {}}
    link_counts, event_count = {}, 0
    for kind, pk, key, name, links, newest_event in rows:
        if kind == "Country":
            found[kind][key] = Country(pk=pk, code=key, name=name)
        else:
            found[kind][key] = Actor(pk=pk, slug=key, name=name)
        link_counts[(kind, pk)] = links
        event_count = newest_event
    countries = [found["Country"][code] for code in codes if code in found["Country"]]
    actors = [found["Actor"][slug] for slug in slugs if slug in found["Actor"]]
    return countries, actors, link_counts, event_count


def matching_events(
    filters: TimelineFilters, scope: Actor | Country | None, selection: Selection, *, depth: int
) -> QuerySet[Event]:
    """The filtered events, each actor or country filter read the cheaper way for `depth`."""
    sparse = frozenset(
        key
        for key, links in selection.link_counts.items()
        if drives_from_links(links, selection.event_count, depth)
    )
    return filter_events(
        scoped_events(scope, sparse),
        filters=filters,
        countries=selection.countries,
        actors=selection.actors,
        sparse=sparse,
    )


def summarise(
    filters: TimelineFilters, scope: Actor | Country | None, selection: Selection, count_limit: int
) -> Summary:
    """One index-ordered read of ids gives the bounded total, the facets' sample and the first
    pages; one more query counts the facets (and one more reads the oldest-first pages, or the
    sample without the type filter, when those are asked for)."""
    events = matching_events(filters, scope, selection, depth=count_limit + 1)
    newest = events.chronological(newest_first=True).values_list("pk", flat=True)
    newest_ids = list(newest[: count_limit + 1])
    sample_size = min(exact_count_limit(), MAX_SAMPLE)
    sample = newest_ids[:sample_size]
    untyped = sample
    if filters.event_type:
        untyped_filters = replace(filters, event_type="")
        untyped_events = matching_events(untyped_filters, scope, selection, depth=sample_size)
        ordered = untyped_events.chronological(newest_first=True).values_list("pk", flat=True)
        untyped = list(ordered[:sample_size])
    first_count = CACHED_PAGES * PAGE_SIZE
    if filters.newest_first:
        first_ids = newest_ids[:first_count]
    else:
        oldest = events.chronological(newest_first=False).values_list("pk", flat=True)
        first_ids = list(oldest[:first_count])
    return Summary(
        total=min(len(newest_ids), count_limit),
        total_is_lower_bound=len(newest_ids) > count_limit,
        facet_counts=facet_counts(sample, untyped),
        sample_size=sample_size,
        first_ids=first_ids,
    )


def timeline_page(
    *,
    filters: TimelineFilters,
    scope: Actor | Country | None = None,
    version: str | None = None,
) -> TimelinePage:
    """Compose one page of the timeline: a fixed number of queries however many events show.

    The count and the facets are bounded: counting stops past `exact_count_limit()` (or past the
    requested page, if deeper) and the facets read the newest `exact_count_limit()` matching
    events, so no request reads a million rows. With a data `version` (see
    `timeline.freshness`) the summary is computed once per filter state and version and kept in
    the (shared) cache.
    """
    selection = select(filters, scope, version)
    messages = selection.messages
    # A page past the last is answered with the last (and a message); counting on to page 10¹⁷
    # would ask the database for more rows than a LIMIT can hold.
    count_limit = max(exact_count_limit(), min(filters.page, MAX_COUNTED_PAGE) * PAGE_SIZE)
    summary = page_summary(filters, scope, selection, version, count_limit)
    total, lower_bound = summary.total, summary.total_is_lower_bound
    # Past a lower bound there is always one more page than the counted ones.
    num_pages = max(1, math.ceil(total / PAGE_SIZE)) + lower_bound
    number = filters.page
    if number > num_pages:
        message = (
            gettext("There is no page %(number)s; this is page %(last)s, the last one.")
            if num_pages > 1
            else gettext("There is no page %(number)s; these are all the matching events.")
        )
        messages.append(message % {"number": number, "last": num_pages})
        number = num_pages
    start = (number - 1) * PAGE_SIZE
    # The previous page's last event tells whether the first heading continues.
    first, stop = max(start - 1, 0), start + PAGE_SIZE
    if stop <= len(summary.first_ids) or (len(summary.first_ids) >= total and not lower_bound):
        ids = summary.first_ids[first:stop]
    else:
        events = matching_events(filters, scope, selection, depth=stop)
        ids = page_ids(events, filters.newest_first, first, stop)
    ids = ids if total else []
    continues = start > 0 and bool(ids)
    shown = len(ids) - continues

    counts = summary.facet_counts
    countries, actors = selection.countries, selection.actors
    facets = [
        relation_facet("country", counts["country"], selected=countries, total=total, key="code",
                       exclude=scope if isinstance(scope, Country) else None),
        relation_facet("actor", counts["actor"], selected=actors, total=total, key="slug",
                       exclude=scope if isinstance(scope, Actor) else None),
        type_facet(counts["type"], filters.event_type),
    ]  # fmt: skip
    # Links carry only the filter values that name something: a mistyped code is reported
    # once, not carried on into every facet, page and export link.
    known = replace(
        filters,
        countries=tuple(c.code for c in countries),
        actors=tuple(a.slug for a in actors),
    )
    return TimelinePage(
        filters=filters,
        query=known.querydict(),
        messages=messages,
        total=total,
        number=number,
        num_pages=num_pages,
        start_index=start + 1 if shown else 0,
        end_index=start + shown,
        facets=facets,
        active_filters=_active_filters(filters, countries, actors),
        selected_countries=countries,
        selected_actors=actors,
        total_is_lower_bound=lower_bound,
        facet_sample=summary.sample_size if total > summary.sample_size or lower_bound else None,
        shown_ids=ids,
        continues=continues,
        scope=scope,
        selection=selection,
        version=version,
    )


def page_summary(
    filters: TimelineFilters,
    scope: Actor | Country | None,
    selection: Selection,
    version: str | None,
    count_limit: int,
) -> Summary:
    state = (filters.querydict().urlencode(), [c.pk for c in selection.countries],
             [a.pk for a in selection.actors])  # fmt: skip
    scope_key = (type(scope).__name__, getattr(scope, "pk", None))
    return cached_summary(
        version,
        ("page", scope_key, state, count_limit),
        lambda: summarise(filters, scope, selection, count_limit),
    )


def unfiltered_summary(scope: Actor | Country, version: str | None) -> Summary:
    """The summary of an actor's or country's whole timeline (its first page's, when that is
    the page being shown: then it is already in the cache)."""
    filters = TimelineFilters()
    selection = select(filters, scope, version)
    return page_summary(filters, scope, selection, version, exact_count_limit())


def page_ids(events: QuerySet[Event], newest_first: bool, start: int, stop: int) -> list[int]:
    """Skip to a deep page over the ids alone (an index-only scan of the date+id index): page
    1,000 costs about what page 1 does."""
    ordered = events.chronological(newest_first=newest_first).values_list("pk", flat=True)
    return list(ordered[start:stop])


def cached_summary(version: str | None, key: tuple, compute: Callable[[], Any]) -> Any:
    """`compute()` once per data version; always afresh without one (tests, management code)."""
    if version is None:
        return compute()
    digest = hashlib.sha256(repr((version, *key)).encode()).hexdigest()
    return cache.get_or_set(f"timeline-summary:{digest}", compute, SUMMARY_CACHE_SECONDS)


def _active_filters(filters, countries, actors) -> list[ActiveFilter]:
    codes = [country.code for country in countries]
    slugs = [actor.slug for actor in actors]
    active = [
        ActiveFilter(
            localized_country_name(country.code, country.name),
            {"country": [c for c in codes if c != country.code]},
        )
        for country in countries
    ]
    active += [
        ActiveFilter(actor.name, {"actor": [s for s in slugs if s != actor.slug]})
        for actor in actors
    ]
    if filters.event_type:
        active.append(ActiveFilter(Event.Type(filters.event_type).label, {"type": None}))
    if filters.date_from:
        active.append(
            ActiveFilter(
                pgettext("start date", "From %(date)s") % {"date": filters.date_from.text},
                {"date_from": None},
            )
        )
    if filters.date_to:
        active.append(
            ActiveFilter(
                pgettext("end date", "To %(date)s") % {"date": filters.date_to.text},
                {"date_to": None},
            )
        )
    if filters.q:
        active.append(ActiveFilter(f"“{filters.q}”", {"q": None}))
    if filters.sources:
        active.append(ActiveFilter(SOURCES_CHOICES[filters.sources], {"sources": None}))
    if filters.scheduled:
        active.append(ActiveFilter(SCHEDULED_CHOICES[filters.scheduled], {"scheduled": None}))
    return active


def _heading_key(event: Event) -> tuple[int | None, int | None]:
    if event.date is None or event.date_precision == Event.Precision.UNKNOWN:
        return (None, None)
    if event.date_precision == Event.Precision.YEAR:
        return (event.date.year, None)
    return (event.date.year, event.date.month)


def event_sections(events: list[Event], *, previous: Event | None = None) -> list[EventSection]:
    """Group events under year and month headings, continuing the previous page's last group."""
    sections: list[EventSection] = []
    last_key = _heading_key(previous) if previous else None
    for event in events:
        key = _heading_key(event)
        if not sections or key != last_key:
            year, month = key
            year_changed = last_key is None or year != last_key[0]
            if key == last_key:
                year_heading = month_heading = None
            elif year is None:
                year_heading, month_heading = gettext("Date unknown"), None
            else:
                year_heading = str(year) if year_changed else None
                month_heading = (
                    format_event_date(event.date, Event.Precision.MONTH)
                    if month
                    else gettext("%(year)s, month unknown") % {"year": year}
                )
            sections.append(EventSection(year_heading, month_heading))
            last_key = key
        sections[-1].events.append(event)
    return sections
