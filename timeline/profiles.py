"""Reads for the actor and country pages: who appears how often, when, and with whom."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Count,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Substr

from timeline.models import Actor, Country, Event
from timeline.selectors import drives_from_links, exact_count_limit, scoped_events

COMPANIONS_SIZE = 8
CHART_HEIGHT = 60


@dataclass(frozen=True)
class YearBar:
    year: int
    count: int
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class YearChart:
    """Events per year as bars for an inline SVG, every year in the range shown."""

    bars: list[YearBar]
    width: int
    height: int
    description: str


@dataclass(frozen=True)
class Companion:
    """An actor or country appearing in the same events, with how many; `key` is the actor's
    slug or the country's code (the template names a country in the reader's language)."""

    name: str
    url: str
    count: int
    key: str = ""


@dataclass(frozen=True)
class Profile:
    event_count: int
    undated_count: int
    first_event: Event | None
    last_event: Event | None
    chart: YearChart | None
    actors: list[Companion]
    countries: list[Companion]
    # Set when the scope has more events than this: the companions count only the newest this
    # many.
    sample: int | None = None


def profile(scope: Actor | Country, companion_counts: dict[str, dict[str, tuple]]) -> Profile:
    """The summary at the top of an actor's or a country's page, in two queries: its events
    counted by year (which gives the total and the undated too), then its first and last
    appearances.

    The companions are the facet counts of the page's unfiltered timeline (`companion_counts`,
    over its newest `exact_count_limit()` events); `scope` comes annotated by
    `timeline.selectors.with_link_counts`."""
    own_links = frozenset({(type(scope).__name__, scope.pk)})
    # Counting every event of the scope: reading its links is never more than walking them all.
    undated = Q(date=None) | Q(date_precision=Event.Precision.UNKNOWN)
    # The first four characters of the ISO date: SQLite's ExtractYear is a Python function.
    year = Case(When(undated, then=Value(None)), default=Substr(Cast("date", CharField()), 1, 4))
    by_year = dict(
        scoped_events(scope, own_links)
        .annotate(year=year)
        .values_list("year")
        .annotate(n=Count("id"))
        .order_by()
    )
    undated_count = by_year.pop(None, 0)
    by_year = {int(year): n for year, n in by_year.items()}
    total = undated_count + sum(by_year.values())
    # A first or last appearance is a read one event deep.
    sparse = (
        own_links if drives_from_links(scope.link_count, scope.newest_event, 1) else frozenset()
    )
    # `IS NOT NULL` lets the walk start at the first date (see timeline.directories).
    dated = scoped_events(scope, sparse).filter(date__isnull=False)
    dated = dated.exclude(date_precision=Event.Precision.UNKNOWN)
    first = dated.order_by("date", "id").values("pk")[:1]
    last = dated.order_by("-date", "-id").values("pk")[:1]
    # Two scalar subqueries, each run once, then two lookups by primary key.
    ends = list(
        Event.objects.filter(Q(pk=Subquery(first)) | Q(pk=Subquery(last)))
        .only("title", "date", "date_precision", "scheduled")
        .order_by("date", "id")
    )
    sample_size = exact_count_limit()
    return Profile(
        event_count=total,
        undated_count=undated_count,
        first_event=ends[0] if ends else None,
        last_event=ends[-1] if ends else None,
        chart=year_chart(sorted(by_year.items())),
        actors=_companions(companion_counts["actor"], Actor, exclude=scope),
        countries=_companions(companion_counts["country"], Country, exclude=scope),
        sample=sample_size if total > sample_size else None,
    )


def _companions(counts: dict[str, tuple], model, *, exclude) -> list[Companion]:
    key = "slug" if model is Actor else "code"
    excluded = getattr(exclude, key) if isinstance(exclude, model) else None
    ranked = sorted(
        ((value, name, n) for value, (name, n) in counts.items() if value != excluded),
        key=lambda row: (-row[2], row[1]),
    )
    return [
        Companion(name, model(**{key: value}).get_absolute_url(), n, value)
        for value, name, n in ranked[:COMPANIONS_SIZE]
    ]


def year_chart(year_counts) -> YearChart | None:
    """Lay the bars out in Python so the template only writes SVG attributes."""
    counts = dict(year_counts)
    if not counts:
        return None
    years = range(min(counts), max(counts) + 1)
    tallest = max(counts.values())
    bar_width, gap, label_room = 28, 6, 16
    bars = []
    for index, year in enumerate(years):
        count = counts.get(year, 0)
        height = round(CHART_HEIGHT * count / tallest)
        x = index * (bar_width + gap)
        bars.append(YearBar(year, count, x, label_room + CHART_HEIGHT - height, height))
    description = "Events per year: " + ", ".join(f"{bar.year}: {bar.count}" for bar in bars)
    return YearChart(
        bars=bars,
        width=len(bars) * (bar_width + gap) - gap,
        height=label_room + CHART_HEIGHT + label_room + 4,
        description=description,
    )
