"""The temporal tagger: TIMEX3 expressions (DATE, TIME, DURATION, SET) found and normalised.

One engine for every language: `articles.extraction.timex_languages` holds each language's words
and rules; here they are compiled, matched in one pass each (leftmost-longest wins, so "El
pasado viernes 11 de abril" is one expression and its explicit date beats the weekday), filtered
by general rules (a capitalised "Hoy" inside a name is no date; a four-digit quantity is no
year) and normalised by `articles.extraction.timex_values` against the publication date, in
the direction the clause's tense gives. `manage.py tag_dates` and `bench/timex_score.py` call
`tag_temporal_expressions`; the event pipeline reads its DATE and TIME values.
"""

import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import cache
from re import _constants, _parser

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
    needs: tuple[str, ...]  # word classes a match cannot do without (see _needs)


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
    lowered = _lower(text[start:end])
    present = frozenset(
        word_class for word_class, words in _classes(language) if words.search(lowered)
    )
    candidates: list[tuple[int, int, int, re.Match, str]] = []
    for order, rule in _runnable(language, present):
        for match in rule.pattern.finditer(lowered):
            if match.end() > match.start():
                candidates.append((match.start(), -match.end(), order, match, rule.kind))
    candidates.sort(key=lambda candidate: candidate[:3])
    found: list[Timex] = []
    taken_until = -1
    for match_start, _, _, match, kind in candidates:
        if match_start < taken_until or not _plausible(text, start, match, kind, language):
            continue
        taken_until = match.end()
        found.append(_timex(text, start, match, kind, language, published, unmarked))
    return _anchored_to_quarters(text, found, published)


_YEAR_EARLIER = re.compile(
    r"(?:a|one|un)\s+(?:year|año)\s+(?:ago|earlier|before|antes)|(?:year|año)[- ](?:earlier|ago)|"
    r"hace\s+un\s+año",
    re.IGNORECASE,
)
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_QUARTER_WORD = re.compile(r"\b(?:quarter|trimestre)\b", re.IGNORECASE)


def _anchored_to_quarters(
    text: str, found: list[Timex], published: datetime.date | None
) -> list[Timex]:
    """ "Profit in the third quarter rose from $4 million a year earlier": after a quarter was
    named, or in a sentence about a quarter, "a year earlier/ago" is that quarter a year before
    (the last quarter named, else the one just ended), not the whole year."""
    if published is None:
        return found
    anchored = []
    quarter = None  # the last quarter the text named
    for timex in found:
        if timex.value and (named := _QUARTER_VALUE.match(timex.value)):
            quarter = (int(named.group(1)), int(named.group(2)))
        if timex.type == "DATE" and _YEAR_EARLIER.search(timex.text):
            start = max(text.rfind(mark, 0, timex.start) for mark in ".!?\n") + 1
            end = min(
                (i for i in (text.find(m, timex.end) for m in ".!?\n") if i >= 0), default=len(text)
            )
            if quarter is None and _QUARTER_WORD.search(text, start, end):
                index = published.year * 4 + (published.month - 1) // 3 - 1
                quarter = (index // 4, index % 4 + 1)
            if quarter is not None:
                year = quarter[0] - 1
                first = datetime.date(year, 3 * quarter[1] - 2, 1)
                timex = dataclasses.replace(
                    timex, value=f"{year:04}-Q{quarter[1]}", date=first, precision="quarter"
                )
        anchored.append(timex)
    return anchored


def _lower(text: str) -> str:
    """Lower-cased, each character still at its offset (a few, like "İ", lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _timex(
    text: str,
    offset: int,
    match: re.Match,
    kind: str,
    language: str,
    published: datetime.date | None,
    unmarked: int,
) -> Timex:
    start, end = offset + match.start(), offset + match.end()
    groups = {name: value for name, value in match.groupdict().items() if value}
    value: Value = normalise(
        kind,
        groups,
        language=language,
        published=published,
        direction=_direction(text, start, end, language, unmarked),
    )
    scheduled = bool(published is not None and value.date is not None and value.date > published)
    return Timex(
        start,
        end,
        text[start:end],
        value.type,
        value.value,
        value.date,
        value.precision,
        value.relative,
        scheduled,
    )


def _direction(text: str, start: int, end: int, language: str, unmarked: int):
    """The direction a value looks in, the clause's tense read once and only when needed."""
    tense: list[int] = []

    def direction(*, calendar: bool = False) -> int:
        if not tense:
            tense.append(tense_direction(text, start, end, language))
        if calendar:
            return 1 if tense[0] > 0 else -1 if tense[0] == -2 else min(unmarked, 0)
        return max(-1, tense[0]) or unmarked

    return direction


def tense_direction(text: str, start: int, end: int, language: str) -> int:
    """+1 when the clause around text[start:end] speaks of the future ("will", "próximo",
    "se realizará"), -1 when of the past, -2 when it says so outright ("was", "fue"), 0 when it
    does not say: the marker nearest to the expression decides ("said on Monday he will go":
    "said")."""
    before = text[max(0, start - CLAUSE_BEFORE) : start]
    before = re.split(r"[.!?\n;]", before)[-1]
    after = re.split(r"[.!?\n;]", text[end : end + CLAUSE_AFTER])[0]
    after = _marker("REPORTING", language).split(after, maxsplit=1)[0]
    nearest: tuple[int, int] = (CLAUSE_BEFORE + CLAUSE_AFTER, 0)
    for table, sign in (("FUTURE", 1), ("PAST_STRONG", -2), ("PAST", -1)):
        for match in _marker(table, language).finditer(before):
            nearest = min(nearest, (len(before) - match.end(), sign))
        match = _marker(table, language).search(after)
        if match:
            nearest = min(nearest, (match.start(), sign))
    return nearest[1]


_SENTENCE_OPENERS = frozenset('.!?¡¿"“«(:—–-\n')


def _plausible(text: str, offset: int, match: re.Match, kind: str, language: str) -> bool:
    """General rules against false dates: English month names and weekdays are capitalised;
    a capitalised word mid-sentence is part of a name ("El Diario de Hoy", "USA Today"); a
    four-digit number after "more than" or "$" is a quantity; a year before 1800 needs a
    preposition ("in 1798", not "a law from 1798")."""
    start = offset + match.start()
    groups = match.groupdict()
    for group in tables.CAPITALISED[language]:
        if groups.get(group) and not text[offset + match.start(group)].isupper():
            return False
    if _inside_a_name(text, offset, match, language):
        return False
    if kind in {"deictic", "ref", "period", "set"} and text[start].isupper():
        before = text[max(0, start - 40) : start].rstrip()
        if before and before[-1] not in _SENTENCE_OPENERS:
            return False
    year = groups.get("year")
    if (year and match.group().strip() == year) or groups.get("fiscal"):
        before = text[max(0, start - 30) : start]
        if _marker("QUANTITY", language).search(before):
            return False
        if int(year or "2000") < 1800 and not _marker("YEAR_PREPOSITIONS", language).search(before):
            return False
    return True


_CAPITALISED_WORD_BEFORE = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w'’-]*\s+(?:(?:de|del|\d{1,2})\s+)*$")
_CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]")


def _inside_a_name(text: str, offset: int, match: re.Match, language: str) -> bool:
    """ "Avenida 17 de Junio", "Domingo García", "Agenda 2000": a calendar word or a year
    that is part of a name, told by a capitalised neighbour not opening a sentence."""
    start, end = offset + match.start(), offset + match.end()
    groups = match.groupdict()
    before = text[max(0, start - 40) : start]
    word = _CAPITALISED_WORD_BEFORE.search(before)
    # The capitalised word before is a name's only when it does not open the sentence itself.
    opener = before[: word.start()].rstrip() if word else ""
    named_before = bool(word) and bool(opener) and opener[-1] not in _SENTENCE_OPENERS
    if groups.get("year") and match.group().strip() == groups["year"]:
        return named_before and not word.group().rstrip().endswith(("'s", "’s"))
    if not tables.LOWER_CASE_CALENDAR[language]:
        return False
    named_after = _CAPITALISED_WORD_AFTER.match(text, end) is not None
    return (named_before or named_after) and any(
        groups.get(group) and text[offset + match.start(group)].isupper()
        for group in ("month", "weekday")
    )


@cache
def _marker(table: str, language: str) -> re.Pattern:
    return re.compile(getattr(tables, table)[language], re.IGNORECASE)


def _alternation(words) -> str:
    """Lower-cased words, longest first, any spaces as any whitespace."""
    body = "|".join(
        re.escape(word.lower()).replace(r"\ ", r"\s+")
        for word in sorted(words, key=len, reverse=True)
    )
    return f"(?:{body})"


@cache
def _rules(language: str) -> tuple[_Rule, ...]:
    numbers = tables.NUMBERS[language]
    units = [w for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9 and len(w) > 2]
    placeholders = {
        "MONTH": _alternation(tables.MONTHS[language]),
        "MONTHNAME": _alternation(
            [name for name in tables.MONTHS[language] if len(name) > 3 and "." not in name]
        ),
        "WEEKDAY": _alternation(tables.WEEKDAYS[language]),
        # "twenty-four", "treinta y cinco": a tens word and a unit word.
        "NUMBER": rf"(?:{_alternation(numbers)}(?:(?:-|\s+y\s+|\s+){_alternation(units)})?)",
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
        pattern = re.compile(rf"(?<![\w$€£/'’-])(?:{regex})(?![\w/]|-\w)")
        rules.append(_Rule(pattern, kind, _needs(pattern)))
    return tuple(rules)


# The word class each named group draws from. A text without any word of a class a rule
# cannot match without is not searched with that rule: most sentences have no month name, no
# weekday or no digit, and the matches stay the same at a fraction of the cost.
_GROUP_CLASSES = {
    "month": "MONTHS", "weekday": "WEEKDAYS", "unit": "UNITS", "plural": "UNITS",
    "deictic": "DEICTIC", "ref": "REFS", "set": "SETS", "season": "SEASONS",
    "part": "PARTS_OF_DAY", "quarter": "ORDINALS", "reported": "UNITS", "day": "DIGITS",
    "year": "DIGITS", "spelledyear": "SPELLED", "weekend": "UNITS",
    "hour": "DIGITS", "monthnumber": "DIGITS", "decade": "DIGITS", "noon": "NOON",
}  # fmt: skip
_EXTRA_WORDS = {
    "DIGITS": ["primero"],
    "NOON": ["noon", "midnight"],
    "SPELLED": ["nineteen", "thousand"],
}


def _needs(pattern: re.Pattern) -> tuple[str, ...]:
    """The word classes of the named groups every match of `pattern` has (not optional, not
    one branch among others), read from the parsed expression."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    names = {index: name for name, index in parsed.state.groupdict.items()}
    groups = _mandatory_groups(parsed)
    return tuple(sorted({_GROUP_CLASSES[names[g]] for g in groups if names[g] in _GROUP_CLASSES}))


def _mandatory_groups(subpattern) -> set[int]:
    found: set[int] = set()
    for op, argument in subpattern.data:
        if op is _constants.SUBPATTERN:
            group, _, _, inner = argument
            if group:
                found.add(group)
            found |= _mandatory_groups(inner)
        elif op in {_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT}:
            low, _, inner = argument
            if low > 0:
                found |= _mandatory_groups(inner)
        elif op is _constants.BRANCH:
            found |= set.intersection(*(_mandatory_groups(branch) for branch in argument[1]))
        elif op is _constants.ATOMIC_GROUP:
            found |= _mandatory_groups(argument)
    return found


@cache
def _classes(language: str) -> tuple[tuple[str, re.Pattern], ...]:
    needed = sorted({word_class for rule in _rules(language) for word_class in rule.needs})
    return tuple((word_class, _class_words(language, word_class)) for word_class in needed)


@cache
def _runnable(language: str, present: frozenset[str]) -> tuple[tuple[int, _Rule], ...]:
    """The rules (with their order) whose word classes are all in a text."""
    return tuple(
        (order, rule)
        for order, rule in enumerate(_rules(language))
        if present.issuperset(rule.needs)
    )


@cache
def _class_words(language: str, word_class: str) -> re.Pattern:
    """Any word of a class, in lower-cased text (a superset test: no word boundaries)."""
    if word_class == "DIGITS":
        return re.compile(r"\d|primero")
    words = _EXTRA_WORDS.get(word_class) or getattr(tables, word_class)[language]
    return re.compile("|".join(re.escape(word.lower().rstrip(".")) for word in words))
