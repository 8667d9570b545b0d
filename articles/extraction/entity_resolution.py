"""Within one article: later mentions resolved to the names given before (a surname alone, a
defined acronym, "el mandatario guatemalteco"), and the listed actors reconciled with the
article's own people, so that a listed surname of someone else is never the namesake."""

import bisect
import re
from functools import cache

from articles.extraction.entity_tables import shared, tables_for
from articles.extraction.entity_types import (
    ORGANISATION,
    PERSON,
    DiscoveredEntity,
    EntityMention,
    _entity_for,
)
from articles.extraction.places_lookup import country_code, fold, is_place
from articles.extraction.runs import Run, is_sentence_start

MAX_ACRONYM = 5

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
