"""Write an article's extracted events, joining those that other articles already report.

Each new event is compared with recent stored events (same type and participants, compatible
dates, similar wording); a match gains the article's excerpts instead of getting a duplicate,
and its disputed flag is worked out again from all its sources.
"""

from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Prefetch

from articles.extraction import ExtractedEvent
from articles.extraction.corroboration import EventSummary, best_match, key_terms
from articles.models import Article
from articles.rows import RowInserter
from timeline.corroboration import refresh_disputes
from timeline.models import Actor, Country, Event, Excerpt, Figure

if TYPE_CHECKING:
    from articles.services import ImportContext

MATCH_CANDIDATES = 300  # recent events a new article's events are compared with
SUMMARY_CACHE_SIZE = 10 * MATCH_CANDIDATES
EVENT_FIELDS = (
    "title", "date", "date_precision", "date_phrase", "date_resolution", "event_type",
    "scheduled",
)  # fmt: skip
EXCERPT_FIELDS = (
    "article", "event", "start", "end", "quote", "reported_date", "reported_precision",
)  # fmt: skip
FIGURE_FIELDS = ("excerpt", "value", "unit", "counts", "text")


def save_extracted_events(
    article: Article,
    events: list[ExtractedEvent],
    *,
    context: "ImportContext",
    article_is_new: bool = False,
) -> None:
    """Attach each event to the stored event other articles already report, or create it."""
    if not events:
        return
    published = frozenset({article.published}) if article.published else frozenset()
    summaries = [_summary(event, context, published) for event in events]
    candidates = _candidate_events(article, events, context, article_is_new=article_is_new)
    # Only an event of the same type can match: compare each with those alone.
    by_type = defaultdict(list)
    for pk, candidate in candidates:
        by_type[candidate.event_type].append((pk, candidate))
    matches = [best_match(summary, by_type[summary.event_type]) for summary in summaries]
    _lock_in_order({match for match in matches if match is not None})
    new_events = [event for event, match in zip(events, matches, strict=True) if match is None]
    new_summaries = [
        summary for summary, match in zip(summaries, matches, strict=True) if not match
    ]
    context.events_written += len(new_events)
    created = iter(
        _inserter(Event, EVENT_FIELDS).insert(
            [
                (
                    event.title[:300],
                    event.date,
                    event.date_precision,
                    event.date_phrase[:200],
                    event.date_resolution[:300],
                    event.event_type,
                    event.scheduled,
                )
                for event in new_events
            ],
            returning=True,
        )
    )
    stored = _stored_links(matches)
    actor_links, country_links, excerpts, excerpt_figures = [], [], [], []
    for event, match in zip(events, matches, strict=True):
        if match is None:
            event_id = next(created)
            # The next article compares with it as it is now: no need to read it back.
            context.event_summaries[event_id] = new_summaries.pop(0)
        else:
            event_id = match
        known_actors, known_countries = stored.setdefault(event_id, (set(), set()))
        for actor_id in _ids(event.actors, context.actor_ids) - known_actors:
            actor_links.append((event_id, actor_id))
            known_actors.add(actor_id)  # two of this article's events may join the same one
        for country_id in _ids(event.countries, context.country_ids) - known_countries:
            country_links.append((event_id, country_id))
            known_countries.add(country_id)
        for extracted in event.excerpts:
            excerpts.append(
                (
                    article.pk,
                    event_id,
                    extracted.start,
                    extracted.end,
                    extracted.quote,
                    extracted.date,
                    extracted.date_precision,
                )
            )
            excerpt_figures.append(extracted.figures)
    _inserter(Event.actors.through, ("event", "actor")).insert(actor_links)
    _inserter(Event.countries.through, ("event", "country")).insert(country_links)
    excerpt_ids = _inserter(Excerpt, EXCERPT_FIELDS).insert(
        excerpts, returning=any(excerpt_figures)
    )
    _inserter(Figure, FIGURE_FIELDS).insert(
        [
            (excerpt_id, figure.value, figure.unit, figure.counts[:100], figure.text[:200])
            for excerpt_id, figures in zip(excerpt_ids, excerpt_figures, strict=False)  # [] if none
            for figure in figures
        ]
    )
    matched = {match for match in matches if match is not None}
    if matched:
        _date_matched_events(matched, events, matches)
        refresh_disputes(matched)
        for event_id in matched:  # they gained excerpts and participants
            context.event_summaries.pop(event_id, None)


def _inserter(model, fields: tuple[str, ...]) -> RowInserter:
    """One compiled INSERT a model and database for the whole run."""
    return _compiled_inserter(connection.vendor, model, fields)


@cache
def _compiled_inserter(vendor: str, model, fields: tuple[str, ...]) -> RowInserter:
    return RowInserter(model, fields)


def _ids(keys: list[str], ids_by_key: dict[str, int]) -> set[int]:
    return {ids_by_key[key] for key in keys if key in ids_by_key}


def _lock_in_order(event_ids: set[int]) -> None:
    """Lock the events this article joins, lowest id first, so that two imports writing to the
    same events wait for each other instead of deadlocking (PostgreSQL; SQLite locks the file)."""
    if event_ids:
        locked = Event.objects.select_for_update().filter(pk__in=event_ids).order_by("pk")
        list(locked.values_list("pk", flat=True))


def _summary(event: ExtractedEvent, context: "ImportContext", published: frozenset) -> EventSummary:
    return EventSummary(
        published=published,
        scheduled=event.scheduled,
        event_type=event.event_type,
        date=event.date,
        precision=event.date_precision,
        # The people: organisations do not decide whether two reports tell of one event.
        actors=frozenset(s for s in event.actors if s not in context.gazetteer.organisations),
        countries=frozenset(event.countries),
        home_countries=frozenset(
            filter(None, (context.gazetteer.actor_country(slug) for slug in event.actors))
        ),
        # Extraction read the terms sentence by sentence already: the same as from all quotes.
        terms=event.terms
        or key_terms(
            " ".join(excerpt.quote for excerpt in event.excerpts),
            ignore=context.gazetteer.name_words,
        ),
    )


def _candidate_events(
    article, events, context, *, article_is_new
) -> list[tuple[int, EventSummary]]:
    """Recent stored events from other articles that share a type and a participant."""
    candidate_ids = _candidate_ids(article, events, context, article_is_new=article_is_new)
    missing = [pk for pk in candidate_ids if pk not in context.event_summaries]
    if missing:
        context.event_summaries.update(_stored_summaries(missing, context))
    found = [(pk, context.event_summaries[pk]) for pk in candidate_ids]
    _forget_oldest(context.event_summaries)
    return found


def _candidate_ids(article, events, context, *, article_is_new) -> list[int]:
    """The newest MATCH_CANDIDATES visible events of these types that involve these people or
    countries, newest first.

    Written in SQL because it runs once an article and the plan matters more than anywhere
    else in the import. Both databases should walk the primary key newest first and stop after
    a few hundred rows: `|| ''` keeps SQLite off the event_type index (it read every event of
    the types and sorted them) and PostgreSQL from estimating a plan that sorts; one EXISTS
    over a UNION ALL, not two ORed, is probed event by event where PostgreSQL would hash every
    link of those people and countries; and PostgreSQL's JIT, which the estimated cost of a
    large table switches on, is off (it compiled for 30 ms to save a millisecond). A new
    article has no excerpts yet, so the check for its own events is left out.
    """
    actor_ids = sorted(_ids([s for e in events for s in e.actors], context.actor_ids))
    country_ids = sorted(_ids([c for e in events for c in e.countries], context.country_ids))
    types = sorted({event.event_type for event in events})
    involved, params = [], [Event.Status.REJECTED.value, *types]
    for through, column, ids in (
        (Event.actors.through, "actor_id", actor_ids),
        (Event.countries.through, "country_id", country_ids),
    ):
        if ids:
            involved.append(
                f"SELECT 1 FROM {through._meta.db_table} link "
                f"WHERE link.event_id = candidate.id AND link.{column} IN ({_marks(ids)})"
            )
            params += ids
    if not involved:
        return []
    own = ""
    if not article_is_new:
        own = (
            f"AND NOT EXISTS (SELECT 1 FROM {Excerpt._meta.db_table} excerpt "
            "WHERE excerpt.event_id = candidate.id AND excerpt.article_id = %s)"
        )
        params.append(article.pk)
    params.append(MATCH_CANDIDATES)
    sql = (
        f"SELECT candidate.id FROM {Event._meta.db_table} candidate "
        f"WHERE candidate.status <> %s AND (candidate.event_type || '') IN ({_marks(types)}) "
        f"AND EXISTS ({' UNION ALL '.join(involved)}) {own} "
        "ORDER BY candidate.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def _forget_oldest(summaries: dict) -> None:
    """Keep the cache a few times the candidate window, so memory stays flat over a long run."""
    while len(summaries) > SUMMARY_CACHE_SIZE:
        del summaries[next(iter(summaries))]


def _stored_summaries(event_ids: list[int], context) -> dict[int, EventSummary]:
    """Summaries of stored events, kept in the import context for the rest of the run."""
    rows = Event.objects.filter(pk__in=event_ids).prefetch_related(
        Prefetch("actors", queryset=Actor.objects.select_related("country").only(
            "id", "slug", "category", "country__code"
        )),
        Prefetch("countries", queryset=Country.objects.only("id", "code")),
        Prefetch("excerpts", queryset=Excerpt.objects.select_related("article").only(
            "id", "event_id", "quote", "article__published"
        )),
    )  # fmt: skip
    return {
        event.pk: EventSummary(
            published=frozenset(
                excerpt.article.published
                for excerpt in event.excerpts.all()
                if excerpt.article.published
            ),
            scheduled=event.scheduled,
            event_type=event.event_type,
            date=event.date,
            precision=event.date_precision,
            actors=frozenset(
                actor.slug
                for actor in event.actors.all()
                if actor.category != Actor.Category.ORGANISATION
            ),
            countries=frozenset(country.code for country in event.countries.all()),
            home_countries=frozenset(
                actor.country.code for actor in event.actors.all() if actor.country
            ),
            terms=key_terms(
                " ".join(excerpt.quote for excerpt in event.excerpts.all()),
                ignore=context.gazetteer.name_words,
            ),
        )
        for event in rows
    }


def _stored_links(matches) -> dict[int, tuple[set[int], set[int]]]:
    """The actors and countries matched events already have, so links are not doubled."""
    matched = {match for match in matches if match is not None}
    if not matched:
        return {}
    links: dict[int, tuple[set[int], set[int]]] = {pk: (set(), set()) for pk in matched}
    actors = Event.actors.through.objects.filter(event_id__in=matched)
    for event_id, actor_id in actors.values_list("event_id", "actor_id"):
        links[event_id][0].add(actor_id)
    countries = Event.countries.through.objects.filter(event_id__in=matched)
    for event_id, country_id in countries.values_list("event_id", "country_id"):
        links[event_id][1].add(country_id)
    return links


def _date_matched_events(matched: set[int], events, matches) -> None:
    """An undated event learns its date from a new source that gives one; a scheduled event
    reported as having happened by a new source is scheduled no more."""
    confirmed = [
        match
        for event, match in zip(events, matches, strict=True)
        if match is not None and event.date is not None and not event.scheduled
    ]
    if confirmed:
        Event.objects.filter(pk__in=confirmed, scheduled=True).update(scheduled=False)
    dated = {
        match: event
        for event, match in zip(events, matches, strict=True)
        if match is not None and event.date is not None
    }
    undated = Event.objects.filter(pk__in=dated, date__isnull=True, status=Event.Status.EXTRACTED)
    for stored in undated:
        event = dated[stored.pk]
        stored.date, stored.date_precision = event.date, event.date_precision
        stored.date_phrase, stored.date_resolution = event.date_phrase, event.date_resolution
        stored.scheduled = event.scheduled
        stored.save(
            update_fields=["date", "date_precision", "date_phrase", "date_resolution", "scheduled"]
        )
