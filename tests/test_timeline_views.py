"""The timeline, event, actor and country pages: content, filters, htmx partials, query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    EventFactory,
    ExcerptFactory,
    make_events_with_sources,
)
from timeline.directories import DIRECTORY_PAGE_SIZE
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

HTMX_RESULTS = {"HX-Request": "true", "HX-Target": "timeline-results"}
HTMX_BROWSER = {"HX-Request": "true", "HX-Target": "timeline-browser"}
HTMX_NEXT_PAGE = {"HX-Request": "true", "HX-Target": "load-more"}


def event(title, date=None, precision=Event.Precision.DAY, **kwargs):
    return EventFactory(
        title=title,
        date=date,
        date_precision=precision if date else Event.Precision.UNKNOWN,
        **kwargs,
    )


def titles(response) -> list[str]:
    return [e.title for section in response.context["page"].sections for e in section.events]


# The timeline


def test_timeline_lists_events_newest_first_at_their_precision(client, sv):
    event("Meeting in April", datetime.date(2025, 4, 14), date_resolution="'on Monday' in text")
    event("Emergency declared", datetime.date(2022, 3, 1), Event.Precision.MONTH)
    event("A year of cooperation", datetime.date(2022, 1, 1), Event.Precision.YEAR)
    event("Undated promise")

    response = client.get("/")

    assert response.status_code == 200
    assert titles(response) == [
        "Meeting in April",
        "Emergency declared",
        "A year of cooperation",
        "Undated promise",
    ]
    html = response.text
    assert '<time datetime="2025-04-14" title="&#x27;on Monday&#x27; in text">14 April 2025' in html
    assert '<time datetime="2022-03">March 2022</time>' in html
    assert '<time datetime="2022">2022</time>' in html
    assert "<time>Date unknown</time>" in html
    assert "Dated from &#x27;on Monday&#x27; in text" in html


def test_timeline_groups_events_under_year_and_month_headings(client):
    event("April event", datetime.date(2025, 4, 14))
    event("Other April event", datetime.date(2025, 4, 2))
    event("March event", datetime.date(2025, 3, 2))
    event("Year only", datetime.date(2024, 1, 1), Event.Precision.YEAR)
    event("Undated")

    html = client.get("/").text

    headings = re.findall(r'<h[23] class="(?:year|month)-heading">([^<]+)</h[23]>', html)
    assert headings == [
        "2025",
        "April 2025",
        "March 2025",
        "2024",
        "2024, month unknown",
        "Date unknown",
    ]


def test_sort_toggle_gives_oldest_first_with_undated_still_last(client):
    event("Newer", datetime.date(2025, 4, 14))
    event("Older", datetime.date(2020, 4, 14))
    event("Undated")

    response = client.get("/?sort=oldest")

    assert titles(response) == ["Older", "Newer", "Undated"]
    assertContains(response, '<option value="oldest" selected>Oldest first</option>')


def test_rejected_events_never_appear_and_unreviewed_are_marked(client):
    event("Extracted one", datetime.date(2025, 1, 1), status=Event.Status.EXTRACTED)
    event("Reviewed one", datetime.date(2025, 1, 2), status=Event.Status.REVIEWED)
    event("Rejected one", datetime.date(2025, 1, 3), status=Event.Status.REJECTED)

    response = client.get("/")

    assert titles(response) == ["Reviewed one", "Extracted one"]
    assertNotContains(response, "Rejected one")
    assert response.text.count('class="badge badge-unreviewed"') == 1


def test_each_event_shows_chips_and_a_source_link_per_excerpt(client, sv, bukele):
    shown = event("Visit", datetime.date(2025, 4, 14), actors=[bukele], countries=[sv])
    first, second = ExcerptFactory.create_batch(2, event=shown)

    response = client.get("/")

    assertContains(response, f'href="{bukele.get_absolute_url()}">Nayib Bukele</a>')
    assertContains(response, f'href="{sv.get_absolute_url()}">El Salvador</a>')
    assertContains(response, f'href="{first.get_absolute_url()}">Source')
    assertContains(response, f'href="{second.get_absolute_url()}">Source')


# Filters


def test_country_filter_requires_every_chosen_country(client, sv, us):
    event("Both", datetime.date(2025, 1, 3), countries=[sv, us])
    event("Salvador only", datetime.date(2025, 1, 2), countries=[sv])
    event("Neither", datetime.date(2025, 1, 1))

    assert titles(client.get("/?country=SV")) == ["Both", "Salvador only"]
    assert titles(client.get("/?country=sv&country=US")) == ["Both"]


def test_actor_type_and_text_filters_combine(client, bukele, rubio, sv):
    kept = event("Bukele meets Rubio", datetime.date(2025, 2, 1), actors=[bukele, rubio])
    ExcerptFactory(event=kept)
    event("Bukele visits Rubio", datetime.date(2025, 2, 2), actors=[bukele, rubio],
          event_type=Event.Type.VISIT)  # fmt: skip
    event("Bukele meets press", datetime.date(2025, 2, 3), actors=[bukele])
    quoted = event("Untitled talks", datetime.date(2025, 2, 4), actors=[bukele, rubio])
    ExcerptFactory(event=quoted, article=ArticleFactory(body="They discussed prisons at length."))

    response = client.get("/?actor=nayib-bukele&actor=marco-rubio&type=meeting")
    assert titles(response) == ["Untitled talks", "Bukele meets Rubio"]

    response = client.get("/?actor=marco-rubio&type=meeting&q=PRISONS")
    assert titles(response) == ["Untitled talks"]

    response = client.get("/?q=meets+rubio")
    assert titles(response) == ["Bukele meets Rubio"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date_from=2024", ["2025-01-01", "2024-12-31", "2024-01-01"]),
        ("date_from=March+2022&date_to=2023", ["2023-12-31", "2022-03-01"]),
        ("date_to=2022-03-01", ["2022-03-01", "2022-02-28"]),
        ("date_from=2024-06&date_to=June+2024", []),
        ("date_to=1+March+2022", ["2022-03-01", "2022-02-28"]),
    ],
)
def test_date_filters_compare_whole_periods_and_leave_out_undated(client, query, expected):
    for day in ["2025-01-01", "2024-12-31", "2024-01-01", "2023-12-31", "2022-03-01",
                "2022-02-28"]:  # fmt: skip
        event(day, datetime.date.fromisoformat(day))
    event("Undated")

    assert titles(client.get(f"/?{query}")) == expected


def test_undated_events_show_only_without_a_date_filter(client):
    event("Dated", datetime.date(2024, 5, 1))
    event("Undated")

    assert titles(client.get("/")) == ["Dated", "Undated"]
    assert titles(client.get("/?date_to=2030")) == ["Dated"]


def test_facets_count_what_each_option_would_give(client, sv, us, bukele):
    event("A", datetime.date(2025, 1, 1), countries=[sv, us], actors=[bukele])
    event("B", datetime.date(2025, 1, 2), countries=[sv], event_type=Event.Type.VISIT)
    event("C", datetime.date(2025, 1, 3), countries=[us], event_type=Event.Type.VISIT)

    page = client.get("/?country=SV").context["page"]
    facets = {facet.name: facet for facet in page.facets}

    countries = {o.value: (o.count, o.selected) for o in facets["country"].options}
    assert countries == {"SV": (2, True), "US": (1, False)}
    assert {o.value: o.count for o in facets["actor"].options} == {"nayib-bukele": 1}
    types = {o.value: o.count for o in facets["type"].options}
    assert types == {"meeting": 1, "visit": 1}
    us_option = next(o for o in facets["country"].options if o.value == "US")
    assert us_option.params == {"country": ["SV", "US"]}


def test_facet_links_and_clear_filters_carry_the_filter_state(client, sv):
    event("A", datetime.date(2025, 1, 1), countries=[sv])

    response = client.get("/?q=A&country=SV&type=meeting")

    assertContains(response, 'href="/?q=A&amp;type=meeting" hx-get="/?q=A&amp;type=meeting"')
    assertContains(response, 'href="/?q=A&amp;country=SV"')
    assertContains(response, '<a class="clear-filters" href="/" hx-get="/"')
    assertContains(response, '<input type="hidden" name="country" value="SV">')


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=ZZ", "There is no country with the code “ZZ”; that filter was ignored."),
        ("country=El+Salvador", "“El Salvador” is not a country code"),
        ("actor=nobody", "There is no actor “nobody”"),
        ("date_from=yesterday-ish", "From date “yesterday-ish” was not understood"),
        ("date_to=2024-02-30", "To date “2024-02-30” was not understood"),
        ("date_from=2025&date_to=2024", "The start date (2025) is after the end date (2024)"),
        ("type=party", "There is no event type “party”"),
        ("sort=random", "Unknown sort order “random”"),
        ("page=abc", "“abc” is not a page number"),
        ("page=-1", "“-1” is not a page number"),
        ("page=1000000000", "There is no page 1000000000"),
        ("page=" + "9" * 5000, "is not a page number"),
        ("country=SV" + "&country=SV" * 11, "Only the first 10 “country” values are used."),
    ],
)
def test_bad_filter_values_explain_themselves_instead_of_failing(client, query, message):
    event("Still listed", datetime.date(2025, 1, 1))

    response = client.get(f"/?{query}")

    assert response.status_code == 200
    assertContains(response, message)
    assertContains(response, 'class="messages" role="alert"')


def test_nul_characters_are_dropped_from_the_search(client):
    event("A nul event", datetime.date(2025, 1, 1))

    response = client.get("/?q=%00nul%00")

    assert titles(response) == ["A nul event"]
    assert response.context["page"].filters.q == "nul"


def test_unknown_country_is_ignored_but_known_ones_still_apply(client, sv):
    event("Salvador", datetime.date(2025, 1, 1), countries=[sv])
    event("Elsewhere", datetime.date(2025, 1, 2))

    assert titles(client.get("/?country=ZZ&country=SV")) == ["Salvador"]


def test_page_beyond_the_last_shows_the_last_page(client, sv):
    make_events_with_sources(55, actors=[], countries=[sv])

    response = client.get("/?page=1000000000")

    page = response.context["page"]
    assert (page.number, page.num_pages, len(titles(response))) == (2, 2, 5)
    assertContains(response, "this is page 2, the last one")


def summary(response) -> str:
    html = response.content.decode()
    text = re.search(r'<p class="summary">(.*?)</p>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", text).split())


def test_an_empty_timeline_says_it_is_empty_instead_of_blaming_the_filters(client, bukele):
    assert summary(client.get("/")) == (
        "No events on the timeline yet: they appear here as articles are imported."
    )
    assert summary(client.get(bukele.get_absolute_url())) == "No events on this timeline yet."
    assert summary(client.get("/?type=visit")) == "No events match these filters."
    assert summary(client.get("/?sort=oldest")).startswith("No events on the timeline yet")


def test_an_emptied_result_is_announced_with_its_reason(client):
    event("Shown", datetime.date(2025, 1, 1))

    response = client.get("/?q=nothing", headers=HTMX_RESULTS)

    status = re.search(r'<div id="timeline-status" hx-swap-oob="innerHTML">(.*?)</div>',
                       response.text, re.S).group(1)  # fmt: skip
    assert status == "No events match these filters."


def test_facet_counts_say_event_for_one_and_events_for_more(client, sv, us):
    event("Both", datetime.date(2025, 1, 1), countries=[sv, us])
    event("Salvador only", datetime.date(2025, 1, 2), countries=[sv])

    html = client.get("/").text

    def heard(option_id):
        option = re.search(rf'id="{option_id}".*?</a>', html, re.S).group(0)
        count = re.search(r'<span class="facet-count">(.*?)</span></span>', option).group(1)
        return " ".join(re.sub(r"<[^>]+>", "", count).split())

    assert heard("facet-country-SV") == "2 events"
    assert heard("facet-country-US") == "1 event"


def test_every_reading_page_answers_head_and_refuses_post(client, sv, bukele):
    shown = event("Shown", datetime.date(2025, 1, 1), countries=[sv], actors=[bukele])
    excerpt = ExcerptFactory(event=shown)
    urls = ["/", "/?country=SV", shown.get_absolute_url(), "/actors/", bukele.get_absolute_url(),
            "/countries/", sv.get_absolute_url(), "/articles/",
            excerpt.article.get_absolute_url(), "/api/"]  # fmt: skip

    for url in urls:
        head = client.head(url)
        assert head.status_code == 200, url
        assert head["Content-Type"] == "text/html; charset=utf-8", url
        assert head.content == b"", url
        assert client.post(url).status_code == 405, url


# htmx


def test_full_page_and_fragments_vary_on_htmx_headers(client):
    event("Shown", datetime.date(2025, 1, 1))

    full = client.get("/")
    fragment = client.get("/", headers=HTMX_RESULTS)

    assert "<html" in full.text
    assert "<html" not in fragment.text
    assert "Shown" in fragment.text
    for response in (full, fragment):
        assert "HX-Request" in response.headers["Vary"]
        assert "HX-Target" in response.headers["Vary"]


def test_results_fragment_pushes_the_canonical_url_without_empty_fields(client):
    response = client.get(
        "/?q=&date_from=&date_to=2024&sort=newest&country=sv&page=3", headers=HTMX_RESULTS
    )

    assert response.headers["HX-Push-Url"] == "/?country=SV&date_to=2024"
    assert 'id="timeline-status" hx-swap-oob="innerHTML"' in response.text
    assert 'id="filter-q"' not in response.text


def test_asking_again_for_the_current_state_adds_no_history_entry(client):
    headers = {**HTMX_RESULTS, "HX-Current-URL": "http://testserver/?q=Bukele"}

    response = client.get("/?q=Bukele&date_from=", headers=headers)

    assert response.headers["HX-Push-Url"] == "false"


def test_browser_fragment_rerenders_the_controls_too(client):
    response = client.get("/?q=Bukele", headers=HTMX_BROWSER)

    assert "<html" not in response.text
    assert 'id="filter-q" type="search" name="q" value="Bukele"' in response.text
    assert 'id="timeline-results"' in response.text
    assert response.headers["HX-Push-Url"] == "/?q=Bukele"


def test_history_restore_request_gets_the_whole_page(client):
    response = client.get(
        "/?country=SV", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )

    assert "<html" in response.text
    assert "HX-Push-Url" not in response.headers


def test_fifty_events_a_page_then_a_load_more_link_that_scrolls_in_the_next(client, sv):
    make_events_with_sources(60, actors=[], countries=[sv])

    first = client.get("/?country=SV")
    assert len(titles(first)) == 50
    assertContains(first, 'id="load-more" class="load-more" href="/?country=SV&amp;page=2"')
    assertContains(first, 'hx-trigger="revealed, click"')

    more = client.get("/?country=SV&page=2", headers=HTMX_NEXT_PAGE)
    assert len(titles(more)) == 10
    assert 'id="load-more"' not in more.text
    assert "facet" not in more.text
    assert "HX-Push-Url" not in more.headers
    assert "<html" not in more.text


def test_next_page_continues_the_previous_month_without_repeating_its_heading(client):
    for day in range(1, 28):
        event(f"Jan {day}", datetime.date(2025, 1, day))
        event(f"Feb {day}", datetime.date(2025, 2, day))

    more = client.get("/?page=2", headers=HTMX_NEXT_PAGE)

    sections = more.context["page"].sections
    assert (sections[0].year_heading, sections[0].month_heading) == (None, None)


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("url", "headers", "queries"),
    [
        # The change stamp, the ids, the facets, the time axis (one GROUP BY), the events, their
        # actors, countries and sources
        ("/", {}, 6),
        # ... and the filters' countries and actors
        ("/?country=SV&actor=nayib-bukele&q=event&date_from=2020", {}, 7),
        ("/?country=SV", HTMX_RESULTS, 7),
        ("/?page=1", HTMX_NEXT_PAGE, 5),
    ],
)
def test_timeline_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, count, url, headers, queries, sv, us, bukele, rubio
):
    make_events_with_sources(count, actors=[bukele, rubio], countries=[sv, us])
    # On PostgreSQL a search also sets its statement time limit first (`search.limits`).
    time_limit = 1 if "q=" in url and connection.vendor == "postgresql" else 0

    with django_assert_num_queries(queries + time_limit):
        response = client.get(url, headers=headers)

    assert len(titles(response)) == count


# Events


def test_event_page_shows_every_source(client, sv):
    shown = event("Agreement signed", datetime.date(2025, 4, 14), countries=[sv],
                  date_resolution="'on Monday' in an article published 17 Apr 2025")  # fmt: skip
    first = ExcerptFactory(event=shown, article=ArticleFactory(title="First story"))
    second = ExcerptFactory(event=shown, article=ArticleFactory(title="Second story"))

    response = client.get(shown.get_absolute_url())

    assertContains(response, "<h1>Agreement signed</h1>", html=True)
    assertContains(response, "14 April 2025")
    assertContains(response, "in an article published 17 Apr 2025")
    for excerpt in (first, second):
        assertContains(response, f'href="{excerpt.get_absolute_url()}">')
        assertContains(response, excerpt.quote)


def test_rejected_or_missing_events_are_not_found(client):
    rejected = event("Gone", datetime.date(2025, 1, 1), status=Event.Status.REJECTED)

    assert client.get(rejected.get_absolute_url()).status_code == 404
    assert client.get("/events/999999/").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_event_page_query_count_is_fixed(client, django_assert_num_queries, count, sv, bukele):
    shown = event("Shown", datetime.date(2025, 1, 1), countries=[sv], actors=[bukele])
    ExcerptFactory.create_batch(count, event=shown)

    with django_assert_num_queries(5):
        client.get(shown.get_absolute_url())


# Actors and countries


def test_actor_page_profiles_the_actor_and_scopes_the_timeline(client, bukele, rubio, sv, us):
    event("First", datetime.date(2022, 3, 1), Event.Precision.MONTH, actors=[bukele, rubio],
          countries=[sv])  # fmt: skip
    event("Last", datetime.date(2025, 4, 14), actors=[bukele, rubio], countries=[sv, us])
    event("Undated", actors=[bukele])
    event("Not his", datetime.date(2025, 4, 15), actors=[rubio])

    response = client.get(bukele.get_absolute_url())

    profile = response.context["profile"]
    assert (profile.event_count, profile.undated_count) == (3, 1)
    assert (profile.first_event.title, profile.last_event.title) == ("First", "Last")
    assert [(bar.year, bar.count) for bar in profile.chart.bars] == [
        (2022, 1), (2023, 0), (2024, 0), (2025, 1)
    ]  # fmt: skip
    assert [(c.name, c.count) for c in profile.actors] == [("Marco Rubio", 2)]
    assert [(c.name, c.count) for c in profile.countries] == [
        ("El Salvador", 2), ("United States", 1)
    ]  # fmt: skip
    assertContains(response, "President of El Salvador")
    assertContains(response, "Events per year: 2022: 1, 2023: 0, 2024: 0, 2025: 1")
    assert titles(response) == ["Last", "First", "Undated"]
    actor_facet = next(f for f in response.context["page"].facets if f.name == "actor")
    assert [o.value for o in actor_facet.options] == ["marco-rubio"]


def test_actor_timeline_takes_the_same_filters(client, bukele, sv):
    event("In Salvador", datetime.date(2025, 1, 1), actors=[bukele], countries=[sv])
    event("Abroad", datetime.date(2025, 1, 2), actors=[bukele])

    response = client.get(f"{bukele.get_absolute_url()}?country=SV")
    assert titles(response) == ["In Salvador"]

    fragment = client.get(f"{bukele.get_absolute_url()}?country=SV", headers=HTMX_RESULTS)
    assert "<html" not in fragment.text
    assert fragment.headers["HX-Push-Url"] == f"{bukele.get_absolute_url()}?country=SV"


def test_actor_and_country_lists_count_events_and_appearances(client, bukele, sv):
    event("Early", datetime.date(2022, 3, 1), Event.Precision.MONTH, actors=[bukele],
          countries=[sv])  # fmt: skip
    event("Late", datetime.date(2025, 4, 14), actors=[bukele], countries=[sv])
    event("Rejected", datetime.date(2026, 1, 1), actors=[bukele], countries=[sv],
          status=Event.Status.REJECTED)  # fmt: skip

    for url, obj in ((reverse("timeline:actors"), bukele), (reverse("timeline:countries"), sv)):
        response = client.get(url)
        listed = response.context["directory"].rows[0]
        assert listed == obj
        assert listed.event_count == 2
        assertContains(response, 'data-label="First">March 2022</td>')
        assertContains(response, 'data-label="Last">14 April 2025</td>')


def test_the_actors_directory_is_paged_busiest_first(client, sv):
    for number in range(DIRECTORY_PAGE_SIZE + 5):
        ActorFactory(name=f"Actor {number:03}", slug=f"actor-{number:03}")
    busy = ActorFactory(name="Zed Busy", slug="zed-busy")
    event("Busy day", datetime.date(2024, 5, 1), actors=[busy])

    first = client.get(reverse("timeline:actors"))
    rows = first.context["directory"].rows
    assert rows[0] == busy and len(rows) == DIRECTORY_PAGE_SIZE
    assertContains(first, 'href="/actors/?page=2" rel="next"')

    total = Actor.objects.count()
    last = client.get(reverse("timeline:actors"), {"page": "2"}).context["directory"]
    assert (last.number, len(last.rows), last.next_page_number) == (2, total - 100, None)
    assert client.get(reverse("timeline:actors"), {"page": "999"}).context["directory"].number == 2
    assert client.get(reverse("timeline:actors"), {"page": "x"}).context["directory"].number == 1


def test_links_drop_filter_values_that_name_nothing(client, sv, bukele):
    event("Here", datetime.date(2025, 1, 1), countries=[sv], actors=[bukele])

    response = client.get("/?country=SV&country=ZZ&actor=nobody")

    assertContains(response, "There is no country with the code “ZZ”")
    links = re.findall(r'href="([^"]*\?[^"]*)"', response.text)
    assert any("country=SV" in link for link in links)
    assert not [link for link in links if "ZZ" in link or "nobody" in link]


def test_country_page_accepts_lowercase_codes_and_404s_unknown_ones(client, sv):
    event("Here", datetime.date(2025, 1, 1), countries=[sv])

    response = client.get("/countries/sv/")
    assert response.status_code == 200
    assert titles(response) == ["Here"]
    assert client.get("/countries/ZZ/").status_code == 404
    assert client.get("/countries/%00x/").status_code == 404
    assert client.get("/actors/nobody-at-all/").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # The change stamp, the event counts, the names, the page's rows, the newest event's
        # id, their first and last appearances (rows in many events walk the date index, the
        # others read their links: here all are in many)
        ("/actors/", 6),
        ("/countries/", 6),
        # The change stamp, the actor or country, the ids, the facets, the time axis, the
        # events, their relations, the profile's figures and its events per year
        ("/actors/nayib-bukele/", 9),
        ("/countries/SV/", 9),
        # A filter changed on the page: its results alone (no profile), and the filter values
        ("/actors/nayib-bukele/?country=US", 8),
        ("/countries/SV/?actor=marco-rubio&type=meeting", 9),
    ],
)
def test_actor_and_country_pages_query_count_is_fixed(
    client, django_assert_num_queries, count, url, queries, sv, us, bukele, rubio
):
    make_events_with_sources(count, actors=[bukele, rubio], countries=[sv, us])
    headers = HTMX_RESULTS if "?" in url else {}

    with django_assert_num_queries(queries):
        response = client.get(url, headers=headers)

    assert response.status_code == 200


def test_scheduled_events_show_as_expected_and_filter_apart(client):
    event("Elections", datetime.date(2025, 5, 18), scheduled=True)
    event("Visit", datetime.date(2025, 4, 14))
    response = client.get("/")
    assert titles(response) == ["Elections", "Visit"]
    assertContains(response, "expected on 18 May 2025")
    assert titles(client.get("/?scheduled=expected")) == ["Elections"]
    assert titles(client.get("/?scheduled=reported")) == ["Visit"]
    response = client.get("/?scheduled=someday")
    assert titles(response) == ["Elections", "Visit"]
    assert "not a scheduled filter" in " ".join(response.context["page"].filters.errors)
