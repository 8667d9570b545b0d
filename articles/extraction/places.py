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
WORD = r"(?<![\w.#@])[^\W\d_]\w*(?:[.'’-](?!s\b)[^\W\d_]\w*)*\.?"
_LINK_ENDS = tuple(
    f"{gap}{link}{space}"
    for link in ("de", "del", "of")
    for gap in " \t\u00a0"
    for space in " \t\u00a0"
)
LINKED_AFTER = re.compile(rf"[ \t\u00a0]+(?:de|del|of)[ \t\u00a0]+({WORD})")
PREVIOUS_WORD = re.compile(rf"({WORD})[ \t\u00a0]+$")
NEXT_WORD = re.compile(rf"[ \t\u00a0]+({WORD})")
# "Carabineros de Chile": a name that continues through "de" (the word before it, then).
LINKED_NAME = re.compile(rf"({WORD})[ \t\u00a0]+(?:de|del|of)[ \t\u00a0]+$")
KIND_ORDER = {COUNTRY: 0, DEMONYM: 1, CITY: 2, REGION: 3}
_FUNCTION_WORDS = frozenset(w for words in LANGUAGES.values() for w in words.FUNCTION_WORDS)
_TITLES = frozenset(w for words in LANGUAGES.values() for w in words.TITLES)
_INTRODUCERS = sorted(
    {w for words in LANGUAGES.values() for w in words.PLACE_PREPOSITIONS}, key=len, reverse=True
)
INTRODUCED = re.compile(rf"(?:(?<!\w)(?:{'|'.join(_INTRODUCERS)})|,)[ \t\u00a0]+$", re.IGNORECASE)
_NOT_BEFORE = frozenset(w for words in LANGUAGES.values() for w in words.NOT_PLACE_BEFORE)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    kind: str  # country, region, city or demonym
    country: str  # ISO 3166-1 alpha-2
    name: str  # the canonical name of the place (for a demonym, the demonym)


def _spaced(gap: str) -> bool:
    """Words next to each other: only spaces between, no line break (a heading's end)."""
    return bool(gap) and not gap.strip(" \t\u00a0")


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
    pattern = index.words_pattern or _words_pattern(index)
    words = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    found: list[tuple[int, int, str, tuple[Place, ...]]] = []
    not_a_place: dict[str, bool] = {}  # one-word forms already judged in this text
    lookup, continues = index.by_form, index.continues
    i = 0
    while i < len(words):
        word_start, word_end, word = words[i]
        match = None
        if word in lookup or word in continues or word[:-1] in lookup:
            match = _longest(text, words[i], end, lookup, continues)
        if not match:
            i += 1
            continue
        form_end, candidates = match
        form_text = text[word_start:form_end]
        count = 1
        while i + count < len(words) and words[i + count][0] < form_end:
            count += 1
        if form_end in (word_end, word_end - 1) and _local(candidates):  # one word
            if form_text not in not_a_place:
                not_a_place[form_text] = _a_word_or_a_surname(text, form_text, candidates)
            if not_a_place[form_text]:
                i += 1
                continue
        if _stands_alone(text, words, i, count, candidates):
            found.append((word_start, form_end, form_text, candidates))
        i += count
    return _resolve(text, found)


def _words_pattern(index: PlaceIndex) -> re.Pattern:
    """The words worth reading: capitalised ones, and the lower-case words that open a form
    (demonyms: "salvadoreños") or a rule ("calle Florida"). Most words of a text are none of
    these, and are skipped by the regular expression, not by Python; a form's later words
    ("de" in "Ciudad de Guatemala") are read from the text after its first.

    Two words are next to each other when only spaces separate them (a word left out is no
    space), so the rules read neighbours from this list as from a list of every word."""
    lower = {word for word in _NOT_BEFORE if word[0].islower()}
    for form in index.by_form:
        if form[0].islower():
            lower.add(form.split()[0])
    known = _prefix_tree(lower)
    capitalised = WORD.replace(r"[^\W\d_]", r"[^\W\d_a-zß-ÿā-ɏ]", 1)
    index.words_pattern = re.compile(rf"{capitalised}|(?<![\w.#@])(?:{known})(?![\w])\.?")
    return index.words_pattern


def _prefix_tree(words: set[str]) -> str:
    """An alternation laid out as a tree of shared prefixes ("salvadoreñ" once for its four
    forms), longer words first: the engine tries one branch per letter, not every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    alternatives = [
        re.escape(character) + _branches(child)
        for character, child in sorted(node.items())
        if character
    ]
    if "" in node:
        alternatives.append("")  # last, so that a longer word is tried first
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


def _local(candidates) -> bool:
    """A one-word town or region that the text also writes in lower case is a common word
    there ("Constitución" beside "la constitución"); a town that ends a person's name in the
    text is that surname ("Ken Livingstone … Livingstone said"). Those rules are for towns and
    regions only: "argentina" is a demonym beside "Argentina"."""
    return all(place.kind in (CITY, REGION) for place in candidates)


def _a_word_or_a_surname(text: str, form: str, candidates) -> bool:
    """The text writes the form in lower case ("la constitución"), or it is a town's name that
    ends a person's name there: after a name's word, with no name's word after it ("Ken
    Livingstone", "Ricardo Lagos"; not "BBC Wales")."""
    if next(_occurrences(text, form.lower()), None) is not None:
        return True
    if not all(place.kind == CITY for place in candidates):
        return False
    for position in _occurrences(text, form):
        before = PREVIOUS_WORD.search(text, max(0, position - 40), position)
        if before is None or not _ends_a_name(before.group(1)) or before.group(1).isupper():
            continue
        following = NEXT_WORD.match(text, position + len(form))
        if following is None or not _is_name(following.group(1)):
            return True
    return False


def _occurrences(text: str, word: str):
    """Where the word stands alone in the text (str.find: faster than a pattern per word)."""
    position = text.find(word)
    while position != -1:
        after = position + len(word)
        if (position == 0 or not text[position - 1].isalnum()) and (
            after == len(text) or not text[after].isalnum()
        ):
            yield position
        position = text.find(word, after)


def _longest(text: str, word: tuple[int, int, str], end: int, lookup, continues):
    """(end offset, candidates) of the longest form starting at word: the words after it are
    read from the text (only spaces between) while they continue the beginning of a form."""
    forms = [(word[1], word[2])]
    while forms[-1][1] in continues:
        following = NEXT_WORD.match(text, forms[-1][0], end)
        if following is None:
            break
        forms.append((following.end(), f"{forms[-1][1]} {following.group(1)}"))
    for form_end, form in reversed(forms):
        candidates = lookup.get(form)
        if candidates:
            return form_end, candidates
        if form.endswith("."):
            candidates = lookup.get(form[:-1])
            if candidates:
                return form_end - 1, candidates
    return None


def _stands_alone(text, words, i, count, candidates) -> bool:
    """Not part of a longer name, nor a street's."""
    start = words[i][0]
    linked = text.endswith(_LINK_ENDS, 0, start) and LINKED_NAME.search(
        text, max(0, start - 80), start
    )
    if linked and (_ends_a_name(linked.group(1)) or linked.group(1) in _NOT_BEFORE):
        return False  # "Carabineros de Chile", "la esquina de Lira"
    if i > 0:
        _, before_end, before = words[i - 1]
        joined = _spaced(text[before_end : words[i][0]])
        if joined and before in _NOT_BEFORE:
            return False
        if joined and _ends_a_name(before):
            return False

    form_end = words[i + count - 1][1]
    linked_after = _local(candidates) and LINKED_AFTER.match(text, form_end)
    if linked_after and _is_name(linked_after.group(1)):
        return False  # "la Mesa de Unidad Social": a town's name opening an organisation's
    after = i + count
    if after < len(words) and not _modifies(text, words, i, count, candidates):
        after_start, _, word = words[after]
        last_end, last = words[after - 1][1], words[after - 1][2]
        if _spaced(text[last_end:after_start]) and _is_name(word) and not last.endswith("."):
            return False
    return True


def _modifies(text: str, words, i: int, count: int, candidates) -> bool:
    """A demonym before a title ("Salvadoran President", "Argentine Security Minister"), or a
    country's abbreviation ("US Senate", "UK Parliament"), may stand before a name; a country's
    name does not ("Chile Vamos" is a coalition), nor a demonym opening an organisation's name
    ("British Medical Association", "Palestinian Authority")."""
    if any(place.kind == DEMONYM for place in candidates):
        if words[i][2][0].islower():
            return True  # "el chef español Ramón Freixa": a name's word is capitalised
        for position in range(i + count, min(i + count + 4, len(words))):
            if not _spaced(text[words[position - 1][1] : words[position][0]]):
                return False
            if words[position][2].rstrip(".") in _TITLES:
                return True
        return False
    first = words[i][2]
    return count == 1 and first.upper() == first and any(p.kind == COUNTRY for p in candidates)


def _introduced(text: str, start: int) -> bool:
    return INTRODUCED.search(text, max(0, start - 20), start) is not None


def _resolve(text: str, found) -> list[PlaceMention]:
    """Each form to one place: unambiguous ones first; their countries then decide the rest.
    A town of under 100,000 is a place only with its country named in the text and a word
    that introduces a place before it ("in Aston", "en Renca", "de Curicó")."""
    choices = [_unambiguous(item[3]) for item in found]
    named = {place.country for place in choices if place is not None}
    mentions = []
    for (start, end, form, candidates), place in zip(found, choices, strict=True):
        if place is None:
            in_context = [c for c in candidates if c.country in named]
            if not in_context:
                continue
            place = _best(in_context)
            biggest = max(c.weight for c in in_context if c.country == place.country)
            small_town = biggest < LOCAL_WEIGHT
            if small_town and not _introduced(text, start):
                continue  # "Dr Arnold", "follows Adrian": a town needs "in", "en", "de"…
        mentions.append(PlaceMention(start, end, form, place.kind, place.country, place.name))
    return mentions


def _unambiguous(candidates: tuple[Place, ...]) -> Place | None:
    """The one place a form names wherever it appears, or None when its namesakes compete.

    A country's name is that country unless a region or a city of a million elsewhere shares it
    ("Georgia"); other names go to the namesake of a million or more ten times bigger than the
    next ("Santiago" is Chile's, "Santa Rosa" no one's)."""
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
    if first >= DOMINANCE * second and first >= REGION_WEIGHT:
        top = max(heaviest, key=heaviest.__getitem__)
        return _best([c for c in candidates if c.country == top])
    return None


def _best(candidates) -> Place:
    """Of one country's candidates, the country or demonym first, then a city, then a region;
    of several countries', the heaviest."""
    top = max(candidates, key=lambda c: c.weight)
    same = [c for c in candidates if c.country == top.country]
    return min(same, key=lambda c: KIND_ORDER[c.kind])
