"""Where the dates are: the patterns that find date expressions in a sentence.

dateparser's own search over whole texts is slow and finds dates in words like "We", "may" or
"a century". These patterns find the candidate expressions instead (month names must be
capitalised in English and come with a day, a year or a preposition; bare numbers are years
only after "in", "since"…), each with the precision the text gives: "March 2022" is a month,
"in 2022" a year, "on Monday" a day. `articles.extraction.dates` resolves what they find.
"""

import re
from dataclasses import dataclass
from functools import cache

DAY = "day"
MONTH = "month"
YEAR = "year"
UNKNOWN = "unknown"

MONTHS_EN = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
)
MONTHS_ES = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    "diciembre|Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Setiembre|Octubre|"
    "Noviembre|Diciembre"
)
MONTHS_ES_SHORT = r"(?:ene|feb|mar|abr|may|jun|jul|ago|sep|sept|oct|nov|dic)\.?"
WEEKDAYS_EN = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAYS_ES = (
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|"
    "Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo"
)
YEAR_NUMBER = r"(?:19|20)\d\d"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
ORDINAL = r"(?:st|nd|rd|th)?"


def lead(alternatives: str) -> str:
    """The words that open an expression, lower-case or capitalised as at a sentence's start
    ("Yesterday, …", "El mes pasado …"); month names and weekdays keep their own case rules."""
    return (
        "(?:"
        + "|".join(f"[{word[0]}{word[0].upper()}]{word[1:]}" for word in alternatives.split("|"))
        + ")"
    )


# What a match cannot do without: at least one word of each group, in the lower-cased text. A
# sentence without them is not searched with that pattern (most sentences have no month name,
# no weekday, or no digit at all), which leaves the matches as they were at a fraction of the cost.
DIGIT = tuple("0123456789")
MONTH_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_ES = (
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sep",
    "set",
    "oct",
    "nov",
    "dic",
)
WEEKDAY_EN = ("day",)
WEEKDAY_ES = ("lunes", "martes", "rcoles", "jueves", "viernes", "bado", "domingo")

# 2025-03-02 and 2/3/2025 (day first), the same in both languages.
NUMERIC_DAYS = [
    (rf"{YEAR_NUMBER}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])", DAY, False, (DIGIT,)),
    (rf"{DAY_NUMBER}/(?:0?[1-9]|1[0-2])/{YEAR_NUMBER}", DAY, False, (DIGIT,)),
]

# Each pattern: (regex, precision, needs a publication date to resolve, words it needs).
# Longer, more precise forms come first; overlapping later matches are dropped.
_PATTERNS: dict[str, list[tuple[str, str, bool, tuple[tuple[str, ...], ...]]]] = {
    "en": [
        (
            rf"(?:(?:{WEEKDAYS_EN}),?\s+)?(?:{MONTHS_EN})\s+{DAY_NUMBER}{ORDINAL},?\s+{YEAR_NUMBER}",
            DAY,
            False,
            (MONTH_EN, DIGIT),
        ),
        (
            rf"(?:(?:{WEEKDAYS_EN}),?\s+)?{DAY_NUMBER}{ORDINAL}\s+(?:of\s+)?(?:{MONTHS_EN}),?\s+"
            rf"{YEAR_NUMBER}",
            DAY,
            False,
            (MONTH_EN, DIGIT),
        ),
        *NUMERIC_DAYS,
        (rf"(?:{MONTHS_EN}),?\s+(?:of\s+)?{YEAR_NUMBER}", MONTH, False, (MONTH_EN, DIGIT)),
        (rf"(?:{MONTHS_EN})\s+{DAY_NUMBER}{ORDINAL}(?![\d,]*\d)", DAY, True, (MONTH_EN, DIGIT)),
        (rf"{DAY_NUMBER}{ORDINAL}\s+(?:of\s+)?(?:{MONTHS_EN})", DAY, True, (MONTH_EN, DIGIT)),
        (
            rf"{lead('in|since|during|until|by|early|late|mid-|last|this')}\s+(?:{MONTHS_EN})",
            MONTH,
            True,
            (MONTH_EN,),
        ),
        (
            rf"{lead('in|since|during|until|early|late|mid-|throughout')}\s+(?:the\s+year\s+)?"
            rf"{YEAR_NUMBER}(?![\d-])",
            YEAR,
            False,
            (DIGIT,),
        ),
        (
            rf"{lead('on|last|this|past|next')}\s+(?:{WEEKDAYS_EN})|(?:{WEEKDAYS_EN})",
            DAY,
            True,
            (WEEKDAY_EN,),
        ),
        (lead("yesterday|today|the day before yesterday"), DAY, True, (("yesterday", "today"),)),
        (rf"{lead('last|this|next')}\s+month", MONTH, True, (("month",),)),
        (rf"{lead('last|this|next')}\s+year", YEAR, True, (("year",),)),
    ],
    "es": [
        (
            rf"{DAY_NUMBER}\s+de\s+(?:{MONTHS_ES})\s+(?:de|del)\s+{YEAR_NUMBER}",
            DAY,
            False,
            (MONTH_ES, DIGIT),
        ),
        (rf"{DAY_NUMBER}\s+{MONTHS_ES_SHORT}\s+{YEAR_NUMBER}", DAY, False, (MONTH_ES, DIGIT)),
        *NUMERIC_DAYS,
        (rf"(?:{MONTHS_ES})\s+(?:de|del)\s+{YEAR_NUMBER}", MONTH, False, (MONTH_ES, DIGIT)),
        (rf"{DAY_NUMBER}\s+de\s+(?:{MONTHS_ES})", DAY, True, (MONTH_ES, DIGIT)),
        (
            rf"{lead(r'en|desde|durante|hasta|a\s+principios\s+de|a\s+finales\s+de')}\s+(?:{MONTHS_ES})",
            MONTH,
            True,
            (MONTH_ES,),
        ),
        (
            rf"{lead('en|desde|durante|hasta')}\s+(?:el\s+)?(?:año\s+)?{YEAR_NUMBER}(?![\d-])",
            YEAR,
            False,
            (DIGIT,),
        ),
        (
            rf"{lead(r'este|el\s+pasado|el\s+próximo|el|pasado|próximo')}\s+(?:{WEEKDAYS_ES})",
            DAY,
            True,
            (WEEKDAY_ES,),
        ),
        (lead("anteayer|antier|ayer|hoy"), DAY, True, (("ayer", "antier", "hoy"),)),
        (lead(r"el\s+mes\s+pasado|este\s+mes|el\s+próximo\s+mes"), MONTH, True, (("mes",),)),
        (lead(r"el\s+año\s+pasado|este\s+año|el\s+próximo\s+año"), YEAR, True, (("año",),)),
    ],
}

LANGUAGES = frozenset(_PATTERNS)


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(word) for word in words))


_COMPILED = {
    language: [
        (
            re.compile(rf"(?<![\w-])(?:{regex})(?![\w])"),
            precision,
            relative,
            tuple(_any_of(words) for words in needs),
        )
        for regex, precision, relative, needs in patterns
    ]
    for language, patterns in _PATTERNS.items()
}


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int
    end: int
    text: str
    precision: str
    relative: bool


def find_date_expressions(
    text: str, language: str = "en", start: int = 0, end: int | None = None
) -> list[DateExpression]:
    """Date expressions in text[start:end], earliest first, never overlapping."""
    end = len(text) if end is None else end
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    window = text[start:end].lower()
    present: dict[re.Pattern, bool] = {}
    for pattern, precision, relative, needs in _COMPILED.get(language, _COMPILED["en"]):
        for words in needs:
            if words not in present:
                present[words] = words.search(window) is not None
        if not all(present[words] for words in needs):
            continue
        for match in pattern.finditer(text, start, end):
            if any(match.start() < t_end and t_start < match.end() for t_start, t_end in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(
                DateExpression(match.start(), match.end(), match.group(), precision, relative)
            )
    return sorted(found, key=lambda expression: expression.start)
