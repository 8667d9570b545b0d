"""Actors the extraction discovered, stored at once so the timeline, facets and actor pages show
them without waiting for an editor (status DISCOVERED until one confirms, merges or rejects).

Names across articles are one actor when they are the same person: the same name or alias with
case and accents folded ("Bernardo Arévalo", "BERNARDO AREVALO"), a surname alone ("el
presidente Boric") when exactly one stored person has that surname, and a full name that
completes a discovered surname-only actor. Two people with one surname are never merged: an
ambiguous surname alone is left out, and a second full name becomes a second actor. A name an
editor rejected is dropped. Only what qualifies is stored (`DiscoveredEntity.qualifies`): named
with a title, role or apposition, an organisation's head word, or at least twice in the
article; a name seen once without any cue waits until an article gives it one or names it twice.
"""

import datetime
from dataclasses import dataclass, field

from articles.extraction.entities import ORGANISATION, DiscoveredEntity, Discovery
from articles.extraction.places_lookup import fold
from timeline.models import Actor


@dataclass
class ActorIndex:
    """Stored actors by folded name and by surname, read once an import run."""

    by_name: dict[str, str] = field(default_factory=dict)  # folded name or alias → slug
    by_surname: dict[str, set[str]] = field(default_factory=dict)  # people only
    rejected: set[str] = field(default_factory=set)  # slugs
    single_word: set[str] = field(default_factory=set)  # discovered actors named by a surname
    discovered: set[str] = field(default_factory=set)
    role_seen: dict[str, datetime.date] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)
    ids: dict[str, int] = field(default_factory=dict)  # of actors created during the run

    @classmethod
    def from_database(cls) -> "ActorIndex":
        index = cls()
        rows = Actor.objects.values_list(
            "slug", "name", "aliases", "status", "category", "role", "role_seen_on"
        )
        for slug, name, aliases, status, category, role, role_seen_on in rows:
            index.add(slug, name, aliases or [], status=status, category=category)
            index.roles[slug] = role
            if role_seen_on:
                index.role_seen[slug] = role_seen_on
        return index

    def add(self, slug: str, name: str, aliases, *, status: str, category: str) -> None:
        self.slugs.add(slug)
        if status == Actor.Status.REJECTED:
            self.rejected.add(slug)
        elif status == Actor.Status.DISCOVERED:
            self.discovered.add(slug)
        for form in (name, *aliases):
            self.by_name.setdefault(fold(form), slug)
        words = name.split()
        if category == Actor.Category.PERSON and words:
            self.by_surname.setdefault(fold(words[-1]), set()).add(slug)
            if len(words) == 1 and status == Actor.Status.DISCOVERED:
                self.single_word.add(slug)

    def unique_slug(self, slug: str) -> str:
        candidate, counter = slug, 2
        while candidate in self.slugs:
            candidate, counter = f"{slug}-{counter}", counter + 1
        return candidate


def store_discovered_actors(
    discovery: Discovery, *, context, published: datetime.date | None
) -> None:
    """Match the article's discovered entities to stored actors, create the new ones, and give
    the discovery their slugs, so that the events link to them."""
    entities = discovery.discovered()
    if not entities:
        return
    if context.actor_index is None:
        context.actor_index = ActorIndex.from_database()
    index: ActorIndex = context.actor_index
    slugs: dict[str, str | None] = {}
    for entity in entities:
        slug = _match(entity, index)
        if slug in index.rejected:
            slugs[entity.key] = None
            continue
        if slug is None and len(entity.name.split()) == 1 and entity.label != ORGANISATION:
            owners = index.by_surname.get(fold(entity.name), set())
            if len(owners) > 1:
                slugs[entity.key] = None  # "Bukele" alone, two stored Bukeles: leave it out
                continue
        if slug is None:
            slug = _upgrade_single_word(entity, index) or _create(
                entity, index, published, country_ids=context.country_ids
            )
        else:
            _refresh(slug, entity, published, index)
        slugs[entity.key] = slug
        if slug not in context.actor_ids:
            context.actor_ids[slug] = _actor_id(slug, context)
    discovery.rekey({key: slug for key, slug in slugs.items() if slug != key})
    context.gazetteer.learn(e for e in discovery.entities.values() if not e.known)


def _match(entity: DiscoveredEntity, index: ActorIndex) -> str | None:
    for form in (entity.name, *sorted(entity.aliases)):
        slug = index.by_name.get(fold(form))
        if slug is not None and (form == entity.name or len(form.split()) > 1):
            return slug
    if entity.label != ORGANISATION and len(entity.name.split()) == 1:
        owners = index.by_surname.get(fold(entity.name), set())
        if len(owners) == 1:
            return next(iter(owners))
    return None


def _upgrade_single_word(entity: DiscoveredEntity, index: ActorIndex) -> str | None:
    """ "Gabriel Boric" after an article that named only "el presidente Boric": one person."""
    words = entity.name.split()
    if entity.label == ORGANISATION or len(words) < 2:
        return None
    owners = index.by_surname.get(fold(words[-1]), set()) & index.single_word
    if len(owners) != 1:
        return None
    (slug,) = owners
    actor = Actor.objects.get(slug=slug)
    actor.aliases = [*actor.aliases, actor.name]
    actor.name = entity.name
    actor.save(update_fields=["name", "aliases"])
    index.single_word.discard(slug)
    index.by_name.setdefault(fold(entity.name), slug)
    return slug


def _create(entity: DiscoveredEntity, index: ActorIndex, published, *, country_ids) -> str:
    category = (
        Actor.Category.ORGANISATION if entity.label == ORGANISATION else Actor.Category.PERSON
    )
    slug = index.unique_slug(entity.key)
    actor = Actor.objects.create(
        name=entity.name,
        slug=slug,
        role=entity.role[:200],
        role_seen_on=published if entity.role else None,
        country_id=country_ids.get(entity.country) if entity.country else None,
        aliases=_aliases(entity),
        status=Actor.Status.DISCOVERED,
        category=category,
    )
    index.add(slug, actor.name, actor.aliases, status=actor.status, category=category)
    index.roles[slug] = actor.role
    if published and entity.role:
        index.role_seen[slug] = published
    index.ids[slug] = actor.pk
    return slug


def _aliases(entity: DiscoveredEntity) -> list[str]:
    """Names worth matching in other articles: several words, or an organisation's acronym.
    A surname alone is not stored (it would match namesakes); an editor can add it."""
    return sorted(
        alias
        for alias in entity.aliases
        if len(alias.split()) > 1 or (entity.label == ORGANISATION and alias.isupper())
    )


def _refresh(slug: str, entity: DiscoveredEntity, published, index: ActorIndex) -> None:
    """A newer article's different role for a discovered actor (roles change: keep the latest,
    with the date of the article it was read in)."""
    if not entity.role or published is None or slug not in index.discovered:
        return
    if (seen := index.role_seen.get(slug)) is not None and seen >= published:
        return
    if index.roles.get(slug) == entity.role[:200]:
        return  # the same role again: one UPDATE an article would cost the import dearly
    index.role_seen[slug] = published
    index.roles[slug] = entity.role[:200]
    Actor.objects.filter(slug=slug, status=Actor.Status.DISCOVERED).exclude(
        role_seen_on__gt=published
    ).exclude(role=entity.role[:200], role_seen_on=published).update(
        role=entity.role[:200], role_seen_on=published
    )


def _actor_id(slug: str, context) -> int:
    actor_id = context.actor_ids.get(slug) or context.actor_index.ids.get(slug)
    if actor_id is None:
        actor_id = Actor.objects.values_list("id", flat=True).get(slug=slug)
    return actor_id
