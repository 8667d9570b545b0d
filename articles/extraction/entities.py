"""Discover the people and organisations an article names, beyond the editors' alias lists.

Rule-based and offline, in one pass over the capitalised runs of the text (one regular
expression finds them; everything else looks only at the runs), then one pass over the
article to resolve later mentions: a surname alone, an acronym the article defined, "el
mandatario guatemalteco". The words of each language live in `entity_tables`; the engine
knows none. Known actors (the gazetteer) win where they fit, but a surname that belongs to
someone else named in this article ("Foto EDH/ Francisco Rubio") never becomes the listed
namesake.
"""

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from django.utils.text import slugify

from articles.extraction.entity_tables import shared, tables_for
from articles.extraction.gazetteer import Gazetteer, Mention
from articles.extraction.places_lookup import country_code, fold, is_place
from articles.extraction.roles import role_around, speech_around
from articles.extraction.runs import Run, capitalised_runs, is_sentence_start

PERSON = "PER"
ORGANISATION = "ORG"
MAX_PERSON_WORDS = 5
MAX_ACRONYM = 5
HONORIFIC_ONLY = "~"  # "Mr Howard", "don Pedro": a person for sure, but no role to keep


@dataclass(frozen=True, slots=True)
class EntityMention:
    label: str  # PER or ORG
    key: str  # the entity's slug (a known actor's, or the discovered name's)
    start: int
    end: int
    text: str
    nominal: bool = False  # "el mandatario guatemalteco": a reference, not a name


@dataclass
class DiscoveredEntity:
    key: str
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    role: str = ""
    country: str | None = None
    mentions: int = 0
    cue: bool = False  # a title, a role, an apposition or an organisation's head word
    known: bool = False  # one of the gazetteer's actors
    guessed: bool = False  # an acronym nobody defined ("CECOT"): scored, never an actor
    repeats_qualify: int | None = 3  # the language's FULL_NAME_REPEATS

    @property
    def qualifies(self) -> bool:
        """Worth an actor row: known, cued, or named more than once in the article."""
        if self.guessed:
            return False
        if self.known or self.cue:
            return True
        if self.label == ORGANISATION:
            return self.mentions >= 2
        # Without a cue, a person is named again by a shorter form ("Arévalo") or thrice: a
        # band or a product named twice in full ("Black Sabbath") is not taken for one.
        if self.mentions >= 2 and self.aliases:
            return True
        return self.repeats_qualify is not None and self.mentions >= self.repeats_qualify


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


LOWER_WORD = re.compile(r"(?<![\w'’])[a-záéíóúñüç]{3,}(?![\w'’])")


def _rejected(entity: DiscoveredEntity, rejected: frozenset[str]) -> bool:
    return not entity.known and (entity.key in rejected or fold(entity.name) in rejected)


def _classify(text, run: Run, tables, countries, lower_words):
    """Yield (label or None for a lone word, run, role, country) for the parts of a run."""
    words = list(run.words)
    known = _known_organisation_within(words, tables)
    if known:
        first, last = known
        if first:
            yield from _classify(text, Run.of(text, words[:first]), tables, countries, lower_words)
        yield ORGANISATION, Run.of(text, words[first:last]), "", None
        rest = words[last:]
        while rest and rest[0].connector:
            rest = rest[1:]
        if rest:
            yield from _classify(text, Run.of(text, rest), tables, countries, lower_words)
        return
    role_words: list[str] = []
    country = None
    # Leading words that are no part of the name: titles, demonyms, sentence-opening words.
    while words:
        word = words[0]
        if word.connector:
            words = words[1:]
            continue
        if word.text in tables.ORGANISATION_HEADS:
            break
        lower = word.text.lower()
        code = country_code(word.text, countries) if word.text not in tables.PLACE_HEADS else None
        if _is_title(lower, tables):
            role_words.append(lower)
        elif code and len(words) > 1 and _opens_a_title(words[1], tables):
            country = country or code
        elif (
            word.text in tables.COMMON_CAPITALISED
            and not is_sentence_start(text, word.start)
            and len(words) == 2
            and words[-1].text in tables.ORGANISATION_TAILS
        ):
            break  # "the Home Office", "the Foreign Office": the organisation's own word
        elif word.text in tables.COMMON_CAPITALISED or (
            is_sentence_start(text, word.start) and word.text.lower() in lower_words
        ):
            pass
        else:
            break
        words = words[1:]
    while words and words[-1].connector:
        words = words[:-1]
    if not words:
        return
    role = " ".join(w for w in role_words if w not in tables.HONORIFICS)
    cue = role or (HONORIFIC_ONLY if role_words else "")
    if words[-1].text.lower() in tables.PERSON_TITLES and not _is_organisation(words, tables):
        return  # a title standing alone: "the Treasury Secretary, Scott Bessent"
    if Run.of(text, words).text in shared.KNOWN_PLACES:
        return  # "Oval Office", "Casa Rosada": places, whatever their last word
    if _is_organisation(words, tables):
        yield ORGANISATION, _organisation_span(text, words, tables), "", country
        return
    while words and (words[-1].connector or words[-1].text in tables.COMMON_CAPITALISED):
        words = words[:-1]
    if not words:
        return
    part = Run.of(text, words)
    if len(words) > 1 and (part.text in shared.KNOWN_PLACES or is_place(part.text, countries)):
        return
    if words[0].text in tables.PLACE_HEADS:
        return
    if len(words) == 1:  # a place alone may still be a surname here ("Lagos"): decided later
        if (
            cue
            and run.words.index(words[0]) > 0
            and run.words[run.words.index(words[0]) - 1].connector
        ):
            cue = ""  # "Embajador de España", "Jefe de Zona": the title's complement, no name
        if cue:
            yield PERSON, part, cue, country
        else:
            yield None, part, "", None
        return
    yield from _person_parts(text, words, tables, cue, country, lower_words)


def _opens_a_title(word, tables) -> bool:
    """After a country's name or demonym, a title follows ("Argentine Security Minister"),
    not a name ("Mauricio Macri": Mauricio is also Mauritius in Spanish)."""
    return _is_title(word.text.lower(), tables) or word.text in tables.COMMON_CAPITALISED


def _is_title(lower: str, tables) -> bool:
    """A title, also in the plural ("Presidents Bukele and Milei") or with its full stop."""
    return (
        lower in tables.PERSON_TITLES
        or lower + "." in tables.PERSON_TITLES
        or (lower.endswith("s") and lower[:-1] in tables.PERSON_TITLES)
        or (lower.endswith("es") and lower[:-2] in tables.PERSON_TITLES)
    )


_KNOWN_FIRST_WORDS = {
    name.split()[0] for name in shared.KNOWN_ORGANISATIONS | shared.KNOWN_ACRONYMS
}


def _known_organisation_within(words, tables) -> tuple[int, int] | None:
    """The first and longest known organisation inside a run ("El Tren de Aragua y la MS-13")."""
    for first in range(len(words)):
        if words[first].connector or words[first].text not in _KNOWN_FIRST_WORDS:
            continue
        for last in range(min(len(words), first + 6), first, -1):
            if words[last - 1].connector:
                continue
            if (
                last - first == 1
                and last < len(words)
                and words[first].text in tables.ORGANISATION_HEADS
            ):
                continue  # "Fiscalía General de la República": the head word's rule takes it all
            if _is_known_organisation(" ".join(w.text for w in words[first:last])):
                while last < len(words) and _extends_organisation(words[last], tables):
                    last += 1  # "Labour Party", "Telefónica Móviles", "CNN Chile"
                return first, last
    return None


def _person_parts(text, words, tables, role, country, lower_words):
    """A person's name, split where a word cannot be inside one ("Boric and Kast")."""
    current = []
    parts = []
    for word in words:
        breaks = (word.connector and word.text not in tables.PERSON_PARTICLES) or (
            not word.connector and (word.text in tables.COMMON_CAPITALISED or word.acronym)
        )
        if breaks:
            parts.append(current)
            current = []
        else:
            current.append(word)
    parts.append(current)
    parts = [piece for part in parts for piece in _split_before_a_full_name(part)]
    for index, part in enumerate(parts):
        while part and part[-1].connector:
            part = part[:-1]
        while part and part[0].connector:
            part = part[1:]
        names = [w for w in part if not w.connector]
        if not names:
            continue
        run = Run.of(text, part)
        if is_place(run.text, None) or run.text in shared.KNOWN_PLACES:
            continue
        cued = bool(role) and index == 0
        if len(names) == 1:
            yield (PERSON, run, role, country) if cued else (None, run, "", None)
            continue
        if names[-1].text in tables.NON_PERSON_TAILS:
            continue  # "Millennium Dome", "Kitchen Club"
        if not cued and names[0].text.lower() in lower_words:
            continue  # a common word opens it ("Divina Comida"): a title, not a name
        if len(names) <= MAX_PERSON_WORDS:
            yield PERSON, run, role if index == 0 else "", country if index == 0 else None


def _extends_organisation(word, tables) -> bool:
    if word.connector or word.text.lower() in tables.PERSON_TITLES:
        return False
    return word.text in tables.ORGANISATION_TAILS or is_place(word.text, None)


def _split_before_a_full_name(words) -> list:
    """ "Vendetta de James McTeigue": a particle followed by two or more names starts a new
    name (a work and its author); "Juan Carlos de la Fuente" keeps its one-word surname."""
    for position, word in enumerate(words):
        if word.connector:
            after = [w for w in words[position + 1 :] if not w.connector]
            if len(after) >= 2 and not words[position + 1].connector:
                return [words[:position], words[position + 1 :]]
    return [words]


def _is_known_organisation(phrase: str) -> bool:
    return phrase in shared.KNOWN_ORGANISATIONS or phrase in shared.KNOWN_ACRONYMS


def _is_organisation(words, tables) -> bool:
    names = [w for w in words if not w.connector]
    if names[0].text in tables.ORGANISATION_HEADS and (
        len(names) > 1 or names[0].text in shared.KNOWN_ORGANISATIONS
    ):
        return True
    if len(names) > 1 and names[-1].text in tables.ORGANISATION_TAILS:
        return True
    return len(names) == 1 and names[0].acronym and names[0].text in shared.KNOWN_ACRONYMS


def _organisation_span(text, words, tables) -> Run:
    """The organisation's words, up to a connector no organisation name holds."""
    kept = []
    for word in words:
        if word.connector and word.text not in tables.ORGANISATION_CONNECTORS:
            break
        kept.append(word)
    while kept and kept[-1].connector:
        kept.pop()
    return Run.of(text, kept)


ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ0-9&\-]{1,9})\)")


def _defined_acronym(text: str, end: int) -> str | None:
    """ "Tribunal Supremo Electoral (TSE)": the acronym right after a name, in brackets."""
    match = ACRONYM_AFTER.match(text, end)
    if match and sum(c.isupper() for c in match.group(1)) >= 2:
        return match.group(1)
    return None


def _merge_acronyms(entities, mentions, acronyms) -> None:
    """A defined acronym ("TSE") is the organisation it was defined for, wherever it stands."""
    for position, mention in enumerate(mentions):
        owner = acronyms.get(mention.text)
        if owner and mention.key != owner:
            mentions[position] = EntityMention(
                ORGANISATION, owner, mention.start, mention.end, mention.text
            )
            entities.pop(mention.key, None)


def _entity_for(entities, label: str, name: str) -> DiscoveredEntity:
    key = slugify(name) or fold(name)
    entity = entities.get(key)
    if entity is None:
        entity = entities[key] = DiscoveredEntity(key=key, name=name, label=label)
    elif len(name) > len(entity.name):
        entity.name = name
    return entity


def _surname_index(entities) -> dict[str, set[str]]:
    """Folded last names (and a Spanish first surname) → the people of the article with it."""
    index: dict[str, set[str]] = {}
    for entity in entities.values():
        if entity.label != PERSON:
            continue
        names = [w for w in entity.name.split() if w[:1].isupper()]
        if len(names) == 1:  # "el presidente Boric": later "Boric" is the same person
            index.setdefault(fold(names[0]), set()).add(entity.key)
        for position in range(1, len(names)):
            tail = " ".join(names[position:])
            if not is_place(tail, None):  # "Stade de France": France is no one's surname
                index.setdefault(fold(tail), set()).add(entity.key)
        if len(names) >= 3:
            index.setdefault(fold(names[1]), set()).add(entity.key)
    return index


def _merge_partial_names(entities, mentions, surnames) -> None:
    """ "Ábrego García" after "Kilmar Ábrego García" is the same person, not a second one."""
    for key in list(entities):
        entity = entities[key]
        if entity.label != PERSON:
            continue
        owners = surnames.get(fold(entity.name), set()) - {key}
        if len(owners) == 1:
            (owner,) = owners
            for position, mention in enumerate(mentions):
                if mention.key == key:
                    mentions[position] = EntityMention(
                        PERSON, owner, mention.start, mention.end, mention.text
                    )
            entities[owner].cue = entities[owner].cue or entity.cue
            entities[owner].role = entities[owner].role or entity.role
            del entities[key]


def _resolve_single(text, run, entities, surnames, acronyms, tables, countries):
    word = run.text
    if word in acronyms:
        return EntityMention(ORGANISATION, acronyms[word], run.start, run.end, word)
    owners = surnames.get(fold(word), set())
    if len(owners) == 1:
        (owner,) = owners
        return EntityMention(PERSON, owner, run.start, run.end, word)
    if owners or is_place(word, countries) or word in shared.KNOWN_PLACES:
        return None
    if run.words[0].acronym:
        if word in shared.NON_ORGANISATION_ACRONYMS or _all_caps_line(text, run.start):
            return None
        if len(word) > MAX_ACRONYM and word not in shared.KNOWN_ACRONYMS:
            return None  # a shouted word ("PERDISTE", "OPINIÓN"), not an acronym
        entity = _entity_for(entities, ORGANISATION, word)
        entity.cue = entity.cue or word in shared.KNOWN_ACRONYMS
        entity.guessed = not entity.cue
        return EntityMention(ORGANISATION, entity.key, run.start, run.end, word)
    if word in shared.KNOWN_ORGANISATIONS:
        entity = _entity_for(entities, ORGANISATION, word)
        entity.cue = True
        return EntityMention(ORGANISATION, entity.key, run.start, run.end, word)
    return None


RECURRING = 3  # a lone capitalised word named this often mid-sentence is someone's surname


def _may_be_a_surname(text, run, tables, countries, lower_words) -> bool:
    word = run.text
    return not (
        run.words[0].acronym
        or len(word) < 3
        or word in tables.COMMON_CAPITALISED
        or word.lower() in lower_words
        or is_sentence_start(text, run.start)
        or is_place(word, countries)
        or word in shared.KNOWN_PLACES
        or word in tables.ORGANISATION_HEADS
        or word in tables.ORGANISATION_TAILS
        or any(c.isupper() for c in word[1:])  # "MasterChef", "MSCPs"
        or word.endswith(DEMONYM_ENDINGS)
        or ARTICLE_BEFORE.search(text, max(0, run.start - 5), run.start) is not None
    )


# "Palestinians", "Jewish", "Salvadoran": nationalities that English capitalises.
DEMONYM_ENDINGS = ("ian", "ians", "ish", "ese", "eans", "ans")
# "the Dome", "el Mercurio": a determiner before a lone name makes it a thing, not a person.
ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:the|The|el|El|la|La|los|las|un|una|a|an)\s+$")


def _recurring_surnames(unresolved: dict[str, list[Run]], entities) -> list[EntityMention]:
    """ "Boric" five times mid-sentence, never in lower case, never a place: a person named by
    the surname alone (no cue: named that often, it qualifies by its count)."""
    found = []
    for word, runs in unresolved.items():
        if len(runs) < RECURRING:
            continue
        entity = _entity_for(entities, PERSON, word)
        found.extend(EntityMention(PERSON, entity.key, r.start, r.end, word) for r in runs)
    return found


def _all_caps_line(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line) > 12 and line == line.upper() and line != line.lower()


def _inside_known(run: Run, known_spans) -> bool:
    """A run that a known actor's name covers whole ("Nayib Bukele") is the known actor's."""
    return any(start <= run.start and run.end <= end for start, end, _ in known_spans)


def _overlaps_known(run: Run, known_spans) -> bool:
    return any(start < run.end and run.start < end for start, end, _ in known_spans)


def _reconcile_known(known, entities, surnames, mentions, gazetteer) -> list[EntityMention]:
    """The gazetteer's actor mentions, but a listed surname inside or shared with another
    person of this article ("Francisco Rubio", "Yamil Bukele") is that person's."""
    spans = [(m.start, m.end) for m in mentions]
    result = []
    for mention in known:
        if mention.kind != "actor":
            continue
        if any(
            s <= mention.start and mention.end <= e and (s, e) != (mention.start, mention.end)
            for s, e in spans
        ):
            continue  # inside a longer discovered name
        owners = surnames.get(fold(mention.text), set())
        listed = fold(gazetteer.actor_name(mention.key))
        if owners and listed not in {fold(entities[o].name) for o in owners}:
            if len(owners) == 1:
                (owner,) = owners
                result.append(
                    EntityMention(PERSON, owner, mention.start, mention.end, mention.text)
                )
            continue
        entity = entities.get(mention.key)
        if entity is None:
            entity = entities[mention.key] = DiscoveredEntity(
                key=mention.key, name=gazetteer.actor_name(mention.key), label=PERSON, known=True
            )
        nominal = mention.text[:1].islower() or mention.text.split()[0].lower() in NOMINAL_OPENERS
        result.append(
            EntityMention(PERSON, mention.key, mention.start, mention.end, mention.text, nominal)
        )
    return result


# An alias such as "the Salvadoran president" refers to a person without naming them.
NOMINAL_OPENERS = {"the", "el", "la", "los", "las"}


@cache
def _nominal_pattern(language: str) -> re.Pattern:
    tables = tables_for(language)
    roles = "|".join(sorted(map(re.escape, tables.NOMINAL_ROLES), key=len, reverse=True))
    articles = "|".join(map(re.escape, tables.NOMINAL_ARTICLES))
    return re.compile(
        rf"\b(?:{articles})\s+(?:(?P<before>[A-Za-zÁÉÍÓÚÑáéíóúñ]+)\s+)?(?P<role>{roles})\b"
        rf"(?:\s+(?:(?:de|del|of)\s+)?(?P<after>[A-Za-zÁÉÍÓÚÑáéíóúñ]+))?"
    )


def _nominal_mentions(text, entities, mentions, tables, countries) -> list[EntityMention]:
    """ "el mandatario guatemalteco", "the Salvadoran president" → the person named before
    with that role (and that country, when the phrase gives one)."""
    people = [m for m in mentions if m.label == PERSON and entities[m.key].role]
    if not people:
        return []
    language = "es" if tables is tables_for("es") else "en"
    found = []
    starts = [m.start for m in people]
    for match in _nominal_pattern(language).finditer(text):
        role = tables.NOMINAL_ROLES[match.group("role")]
        code = None
        for side in ("before", "after"):
            if match.group(side):
                code = code or country_code(match.group(side), countries)
        position = bisect.bisect_left(starts, match.start())
        for mention in reversed(people[:position]):
            entity = entities[mention.key]
            if _role_class(entity.role, tables) != role:
                continue
            if code and entity.country and code != entity.country:
                continue
            found.append(
                EntityMention(
                    PERSON, entity.key, match.start(), match.end(), match.group(), nominal=True
                )
            )
            break
    return found


def _role_class(role: str, tables) -> str | None:
    for word in reversed(role.split()):
        if word in tables.NOMINAL_ROLES:
            return tables.NOMINAL_ROLES[word]
    return tables.NOMINAL_ROLES.get(role)
