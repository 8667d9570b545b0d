"""The machine formats over HTTP: JSON, CSV, TimelineJS and iCalendar of every filtered view."""

import csv
import datetime
import io
import json

import icalendar
import jsonschema
import pytest
from django.core.management import call_command
from django.test import RequestFactory

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    EventFactory,
    ExcerptFactory,
    make_events_with_sources,
)
from timeline.api_schema import TIMELINE_JSON_SCHEMA
from timeline.export_views import timeline_csv, timeline_ics, timeline_timelinejs
from timeline.models import Event

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = '<script>alert("title")</script> & co'
EXPORT_SUFFIXES = ["timeline.json", "timeline.csv", "timeline.timelinejs.json", "timeline.ics"]
HOSTILE_QUOTE = '<img src=x onerror=alert("quote")> said the minister'


def event(title, date=None, precision=Event.Precision.DAY, **kwargs):
    return EventFactory(
        title=title,
        date=date,
        date_precision=precision if date else Event.Precision.UNKNOWN,
        **kwargs,
    )


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def get_json(client, url) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    return json.loads(body(response))


def all_json_events(client, url) -> list[dict]:
    """Follow `next` links to the end, as an API client would."""
    events, page = [], get_json(client, url)
    while True:
        events += page["events"]
        if page["next"] is None:
            return events
        page = get_json(client, page["next"])


# JSON


def test_json_of_the_seeds_follows_the_schema_and_export_timeline(client, seeded):
    page = get_json(client, "/timeline.json")

    jsonschema.validate(page, TIMELINE_JSON_SCHEMA)
    out = io.StringIO()
    call_command("export_timeline", "--format", "json", stdout=out)
    exported = json.loads(out.getvalue())["events"]
    assert page["count"] == len(exported)
    assert page["events"] == exported[: page["page_size"]]


@pytest.mark.parametrize(
    "query",
    ["?country=SV&date_from=2024", "?q=meeting&actor=nayib-bukele", "?type=meeting&sort=oldest"],
)
@pytest.mark.parametrize("path", ["/", "/actors/nayib-bukele/", "/countries/US/"])
def test_json_selects_the_events_its_html_page_shows(client, seeded, path, query):
    page = client.get(f"{path}{query}").context["page"]
    shown = [e.pk for section in page.sections for e in section.events]

    data = get_json(client, f"{path}timeline.json{query}")

    jsonschema.validate(data, TIMELINE_JSON_SCHEMA)
    assert shown
    assert [record["id"] for record in data["events"]] == shown
    assert data["count"] == page.total


def test_json_pages_link_to_each_other_with_the_filters(client, sv):
    for number in range(7):
        event(f"Event {number}", datetime.date(2024, 1, number + 1), countries=[sv])
    event("Elsewhere", datetime.date(2024, 2, 1))

    first = get_json(client, "/timeline.json?country=SV&page_size=3")

    assert (first["count"], first["page"], first["num_pages"], first["page_size"]) == (7, 1, 3, 3)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/timeline.json?country=SV&page_size=3&page=2"
    second = get_json(client, first["next"])
    assert second["previous"] == "http://testserver/timeline.json?country=SV&page_size=3"
    titles = [e["title"] for e in all_json_events(client, "/timeline.json?country=SV&page_size=3")]
    assert titles == [f"Event {number}" for number in reversed(range(7))]
    assert get_json(client, "/timeline.json")["page_size"] == 50


def test_json_ignores_bad_values_and_says_why(client, sv):
    event("Kept", datetime.date(2024, 1, 1), countries=[sv])

    data = get_json(
        client,
        "/timeline.json?country=SV&country=ZZ&country=123&date_from=soon&type=party"
        "&sort=sideways&page=999&page_size=10000",
    )

    jsonschema.validate(data, TIMELINE_JSON_SCHEMA)
    assert [e["title"] for e in data["events"]] == ["Kept"]
    assert data["filters"]["country"] == ["SV"]
    assert data["filters"]["sources"] is None
    assert data["page_size"] == 500
    warnings = " ".join(data["warnings"])
    for expected in ("“123”", "“ZZ”", "“soon”", "“party”", "“sideways”", "page 999", "500"):
        assert expected in warnings


def test_json_paging_links_drop_values_that_name_nothing(client, sv):
    for day in range(1, 4):
        event(f"Day {day}", datetime.date(2024, 1, day), countries=[sv])

    data = get_json(client, "/timeline.json?country=SV&country=ZZ&page_size=2")

    assert data["next"] is not None
    assert "country=SV" in data["next"] and "ZZ" not in data["next"]


def test_json_says_which_sources_filter_it_applied(client, sv):
    event("Alone", datetime.date(2024, 1, 1), countries=[sv])

    data = get_json(client, "/timeline.json?sources=single")

    jsonschema.validate(data, TIMELINE_JSON_SCHEMA)
    assert data["filters"]["sources"] == "single"


@pytest.mark.parametrize("page_size", ["0", "-1", "ten", "99999999999999999999"])
def test_json_with_a_bad_page_size_uses_the_default(client, page_size):
    data = get_json(client, f"/timeline.json?page_size={page_size}")

    assert data["page_size"] == 50
    assert len(data["warnings"]) == 1


def test_an_unreadable_query_string_is_a_400_in_json(client):
    query = "&".join(f"country=S{number}" for number in range(1200))

    response = client.get(f"/timeline.json?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "error" in response.json()


@pytest.mark.parametrize(
    "query",
    [
        "q=%00%00&page=99999999999999999999999",
        "date_from=9999-99-99&date_to=0000-00-00&page_size=1e9",
        "actor=../../etc/passwd&country=%F0%9F%98%80&type=%3Cscript%3E",
        "date_from=2025&date_to=2020&sort=oldest&page=2",
    ],
)
@pytest.mark.parametrize("suffix", EXPORT_SUFFIXES)
def test_hostile_query_strings_never_break_an_export(client, sv, query, suffix):
    event("Kept", datetime.date(2024, 1, 1), countries=[sv])

    response = client.get(f"/countries/SV/{suffix}?{query}")

    assert response.status_code == 200
    text = body(response)
    if suffix == "timeline.json":
        data = json.loads(text)
        jsonschema.validate(data, TIMELINE_JSON_SCHEMA)
        assert data["warnings"]


@pytest.mark.parametrize(
    "url",
    [
        "/actors/nobody/timeline.json",
        "/countries/ZZ/timeline.csv",
        "/countries/S1/timeline.ics",
        "/countries/SVX/timeline.timelinejs.json",
    ],
)
def test_an_unknown_scope_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_exports_answer_only_get(client):
    assert client.post("/timeline.json").status_code == 405


@pytest.mark.parametrize("suffix", [*EXPORT_SUFFIXES, "feed.atom"])
def test_a_head_request_gets_the_headers_of_the_export(client, sv, suffix):
    """Link checkers and `curl -I` ask with HEAD."""
    make_events_with_sources(3, actors=[], countries=[sv])
    full = client.get(f"/countries/SV/{suffix}")

    head = client.head(f"/countries/SV/{suffix}")

    assert head.status_code == 200
    assert head["Content-Type"] == full["Content-Type"]
    assert head.get("Content-Disposition") == full.get("Content-Disposition")


@pytest.mark.parametrize("view", [timeline_csv, timeline_timelinejs, timeline_ics])
def test_a_head_request_streams_no_rows(django_assert_num_queries, sv, view):
    """The WSGI server still iterates a HEAD's body (only the test client drops it unread), so
    the view itself must leave the stream empty: a HEAD of a million-row CSV stays cheap."""
    make_events_with_sources(3, actors=[], countries=[sv])
    response = view(RequestFactory().head("/countries/SV/export"), code="SV")

    with django_assert_num_queries(0):
        streamed = b"".join(response.streaming_content)

    assert response.status_code == 200
    assert streamed == b""


def test_rejected_events_are_left_out_of_every_format(client, sv):
    event("Kept", datetime.date(2024, 1, 1), countries=[sv])
    event("Thrown out", datetime.date(2024, 1, 2), countries=[sv], status=Event.Status.REJECTED)

    for url in ("/timeline.json", "/timeline.csv", "/countries/SV/timeline.timelinejs.json",
                "/timeline.ics"):  # fmt: skip
        text = body(client.get(url))
        assert "Kept" in text, url
        assert "Thrown out" not in text, url


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/timeline.json", 6),
        ("/actors/nayib-bukele/timeline.json?country=SV&type=meeting", 8),
        # The streams: a change stamp (and scope lookups), a batch of dated events with their
        # actors, countries and sources, then the (empty) first batch of undated events.
        ("/timeline.csv", 6),
        ("/countries/SV/timeline.csv?actor=nayib-bukele", 8),
        ("/timeline.timelinejs.json", 6),
        ("/timeline.ics", 6),
    ],
)
def test_export_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, count, url, queries, sv, us, bukele
):
    make_events_with_sources(count, actors=[bukele], countries=[sv, us])

    with django_assert_num_queries(queries):
        text = body(client.get(url))

    assert text.count("Generated event") >= count


# CSV


def test_csv_reads_back_as_the_json(client, seeded):
    response = client.get("/actors/nayib-bukele/timeline.csv?sort=oldest")

    assert response.streaming
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"] == (
        'attachment; filename="newsroom-timeline-nayib-bukele.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(body(response))))
    records = all_json_events(client, "/actors/nayib-bukele/timeline.json?sort=oldest")
    assert len(rows) == len(records) > 1
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == str(record["id"])
        assert row["title"] == record["title"]
        assert row["date"] == (record["date"] or "")
        assert row["date_precision"] == record["date_precision"]
        assert row["event_type"] == record["event_type"]
        assert row["actors"] == "; ".join(actor["name"] for actor in record["actors"])
        assert row["countries"] == "; ".join(country["code"] for country in record["countries"])
        assert row["sources"] == "; ".join(
            f"{source['outlet'] or source['article_title']} — http://testserver"
            f"{source['excerpt_url']}"
            + (f" — {source['original_url']}" * bool(source["original_url"]))
            for source in record["sources"]
        )


def test_csv_sources_link_to_the_configured_site(client, settings, sv):
    settings.SITE_URL = "https://timeline.example.org"
    excerpt = ExcerptFactory(
        event=EventFactory(countries=[sv]),
        article=ArticleFactory(slug="story", outlet="La Prensa", url="https://laprensa.example/a"),
    )

    (row,) = csv.DictReader(io.StringIO(body(client.get("/timeline.csv"))))

    assert row["sources"] == (
        f"La Prensa — https://timeline.example.org/articles/story/#excerpt-{excerpt.pk} — "
        "https://laprensa.example/a"
    )
    ics = body(client.get("/timeline.ics"))
    assert f"URL:https://timeline.example.org/events/{excerpt.event_id}/" in ics


def test_csv_is_utf8_and_guards_cells_against_formulas(client):
    actor = ActorFactory(name="=cmd|'/c calc'!A1", slug="formula")
    event('=HYPERLINK("http://evil.example")', datetime.date(2024, 1, 1), actors=[actor])
    event("Reunión en San Salvador", datetime.date(2024, 1, 2))

    response = client.get("/timeline.csv")

    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert header[:3] == ["id", "title", "date"]
    by_title = {row[1]: row for row in rows}
    assert "Reunión en San Salvador" in by_title
    formula = by_title['\'=HYPERLINK("http://evil.example")']
    assert formula[header.index("actors")] == "'=cmd|'/c calc'!A1"


# TimelineJS


def test_timelinejs_has_the_keys_it_requires_at_the_precision_known(client, sv, us):
    day = event("Day", datetime.date(2025, 4, 14), countries=[sv, us])
    ExcerptFactory(event=day, article=ArticleFactory(outlet="EFE"))
    event("Month", datetime.date(2022, 3, 1), Event.Precision.MONTH, countries=[us])
    event("Year", datetime.date(2021, 1, 1), Event.Precision.YEAR)
    event("Undated")

    response = client.get("/timeline.timelinejs.json")

    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "newsroom-timeline.timelinejs.json" in response["Content-Disposition"]
    data = json.loads(body(response))
    assert data["title"]["text"]["headline"] == "Newsroom Timeline"
    slides = {slide["text"]["headline"]: slide for slide in data["events"]}
    assert set(slides) == {"Day", "Month", "Year"}
    for slide in data["events"]:
        assert {"start_date", "display_date", "text", "group", "unique_id"} <= set(slide)
        assert isinstance(slide["start_date"]["year"], int)
    assert slides["Day"]["start_date"] == {
        "year": 2025, "month": 4, "day": 14, "display_date": "14 April 2025",
    }  # fmt: skip
    assert slides["Month"]["start_date"] == {"year": 2022, "month": 3, "display_date": "March 2022"}
    assert slides["Year"]["start_date"] == {"year": 2021, "display_date": "2021"}
    assert slides["Day"]["display_date"] == "14 April 2025"
    assert slides["Day"]["group"] == "El Salvador"
    assert slides["Month"]["group"] == "United States"
    assert slides["Day"]["unique_id"] == f"event-{day.pk}"
    assert len({slide["unique_id"] for slide in data["events"]}) == 3
    excerpt = day.excerpts.get()
    assert (
        f'href="http://testserver{excerpt.get_absolute_url()}">Source: EFE</a>'
        in (slides["Day"]["text"]["text"])
    )


def test_timelinejs_escapes_untrusted_text_and_builds_its_own_links(client):
    hostile = event(HOSTILE_TITLE, datetime.date(2024, 5, 1))
    article = ArticleFactory(body=HOSTILE_QUOTE, outlet="", title="<b>Outlet</b>")
    ExcerptFactory(event=hostile, article=article)

    (slide,) = json.loads(body(client.get("/timeline.timelinejs.json")))["events"]

    assert slide["text"]["headline"] == (
        "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co"
    )
    text = slide["text"]["text"]
    assert "<img" not in text and "&lt;img src=x onerror=alert(&quot;quote&quot;)&gt;" in text
    assert "<b>" not in text and "Source: &lt;b&gt;Outlet&lt;/b&gt;" in text
    assert slide["autolink"] is False


def test_timelinejs_of_an_actor_keeps_the_filters_and_warns(client, seeded):
    data = json.loads(body(client.get("/actors/nayib-bukele/timeline.timelinejs.json?type=x")))

    assert data["title"]["text"]["headline"] == "Nayib Bukele · Newsroom Timeline"
    assert data["warnings"] == ["There is no event type “x”; showing every type."]
    assert data["events"]
    assert all(slide["group"] for slide in data["events"])


# iCalendar


def test_ics_parses_and_holds_the_events_known_to_the_day(client, sv, bukele):
    day = event("Meeting", datetime.date(2025, 4, 14), countries=[sv], actors=[bukele])
    ExcerptFactory(event=day, article=ArticleFactory(outlet="EFE"))
    event("Month", datetime.date(2022, 3, 1), Event.Precision.MONTH)
    event("Undated")

    response = client.get("/timeline.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="newsroom-timeline.ics"'
    calendar = icalendar.Calendar.from_ical(body(response))
    assert str(calendar["VERSION"]) == "2.0"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Meeting"
    assert vevent.decoded("DTSTART") == datetime.date(2025, 4, 14)
    assert vevent.decoded("DTEND") == datetime.date(2025, 4, 15)
    assert str(vevent["UID"]) == f"event-{day.pk}@newsroom-timeline"
    assert str(vevent["URL"]) == f"http://testserver/events/{day.pk}/"
    assert vevent.decoded("DTSTAMP") == day.updated.replace(microsecond=0)
    assert set(vevent["CATEGORIES"].cats) == {"Meeting", "Nayib Bukele", "El Salvador"}
    excerpt = day.excerpts.get()
    assert str(vevent["DESCRIPTION"]) == (
        f"“{excerpt.quote}” (EFE: http://testserver{excerpt.get_absolute_url()})"
    )


def test_ics_text_cannot_start_properties_and_lines_are_folded(client):
    injected = "Talks\r\nATTENDEE:mailto:victim@example.org\nEND:VEVENT; really, \\ ok"
    long_title = "Reunión de seguridad en San Salvador — " * 6
    event(injected, datetime.date(2024, 1, 1))
    event(long_title, datetime.date(2024, 1, 2))

    text = body(client.get("/timeline.ics"))

    lines = text.split("\r\n")
    assert lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    calendar = icalendar.Calendar.from_ical(text)
    summaries = {str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")}
    assert summaries == {injected.replace("\r\n", "\n"), long_title}
    assert all("ATTENDEE" not in vevent for vevent in calendar.walk("VEVENT"))


def test_ics_of_a_country_has_its_name(client, sv):
    event("Meeting", datetime.date(2025, 4, 14), countries=[sv])

    response = client.get("/countries/sv/timeline.ics")

    assert response["Content-Disposition"] == 'attachment; filename="newsroom-timeline-sv.ics"'
    calendar = icalendar.Calendar.from_ical(body(response))
    assert str(calendar["X-WR-CALNAME"]) == "El Salvador · Newsroom Timeline"
    assert len(calendar.walk("VEVENT")) == 1


def test_csv_loads_events_a_batch_at_a_time(client, monkeypatch, django_assert_num_queries, sv):
    """Keyset batches of four queries each (events, actors, countries, sources): memory stays
    flat and the queries grow with the batches, not the events."""
    monkeypatch.setattr("timeline.export_batches.BATCH_SIZE", 2)
    make_events_with_sources(5, actors=[], countries=[sv])

    # The change stamp, three batches of dated events, the empty batch of undated ones.
    with django_assert_num_queries(1 + 3 * 4 + 1):
        rows = list(csv.DictReader(io.StringIO(body(client.get("/timeline.csv")))))

    assert len(rows) == 5
    assert all(row["countries"] == "SV" and row["sources"].count("#excerpt-") == 2 for row in rows)


@pytest.mark.parametrize("suffix", EXPORT_SUFFIXES)
def test_an_unchanged_export_answers_304_and_a_change_refreshes_it(client, seeded, suffix):
    first = client.get(f"/{suffix}")
    etag = first["ETag"]
    assert client.get(f"/{suffix}", HTTP_IF_NONE_MATCH=etag).status_code == 304
    EventFactory(title="A new event")
    assert client.get(f"/{suffix}", HTTP_IF_NONE_MATCH=etag).status_code == 200
