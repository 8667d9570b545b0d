"""Figures in a sentence and what they count: "238 members", "$200 million", "about 90%".

Sources that report one event with different figures (238 transferred in one article, 232 in
another) are the disagreements a journalist needs to see, so figures are read with their unit
and the noun they count, in English and Spanish, digits or words ("six million dollars").
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

PEOPLE = "people"
MONEY = "usd"
PERCENT = "percent"

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "cien": 100,
}  # fmt: skip
_SCALES = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "m": 1_000_000, "mil": 1_000, "millón": 1_000_000, "millones": 1_000_000,
    "mil millones": 1_000_000_000,
}  # fmt: skip

NUMBER = (
    r"(?P<number>\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")"
)
SCALE = r"(?:\s*(?P<scale>mil millones|thousand|million|billion|millones|millón|bn|m|mil)\b)?"
PEOPLE_NOUNS = (
    r"members|migrants|prisoners|inmates|deportees|detainees|people|men|women|children|"
    r"gang members|criminals|suspects|Venezuelans|Salvadorans|homicides|deaths|murders|"
    r"migrantes|presos|reos|pandilleros|personas|venezolanos|salvadoreños|miembros|homicidios|"
    r"detenidos|deportados"
)
# Up to three words between the number and the noun: "238 Tren de Aragua members".
_PEOPLE = re.compile(
    rf"(?<![\w$.,]){NUMBER}{SCALE}\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{PEOPLE_NOUNS})\b",
    re.IGNORECASE,
)
_MONEY_SYMBOL = re.compile(rf"(?:US\$|\$|USD\s?){NUMBER}{SCALE}", re.IGNORECASE)
_MONEY_WORDS = re.compile(
    rf"(?<![\w$.,]){NUMBER}{SCALE}\s+(?:de\s+)?(?:US\s+)?(?:dollars|dólares)", re.IGNORECASE
)
_PERCENT = re.compile(
    rf"(?<![\w$.,]){NUMBER}\s?(?:%|percent\b|per cent\b|por ciento\b)", re.IGNORECASE
)
# Each with a part that every match holds, so that a sentence without it is not searched with
# the whole pattern (a number tried at every position); the people's nouns are too many to
# look for faster than the pattern itself does.
PATTERNS = (
    (_MONEY_SYMBOL, MONEY, re.compile(r"\$|USD", re.IGNORECASE)),
    (_MONEY_WORDS, MONEY, re.compile(r"dollars|dólares", re.IGNORECASE)),
    (_PERCENT, PERCENT, re.compile(r"%|percent|per cent|por ciento", re.IGNORECASE)),
    (_PEOPLE, PEOPLE, None),
)


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    value: Decimal
    unit: str
    counts: str
    text: str
    start: int
    end: int


def extract_figures(text: str, start: int = 0, end: int | None = None) -> list[ExtractedFigure]:
    """Figures in text[start:end], in reading order; a number belongs to one figure only."""
    end = len(text) if end is None else end
    figures: list[ExtractedFigure] = []
    taken: list[tuple[int, int]] = []
    for pattern, unit, needed in PATTERNS:
        if needed is not None and not needed.search(text, start, end):
            continue
        for match in pattern.finditer(text, start, end):
            if any(match.start() < t_end and t_start < match.end() for t_start, t_end in taken):
                continue
            value = _value(match)
            if value is None:
                continue
            taken.append((match.start(), match.end()))
            noun = (match.groupdict().get("noun") or "").lower()
            figures.append(
                ExtractedFigure(value, unit, noun, match.group(), match.start(), match.end())
            )
    return sorted(figures, key=lambda figure: figure.start)


def _value(match: re.Match) -> Decimal | None:
    raw = match.group("number").lower()
    if raw in _WORD_NUMBERS:
        value = Decimal(_WORD_NUMBERS[raw])
    else:
        try:
            value = Decimal(re.sub(r"[,.](?=\d{3}\b)", "", raw))
        except InvalidOperation:
            return None
    scale = match.groupdict().get("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    return value
