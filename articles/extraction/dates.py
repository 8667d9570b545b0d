"""Date expressions in sentences, resolved relative to the publication date.

The patterns (`articles.extraction.date_patterns`) find the expressions; here each becomes a
date at the precision the text gives, never after publication: the common forms by calendar
arithmetic, the rest by dateparser, which only ever sees what the patterns found.
"""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

from articles.extraction.date_patterns import (
    DAY,
    LANGUAGES,
    MONTH,
    UNKNOWN,
    YEAR,
    DateExpression,
    find_date_expressions,
)
from articles.extraction.timex import Timex, tag_temporal_expressions, tense_direction

__all__ = [
    "DAY",
    "MONTH",
    "MONTH_NUMBERS",
    "UNDATED",
    "UNKNOWN",
    "YEAR",
    "DateExpression",
    "ResolvedDate",
    "find_date_expressions",
    "format_short_date",
    "resolve_absolute_fast",
    "resolve_date",
    "resolve_relative_fast",
    "sentence_dates",
]

# Words before a relative date that put it after the article was written.
FUTURE_MARKERS = re.compile(
    r"\b(?:will|expected\s+to|scheduled|set\s+to|plans?\s+to|planned|upcoming|next|"
    r"próximo|próxima|será|serán|prevé|previsto|prevista|tiene\s+previsto)\b",
    re.IGNORECASE,
)
# Prepositions and determiners dateparser doesn't need, stripped before it resolves a phrase;
# whole words only, so that "enero" keeps its "en".
LEADING_WORDS = re.compile(
    r"^(?:(?:on|in|since|during|until|by|last|this|past|throughout|the\s+year|"
    r"en|desde|durante|hasta|el\s+pasado|el|este|pasado|a\s+principios\s+de|"
    r"a\s+finales\s+de|early|late)\b|mid-)\s*",
    re.IGNORECASE,
)


RELATIVE_PERIOD = re.compile(
    r"(?:last|this|next)\s+(?:month|year)|el\s+(?:mes|año)\s+pasado|este\s+(?:mes|año)|"
    r"el\s+próximo\s+(?:mes|año)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: datetime.date | None
    precision: str
    phrase: str
    explanation: str
    scheduled: bool = False  # after publication, told in the future tense


UNDATED = ResolvedDate(None, UNKNOWN, "", "No date in the text.")


def resolve_date(
    expression: DateExpression,
    *,
    published: datetime.date | None,
    language: str = "en",
    context_before: str = "",
) -> ResolvedDate:
    """The date an expression stands for, never invented and never after publication."""
    phrase = expression.text
    if expression.relative:
        if published is None:
            return ResolvedDate(
                None, UNKNOWN, phrase, f"'{phrase}' not resolved: the article has no date."
            )
        if FUTURE_MARKERS.search(phrase) or FUTURE_MARKERS.search(context_before[-60:]):
            return ResolvedDate(
                None, UNKNOWN, phrase, f"'{phrase}' refers to a time after publication."
            )
    # Absolute phrases don't depend on the publication date: leaving it out of the cache key
    # lets "March 2022" be parsed once a run instead of once an article.
    core = _core(phrase)
    if expression.relative:
        parsed = resolve_relative_fast(core, published)
    else:
        parsed = resolve_absolute_fast(core, expression.precision)
    if parsed is None:
        parsed = _parse(core, language, published if expression.relative else None)
    if parsed is None:
        return ResolvedDate(None, UNKNOWN, phrase, f"'{phrase}' could not be read as a date.")
    date = _start_of_period(parsed, expression.precision)
    if published is not None and date > published:
        return ResolvedDate(
            None, UNKNOWN, phrase, f"'{phrase}' would fall after the article's publication."
        )
    if expression.relative:
        explanation = f"'{phrase}' in an article published {format_short_date(published)}"
    else:
        explanation = f"'{phrase}' in the text"
    return ResolvedDate(date, expression.precision, phrase, explanation)


_WEEKDAY_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "lunes"),
            ("tuesday", "martes"),
            ("wednesday", "miércoles", "miercoles"),
            ("thursday", "jueves"),
            ("friday", "viernes"),
            ("saturday", "sábado", "sabado"),
            ("sunday", "domingo"),
        ]
    )
    for name in names
}
MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "enero", "ene"),
            ("february", "feb", "febrero"),
            ("march", "mar", "marzo"),
            ("april", "apr", "abril", "abr"),
            ("may", "mayo"),
            ("june", "jun", "junio"),
            ("july", "jul", "julio"),
            ("august", "aug", "agosto", "ago"),
            ("september", "sept", "sep", "septiembre", "setiembre"),
            ("october", "oct", "octubre"),
            ("november", "nov", "noviembre"),
            ("december", "dec", "diciembre", "dic"),
        ],
        start=1,
    )
    for name in names
}
_DIGITS = "[0-9]"  # not \d: digits of other scripts go to dateparser
_MONTH_DAY = re.compile(r"^(?:(\d{1,2})\s+(?:de\s+)?([^\W\d_]+)\.?|([^\W\d_]+)\.?\s+(\d{1,2}))$")


_RELATIVE_PERIODS = {
    "last month": (1, "month"),
    "el mes pasado": (1, "month"),
    "this month": (0, "month"),
    "este mes": (0, "month"),
    "last year": (1, "year"),
    "el año pasado": (1, "year"),
    "this year": (0, "year"),
    "este año": (0, "year"),
}


def resolve_relative_fast(core: str, published: datetime.date) -> datetime.date | None:
    """The common relative forms by calendar arithmetic, as dateparser resolves them with
    PREFER_DATES_FROM past, but in microseconds: a weekday is its latest occurrence up to the
    publication day, a month or a day of a month its latest occurrence up to publication;
    "last month", "this year" and their Spanish forms give the first day of that period (the
    precision keeps the month or the year). Anything else returns None and goes to dateparser.
    """
    word = " ".join(core.lower().split())
    if word in _RELATIVE_PERIODS:
        months_back, unit = _RELATIVE_PERIODS[word]
        if unit == "year":
            return datetime.date(published.year - months_back, 1, 1)
        first = published.replace(day=1)
        return (first - datetime.timedelta(days=1)).replace(day=1) if months_back else first
    if word in {"yesterday", "ayer"}:
        return published - datetime.timedelta(days=1)
    if word in {"today", "hoy"}:
        return published
    if word in _WEEKDAY_NUMBERS:
        days_back = (published.weekday() - _WEEKDAY_NUMBERS[word]) % 7
        return published - datetime.timedelta(days=days_back)
    if word in MONTH_NUMBERS:
        month = MONTH_NUMBERS[word]
        year = published.year if month <= published.month else published.year - 1
        return datetime.date(year, month, 1)
    match = _MONTH_DAY.match(word)
    if match:
        day = int(match.group(1) or match.group(4))
        month = MONTH_NUMBERS.get(match.group(2) or match.group(3))
        if month is None:
            return None
        for year in (published.year, published.year - 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                return None
            if candidate <= published:
                return candidate
    return None


# The absolute forms the patterns find, once _core has dropped prepositions and ordinals.
_ABSOLUTE_FORMS = [
    re.compile(
        rf"(?P<month>[^\W\d_]+)\.?\s+(?P<day>{_DIGITS}{{1,2}}),?\s+(?P<year>{_DIGITS}{{4}})"
    ),
    re.compile(
        rf"(?P<day>{_DIGITS}{{1,2}})\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?,?\s+(?:(?:de|del)\s+)?"
        rf"(?P<year>{_DIGITS}{{4}})"
    ),
    re.compile(
        rf"(?P<year>{_DIGITS}{{4}})-(?P<month_number>{_DIGITS}{{2}})-(?P<day>{_DIGITS}{{2}})"
    ),
    re.compile(
        rf"(?P<day>{_DIGITS}{{1,2}})/(?P<month_number>{_DIGITS}{{1,2}})/(?P<year>{_DIGITS}{{4}})"
    ),
    re.compile(rf"(?P<month>[^\W\d_]+)\.?,?\s+(?:(?:de|del)\s+)?(?P<year>{_DIGITS}{{4}})"),
]
_BARE_YEAR = re.compile(rf"{_DIGITS}{{4}}")


def resolve_absolute_fast(core: str, precision: str) -> datetime.date | None:
    """ "May 9, 2024", "9 de mayo de 2024", "2024-05-09", "9/5/2024", "May 2024", "2024" read
    from a month-name table, as dateparser reads them (day first, the first of a month), but
    without its cost: most articles' date lines are one of these, and each is a new date.
    Anything else, or a date that does not exist, returns None and goes to dateparser."""
    if precision == YEAR and _BARE_YEAR.fullmatch(core):
        return datetime.date(int(core), 1, 1)  # the caller keeps the year only
    for form in _ABSOLUTE_FORMS:
        match = form.fullmatch(core)
        if match is None:
            continue
        parts = match.groupdict()
        if parts.get("month_number"):
            month = int(parts["month_number"])
        else:
            month = MONTH_NUMBERS.get(parts["month"].lower())
            if month is None:
                return None
        try:
            return datetime.date(int(parts["year"]), month, int(parts.get("day") or 1))
        except ValueError:
            return None
    return None


def format_short_date(date: datetime.date) -> str:
    return f"{date.day} {date.strftime('%b %Y')}"


def _core(phrase: str) -> str:
    """The phrase without the words dateparser stumbles on ("on Monday" -> "Monday")."""
    if RELATIVE_PERIOD.fullmatch(phrase):
        return phrase
    core = phrase
    while True:
        stripped = LEADING_WORDS.sub("", core, count=1)
        if stripped == core or not stripped:
            break
        core = stripped
    core = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", core)
    core = re.sub(r"\bof\s+", "", core)
    return core


def _start_of_period(value: datetime.date, precision: str) -> datetime.date:
    if precision == YEAR:
        return value.replace(month=1, day=1)
    if precision == MONTH:
        return value.replace(day=1)
    return value


def _parse(core: str, language: str, published: datetime.date | None) -> datetime.date | None:
    base = published.isoformat() if published else None
    return _parse_cached(core, language, base)


@lru_cache(maxsize=4096)
def _parse_cached(core: str, language: str, base: str | None) -> datetime.date | None:
    result = _parser(language, base).get_date_data(core)
    if result.date_obj is None:
        return None
    return result.date_obj.date()


@lru_cache(maxsize=256)
def _parser(language: str, base: str | None) -> DateDataParser:
    settings = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base:
        settings["RELATIVE_BASE"] = datetime.datetime.fromisoformat(base)
    languages = [language] if language in LANGUAGES else ["en"]
    return DateDataParser(languages=languages, settings=settings)


# Kept in the phrase an explanation quotes: "'on Monday' in an article published …".
_LEADING_PREPOSITION = re.compile(
    r"\b(?:[Oo]n|[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Ee]n|[Dd]esde|[Dd]urante|[Hh]asta)\s+$"
)
_EVENT_PRECISIONS = {"day": DAY, "month": MONTH, "year": YEAR}


def sentence_dates(
    text: str,
    spans: list[tuple[int, int]],
    *,
    published: datetime.date | None,
    language: str = "en",
    skip: re.Pattern | None = None,
) -> list[ResolvedDate]:
    """The date each sentence (a span of `text`) gives its event, tagged in one pass.

    The temporal tagger finds and normalises the expressions; a sentence takes its first
    calendar date at day, month or year precision. A clause that does not say otherwise is
    read as the past; a date after publication is kept only when the clause speaks of the
    future, and is then *scheduled*. `skip` matches the sentence text before an expression
    that makes it a reference rather than the event's date ("since …").
    """
    if not spans:
        return []
    timexes = tag_temporal_expressions(
        text, published=published, language=language, start=spans[0][0], end=spans[-1][1],
        unmarked=-1,
    )  # fmt: skip
    results: list[ResolvedDate] = []
    position = 0
    for start, end in spans:
        while position < len(timexes) and timexes[position].start < start:
            position += 1
        first_unresolved = None
        resolved = None
        index = position
        while index < len(timexes) and timexes[index].end <= end:
            timex = timexes[index]
            index += 1
            if skip is not None and skip.search(text, start, timex.start):
                continue
            candidate = _from_timex(text, timex, published, language)
            if candidate is None:
                continue
            if candidate.date is not None:
                resolved = candidate
                break
            first_unresolved = first_unresolved or candidate
        results.append(resolved or first_unresolved or UNDATED)
    return results


def _from_timex(
    text: str, timex: Timex, published: datetime.date | None, language: str
) -> ResolvedDate | None:
    lead = _LEADING_PREPOSITION.search(text, max(0, timex.start - 12), timex.start)
    phrase = text[lead.start() : timex.end] if lead else timex.text
    if timex.type not in {"DATE", "TIME"} or timex.value in {
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
    }:
        return None
    if timex.value is None:
        if timex.relative and published is None:
            return ResolvedDate(
                None, UNKNOWN, phrase, f"'{phrase}' not resolved: the article has no date."
            )
        return ResolvedDate(None, UNKNOWN, phrase, f"'{phrase}' could not be read as a date.")
    precision = _EVENT_PRECISIONS.get(timex.precision)
    if precision is None or timex.date is None:
        return None  # weeks, quarters, seasons, decades: not an event's date
    scheduled = False
    if published is not None and timex.date > published:
        if tense_direction(text, timex.start, timex.end, language) <= 0:
            return ResolvedDate(
                None, UNKNOWN, phrase, f"'{phrase}' would fall after the article's publication."
            )
        scheduled = True
    if timex.relative:
        explanation = f"'{phrase}' in an article published {format_short_date(published)}"
    else:
        explanation = f"'{phrase}' in the text"
    return ResolvedDate(timex.date, precision, phrase, explanation, scheduled)
