"""The temporal tagger: TIMEX3 expressions (DATE, TIME, DURATION, SET) found and normalised.

One engine for every language: `articles.extraction.timex_languages` holds each language's words
and rules; here they are compiled, matched in one pass each (leftmost-longest wins, so "El
pasado viernes 11 de abril" is one expression and its explicit date beats the weekday), filtered
by general rules (a capitalised "Hoy" inside a name is no date; a four-digit quantity is no
year) and normalised by `articles.extraction.timex_values` against the publication date, in
the direction the clause's tense gives. `manage.py tag_dates` and `bench/timex_score.py` call
`tag_temporal_expressions`; the event pipeline reads its DATE and TIME values.
"""

import datetime
import re
from dataclasses import dataclass
from functools import cache

from articles.extraction import timex_languages as tables
from articles.extraction.timex_values import Value, normalise

# Below this many characters a sentence's whole text is the clause window for tense.
CLAUSE_BEFORE = 80
CLAUSE_AFTER = 50


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str | None  # the TIMEX3 value; None when found but not resolvable
    date: datetime.date | None = None  # the first day of a calendar value
    precision: str = "unknown"  # day, week, month, quarter, season, year, decade, century
    relative: bool = False  # resolved against the publication date
    scheduled: bool = False  # after the publication date (the clause speaks of the future)


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern
    kind: str
    needs: re.Pattern | None  # a cheap test the text must pass for the rule to run


def tag_temporal_expressions(
    text: str,
    *,
    published: datetime.date | None,
    language: str,
    start: int = 0,
    end: int | None = None,
    unmarked: int = 0,
) -> list[Timex]:
    """Every temporal expression in text[start:end], in order, never overlapping.

    `unmarked` is the direction of an underspecified date ("Friday", "March 12") in a clause
    without tense markers: 0 the occurrence nearest publication (as TimeML annotators read),
    -1 the latest up to publication (the event pipeline: never a future it was not told of).
    """
    language = language if language in tables.RULES else "en"
    end = len(text) if end is None else end
    candidates: list[tuple[int, int, int, re.Match, str]] = []
    lowered = text[start:end].lower()
    for order, rule in enumerate(_rules(language)):
        if rule.needs is not None and rule.needs.search(lowered) is None:
            continue
        for match in rule.pattern.finditer(text, start, end):
            if match.end() > match.start():
                candidates.append((match.start(), -match.end(), order, match, rule.kind))
    candidates.sort(key=lambda candidate: candidate[:3])
    found: list[Timex] = []
    taken_until = -1
    for match_start, _, _, match, kind in candidates:
        if match_start < taken_until or not _plausible(text, match, kind, language):
            continue
        taken_until = match.end()
        found.append(_timex(text, match, kind, language, published, unmarked))
    return found


def _timex(
    text: str,
    match: re.Match,
    kind: str,
    language: str,
    published: datetime.date | None,
    unmarked: int,
) -> Timex:
    groups = {name: value for name, value in match.groupdict().items() if value}
    value: Value = normalise(
        kind,
        groups,
        language=language,
        published=published,
        direction=lambda: tense_direction(text, match.start(), match.end(), language) or unmarked,
    )
    scheduled = bool(published is not None and value.date is not None and value.date > published)
    return Timex(
        match.start(),
        match.end(),
        match.group(),
        value.type,
        value.value,
        value.date,
        value.precision,
        value.relative,
        scheduled,
    )


def tense_direction(text: str, start: int, end: int, language: str) -> int:
    """+1 when the clause around text[start:end] speaks of the future ("will", "próximo",
    "se realizará"), -1 when of the past, 0 when it does not say: the marker nearest to the
    expression decides ("said on Monday he will go": "said")."""
    before = text[max(0, start - CLAUSE_BEFORE) : start]
    before = re.split(r"[.!?\n;]", before)[-1]
    after = re.split(r"[.!?\n;]", text[end : end + CLAUSE_AFTER])[0]
    nearest: tuple[int, int] = (CLAUSE_BEFORE + CLAUSE_AFTER, 0)
    for table, sign in (("FUTURE", 1), ("PAST", -1)):
        for match in _marker(table, language).finditer(before):
            nearest = min(nearest, (len(before) - match.end(), sign))
        match = _marker(table, language).search(after)
        if match:
            nearest = min(nearest, (match.start(), sign))
    return nearest[1]


_SENTENCE_OPENERS = frozenset('.!?¡¿"“«(:—–-\n')


def _plausible(text: str, match: re.Match, kind: str, language: str) -> bool:
    """General rules against false dates: a capitalised word mid-sentence is part of a name
    ("El Diario de Hoy", "USA Today"); a four-digit number after "more than" or "$" is a
    quantity; a year before 1800 needs a preposition ("in 1798", not "a law from 1798")."""
    first = match.group()[0]
    if kind in {"deictic", "ref", "period", "set"} and first.isupper():
        before = text[: match.start()].rstrip()
        if before and before[-1] not in _SENTENCE_OPENERS:
            return False
    year = match.groupdict().get("year")
    if (year and match.group().strip() == year) or match.groupdict().get("fiscal"):
        before = text[max(0, match.start() - 30) : match.start()]
        if _marker("QUANTITY", language).search(before):
            return False
        if int(year or "2000") < 1800 and not _marker("YEAR_PREPOSITIONS", language).search(before):
            return False
    return True


@cache
def _marker(table: str, language: str) -> re.Pattern:
    return re.compile(getattr(tables, table)[language], re.IGNORECASE)


def _alternation(words, *, case_sensitive: bool = False) -> str:
    body = "|".join(
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True)
    )
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@cache
def _rules(language: str) -> tuple[_Rule, ...]:
    english = language == "en"
    numbers = tables.NUMBERS[language]
    placeholders = {
        "MONTH": _alternation(tables.MONTHS[language], case_sensitive=english),
        "MONTHNAME": _alternation(
            [name for name in tables.MONTHS[language] if len(name) > 3 and "." not in name],
            case_sensitive=True,
        ),
        "WEEKDAY": _alternation(tables.WEEKDAYS[language], case_sensitive=english),
        "NUMBER": rf"(?:{_alternation(numbers)}(?:[-\s]{_alternation(numbers)})?)",
        "UNIT": _alternation(tables.UNITS[language]),
        "SHIFT": _alternation(tables.SHIFTS[language]),
        "DEICTIC": _alternation(tables.DEICTIC[language]),
        "PART": _alternation(tables.PARTS_OF_DAY[language]),
        "SEASON": _alternation(tables.SEASONS[language]),
        "ORDINAL": _alternation(tables.ORDINALS[language]),
        "REF": _alternation(tables.REFS[language]),
        "SET": _alternation(tables.SETS[language]),
    }
    rules = []
    for template, kind in tables.RULES[language]:
        regex = re.sub(r"\{([A-Z]+)\}", lambda m: placeholders[m.group(1)], template)
        pattern = re.compile(rf"(?<![\w$€£/-])(?:{regex})(?![\w/]|-\w)", re.IGNORECASE)
        needs = re.compile(r"\d") if template.startswith(("(?P<year>\\d", "(?P<day>\\d")) else None
        rules.append(_Rule(pattern, kind, needs))
    return tuple(rules)
