"""The timeline's filters, parsed from the query string that is also the public URL scheme.

Parsing is pure (no database): values that cannot be read are dropped with a message for the
reader, so a mistyped shared link still shows a page. Country codes and actor slugs are checked
against the database later, in `timeline.selectors`.
"""

import calendar
import datetime
import re
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles.extraction.dates import MONTH_NUMBERS
from timeline.models import Event

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 10
SORT_NEWEST = "newest"
SORT_OLDEST = "oldest"
SORT_CHOICES = {SORT_NEWEST: _("Newest first"), SORT_OLDEST: _("Oldest first")}
SOURCES_CHOICES = {
    "": pgettext_lazy("sources", "Any"),
    "single": _("A single source"),
    "several": _("Several sources"),
    "disputed": _("Sources disagree"),
}
SCHEDULED_CHOICES = {
    "": pgettext_lazy("scheduled", "Any"),
    "expected": _("Expected (dated after their report)"),
    "reported": _("Reported as having happened"),
}
# Filter values that name no country or actor in the database (see `timeline.selectors`).
UNKNOWN_COUNTRY = _("There is no country with the code “%(value)s”; that filter was ignored.")
UNKNOWN_ACTOR = _("There is no actor “%(value)s”; that filter was ignored.")

# English and Spanish month names and abbreviations: "March 2022", "marzo de 2022".
MONTHS = MONTH_NUMBERS

YEAR = r"(?P<year>\d{4})"
MONTH_NAME = r"(?P<month_name>[^\W\d_]+)\.?"
DAY = r"(?P<day>\d{1,2})"
OF = r"(?:de |del )?"
DATE_PATTERNS = [
    re.compile(rf"^{YEAR}$"),
    re.compile(rf"^{YEAR}-(?P<month>\d{{1,2}})$"),
    re.compile(rf"^{YEAR}-(?P<month>\d{{1,2}})-{DAY}$"),
    re.compile(rf"^{MONTH_NAME},? {OF}{YEAR}$", re.IGNORECASE),
    re.compile(rf"^{DAY} (?:de )?{MONTH_NAME},? {OF}{YEAR}$", re.IGNORECASE),
    re.compile(rf"^{MONTH_NAME} {DAY},? {YEAR}$", re.IGNORECASE),
]


@dataclass(frozen=True)
class Period:
    """A day, a month or a year: "2024" as a bound means all of 2024."""

    first_day: datetime.date
    last_day: datetime.date
    text: str


@dataclass(frozen=True)
class TimelineFilters:
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_type: str = ""
    date_from: Period | None = None
    date_to: Period | None = None
    q: str = ""
    sources: str = ""
    scheduled: str = ""
    sort: str = SORT_NEWEST
    page: int = 1
    errors: tuple[str, ...] = field(default=(), compare=False)

    @property
    def newest_first(self) -> bool:
        return self.sort == SORT_NEWEST

    @property
    def has_date_filter(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.countries
            or self.actors
            or self.event_type
            or self.has_date_filter
            or self.q
            or self.sources
            or self.scheduled
        )

    def querydict(self) -> QueryDict:
        """The filters as a canonical query string (no page, no empty or default values)."""
        query = QueryDict(mutable=True)
        if self.q:
            query["q"] = self.q
        if self.countries:
            query.setlist("country", list(self.countries))
        if self.actors:
            query.setlist("actor", list(self.actors))
        if self.event_type:
            query["type"] = self.event_type
        if self.date_from:
            query["date_from"] = self.date_from.text
        if self.date_to:
            query["date_to"] = self.date_to.text
        if self.sources:
            query["sources"] = self.sources
        if self.scheduled:
            query["scheduled"] = self.scheduled
        if self.sort != SORT_NEWEST:
            query["sort"] = self.sort
        return query


def parse_period(text: str) -> Period | None:
    """Read "2024", "2024-06", "2024-06-01", "March 2022", "14 April 2025" or "April 14, 2025"."""
    text = " ".join(text.split())
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            return _period_from_match(match.groupdict(), text)
    return None


def _period_from_match(parts: dict[str, str], text: str) -> Period | None:
    year = int(parts["year"])
    if parts.get("month_name"):
        month = MONTHS.get(parts["month_name"].lower())
        if month is None:
            return None
    elif parts.get("month"):
        month = int(parts["month"])
    else:
        month = None
    try:
        if month is None:
            return Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31), text)
        if parts.get("day") is None:
            last = calendar.monthrange(year, month)[1]
            return Period(datetime.date(year, month, 1), datetime.date(year, month, last), text)
        day = datetime.date(year, month, int(parts["day"]))
    except ValueError:
        return None
    return Period(day, day, text)


def parse_timeline_filters(query: QueryDict) -> TimelineFilters:
    """Read the filters, keeping what makes sense and explaining what was ignored."""
    errors: list[str] = []

    for key in ("country", "actor"):
        if len(query.getlist(key)) > MAX_VALUES_PER_FILTER:
            errors.append(
                gettext("Only the first %(count)s “%(key)s” values are used.")
                % {"count": MAX_VALUES_PER_FILTER, "key": key}
            )

    countries: list[str] = []
    for value in _values(query, "country")[:MAX_VALUES_PER_FILTER]:
        code = value.upper()
        if re.fullmatch(r"[A-Z]{2}", code):
            if code not in countries:
                countries.append(code)
        else:
            errors.append(
                gettext(
                    "“%(value)s” is not a country code (use two letters, such as SV); "
                    "that country filter was ignored."
                )
                % {"value": value}
            )

    actors: list[str] = []
    for value in _values(query, "actor")[:MAX_VALUES_PER_FILTER]:
        slug = value.lower()
        if re.fullmatch(r"[-\w]+", slug):
            if slug not in actors:
                actors.append(slug)
        else:
            errors.append(
                gettext("“%(value)s” is not an actor; that actor filter was ignored.")
                % {"value": value}
            )

    event_type = query.get("type", "").strip().lower()
    if event_type and event_type not in Event.Type.values:
        errors.append(
            gettext("There is no event type “%(type)s”; showing every type.") % {"type": event_type}
        )
        event_type = ""

    date_from = _parse_date_bound(query, "date_from", errors)
    date_to = _parse_date_bound(query, "date_to", errors)
    if date_from and date_to and date_from.first_day > date_to.last_day:
        errors.append(
            gettext(
                "The start date (%(start)s) is after the end date (%(end)s), so no event can match."
            )
            % {"start": date_from.text, "end": date_to.text}
        )

    sort = query.get("sort", "").strip().lower() or SORT_NEWEST
    if sort not in SORT_CHOICES:
        errors.append(
            gettext("Unknown sort order “%(sort)s”; showing the newest events first.")
            % {"sort": sort}
        )
        sort = SORT_NEWEST

    q = clean_search_text(query.get("q", ""))

    sources = query.get("sources", "").strip().lower()
    if sources not in SOURCES_CHOICES:
        errors.append(
            gettext("“%(value)s” is not a sources filter; showing events from any sources.")
            % {"value": sources}
        )
        sources = ""

    scheduled = query.get("scheduled", "").strip().lower()
    if scheduled not in SCHEDULED_CHOICES:
        errors.append(
            gettext("“%(value)s” is not a scheduled filter; showing expected and reported events.")
            % {"value": scheduled}
        )
        scheduled = ""

    page_text = query.get("page", "").strip() or "1"
    if page_text.isdecimal() and len(page_text) <= 18 and int(page_text) >= 1:
        page = int(page_text)
    else:
        errors.append(
            gettext("“%(value)s” is not a page number; showing the first page.")
            % {"value": page_text}
        )
        page = 1

    return TimelineFilters(
        countries=tuple(countries),
        actors=tuple(actors),
        event_type=event_type,
        date_from=date_from,
        date_to=date_to,
        q=q,
        sources=sources,
        scheduled=scheduled,
        sort=sort,
        page=page,
        errors=tuple(errors),
    )


def clean_search_text(text: str) -> str:
    """Collapse whitespace and drop NUL characters, which PostgreSQL refuses in a query."""
    return " ".join(text.replace("\x00", "").split())[:MAX_QUERY_LENGTH]


def _values(query: QueryDict, key: str) -> list[str]:
    return [value.strip() for value in query.getlist(key) if value.strip()]


def _parse_date_bound(query: QueryDict, key: str, errors: list[str]) -> Period | None:
    text = query.get(key, "").strip()
    if not text:
        return None
    period = parse_period(text)
    if period is None:
        message = (
            gettext(
                "From date “%(text)s” was not understood (try 2024, March 2022 or 2024-06-01); "
                "it was ignored."
            )
            if key == "date_from"
            else gettext(
                "To date “%(text)s” was not understood (try 2024, March 2022 or 2024-06-01); "
                "it was ignored."
            )
        )
        errors.append(message % {"text": text})
    return period
