"""What the exports and feeds share with the HTML pages: scope, filters and the links between them.

A machine format of a page takes that page's query string and must select exactly the events
the page shows, so the filtering is `timeline.selectors.filter_events` itself; only the lookup
of filter values is repeated here, to skip the counts and facets a page needs.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from django.db.models import QuerySet
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse

from timeline.country_names import localized_country_name
from timeline.export_batches import EVENT_FIELDS, ExportEvent, streamed_events
from timeline.filters import (
    UNKNOWN_ACTOR,
    UNKNOWN_COUNTRY,
    TimelineFilters,
    parse_timeline_filters,
)
from timeline.models import Actor, Country, Event
from timeline.selectors import filter_events, scoped_events

SITE_NAME = "Newsroom Timeline"


@dataclass(frozen=True)
class EventSelection:
    """The visible events of one scope matching the filters, and what was ignored and why."""

    scope: Actor | Country | None
    filters: TimelineFilters
    countries: list[Country]
    actors: list[Actor]
    events: QuerySet[Event]
    warnings: list[str]

    def ordered_rows(self) -> QuerySet:
        """In the page's order, as the rows `export_batches.export_events` completes."""
        newest_first = self.filters.newest_first
        events = self.events.chronological(newest_first=newest_first)
        return events.values_list(*EVENT_FIELDS)

    def streamed(self, events: QuerySet[Event] | None = None) -> Iterator[ExportEvent]:
        """Every selected event (or those of `events`, a narrower selection), in keyset batches."""
        return streamed_events(
            self.events if events is None else events, newest_first=self.filters.newest_first
        )

    def applied_filters(self) -> dict:
        """The filters that were used, after dropping the ones that could not be."""
        filters = self.filters
        return {
            "country": [country.code for country in self.countries],
            "actor": [actor.slug for actor in self.actors],
            "type": filters.event_type or None,
            "date_from": filters.date_from.text if filters.date_from else None,
            "date_to": filters.date_to.text if filters.date_to else None,
            "q": filters.q or None,
            "sources": filters.sources or None,
            "sort": filters.sort,
        }


@dataclass(frozen=True)
class ExportLinks:
    """Site-relative links to a filtered view in every format, for the menu and `<head>`."""

    json: str
    csv: str
    timelinejs: str
    ics: str
    feed: str
    feed_title: str
    api: str


def resolve_scope(*, slug: str | None = None, code: str | None = None) -> Actor | Country | None:
    """The actor or country named in the URL, as the HTML pages find them (404 otherwise)."""
    if slug is not None:
        return get_object_or_404(Actor, slug=slug)
    if code is not None:
        if not re.fullmatch(r"[A-Za-z]{2}", code):
            raise Http404("Country codes are two letters.")
        return get_object_or_404(Country, code=code.upper())
    return None


def select_events(query: QueryDict, *, scope: Actor | Country | None) -> EventSelection:
    filters = parse_timeline_filters(query)
    warnings = list(filters.errors)
    countries = _known(Country, "code", filters.countries, warnings, UNKNOWN_COUNTRY)
    actors = _known(Actor, "slug", filters.actors, warnings, UNKNOWN_ACTOR)
    events = filter_events(
        scoped_events(scope), filters=filters, countries=countries, actors=actors
    )
    # Paging links carry only the values that name something (the warnings say which did not).
    known = replace(
        filters,
        countries=tuple(c.code for c in countries),
        actors=tuple(a.slug for a in actors),
    )
    return EventSelection(scope, known, countries, actors, events, warnings)


def _known(model, field_name, values, warnings, unknown_message) -> list:
    """One query for all the values; unknown ones are reported in the HTML pages' words."""
    if not values:
        return []
    found = {
        getattr(obj, field_name): obj
        for obj in model.objects.filter(**{f"{field_name}__in": values})
    }
    for value in values:
        if value not in found:
            warnings.append(str(unknown_message) % {"value": value})
    return [found[value] for value in values if value in found]


def scope_title(scope: Actor | Country | None) -> str:
    """ "Nayib Bukele · Newsroom Timeline"; a country in the reader's language."""
    if isinstance(scope, Country):
        return f"{localized_country_name(scope.code, scope.name)} · {SITE_NAME}"
    return f"{scope.name} · {SITE_NAME}" if scope is not None else SITE_NAME


def scope_slug(scope: Actor | Country | None) -> str:
    """For file names: "newsroom-timeline", "newsroom-timeline-nayib-bukele", "…-sv"."""
    if isinstance(scope, Actor):
        return f"newsroom-timeline-{scope.slug}"
    if isinstance(scope, Country):
        return f"newsroom-timeline-{scope.code.lower()}"
    return "newsroom-timeline"


def scoped_url(name: str, scope: Actor | Country | None, query: QueryDict | None = None) -> str:
    """`scoped_url("timeline-csv", actor, query)` → "/actors/<slug>/timeline.csv?…"."""
    if isinstance(scope, Actor):
        url = reverse(f"timeline:actor-{name}", kwargs={"slug": scope.slug})
    elif isinstance(scope, Country):
        url = reverse(f"timeline:country-{name}", kwargs={"code": scope.code})
    else:
        url = reverse(f"timeline:{name}")
    encoded = query.urlencode() if query else ""
    return f"{url}?{encoded}" if encoded else url


def html_url(scope: Actor | Country | None, query: QueryDict | None = None) -> str:
    url = scope.get_absolute_url() if scope is not None else reverse("timeline:index")
    encoded = query.urlencode() if query else ""
    return f"{url}?{encoded}" if encoded else url


def export_links(*, scope: Actor | Country | None, query: QueryDict) -> ExportLinks:
    """Links carrying the page's filters; a feed is newest first anyway, so it drops `sort`."""
    unsorted = query.copy()
    unsorted.pop("sort", None)
    return ExportLinks(
        json=scoped_url("timeline-json", scope, query),
        csv=scoped_url("timeline-csv", scope, query),
        timelinejs=scoped_url("timeline-timelinejs", scope, query),
        ics=scoped_url("timeline-ics", scope, query),
        feed=scoped_url("feed", scope, unsorted),
        feed_title=scope_title(scope),
        api=reverse("timeline:api"),
    )
