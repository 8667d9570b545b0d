"""What a capitalised run is: a person's name, an organisation's, a lone word to decide later,
or nothing (a title, a sentence opener, a place). The words come from the language's tables."""

import re

from articles.extraction.entity_tables import shared
from articles.extraction.entity_types import HONORIFIC_ONLY, ORGANISATION, PERSON
from articles.extraction.places_lookup import country_code, is_place
from articles.extraction.runs import Run, is_sentence_start

MAX_PERSON_WORDS = 5

LOWER_WORD = re.compile(r"(?<![\w'’])[a-záéíóúñüç]{3,}(?![\w'’])")


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
