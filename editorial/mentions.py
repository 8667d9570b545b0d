"""After an editor adds an alias: find the articles that use it and link the new mentions."""

from collections.abc import Sequence
from dataclasses import dataclass

import reversion
from django.db import transaction

from articles.extraction.gazetteer import ActorEntry, CountryEntry, Gazetteer
from articles.models import Article
from articles.services import ImportContext
from editorial.articles import reextract
from editorial.history import keep_version_before_first_edit
from timeline.models import Actor, Country, Event, Excerpt


@dataclass(frozen=True)
class MentionScan:
    articles: int  # articles that mention the actors or countries, re-extracted
    links: int  # links from those articles' events to the actors or countries gained


def names_gazetteer(*, actors: Sequence[Actor], countries: Sequence[Country]) -> Gazetteer:
    """A gazetteer of these names only, matching exactly as extraction does."""
    return Gazetteer(
        actors=[
            ActorEntry(key=actor.slug, name=actor.name, names=tuple(actor.names))
            for actor in actors
        ],
        countries=[
            CountryEntry(
                key=country.code,
                name=country.name,
                names=tuple(country.names),
                demonyms=tuple(country.demonyms),
            )
            for country in countries
        ],
        places=False,  # these names only, not every place the packages know
    )


@transaction.atomic
def link_new_mentions(
    *, actors: Sequence[Actor] = (), countries: Sequence[Country] = (), user
) -> MentionScan:
    """Re-extract every article that mentions them, and link them to reviewed events too.

    Re-extraction finds the new mentions in extracted events (and new events they start);
    reviewed events are never re-extracted, so their excerpts are scanned here instead.
    """
    wanted = names_gazetteer(actors=actors, countries=countries)
    actor_by_slug = {actor.slug: actor for actor in actors}
    country_by_code = {country.code: country for country in countries}
    context = ImportContext.from_database()
    scanned = links = 0
    articles = Article.objects.only("id", "title", "body", "published", "language")
    for article in articles.iterator():
        if not wanted.find_mentions(article.body):
            continue
        scanned += 1
        before = _link_count(article, actors, countries)
        reextract(article, context=context)
        _link_reviewed_events(article, wanted, actor_by_slug, country_by_code, user=user)
        links += _link_count(article, actors, countries) - before
    return MentionScan(articles=scanned, links=links)


def _link_reviewed_events(article, wanted, actor_by_slug, country_by_code, *, user) -> None:
    excerpts = list(
        Excerpt.objects.filter(article=article, event__status=Event.Status.REVIEWED)
        .select_related("event")
        .prefetch_related("event__actors", "event__countries")
    )
    additions = []
    for excerpt in excerpts:
        if excerpt.start is not None:
            mentions = wanted.find_mentions(article.body, excerpt.start, excerpt.end)
        else:
            mentions = wanted.find_mentions(excerpt.quote)
        event = excerpt.event
        for mention in mentions:
            if mention.kind == "actor":
                actor = actor_by_slug[mention.key]
                if actor not in event.actors.all():
                    additions.append((event, event.actors, actor))
            else:
                country = country_by_code[mention.key]
                if country not in event.countries.all():
                    additions.append((event, event.countries, country))
    if not additions:
        return
    keep_version_before_first_edit(Event, {event.pk for event, _, _ in additions})
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Linked new mentions found in “{article.title}”.")
        for _event, related, obj in additions:
            related.add(obj)


def _link_count(article: Article, actors, countries) -> int:
    events = Event.objects.filter(excerpts__article=article).distinct()
    return (
        Event.actors.through.objects.filter(event__in=events, actor__in=actors).count()
        + Event.countries.through.objects.filter(event__in=events, country__in=countries).count()
    )
