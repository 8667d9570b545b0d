"""TIMEX3 values from a rule's named parts: the calendar arithmetic, language-blind.

Underspecified expressions ("Friday", "March 12", "in June", "el día 5") take the publication
date's calendar in the direction the clause gives: a weekday the latest occurrence up to
publication when the clause speaks of the past, the first from publication on when of the
future; a month or a day of a month the first from publication on when the clause speaks of
the future, the latest up to it when the clause says "was" or "fue", else the occurrence
nearest publication ("extended the offer to Nov. 16": a past verb, a coming date), or the
latest up to it where the caller reads unmarked clauses as past (`direction(calendar=True)`).
"last"/"next" words shift strictly before or after. Without a publication date they are found
with a None value.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from articles.extraction import timex_languages as tables


@dataclass(frozen=True, slots=True)
class Value:
    type: str
    value: str | None
    date: datetime.date | None = None
    precision: str = "unknown"
    relative: bool = False


def normalise(
    kind: str,
    groups: dict[str, str],
    *,
    language: str,
    published: datetime.date | None,
    direction: Callable[..., int],
) -> Value:
    parts = _Parts(groups, language)
    if kind == "duration":
        return Value("DURATION", _duration(parts))
    if kind == "set":
        return Value("SET", _set(parts))
    if kind == "ref":
        return Value("DATE", tables.REFS[language].get(_words(groups["ref"])))
    absolute = _absolute(parts)
    if absolute is not None:
        return absolute
    if published is None:
        return Value("TIME" if parts.time_of_day else "DATE", None, relative=True)
    try:
        value = _relative(kind, parts, published, direction)
    except (ValueError, OverflowError):
        value = None
    if value is None:
        return Value("DATE", None, relative=True)
    return value


class _Parts:
    """The rule's named groups read through the language's tables."""

    def __init__(self, groups: dict[str, str], language: str):
        self.groups = groups
        self.year = int(groups["year"]) if "year" in groups else None
        if "spelledyear" in groups:  # "nineteen ninety-six": the century, then the rest
            century, _, rest = _words(groups["spelledyear"]).replace("-", " ").partition(" ")
            if century == "two":
                rest = rest.removeprefix("thousand").strip().removeprefix("and").strip()
                self.year = 2000 + (_number(rest, language) or 0 if rest else 0)
            else:
                self.year = 1900 + (_number(rest, language) or 0)
        month = groups.get("month")
        self.month = (
            int(groups["monthnumber"])
            if "monthnumber" in groups
            else _lookup(tables.MONTHS[language], month)
        )
        day = groups.get("day")
        self.day = 1 if day and not day.isdigit() else int(day) if day else None
        self.weekday = _lookup(tables.WEEKDAYS[language], groups.get("weekday"))
        shift = groups.get("shift") or groups.get("shift2")
        self.shift = _lookup(tables.SHIFTS[language], shift)
        if "this" in groups:
            self.shift = 0
        self.unit = _lookup(tables.UNITS[language], groups.get("unit"))
        self.number = _number(groups.get("num"), language)
        if "several" in groups and self.number is None:  # "los últimos días"
            self.number = "X"
        if "reported" in groups:  # "the (latest) quarter": the one just ended
            self.unit, self.shift = "Q", -1
        if "plural" in groups:  # "for years", "the past few weeks"
            self.unit = _lookup(tables.UNITS[language], groups["plural"])
            self.number = "X"
        self.season = _lookup(tables.SEASONS[language], groups.get("season"))
        self.quarter = _lookup(tables.ORDINALS[language], groups.get("quarter"))
        self.part = _lookup(tables.PARTS_OF_DAY[language], groups.get("part"))
        self.deictic = _lookup(tables.DEICTIC[language], groups.get("deictic"))
        if (
            "deictic" in groups
            and self.part is None
            and _words(groups["deictic"])
            in {
                "tonight",
                "last night",
                "anoche",
                "esta noche",
            }
        ):
            self.part = "NI"
        self.time_of_day = _time_of_day(groups)
        self.language = language

    @property
    def has_time(self) -> bool:
        return self.time_of_day is not None or self.part is not None


def _absolute(parts: _Parts) -> Value | None:
    """Expressions that need no publication date: a year, with or without month and day."""
    groups = parts.groups
    if "decade" in groups:
        decade = groups["decade"]
        digits = decade[:3] if len(decade) == 4 else f"19{decade[0]}"
        return Value("DATE", digits, datetime.date(int(digits) * 10, 1, 1), "decade")
    if parts.year is None:
        return None
    if ("day" in groups and not parts.day) or ("monthnumber" in groups and not parts.month):
        return Value("DATE", None)  # "0/0/1999": no such day
    year = parts.year
    try:
        if parts.month and parts.day:
            date = datetime.date(year, parts.month, parts.day)
            return _dated(date, "day", parts, relative=False)
        if parts.month:
            date = datetime.date(year, parts.month, 1)
            return Value("DATE", f"{year:04}-{parts.month:02}", date, "month")
    except ValueError:
        return Value("DATE", None)
    if parts.quarter:
        return _quarter(year, parts.quarter, relative=False)
    if parts.season:
        return Value("DATE", f"{year:04}-{parts.season}", datetime.date(year, 1, 1), "season")
    return Value("DATE", f"{year:04}", datetime.date(year, 1, 1), "year")


def _relative(kind, parts: _Parts, published: datetime.date, direction) -> Value | None:
    if kind == "offset":
        return _offset(parts, published)
    if kind == "period":
        return _period(parts.unit, parts.shift or 0, published)
    if parts.deictic is not None:
        date = published + datetime.timedelta(days=parts.deictic)
        if parts.weekday is not None and date.weekday() != parts.weekday:
            # "ayer lunes" on a Monday: the weekday is the day meant; take the nearest one.
            gap = (parts.weekday - date.weekday() + 3) % 7 - 3
            date += datetime.timedelta(days=gap)
        return _dated(date, "day", parts)
    if parts.month and parts.day:
        date = _month_day(parts.month, parts.day, parts.weekday, published, direction)
        return _dated(date, "day", parts)
    if parts.month and "yearshift" in parts.groups:  # "in June last year"
        year = published.year + tables.SHIFTS[parts.language][parts.groups["yearshift"].lower()]
        return Value(
            "DATE",
            f"{year:04}-{parts.month:02}",
            datetime.date(year, parts.month, 1),
            "month",
            True,
        )
    if parts.month:
        year = _year_of_month(parts.month, parts.shift, published, direction)
        return Value(
            "DATE",
            f"{year:04}-{parts.month:02}",
            datetime.date(year, parts.month, 1),
            "month",
            True,
        )
    if parts.day:
        return _dated(_day_of_month(parts.day, published, direction), "day", parts)
    if parts.weekday is not None:
        return _dated(_weekday(parts.weekday, parts.shift, published, direction), "day", parts)
    if "weekend" in parts.groups:  # "the weekend": the Saturday the tense points to, its week
        saturday = _weekday(5, None, published, direction)
        year, week, _ = saturday.isocalendar()
        return Value("DATE", f"{year:04}-W{week:02}-WE", saturday, "week", True)
    if parts.quarter:
        shift = tables.SHIFTS[parts.language].get(parts.groups.get("yearshift", "").lower(), 0)
        return _quarter(published.year + shift, parts.quarter, relative=True)
    if parts.season:
        year = published.year + (parts.shift or 0)
        return Value("DATE", f"{year:04}-{parts.season}", datetime.date(year, 1, 1), "season", True)
    if kind == "time":
        shift = {"yesterday": -1, "tomorrow": 1}.get(parts.groups.get("shift", "").lower(), 0)
        return _dated(published + datetime.timedelta(days=shift), "day", parts)
    return None


def _dated(date: datetime.date, precision: str, parts: _Parts, *, relative=True) -> Value:
    if parts.time_of_day is not None:
        return Value("TIME", f"{date.isoformat()}T{parts.time_of_day}", date, "day", relative)
    if parts.part is not None:
        return Value("TIME", f"{date.isoformat()}T{parts.part}", date, "day", relative)
    return Value("DATE", date.isoformat(), date, precision, relative)


def _month_day(month: int, day: int, weekday, published: datetime.date, direction):
    """ "March 12" in the year the clause's tense gives; "Monday, Oct. 26" in a year where the
    26th of October is a Monday, when one of the three is."""
    candidates = [
        datetime.date(year, month, day)
        for year in (published.year - 1, published.year, published.year + 1)
        if _exists(year, month, day)
    ]
    agreeing = [c for c in candidates if c.weekday() == weekday]
    if weekday is not None and agreeing:
        candidates = agreeing
    if not candidates:
        raise ValueError("no such day")
    return _choose(candidates, published, direction(calendar=True))


def _year_of_month(month: int, shift: int | None, published: datetime.date, direction) -> int:
    if shift == 0:
        return published.year
    this_month = published.replace(day=1)
    candidates = [datetime.date(published.year + step, month, 1) for step in (-1, 0, 1)]
    if shift is not None:  # "last April", "next April": strictly before or after this month
        candidates = [c for c in candidates if (c - this_month).days * shift > 0]
        return _choose(candidates, this_month, shift).year
    return _choose(candidates, this_month, direction(calendar=True)).year


def _day_of_month(day: int, published: datetime.date, direction) -> datetime.date:
    first = published.replace(day=1)
    months = [_add_months(first, step) for step in (-1, 0, 1)]
    candidates = [m.replace(day=day) for m in months if _exists(m.year, m.month, day)]
    return _choose(candidates, published, direction(calendar=True))


def _choose(candidates: list[datetime.date], published: datetime.date, going: int):
    """The latest up to publication (past), the first from it on (future), else the nearest."""
    if going < 0:
        return max((c for c in candidates if c <= published), default=min(candidates))
    if going > 0:
        return min((c for c in candidates if c >= published), default=max(candidates))
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


def _weekday(weekday: int, shift: int | None, published: datetime.date, direction):
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if shift == -1:
        return published - datetime.timedelta(days=back or 7)
    if shift == 1:
        return published + datetime.timedelta(days=ahead or 7)
    if direction() > 0:
        return published + datetime.timedelta(days=ahead)
    return published - datetime.timedelta(days=back)


def _period(unit: str | None, shift: int, published: datetime.date) -> Value | None:
    if unit == "Y":
        year = published.year + shift
        return Value("DATE", f"{year:04}", datetime.date(year, 1, 1), "year", True)
    if unit == "M":
        first = _add_months(published.replace(day=1), shift)
        return Value("DATE", first.isoformat()[:7], first, "month", True)
    if unit in {"W", "WE"}:
        day = published + datetime.timedelta(weeks=shift)
        year, week, _ = day.isocalendar()
        monday = day - datetime.timedelta(days=day.weekday())
        suffix = "-WE" if unit == "WE" else ""
        return Value("DATE", f"{year:04}-W{week:02}{suffix}", monday, "week", True)
    if unit == "D":
        return Value(
            "DATE",
            (published + datetime.timedelta(days=shift)).isoformat(),
            published + datetime.timedelta(days=shift),
            "day",
            True,
        )
    if unit == "Q":
        index = published.year * 4 + (published.month - 1) // 3 + shift
        return _quarter(index // 4, index % 4 + 1, relative=True)
    if unit == "DE":
        decade = published.year // 10 + shift
        return Value("DATE", f"{decade:03}", datetime.date(decade * 10, 1, 1), "decade", True)
    if unit == "CE":
        century = published.year // 100 + shift
        return Value("DATE", f"{century:02}", datetime.date(century * 100, 1, 1), "century", True)
    return None


def _offset(parts: _Parts, published: datetime.date) -> Value | None:
    """ "four years ago", "hace tres meses", "two days later": the period that far from
    publication, at the unit's precision ("hace unos días" is only the past)."""
    sign = 1 if "later" in parts.groups else -1
    if parts.number == "X":
        return Value("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", relative=True)
    amount = sign * int(parts.number or 1)
    if parts.unit in {"H", "MIN"}:
        return Value("DATE", published.isoformat(), published, "day", True)
    if parts.unit == "W":
        return _period("W", amount, published)
    if parts.unit == "D":
        return _period("D", amount, published)
    return _period(parts.unit, amount, published)


def _quarter(year: int, quarter: int, *, relative: bool) -> Value:
    return Value(
        "DATE",
        f"{year:04}-Q{quarter}",
        datetime.date(year, 3 * quarter - 2, 1),
        "quarter",
        relative,
    )


def _duration(parts: _Parts) -> str | None:
    unit = parts.unit
    number = parts.number if parts.number is not None else 1
    if unit is None:
        return None
    if isinstance(number, float):
        number = f"{number:g}"
    if unit in {"H", "MIN"}:
        return f"PT{number}{'M' if unit == 'MIN' else 'H'}"
    if unit == "DE":
        return f"P{number * 10}Y" if isinstance(number, int) else "PXDE"
    if unit == "CE":
        return f"P{number * 100}Y" if isinstance(number, int) else "PXCE"
    return f"P{number}{unit}"


def _set(parts: _Parts) -> str | None:
    if "set" in parts.groups:
        return tables.SETS[parts.language].get(_words(parts.groups["set"]))
    if parts.weekday is not None:
        return f"XXXX-WXX-{parts.weekday + 1}"
    if parts.unit in {"H", "MIN"}:
        return f"PT1{'M' if parts.unit == 'MIN' else 'H'}"
    return f"P1{parts.unit}" if parts.unit else None


def _time_of_day(groups: dict[str, str]) -> str | None:
    if "noon" in groups:
        return "12:00" if groups["noon"].lower() == "noon" else "24:00"
    if "hour" not in groups:
        return None
    hour = int(groups["hour"])
    ampm = groups.get("ampm", "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    part = groups.get("part", "").lower()
    if part in {"tarde", "noche"} and hour < 12:
        hour += 12
    return f"{hour:02}:{groups.get('minute') or '00'}"


def _number(text: str | None, language: str) -> int | float | str | None:
    if text is None:
        return None
    text = _words(text)
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text.replace(",", "."))
    except ValueError:
        pass
    numbers = tables.NUMBERS[language]
    if text in numbers:
        return numbers[text]
    total = 0
    words = [word for word in text.replace("-", " ").split() if word != "y"]
    if len(words) > 1 and numbers.get(words[0]) == 1:
        words = words[1:]  # "a five-year term", "the two days"
    for word in words:
        value = numbers.get(word)
        if not isinstance(value, int):
            return "X" if value == "X" else None
        total += value
    return total


def _lookup(table: dict, word: str | None):
    if word is None:
        return None
    if word in table:
        return table[word]
    folded = _words(word)
    for key, value in table.items():
        if key.lower() == folded:
            return value
    return None


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _add_months(first: datetime.date, months: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
