"""Capitalised runs: the stretches of text where a name can be ("Juan Carlos de la Fuente",
"Fiscalía General de la República"), found by one regular expression per language.

A run is capitalised words joined by the lower-case particles and connectors a name may hold
(from the language's tables); deciding what a run is belongs to `entities`.
"""

import re
from dataclasses import dataclass
from functools import cache

_UPPER = "A-ZÁÉÍÓÚÑÜÇÀÈÌÒÙÂÊÎÔÛ"
# A capitalised word ("Arévalo", "Cruz-Coke", "MS-13", "McTeigue") or an initial ("E.");
# never the tail of a handle, a hashtag, an address or an abbreviation ("@CNNChile", "t.co/Qx").
_TOKEN = rf"(?:[{_UPPER}][\w’'\-]*\w|[{_UPPER}]\.(?=[ \t]))"
# The first token opens with its capital and looks behind afterwards (never the tail of a
# handle, a hashtag, an address or an abbreviation): a pattern that starts with a character set
# lets the engine skip straight to the next capital.
_FIRST_TOKEN = rf"[{_UPPER}](?<![\w@#/.\-’'].)(?:[\w’'\-]*\w|\.(?=[ \t]))"
_END = r"(?![\w@]|\.\w)"  # "DD.HH.", "t.co" are no names
SENTENCE_OPENERS = set("\n.!?:¿¡\"“”«»‘'—–-|•*#>()[]")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    connector: bool  # a lower-case particle or connector ("de", "of")
    acronym: bool  # in capitals ("TSE", "MS-13")


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    start: int
    end: int
    words: tuple[Word, ...]

    @classmethod
    def of(cls, text: str, words) -> "Run":
        words = tuple(words)
        return cls(text[words[0].start : words[-1].end], words[0].start, words[-1].end, words)


@cache
def _run_pattern(connectors: frozenset[str]) -> re.Pattern:
    joined = "|".join(sorted(map(re.escape, connectors), key=len, reverse=True))
    return re.compile(rf"{_FIRST_TOKEN}{_END}(?:(?:[ \t]+(?:{joined}))*[ \t]+{_TOKEN}{_END})*")


_WORD = re.compile(r"\S+")


POSSESSIVE = ("'s", "’s")


def capitalised_runs(text: str, tables):
    """The runs of the text; a possessive ends one ("BBC's Paul Reynolds" is two)."""
    pattern = _run_pattern(frozenset(tables.PERSON_PARTICLES | tables.ORGANISATION_CONNECTORS))
    common = _never_names(tables)
    for match in pattern.finditer(text):
        value = match.group()
        if value in common:
            continue  # "The", "El", "Según": one word that is never a name, the commonest run
        start, end = match.span()
        if " " not in value and "\t" not in value and not value.endswith(POSSESSIVE):
            word = Word(
                value, start, end, connector=False, acronym=len(value) > 1 and value.isupper()
            )
            yield Run(value, start, end, (word,))  # one word: most runs
            continue
        offset = start
        words = []
        for word in _WORD.finditer(match.group()):
            value = word.group()
            start, end = offset + word.start(), offset + word.end()
            possessive = value.endswith(POSSESSIVE) and len(value) > 3
            if possessive:
                value, end = value[:-2], end - 2
            words.append(
                Word(
                    value,
                    start,
                    end,
                    connector=value[0].islower(),
                    acronym=len(value) > 1 and value.isupper(),
                )
            )
            if possessive:
                yield Run.of(text, words)
                words = []
        if words:
            yield Run.of(text, words)


@cache
def _never_names(tables) -> frozenset[str]:
    """The language's common capitalised words that are no organisation's name either."""
    from articles.extraction.entity_tables import shared

    return frozenset(
        tables.COMMON_CAPITALISED
        - shared.KNOWN_ORGANISATIONS
        - shared.KNOWN_ACRONYMS
        - tables.ORGANISATION_HEADS
        - tables.ORGANISATION_TAILS
    )


def is_sentence_start(text: str, position: int) -> bool:
    """At the start of the text, a line or a sentence (after ". ", "¿", a quote, a dash)."""
    index = position - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in SENTENCE_OPENERS
