"""Reads for the timeline pages: filtering, facets, pagination and year/month grouping.

Every filter is a subquery (`EXISTS`, or `IN` over a rarely seen actor's or country's links:
see `sparse_links`) rather than a join, so the filtered queryset has one
row per event and the facet queries can join the relations afresh without double counting.
"""

import dataclasses
import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery, Value
from django.http import QueryDict
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from timeline.country_names import localized_country_name
from timeline.filters import SOURCES_CHOICES, UNKNOWN_ACTOR, UNKNOWN_COUNTRY, TimelineFilters
from timeline.models import Actor, Country, Event, format_event_date

PAGE_SIZE = 50
FACET_SIZE = 10
SUMMARY_CACHE_SECONDS = 60 * 60
# Above this many matching events the total is a lower bound ("more than 10,000 events") and the
# facets count the newest this many: exact figures would read up to a million rows per filter.
EXACT_COUNT_LIMIT = 10_000
# An actor or country in more events than this is filtered by walking the date index (EXISTS).
DENSE_LINK_COUNT = 50_000


def exact_count_limit() -> int:
    return getattr(settings, "TIMELINE_EXACT_COUNT_LIMIT", EXACT_COUNT_LIMIT)


@dataclass(frozen=True)
class FacetOption:
    """One value of a facet and the query parameters that toggle it."""

    value: str
    label: str
    count: int
    selected: bool
    params: dict[str, Any]


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    options: list[FacetOption]
    truncated: bool


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
    sections: list[EventSection]
    facets: list[Facet]
    active_filters: list[ActiveFilter]
    selected_countries: list[Country]
    selected_actors: list[Actor]
    # `total` is "more than total" (counting stopped there); facets count only the newest
    # `facet_sample` matching events when it is set.
    total_is_lower_bound: bool = False
    facet_sample: int | None = None

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int | None:
        return self.number - 1 if self.number > 1 else None


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


def sparse_links(version: str | None, wanted: list[Actor | Country]) -> frozenset:
    """The actors and countries (as (model name, pk)) in few enough events that a filter on them
    should start from their links (`IN`, then sort those events) rather than walk the timeline's
    date index probing each event (`EXISTS`), which is quicker when they are in many. Link
    counts come from one GROUP BY per data version over the link indexes; without a version
    every filter is an `EXISTS`."""
    if version is None or not wanted:
        return frozenset()
    counts = cached_summary(version, ("link-counts",), _link_counts)
    return frozenset(
        key
        for obj in wanted
        if counts.get(key := (type(obj).__name__, obj.pk), 0) < DENSE_LINK_COUNT
    )


def _link_counts() -> dict[tuple[str, int], int]:
    actors = Event.actors.through.objects.values_list("actor").annotate(n=Count("id"))
    countries = Event.countries.through.objects.values_list("country").annotate(n=Count("id"))
    rows = actors.order_by().annotate(kind=Value("Actor")).values_list("kind", "actor", "n")
    rows = rows.union(
        countries.order_by().annotate(kind=Value("Country")).values_list("kind", "country", "n"),
        all=True,
    )
    return {(kind, pk): n for kind, pk, n in rows}


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


def timeline_page(
    *,
    filters: TimelineFilters,
    scope: Actor | Country | None = None,
    with_facets: bool = True,
    version: str | None = None,
) -> TimelinePage:
    """Compose one page of the timeline: a fixed number of queries however many events show.

    The count and the facets are bounded: counting stops past `exact_count_limit()` (or past the
    requested page, if deeper) and the facets read the newest `exact_count_limit()` matching
    events, so no request reads a million rows. With a data `version` (see
    `timeline.freshness`) they are computed once per filter state and version and kept in the
    (shared) cache.
    """
    messages = list(filters.errors)
    countries = _resolve(Country, "code", filters.countries, messages, UNKNOWN_COUNTRY)
    actors = _resolve(Actor, "slug", filters.actors, messages, UNKNOWN_ACTOR)
    sparse = sparse_links(version, [*countries, *actors, *([scope] if scope else [])])
    events = filter_events(
        scoped_events(scope, sparse),
        filters=filters,
        countries=countries,
        actors=actors,
        sparse=sparse,
    )

    sample_size = exact_count_limit()
    count_limit = max(sample_size, filters.page * PAGE_SIZE)

    def summarise() -> tuple[int, bool, list[Facet]]:
        # One index-ordered read of ids gives both the (bounded) total and the facets' sample.
        ordered = events.chronological(newest_first=True).values_list("pk", flat=True)
        newest_ids = list(ordered[: count_limit + 1])
        total = min(len(newest_ids), count_limit)
        lower_bound = len(newest_ids) > count_limit
        if not with_facets:
            return total, lower_bound, []
        newest = Event.objects.filter(pk__in=newest_ids[:sample_size])
        return total, lower_bound, [
            _relation_facet(
                newest, "country", _("Country"), "countries__code", "countries__name",
                selected=countries, exclude=scope if isinstance(scope, Country) else None,
                total=total, key="code",
            ),
            _relation_facet(
                newest, "actor", _("Actor"), "actors__slug", "actors__name",
                selected=actors, exclude=scope if isinstance(scope, Actor) else None,
                total=total, key="slug",
            ),
            _type_facet(scope, filters, countries, actors, newest, sample_size, sparse),
        ]  # fmt: skip

    state = (filters.querydict().urlencode(), [c.pk for c in countries], [a.pk for a in actors])
    scope_key = (type(scope).__name__, getattr(scope, "pk", None))
    key = ("page", scope_key, state, with_facets, count_limit)
    total, lower_bound, facets = cached_summary(version, key, summarise)
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
    rows = page_rows(events, filters.newest_first, max(start - 1, 0), start + PAGE_SIZE)
    rows = rows if total else []
    previous = rows.pop(0) if start > 0 and rows else None

    return TimelinePage(
        filters=filters,
        query=filters.querydict(),
        messages=messages,
        total=total,
        number=number,
        num_pages=num_pages,
        start_index=start + 1 if rows else 0,
        end_index=start + len(rows),
        sections=event_sections(rows, previous=previous),
        facets=facets,
        active_filters=_active_filters(filters, countries, actors),
        selected_countries=countries,
        selected_actors=actors,
        total_is_lower_bound=lower_bound,
        facet_sample=sample_size if total > sample_size or lower_bound else None,
    )


def newest_events(events: QuerySet[Event], size: int) -> QuerySet[Event]:
    """The newest `size` of `events` (all of them when fewer), read over the timeline's index."""
    newest_ids = events.chronological(newest_first=True).values("pk")[:size]
    return Event.objects.filter(pk__in=Subquery(newest_ids))


def page_rows(events: QuerySet[Event], newest_first: bool, start: int, stop: int) -> list[Event]:
    """Skip to a deep page over the ids alone (an index-only scan of the date+id index), then
    read only the rows shown: page 1,000 costs about what page 1 does."""
    ordered_ids = events.chronological(newest_first=newest_first).values("pk")[start:stop]
    shown = Event.objects.filter(pk__in=Subquery(ordered_ids))
    return list(shown.chronological(newest_first=newest_first).with_sources())


def cached_summary(version: str | None, key: tuple, compute: Callable[[], Any]) -> Any:
    """`compute()` once per data version; always afresh without one (tests, management code)."""
    if version is None:
        return compute()
    digest = hashlib.sha256(repr((version, *key)).encode()).hexdigest()
    return cache.get_or_set(f"timeline-summary:{digest}", compute, SUMMARY_CACHE_SECONDS)


def _resolve(model, field_name, values, messages, unknown_message):
    """Look the filter values up in one query; unknown ones are reported and ignored."""
    if not values:
        return []
    found = {getattr(obj, field_name): obj for obj in model.objects.filter(**{
        f"{field_name}__in": values
    })}  # fmt: skip
    for value in values:
        if value not in found:
            messages.append(str(unknown_message) % {"value": value})
    return [found[value] for value in values if value in found]


def _relation_facet(
    events, name, title, value_path, label_path, *, selected, exclude, total, key
) -> Facet:
    """Counts over the filtered events: adding a value gives events involving it as well."""
    rows = (
        events.values(value_path, label_path)
        .annotate(n=Count("id"))
        .order_by("-n", label_path)[: FACET_SIZE + 2]
    )
    excluded = getattr(exclude, key, None)
    selected_values = [getattr(obj, key) for obj in selected]
    counts = {
        row[value_path]: (row[label_path], row["n"])
        for row in rows
        if row[value_path] is not None and row[value_path] != excluded
    }
    truncated = len(counts) > FACET_SIZE
    shown = list(counts)[:FACET_SIZE]
    for obj in selected:
        value = getattr(obj, key)
        if value not in shown:
            shown.append(value)
            counts.setdefault(value, (obj.name, total))
    options = []
    for value in shown:
        label, count = counts[value]
        is_selected = value in selected_values
        toggled = (
            [v for v in selected_values if v != value] if is_selected else [*selected_values, value]
        )
        options.append(FacetOption(value, label, count, is_selected, {name: toggled}))
    return Facet(name=name, title=title, options=options, truncated=truncated)


def _type_facet(scope, filters, countries, actors, newest, sample_size, sparse) -> Facet:
    """Counts with the type filter left out, because choosing a type replaces the current one
    (over the newest `sample_size` events, like the other facets)."""
    events = newest
    if filters.event_type:
        untyped = dataclasses.replace(filters, event_type="")
        events = newest_events(
            filter_events(
                scoped_events(scope, sparse),
                filters=untyped,
                countries=countries,
                actors=actors,
                sparse=sparse,
            ),
            sample_size,
        )
    counts = dict(
        events.values_list("event_type").annotate(n=Count("id")).order_by("-n", "event_type")
    )
    options = []
    for value, label in Event.Type.choices:
        count = counts.get(value, 0)
        is_selected = value == filters.event_type
        if count or is_selected:
            params = {"type": None if is_selected else value}
            options.append(FacetOption(value, label, count, is_selected, params))
    return Facet(name="type", title=_("Type"), options=options, truncated=False)


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
