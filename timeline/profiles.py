"""Reads for the actor and country pages: who appears how often, when, and with whom."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear

from timeline.models import Actor, Country, Event
from timeline.selectors import exact_count_limit, scoped_events

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
    # Set when the scope has more events than this: the figures count only the newest this many
    # and `event_count` is "more than".
    sample: int | None = None


def _appearances(model: type[Actor] | type[Country], relation: str) -> QuerySet:
    """Annotate each actor or country with its visible events and first and last dates."""
    through = getattr(Event, relation).through
    link = "actor" if model is Actor else "country"
    counts = (
        through.objects.filter(**{link: OuterRef("pk")})
        .exclude(event__status=Event.Status.REJECTED)
        .order_by()
        .values(link)
        .annotate(n=Count("event"))
        .values("n")
    )
    dated = (
        Event.objects.visible()
        .filter(**{relation: OuterRef("pk")})
        .exclude(date=None)
        .exclude(date_precision=Event.Precision.UNKNOWN)
    )
    first = dated.order_by("date", "id")
    last = dated.order_by("-date", "-id")
    return model.objects.annotate(
        event_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0)),
        first_date=Subquery(first.values("date")[:1]),
        first_precision=Subquery(first.values("date_precision")[:1]),
        last_date=Subquery(last.values("date")[:1]),
        last_precision=Subquery(last.values("date_precision")[:1]),
    ).order_by("-event_count", "name")


def actor_directory() -> QuerySet[Actor]:
    """Return a queryset optimized for the actors page: one query, busiest actors first."""
    return _appearances(Actor, "actors").select_related("country")


def country_directory() -> QuerySet[Country]:
    """Return a queryset optimized for the countries page: one query, busiest first."""
    return _appearances(Country, "countries")


def profile(scope: Actor | Country) -> Profile:
    """The summary at the top of an actor's or a country's page, in seven queries.

    Over `exact_count_limit()` events the counts, chart and companions are taken over the newest
    that many (one index-ordered read of their ids), so an actor in 300,000 events costs what one
    in 10,000 does."""
    scoped = scoped_events(scope)
    sample_size = exact_count_limit()
    newest_ids = list(
        scoped.chronological(newest_first=True).values_list("pk", flat=True)[: sample_size + 1]
    )
    sampled = len(newest_ids) > sample_size
    events = Event.objects.filter(pk__in=newest_ids[:sample_size])
    totals = events.aggregate(
        total=Count("id"),
        undated=Count("id", filter=Q(date=None) | Q(date_precision=Event.Precision.UNKNOWN)),
    )
    dated = events.exclude(date=None).exclude(date_precision=Event.Precision.UNKNOWN)
    all_dated = scoped.exclude(date=None).exclude(date_precision=Event.Precision.UNKNOWN)
    return Profile(
        event_count=totals["total"],
        undated_count=totals["undated"],
        first_event=all_dated.order_by("date", "id").first(),
        last_event=dated.order_by("-date", "-id").first(),
        chart=year_chart(
            dated.annotate(year=ExtractYear("date"))
            .values_list("year")
            .annotate(n=Count("id"))
            .order_by("year")
        ),
        actors=_companions(events, "actors", Actor, exclude=scope),
        countries=_companions(events, "countries", Country, exclude=scope),
        sample=sample_size if sampled else None,
    )


def _companions(events, relation, model, *, exclude) -> list[Companion]:
    key = "slug" if model is Actor else "code"
    rows = (
        events.values(f"{relation}__{key}", f"{relation}__name")
        .annotate(n=Count("id"))
        .order_by("-n", f"{relation}__name")[: COMPANIONS_SIZE + 2]
    )
    excluded = getattr(exclude, key) if isinstance(exclude, model) else None
    companions = []
    for row in rows:
        value = row[f"{relation}__{key}"]
        if value is None or value == excluded:
            continue
        url = model(**{key: value}).get_absolute_url()
        companions.append(Companion(row[f"{relation}__name"], url, row["n"], value))
    return companions[:COMPANIONS_SIZE]


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
