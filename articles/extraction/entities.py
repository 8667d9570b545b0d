"""Discover the people and organisations an article names, beyond the editors' alias lists.

Rule-based and offline, in one pass over the capitalised runs of the text (one regular
expression finds them; everything else looks only at the runs), then one pass over the
article to resolve later mentions: a surname alone, an acronym the article defined, "el
mandatario guatemalteco". The words of each language live in `entity_tables`; the engine
knows none. Known actors (the gazetteer) win where they fit, but a surname that belongs to
someone else named in this article ("Foto EDH/ Francisco Rubio") never becomes the listed
namesake. What a run is lives in `entity_kinds`, the resolution within the article in
`entity_resolution`, the dataclasses in `entity_types`.
"""

import bisect
from dataclasses import dataclass, field

from articles.extraction.entity_kinds import LOWER_WORD, _classify
from articles.extraction.entity_resolution import (
    _defined_acronym,
    _inside_known,
    _may_be_a_surname,
    _merge_acronyms,
    _merge_partial_names,
    _nominal_mentions,
    _overlaps_known,
    _reconcile_known,
    _recurring_surnames,
    _resolve_single,
    _surname_index,
)
from articles.extraction.entity_tables import tables_for
from articles.extraction.entity_types import (
    HONORIFIC_ONLY,
    ORGANISATION,
    PERSON,
    DiscoveredEntity,
    EntityMention,
    _entity_for,
)
from articles.extraction.gazetteer import Gazetteer, Mention
from articles.extraction.places_lookup import fold
from articles.extraction.roles import role_around, speech_around
from articles.extraction.runs import Run, capitalised_runs, is_sentence_start


@dataclass
class Discovery:
    entities: dict[str, DiscoveredEntity] = field(default_factory=dict)
    mentions: list[EntityMention] = field(default_factory=list)  # in text order
    gazetteer_mentions: list[Mention] = field(default_factory=list)  # countries and actors

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        actor_mentions = [
            Mention("actor", m.key, m.start, m.end, m.text, label=m.label)
            for m in self.mentions
            if self.entities[m.key].qualifies
        ]
        countries = [m for m in self.gazetteer_mentions if m.kind == "country"]
        self._all = sorted(actor_mentions + countries, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._all]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The actor and country mentions inside text[start:end], as the gazetteer gives them."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [m for m in self._all[first:last] if m.end <= end]

    def discovered(self) -> list[DiscoveredEntity]:
        """The entities found that the gazetteer does not know and that qualify, busiest first."""
        found = [e for e in self.entities.values() if not e.known and e.qualifies and e.mentions]
        return sorted(found, key=lambda e: (-e.mentions, e.name))

    def rekey(self, slugs: dict[str, str | None]) -> None:
        """Give entities the slugs of the stored actors they are (None drops an entity: a
        rejected or ambiguous name), so that events link to those actors."""
        if not slugs:
            return
        mentions = []
        for mention in self.mentions:
            slug = slugs.get(mention.key, mention.key)
            if slug is not None:
                mentions.append(
                    EntityMention(
                        mention.label,
                        slug,
                        mention.start,
                        mention.end,
                        mention.text,
                        mention.nominal,
                    )
                )
        entities = {}
        for key, entity in self.entities.items():
            slug = slugs.get(key, key)
            if slug is not None:
                entity.key = slug
                entities.setdefault(slug, entity)
        self.mentions, self.entities = mentions, entities
        self._index()


def discover_entities(text: str, *, language: str, gazetteer: Gazetteer) -> Discovery:
    """People and organisations in the whole text (offsets into `text`)."""
    tables = tables_for(language)
    countries = gazetteer.country_forms()
    known = gazetteer.find_mentions(text, blocked=gazetteer.blocked_spans(text))
    known_actor_spans = [(m.start, m.end, m) for m in known if m.kind == "actor"]
    entities: dict[str, DiscoveredEntity] = {}
    named: list[tuple[str, Run, str, str]] = []  # (label, run, role, country) for full names
    singles: list[Run] = []
    acronyms: dict[str, str] = {}
    lower_words = set(LOWER_WORD.findall(text))
    for run in capitalised_runs(text, tables):
        for label, part, role, country in _classify(text, run, tables, countries, lower_words):
            if label is None:
                # "Asimismo, el jefe de Estado…": a sentence's first word takes no apposition.
                around = ("", None)
                if not is_sentence_start(text, part.start):
                    around = role_around(
                        text, part.start, part.end, language=language, countries=countries
                    )
                if around[0]:
                    named.append((PERSON, part, *around))
                else:
                    singles.append(part)
            elif label == PERSON and not role:
                around = role_around(
                    text, part.start, part.end, language=language, countries=countries
                )
                if not around[0] and speech_around(text, part.start, part.end, language=language):
                    around = (HONORIFIC_ONLY, None)  # a cue, but no role to keep
                named.append((label, part, around[0], around[1] or country))
            else:
                named.append((label, part, role, country))
    mentions: list[EntityMention] = []
    for label, run, role, country in named:
        if _inside_known(run, known_actor_spans):
            continue
        if label == ORGANISATION and _overlaps_known(run, known_actor_spans):
            continue  # "Bukele Administration": the listed person stays the actor
        entity = _entity_for(entities, label, run.text)
        if role in tables.HONORIFICS:
            role = HONORIFIC_ONLY
        entity.cue = entity.cue or bool(role) or label == ORGANISATION
        if role != HONORIFIC_ONLY:
            entity.role = entity.role or role
        entity.country = entity.country or country
        mentions.append(EntityMention(label, entity.key, run.start, run.end, run.text))
        defined = _defined_acronym(text, run.end)
        if defined and label == ORGANISATION:
            acronyms[defined] = entity.key
    _merge_acronyms(entities, mentions, acronyms)
    surnames = _surname_index(entities)
    _merge_partial_names(entities, mentions, surnames)
    surnames = _surname_index(entities)
    unresolved: dict[str, list[Run]] = {}
    for run in singles:
        if _inside_known(run, known_actor_spans):
            continue
        mention = _resolve_single(text, run, entities, surnames, acronyms, tables, countries)
        if mention:
            mentions.append(mention)
        elif tables.RECURRING_SURNAMES and _may_be_a_surname(
            text, run, tables, countries, lower_words
        ):
            unresolved.setdefault(run.text, []).append(run)
    mentions.extend(_recurring_surnames(unresolved, entities))
    known_mentions = _reconcile_known(known, entities, surnames, mentions, gazetteer)
    mentions.extend(known_mentions)
    mentions.extend(_nominal_mentions(text, entities, mentions, tables, countries))
    if gazetteer.rejected:
        mentions = [m for m in mentions if not _rejected(entities[m.key], gazetteer.rejected)]
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        entity = entities[mention.key]
        entity.mentions += 1
        if not mention.nominal and mention.text != entity.name:
            entity.aliases.add(mention.text)
    for entity in entities.values():
        entity.repeats_qualify = tables.FULL_NAME_REPEATS
    gazetteer.learn(e for e in entities.values() if not e.known)
    return Discovery(entities=entities, mentions=mentions, gazetteer_mentions=known)


def _rejected(entity: DiscoveredEntity, rejected: frozenset[str]) -> bool:
    return not entity.known and (entity.key in rejected or fold(entity.name) in rejected)


__all__ = [
    "ORGANISATION",
    "PERSON",
    "DiscoveredEntity",
    "Discovery",
    "EntityMention",
    "discover_entities",
]
