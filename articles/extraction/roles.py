"""A person's role and country from the words around the name: a title before it ("el
presidente de Guatemala, Bernardo Arévalo", "the Salvadoran president, Nayib Bukele", "la
ministra Izkia Siches") or an apposition after it ("Bernardo Arévalo, presidente de
Guatemala,"). The titles are the language's table; the country is read by `places_lookup`.
"""

import re
from functools import cache

from articles.extraction.entity_tables import tables_for
from articles.extraction.places_lookup import country_code

WINDOW = 90  # characters before a name where its title may stand
TITLE_REACH = 6  # words before a name where its title may stand
_PLACE = r"[A-ZÁÉÍÓÚÑ][\w.]+(?:[ \t]+[A-ZÁÉÍÓÚÑ][\w.]+)?"
_DEMONYM = r"[a-záéíóúñA-ZÁÉÍÓÚÑ][a-záéíóúñ]+"


@cache
def _patterns(language: str) -> tuple[re.Pattern, re.Pattern]:
    tables = tables_for(language)
    titles = "|".join(sorted(map(re.escape, tables.PERSON_TITLES), key=len, reverse=True))
    links = "|".join(map(re.escape, tables.COUNTRY_LINKS))
    of_place = rf"(?:[ \t]+(?:{links})[ \t]+(?:la[ \t]+|el[ \t]+|the[ \t]+)?(?P<place>{_PLACE}))"
    before = re.compile(
        rf"(?<![\w])(?:(?P<dem1>{_DEMONYM})[ \t]+)?(?P<title>{titles})"
        rf"(?:{of_place}|[ \t]+(?P<dem2>{_DEMONYM}))?[ \t]*,?[ \t]*$",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"[ \t]*,[ \t]*(?:(?:el|la|the|a|an|former|ex)[ \t]+)?(?:(?P<dem1>{_DEMONYM})[ \t]+)?"
        rf"(?P<title>{titles})(?![\w])(?:{of_place}|[ \t]+(?P<dem2>{_DEMONYM}))?",
        re.IGNORECASE,
    )
    return before, after


def titles_before(text: str, language: str, start: int) -> bool:
    """Whether a word of a title stands in the WINDOW characters before `start`: a set lookup
    per word, so that the title pattern runs only where it can match."""
    words = _title_words(language)
    # The pattern ends at the name: a title, a demonym, "de" + a place of two words, a comma.
    for word in text[max(0, start - WINDOW) : start].lower().split()[-TITLE_REACH:]:
        word = word.strip(",.;:()\"'“”«»")
        if word in words or word.rstrip("s") in words:
            return True
    return False


@cache
def _title_words(language: str) -> frozenset[str]:
    tables = tables_for(language)
    return frozenset(
        word.strip(".") for title in tables.PERSON_TITLES for word in title.split()
    ) | frozenset(tables.PERSON_TITLES)


def role_around(
    text: str, start: int, end: int, *, language: str, countries: dict[str, str]
) -> tuple[str, str | None]:
    """(role, country code) from a title just before text[start:end] or an apposition just
    after it; ("", None) when neither is there."""
    before, after = _patterns(language)
    match = None
    if titles_before(text, language, start):
        match = before.search(text, max(0, start - WINDOW), start)
        if match and match.group("place") and "," not in match.group():
            match = None  # "el alcalde de La Florida": the place ends the title, no name follows
    if match is None:
        match = after.match(text, end, min(len(text), end + WINDOW))
    if match is None:
        return "", None
    code = None
    for group in ("place", "dem1", "dem2"):
        if match.group(group):
            found = country_code(match.group(group), countries)
            if found is None and group == "dem2":
                return "", None  # "ministra del Interior": no title of a person here
            code = code or found
    return match.group("title").lower(), code


_WORD = re.compile(r"[^\W\d_]+")


def speech_around(text: str, start: int, end: int, *, language: str) -> bool:
    """A verb of speech right after the name ("Blair said", "Piñera, en tanto, dijo") or
    right before it ("said Blair", "según Piñera")."""
    tables = tables_for(language)
    after = _WORD.findall(text, end, min(len(text), end + 40))[:4]
    if any(word in tables.SPEECH_AFTER for word in after[:1]) or (
        text[end : end + 1] == "," and any(word in tables.SPEECH_AFTER for word in after)
    ):
        return True
    before = _WORD.findall(text, max(0, start - 20), start)
    return bool(before) and before[-1].lower() in tables.SPEECH_BEFORE
