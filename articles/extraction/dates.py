"""Event dates: the temporal tagger's calendar dates, at the precision an event keeps.

`articles.extraction.timex` finds and normalises every temporal expression; here a sentence's
expressions become the date its event is given: the first calendar date at day, month or year
precision, with the phrase it was read from and an explanation an editor can check ("'on
Monday' in an article published 17 Apr 2025"). Never a date the text does not give, and never
after publication unless the clause speaks of the future (then the event is *scheduled*).
"""

import datetime
import re
from dataclasses import dataclass

from articles.extraction.timex import Timex, tag_temporal_expressions, tense_direction

DAY = "day"
MONTH = "month"
YEAR = "year"
UNKNOWN = "unknown"

__all__ = [
    "DAY",
    "MONTH",
    "MONTH_NUMBERS",
    "UNDATED",
    "UNKNOWN",
    "YEAR",
    "ResolvedDate",
    "find_date_expressions",
    "format_short_date",
    "resolve_dates",
    "sentence_dates",
]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: datetime.date | None
    precision: str
    phrase: str
    explanation: str
    scheduled: bool = False  # after publication, told in the future tense


UNDATED = ResolvedDate(None, UNKNOWN, "", "No date in the text.")
_REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})

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


# Only to tell a day, month or year from a decade or a week where no publication date is given.
_ANY_DAY = datetime.date(2000, 6, 15)


def find_date_expressions(
    text: str, language: str = "en", start: int = 0, end: int | None = None
) -> list[Timex]:
    """The expressions of text[start:end] that could date an event: a day, a month or a year
    (no durations, sets, decades or "now")."""
    return [
        timex
        for timex in tag_temporal_expressions(
            text, published=_ANY_DAY, language=language, start=start, end=end
        )
        if timex.type in {"DATE", "TIME"} and timex.precision in _EVENT_PRECISIONS
    ]


def resolve_dates(
    text: str, *, published: datetime.date | None, language: str = "en"
) -> list[ResolvedDate]:
    """Every date `text` gives, each resolved as an event's date would be."""
    return [
        resolved
        for timex in tag_temporal_expressions(
            text, published=published, language=language, unmarked=-1
        )
        if (resolved := _from_timex(text, timex, published, language)) is not None
    ]


def format_short_date(date: datetime.date) -> str:
    return f"{date.day} {date.strftime('%b %Y')}"


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
    """The date each sentence (a span of `text`) gives its event.

    The temporal tagger finds and normalises the expressions; a sentence takes its first
    calendar date at day, month or year precision. A clause that does not say otherwise is
    read as the past; a date after publication is kept only when the clause speaks of the
    future, and is then *scheduled*. `skip` matches the sentence text before an expression
    that makes it a reference rather than the event's date ("since …").
    """
    return [
        _sentence_date(text, start, end, published=published, language=language, skip=skip)
        for start, end in spans
    ]


# A sentence is tagged a window at a time until it gives a date: its first date is near its
# start, and a 2 MB "sentence" then costs no more than its first window. Windows overlap by
# more than any expression's length, so none is cut in two.
WINDOW = 2000
OVERLAP = 200


def _sentence_date(text, start, end, *, published, language, skip) -> ResolvedDate:
    first_unresolved = None
    window_start = start
    while window_start < end:
        window_end = min(end, window_start + WINDOW)
        last = window_end == end
        for timex in tag_temporal_expressions(
            text,
            published=published,
            language=language,
            start=window_start,
            end=window_end,
            unmarked=-1,
        ):
            if not last and timex.start >= window_end - OVERLAP:
                break  # read whole in the next window
            # The reference words are within a clause's reach: a bounded look keeps it linear.
            if skip is not None and skip.search(text, max(start, timex.start - 120), timex.start):
                continue
            resolved = _from_timex(text, timex, published, language)
            if resolved is None:
                continue
            if resolved.date is not None:
                return resolved
            first_unresolved = first_unresolved or resolved
        window_start = window_end - OVERLAP if not last else end
    return first_unresolved or UNDATED


def _from_timex(
    text: str, timex: Timex, published: datetime.date | None, language: str
) -> ResolvedDate | None:
    lead = _LEADING_PREPOSITION.search(text, max(0, timex.start - 12), timex.start)
    phrase = text[lead.start() : timex.end] if lead else timex.text
    if timex.type not in {"DATE", "TIME"} or timex.value in _REFERENCES:
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


# How far from its trigger a clause's date is looked for: a clause is shorter than this, and a
# bounded window keeps a 2 MB "sentence" linear.
CLAUSE_REACH = 600


@dataclass(frozen=True, slots=True)
class PlacedDate:
    start: int
    end: int
    resolved: ResolvedDate


def clause_dates(
    text: str,
    start: int,
    end: int,
    *,
    published: datetime.date | None,
    language: str = "en",
) -> list[PlacedDate]:
    """Every date text[start:end] gives an event, where it stands, resolved as an event's date
    (the events pipeline picks the one of the trigger's own clause). Without a publication
    date, a date the clause puts in the future ("set to open in 2007") is left out: nothing
    else could tell it is not the event's."""
    placed = []
    for timex in tag_temporal_expressions(
        text, published=published, language=language, start=start, end=end, unmarked=-1
    ):
        resolved = _from_timex(text, timex, published, language)
        if resolved is None:
            continue
        if published is None and tense_direction(text, timex.start, timex.end, language) > 0:
            continue
        placed.append(PlacedDate(timex.start, timex.end, resolved))
    return placed
