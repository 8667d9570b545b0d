"""The time axis: units by range, exact counts, spans for coarse dates, links, one query."""

import datetime
import re

import pytest

from tests.factories import CountryFactory, EventFactory
from timeline.axis import build_axis
from timeline.filters import parse_period
from timeline.models import Event

D = datetime.date
DAY, MONTH, YEAR = Event.Precision.DAY, Event.Precision.MONTH, Event.Precision.YEAR
HTMX_AXIS = {"HX-Request": "true", "HX-Target": "timeline-axis"}


def counts(axis) -> dict[str, int]:
    return {bar.label: bar.count for bar in axis.bars if bar.count}


@pytest.mark.parametrize(
    ("first", "last", "unit", "bars"),
    [
        (D(2019, 3, 1), D(2025, 6, 1), "year", 7),
        (D(2021, 1, 1), D(2023, 12, 31), "month", 36),
        (D(2024, 1, 1), D(2024, 5, 31), "week", 22),
        (D(2024, 6, 3), D(2024, 6, 20), "day", 18),
    ],
)
def test_the_unit_follows_the_range_shown(first, last, unit, bars):
    axis = build_axis([(first, DAY, 1), (last, DAY, 2)])
    assert axis.unit == unit
    assert len(axis.bars) == bars
    assert sum(bar.count for bar in axis.bars) == 3


def test_counts_are_exact_and_heights_scale_to_the_busiest_period():
    rows = [(D(2024, 3, 5), DAY, 7), (D(2024, 3, 20), DAY, 3), (D(2024, 10, 1), DAY, 5)]
    axis = build_axis(rows)
    assert axis.unit == "month"
    assert counts(axis) == {"March 2024": 10, "October 2024": 5}
    march, july = axis.bars[0], axis.bars[7]
    assert (march.height, july.height) == (100, 50)
    assert (march.date_from, march.date_to) == ("2024-03", "2024-03")
    assert march.title == "March 2024: 10 events"


def test_a_date_filter_sets_the_range_and_zooms_in():
    rows = [(D(2024, 6, 3), DAY, 1), (D(2024, 6, 12), DAY, 2)]
    axis = build_axis(rows, parse_period("2024-06"), parse_period("2024-06"))
    assert axis.unit == "day"
    assert len(axis.bars) == 30
    assert counts(axis) == {"3 June 2024": 1, "12 June 2024": 2}
    assert (axis.bars[2].date_from, axis.bars[2].date_to) == ("2024-06-03", "2024-06-03")


def test_weeks_start_on_monday_and_a_bar_sets_the_whole_week():
    rows = [(D(2024, 1, 3), DAY, 1), (D(2024, 4, 30), DAY, 1)]
    axis = build_axis(rows)
    assert axis.unit == "week"
    assert (axis.bars[0].date_from, axis.bars[0].date_to) == ("2024-01-01", "2024-01-07")
    assert axis.bars[0].label == "Week of 1 Jan 2024"


def test_coarse_dates_are_spans_over_their_period_not_bars_on_the_first():
    rows = [
        (D(2022, 1, 1), YEAR, 4),
        (D(2022, 3, 10), DAY, 1),
        (D(2023, 2, 14), DAY, 1),
        (D(2023, 6, 1), MONTH, 2),
    ]
    axis = build_axis(rows)
    assert axis.unit == "month"
    # The month-precision events are a bar of their month; the year's are a span over 2022.
    assert counts(axis) == {"March 2022": 1, "February 2023": 1, "June 2023": 2}
    [span] = axis.spans
    assert (span.start, span.width, span.count) == (0, 12, 4)
    assert span.label == "2022 (known only to the year)"


def test_at_weeks_a_month_is_a_span_on_its_own_track():
    rows = [(D(2024, 3, 1), MONTH, 3), (D(2024, 2, 5), DAY, 1), (D(2024, 5, 20), DAY, 1)]
    axis = build_axis(rows)
    assert axis.unit == "week"
    assert sum(bar.count for bar in axis.bars) == 2
    [span] = axis.spans
    assert span.track == 0 and span.count == 3
    covered = axis.bars[span.start : span.start + span.width]
    assert covered[0].date_to >= "2024-03-01" and covered[-1].date_from <= "2024-03-31"


def test_undated_events_are_counted_apart_and_an_undated_only_set_has_no_axis():
    rows = [(None, Event.Precision.UNKNOWN, 4), (D(2024, 1, 2), DAY, 1)]
    assert build_axis(rows).undated == 4
    assert build_axis([(None, Event.Precision.UNKNOWN, 4)]) is None
    assert build_axis([]) is None


# The axis on the pages


@pytest.fixture
def spread():
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    for number in range(12):
        EventFactory(date=D(2016 + 3 * (number % 3), 1 + number % 12, 5), countries=[sv])
    EventFactory(date=None, date_precision=Event.Precision.UNKNOWN)
    return sv


@pytest.mark.django_db
def test_bars_are_links_with_href_and_hx_get_over_the_filtered_events(client, spread):
    response = client.get("/?country=SV")
    html = response.text
    assert 'id="timeline-axis"' in html
    bars = re.findall(r'<a class="axis-bar" href="([^"]+)" hx-get="([^"]+)"', html)
    assert len(bars) == 3
    assert all(href == hx for href, hx in bars)
    assert bars[0][0] == "/?country=SV&amp;date_from=2016&amp;date_to=2016"
    assert "2019: 4 events" in html
    # The undated event is on the whole timeline only, outside the country filter.
    assert "undated event" not in html
    assert "1 undated event not shown" in client.get("/").text


@pytest.mark.django_db
def test_choosing_a_bar_zooms_into_its_months(client, spread):
    response = client.get("/?country=SV&date_from=2019&date_to=2019")
    axis = response.context["page"].axis
    assert axis.unit == "month"
    assert sum(bar.count for bar in axis.bars) == 4
    assert '<th scope="row">February 2019</th><td>1</td>' in response.text


@pytest.mark.django_db
def test_the_axis_partial_renders_alone_for_htmx(client, spread):
    response = client.get("/?country=SV", headers=HTMX_AXIS)
    assert response.text.lstrip().startswith('<figure id="timeline-axis"')
    assert "event-list" not in response.text
    assert "<title>2019: 4 events</title>" in response.text


@pytest.mark.django_db
def test_the_axis_costs_one_query(client, spread, django_assert_num_queries):
    """The change stamp, the country, the ids and the facets (the page's summary), then the
    axis's one GROUP BY, whatever the number of events."""
    with django_assert_num_queries(5):
        client.get("/?country=SV", headers=HTMX_AXIS)


@pytest.mark.django_db
def test_actor_and_country_pages_have_the_axis(client, spread):
    assert 'id="timeline-axis"' in client.get("/countries/SV/").text
