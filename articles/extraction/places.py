"""Find the places a text names: countries, first-level regions, cities and demonyms.

One pass over the words (a regular expression) and dictionary look-ups, not one alternative per
name: tens of thousands of names cost what a dozen do. Only a word that starts a known form is
looked up, longest form first ("Ciudad de Guatemala" before "Guatemala").

A form found is a place only if it stands alone as a name, case-sensitive:
- not inside a longer name: "CNN Chile", "Carabineros de Chile", "Washington Post", "Santiago
  Peña" and "Plaza Italia" name no place, while "In Chile" and "Presidente de Chile" do (the
  words of `FUNCTION_WORDS` open sentences or are titles, not names);
- not a street or station ("calle Florida", `NOT_PLACE_BEFORE`);
- one place: a name several places share ("Santa Ana", "Córdoba", "Georgia") is the one in a
  country the text names unambiguously elsewhere, else the namesake ten times bigger than every
  other ("Santiago" is Chile's), else left out.
"""

import re
from dataclasses import dataclass

from articles.extraction.place_words import LANGUAGES
from articles.extraction.places_index import (
    CITY,
    COUNTRY,
    DEMONYM,
    DOMINANCE,
    LOCAL_WEIGHT,
    REGION,
    REGION_WEIGHT,
    Place,
    PlaceIndex,
)

# A word: letters, with inner full stops, apostrophes or hyphens ("U.S.", "EE.UU.", "d'Ivoire",
# "Franco-chilena"), and a final full stop kept (an abbreviation's, or a sentence's end); a
# possessive 's is left out ("El Salvador's"); hashtags and handles are no words here.
WORD = re.compile(r"(?<![\w.#@])[^\W\d_]\w*(?:[.'’-](?!s\b)[^\W\d_]\w*)*\.?")
LINKS = {"de", "del", "of"}  # "Carabineros de Chile": a name that continues through "de"
KIND_ORDER = {COUNTRY: 0, DEMONYM: 1, CITY: 2, REGION: 3}
_FUNCTION_WORDS = frozenset(w for words in LANGUAGES.values() for w in words.FUNCTION_WORDS)
_TITLES = frozenset(w for words in LANGUAGES.values() for w in words.TITLES)
_NOT_BEFORE = frozenset(w for words in LANGUAGES.values() for w in words.NOT_PLACE_BEFORE)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    kind: str  # country, region, city or demonym
    country: str  # ISO 3166-1 alpha-2
    name: str  # the canonical name of the place (for a demonym, the demonym)


def _is_name(word: str) -> bool:
    """A capitalised word that may belong to a name (not a sentence opener or a title)."""
    return word[0].isupper() and word.rstrip(".") not in _FUNCTION_WORDS


def _ends_a_name(word: str) -> bool:
    """A name's word just before a place makes it part of that name; not when it ends a
    sentence or an abbreviation ("Santiago. Chile…")."""
    return _is_name(word) and not word.endswith(".")


def find_places(index: PlaceIndex, text: str, start: int = 0, end: int | None = None):
    """The places named in text[start:end], each resolved to one country or left out."""
    end = len(text) if end is None else end
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]
    found: list[tuple[int, int, str, tuple[Place, ...]]] = []
    common = {word for _, _, word in words if word[0].islower()}
    surnames = _surnames(text, words)
    max_words, lookup = index.max_words, index.by_form
    i = 0
    while i < len(words):
        first = words[i][2]
        most = max_words.get(first) or max_words.get(first.rstrip("."))
        if not most:
            i += 1
            continue
        match = _longest(text, words, i, most, lookup)
        if match is None:
            i += 1
            continue
        count, form_end, candidates = match
        form_text = text[words[i][0] : form_end]
        if _stands_alone(text, words, i, count, candidates) and not (
            count == 1 and _a_word_or_a_name(form_text, candidates, common, surnames)
        ):
            found.append((words[i][0], form_end, form_text, candidates))
        i += count
    return _resolve(found)


def _a_word_or_a_name(form: str, candidates, common: set[str], surnames: set[str]) -> bool:
    """A one-word town or region that the text also writes in lower case is a common word
    there ("Constitución" beside "la constitución"); a town that ends a person's name in the
    text is that surname ("Ken Livingstone … Livingstone said")."""
    if any(place.kind in (COUNTRY, DEMONYM) for place in candidates):
        return False
    if form.lower() in common:
        return True
    return form in surnames and all(place.kind == CITY for place in candidates)


def _surnames(text: str, words) -> set[str]:
    """Words that end a run of two or three names ("Ken Livingstone", "Ricardo Lagos")."""
    found = set()
    for index in range(1, len(words)):
        _, before_end, before = words[index - 1]
        start, _, word = words[index]
        if (
            _is_name(word)
            and _ends_a_name(before)
            and not before.isupper()
            and text[before_end:start].isspace()
            and (index + 1 == len(words) or not _is_name(words[index + 1][2]))
        ):
            found.add(word)
    return found


def _longest(text, words, i, most, lookup):
    """(words used, end offset, candidates) of the longest form starting at word i."""
    for count in range(min(most, len(words) - i), 0, -1):
        last = i + count - 1
        if any(not text[words[j - 1][1] : words[j][0]].isspace() for j in range(i + 1, last + 1)):
            continue
        form = " ".join(word[2] for word in words[i : last + 1])
        candidates = lookup.get(form)
        if candidates:
            return count, words[last][1], candidates
        if form.endswith("."):
            candidates = lookup.get(form[:-1])
            if candidates:
                return count, words[last][1] - 1, candidates
    return None


def _stands_alone(text, words, i, count, candidates) -> bool:
    """Not part of a longer name, nor a street's."""
    if i > 0:
        before_start, before_end, before = words[i - 1]
        joined = text[before_end : words[i][0]].isspace()
        if joined and before in _NOT_BEFORE:
            return False
        if joined and _ends_a_name(before):
            return False
        if joined and before in LINKS and i > 1:
            _, linked_end, linked = words[i - 2]
            if text[linked_end:before_start].isspace() and _ends_a_name(linked):
                return False
    after = i + count
    if after < len(words) and not _modifies(words, i, count, candidates):
        after_start, _, word = words[after]
        last_end, last = words[after - 1][1], words[after - 1][2]
        if text[last_end:after_start].isspace() and _is_name(word) and not last.endswith("."):
            return False
    return True


def _modifies(words, i: int, count: int, candidates) -> bool:
    """A demonym before a title ("Salvadoran President", "Argentine Security Minister"), or a
    country's abbreviation ("US Senate", "UK Parliament"), may stand before a name; a country's
    name does not ("Chile Vamos" is a coalition), nor a demonym opening an organisation's name
    ("British Medical Association", "Palestinian Authority")."""
    if any(place.kind == DEMONYM for place in candidates):
        if words[i][2][0].islower():
            return True  # "el chef español Ramón Freixa": a name's word is capitalised
        following = [word for _, _, word in words[i + count : i + count + 4]]
        return any(word.rstrip(".") in _TITLES for word in following)
    first = words[i][2]
    return count == 1 and first.upper() == first and any(p.kind == COUNTRY for p in candidates)


def _resolve(found) -> list[PlaceMention]:
    """Each form to one place: unambiguous ones first; their countries then decide the rest."""
    choices = [_unambiguous(candidates) for *_, candidates in found]
    named = {place.country for place in choices if place is not None}
    mentions = []
    for (start, end, text, candidates), place in zip(found, choices, strict=True):
        if place is None:
            in_context = [c for c in candidates if c.country in named]
            if not in_context:
                continue
            place = _best(in_context)
        mentions.append(PlaceMention(start, end, text, place.kind, place.country, place.name))
    return mentions


def _unambiguous(candidates: tuple[Place, ...]) -> Place | None:
    """The one place a form names wherever it appears, or None when its namesakes compete.

    A country's name is that country unless a region or a city of a million elsewhere shares it
    ("Georgia"); other names go to the namesake ten times bigger than the next."""
    countries = {c.country for c in candidates}
    if len(countries) == 1:
        best = _best(candidates)
        return best if best.kind != CITY or best.weight >= LOCAL_WEIGHT else None
    national = [c for c in candidates if c.kind in (COUNTRY, DEMONYM)]
    if national:
        home = {c.country for c in national}
        rivals = [c for c in candidates if c.country not in home and c.weight >= REGION_WEIGHT]
        return _best(national) if len(home) == 1 and not rivals else None
    heaviest: dict[str, int] = {}
    for candidate in candidates:
        heaviest[candidate.country] = max(heaviest.get(candidate.country, 0), candidate.weight)
    first, second = sorted(heaviest.values(), reverse=True)[:2]
    if first >= DOMINANCE * second and first >= LOCAL_WEIGHT:
        top = max(heaviest, key=heaviest.__getitem__)
        return _best([c for c in candidates if c.country == top])
    return None


def _best(candidates) -> Place:
    """Of one country's candidates, the country or demonym first, then a city, then a region;
    of several countries', the heaviest."""
    top = max(candidates, key=lambda c: c.weight)
    same = [c for c in candidates if c.country == top.country]
    return min(same, key=lambda c: KIND_ORDER[c.kind])
