"""The time axis above a timeline: how many matching events fall in each year, month, week or day.

One query per axis: a GROUP BY (date, precision) over the already-filtered events, which gives
the exact count of every bucket at any unit, the events known only to a coarser period and the
undated ones (`date_counts`). Everything else is pure (`build_axis`): the unit is chosen by the
range shown (the date filter's, else the matching events' own), and an event known only to the
month or the year is drawn as a span over that period rather than as if it happened on the 1st.

The bars are HTML links holding a small server-rendered SVG each, so they are keyboard links
that work without JavaScript, htmx requests with it, and need no inline style (the heights are
SVG attributes); `<title>` gives the exact count on hover and a table gives it to screen readers.
"""

import calendar
import datetime
from dataclasses import dataclass, replace

from django.db.models import Count, QuerySet
from django.utils.translation import gettext, ngettext, pgettext

from timeline.filters import SORT_NEWEST, Period
from timeline.models import Event, format_event_date
from timeline.templatetags.i18n_extras import SHORT_MONTHS, short_date

YEAR, MONTH, WEEK, DAY = "year", "month", "week", "day"
# The finest unit whose bars still fit a phone: at most about 60 bars.
MAX_DAYS = 62
MAX_WEEKS = 26
MAX_MONTHS = 60
# Bars are drawn in a 0..100 box; a bucket with events is never thinner than this.
BAR_TOP = 100
MIN_BAR = 3
# How coarse each precision is, and each unit, to tell a bar from a span.
COARSENESS = {DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3}

DateCount = tuple[datetime.date | None, str, int]


def date_counts(events: QuerySet[Event]) -> list[DateCount]:
    """(date, precision, number of events) for the filtered events: the axis's only query."""
    rows = events.order_by().values_list("date", "date_precision").annotate(n=Count("id"))
    return [(date, precision, n) for date, precision, n in rows]


@dataclass(frozen=True)
class AxisBar:
    label: str
    tick: str
    count: int
    height: int
    date_from: str
    date_to: str

    @property
    def y(self) -> int:
        return BAR_TOP - self.height

    @property
    def title(self) -> str:
        return f"{self.label}: {count_text(self.count)}"


@dataclass(frozen=True)
class AxisSpan:
    """Events known only to a month or a year, drawn across the buckets of that period."""

    label: str
    count: int
    start: int
    width: int
    track: int

    @property
    def title(self) -> str:
        return f"{self.label}: {count_text(self.count)}"


@dataclass(frozen=True)
class TimeAxis:
    unit: str
    bars: list[AxisBar]
    spans: list[AxisSpan]
    undated: int
    total: int

    @property
    def caption(self) -> str:
        return {
            YEAR: gettext("Events per year"),
            MONTH: gettext("Events per month"),
            WEEK: gettext("Events per week"),
            DAY: gettext("Events per day"),
        }[self.unit]

    @property
    def span_tracks(self) -> int:
        return 1 + max((span.track for span in self.spans), default=-1)


def count_text(count: int) -> str:
    return ngettext("%(count)s event", "%(count)s events", count) % {"count": count}


def period_end(date: datetime.date, precision: str) -> datetime.date:
    """The last day of the period an event is known to."""
    if precision == Event.Precision.YEAR:
        return datetime.date(date.year, 12, 31)
    if precision == Event.Precision.MONTH:
        return datetime.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    return date


def choose_unit(first: datetime.date, last: datetime.date) -> str:
    days = (last - first).days + 1
    if days <= MAX_DAYS:
        return DAY
    if days <= MAX_WEEKS * 7:
        return WEEK
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return MONTH if months <= MAX_MONTHS else YEAR


def bucket_start(date: datetime.date, unit: str) -> datetime.date:
    if unit == YEAR:
        return datetime.date(date.year, 1, 1)
    if unit == MONTH:
        return datetime.date(date.year, date.month, 1)
    if unit == WEEK:
        return date - datetime.timedelta(days=date.weekday())
    return date


def next_bucket(start: datetime.date, unit: str) -> datetime.date:
    if unit == YEAR:
        return datetime.date(start.year + 1, 1, 1)
    if unit == MONTH:
        return datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + datetime.timedelta(days=7 if unit == WEEK else 1)


def bucket_starts(first: datetime.date, last: datetime.date, unit: str) -> list[datetime.date]:
    starts, current = [], bucket_start(first, unit)
    while current <= last:
        starts.append(current)
        current = next_bucket(current, unit)
    return starts


def axis_range(
    rows: list[DateCount], date_from: Period | None, date_to: Period | None
) -> tuple[datetime.date, datetime.date] | None:
    """The date filter's bounds, else the matching events' own (to the end of their periods)."""
    dated = [(date, precision) for date, precision, _ in rows if _is_dated(date, precision)]
    if not dated:
        return None
    first = date_from.first_day if date_from else min(date for date, _ in dated)
    last = date_to.last_day if date_to else max(period_end(d, p) for d, p in dated)
    return (first, last) if first <= last else None


def build_axis(
    rows: list[DateCount], date_from: Period | None = None, date_to: Period | None = None
) -> TimeAxis | None:
    """The bars and spans for these counts; None when no matching event has a date."""
    bounds = axis_range(rows, date_from, date_to)
    undated = sum(n for date, precision, n in rows if not _is_dated(date, precision))
    if bounds is None:
        return None
    first, last = bounds
    unit = choose_unit(first, last)
    starts = bucket_starts(first, last, unit)
    index = {start: number for number, start in enumerate(starts)}
    counts = [0] * len(starts)
    coarse: dict[tuple[str, datetime.date], int] = {}
    for date, precision, n in rows:
        if not _is_dated(date, precision):
            continue
        if COARSENESS[precision] <= COARSENESS[unit]:
            number = index.get(bucket_start(date, unit))
            if number is not None:
                counts[number] += n
        else:
            coarse[(precision, date)] = coarse.get((precision, date), 0) + n
    tallest = max(counts, default=0) or 1
    bars = [
        AxisBar(
            label=bucket_label(start, unit),
            tick=tick_label(start, unit, number, len(starts)),
            count=count,
            height=max(MIN_BAR, round(BAR_TOP * count / tallest)) if count else 0,
            date_from=bound_text(start, unit, last=False),
            date_to=bound_text(start, unit, last=True),
        )
        for number, (start, count) in enumerate(zip(starts, counts, strict=True))
    ]
    spans = _spans(coarse, starts, unit, last)
    total = sum(n for _, _, n in rows)
    return TimeAxis(unit=unit, bars=bars, spans=spans, undated=undated, total=total)


def _spans(coarse, starts, unit, last) -> list[AxisSpan]:
    """One span per month or year known only to that precision, over the buckets it covers."""
    spans = []
    tracks = {Event.Precision.MONTH: 0, Event.Precision.YEAR: 1 if unit in {WEEK, DAY} else 0}
    for (precision, date), count in sorted(coarse.items(), key=lambda item: item[0][1]):
        end = min(period_end(date, precision), last)
        covered = [n for n, start in enumerate(starts) if date <= _bucket_end(start, unit)]
        covered = [n for n in covered if starts[n] <= end]
        if not covered:
            continue
        label = (
            gettext("%(period)s (known only to the year)")
            if precision == Event.Precision.YEAR
            else gettext("%(period)s (known only to the month)")
        ) % {"period": format_event_date(date, precision)}
        spans.append(AxisSpan(label, count, covered[0], len(covered), tracks[precision]))
    return spans


def _bucket_end(start: datetime.date, unit: str) -> datetime.date:
    return next_bucket(start, unit) - datetime.timedelta(days=1)


def _is_dated(date: datetime.date | None, precision: str) -> bool:
    return date is not None and precision in COARSENESS


def bucket_label(start: datetime.date, unit: str) -> str:
    """What a bar stands for, in words: "2024", "March 2024", "Week of 3 Jun 2024"."""
    if unit == YEAR:
        return str(start.year)
    if unit == MONTH:
        return format_event_date(start, Event.Precision.MONTH)
    if unit == WEEK:
        return gettext("Week of %(date)s") % {"date": short_date(start)}
    return format_event_date(start, Event.Precision.DAY)


def tick_label(start: datetime.date, unit: str, number: int, count: int) -> str:
    """The few labels under the axis: they must not overlap on a 360 px screen."""
    if unit == YEAR:
        every = max(1, -(-count // 6))
        return str(start.year) if number % every == 0 else ""
    if unit == MONTH:
        if count <= 12:
            return str(SHORT_MONTHS[start.month]) if count <= 6 or number % 2 == 0 else ""
        # A year at its January, and at the first bar if that year is mostly shown.
        first_of_year = start.month == 1 or (number == 0 and start.month <= 9)
        return str(start.year) if first_of_year else ""
    every = 4 if unit == WEEK else 7
    if number % every:
        return ""
    return pgettext("day and abbreviated month", "%(day)s %(month)s") % {
        "day": start.day,
        "month": SHORT_MONTHS[start.month],
    }


def bound_text(start: datetime.date, unit: str, *, last: bool) -> str:
    """The `date_from`/`date_to` value a bar sets: the whole year, month, week or day."""
    if unit == YEAR:
        return str(start.year)
    if unit == MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if unit == WEEK and last:
        return (start + datetime.timedelta(days=6)).isoformat()
    return start.isoformat()


def page_date_counts(page) -> list[DateCount]:
    """The counts of a timeline page (`timeline.selectors.TimelinePage`), read once per filter
    state and data version."""
    from timeline.selectors import cached_summary, matching_events

    selection, scope = page.selection, page.scope
    state = replace(page.filters, page=1, sort=SORT_NEWEST).querydict().urlencode()
    key = ("axis", type(scope).__name__, getattr(scope, "pk", None), state)
    # Every matching event is read: an actor's or country's links are never more than that.
    depth = max(selection.event_count, 1)
    return cached_summary(
        page.version,
        key,
        lambda: date_counts(matching_events(page.filters, scope, selection, depth=depth)),
    )
