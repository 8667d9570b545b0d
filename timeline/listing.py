"""The events a list shows, read in two queries with only the columns the list prints.

A timeline page shows 50 events, each with its actors, countries and sources. Prefetching those
relations as full model instances cost more than the queries did (every actor's aliases and
every article's whole text decoded for a name and a link), so the list reads the events, then
one UNION ALL of the three relations' few columns.
"""

from django.db.models import BigIntegerField, CharField, DateField, F, Value
from django.db.models.functions import Cast

from articles.models import Article
from timeline.models import Actor, Country, Event, Excerpt

LISTED_EVENT_FIELDS = (
    "title",
    "date",
    "date_precision",
    "scheduled",
    "date_phrase",
    "date_resolution",
    "event_type",
    "status",
    "is_disputed",
)
COLUMNS = ("event_id", "kind", "row_id", "key", "name", "article_slug", "outlet", "published")


def listed_events(ids: list[int]) -> list[Event]:
    """The visible events with these ids, in this order, for `timeline/includes/event.html`:
    each with `listed_actors` and `listed_countries` (by name) and `listed_sources` (excerpts
    in order, each with its article's title, slug, outlet and date)."""
    if not ids:
        return []
    events = Event.objects.filter(pk__in=ids).only(*LISTED_EVENT_FIELDS).order_by()
    by_id = {event.pk: event for event in events}
    shown = [by_id[pk] for pk in ids if pk in by_id]
    attach_listed_relations(shown)
    return shown


def attach_listed_relations(events: list[Event]) -> None:
    for event in events:
        event.listed_actors, event.listed_countries, event.listed_sources = [], [], []
    if not events:
        return
    by_id = {event.pk: event for event in events}
    rows = sorted(
        _chip_rows(Event.actors, by_id, "actor", "actor__slug").union(
            _chip_rows(Event.countries, by_id, "country", "country__code"),
            _source_rows(by_id),
            all=True,
        ),
        key=_display_order,
    )
    for event_id, kind, row_id, key, name, article_slug, outlet, published in rows:
        event = by_id[event_id]
        if kind == "actor":
            event.listed_actors.append(Actor(slug=key, name=name))
        elif kind == "country":
            event.listed_countries.append(Country(code=key, name=name))
        else:
            article = Article(
                pk=int(key), slug=article_slug, title=name, outlet=outlet, published=published
            )
            event.listed_sources.append(Excerpt(pk=row_id, event_id=event_id, article=article))


def _display_order(row: tuple) -> tuple:
    """Chips by name, sources in the order they were found."""
    _, kind, row_id, key, name, *_ = row
    return (kind, row_id or 0, name, key)


def _blank(field):
    """A typed NULL: PostgreSQL will not match an untyped one with another part's column."""
    return Cast(Value(None), field)


def _chip_rows(relation, events, kind: str, key: str):
    """An actor's slug or a country's code and its name, for each of these events."""
    related = key.split("__")[0]
    return (
        relation.through.objects.filter(event_id__in=events)
        .annotate(
            kind=Value(kind),
            row_id=_blank(BigIntegerField()),
            key=F(key),
            name=F(f"{related}__name"),
            article_slug=_blank(CharField()),
            outlet=_blank(CharField()),
            published=_blank(DateField()),
        )
        .values_list(*COLUMNS)
        .order_by()
    )


def _source_rows(events):
    return (
        Excerpt.objects.filter(event_id__in=events)
        .annotate(
            kind=Value("source"),
            row_id=F("id"),
            key=Cast("article_id", CharField()),
            name=F("article__title"),
            article_slug=F("article__slug"),
            outlet=F("article__outlet"),
            published=F("article__published"),
        )
        .values_list(*COLUMNS)
        .order_by()
    )
