"""Scale: conditional GET, bounded queries per page whatever the data size, deep pages, and the
large-corpus generator at a small size. (Timings are measured by hand: bench/serve.)"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from tests.factories import EventFactory, ExcerptFactory
from timeline.models import Actor, Country, Event

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/?country=SV",
    "/?actor=nayib-bukele&country=SV&date_from=2020&date_to=2025",
    "/?q=generated",
    "/actors/nayib-bukele/",
    "/countries/SV/",
    "/?page=3",
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def make_events(count):
    sv, bukele = Country.objects.get(code="SV"), Actor.objects.get(slug="nayib-bukele")
    for number in range(count):
        event = EventFactory(
            title=f"Generated event {number}",
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
            actors=[bukele],
            countries=[sv],
        )
        ExcerptFactory(event=event)


@pytest.mark.parametrize("url", PAGES)
def test_a_repeat_request_for_an_unchanged_view_is_a_304(client, url):
    make_events(110)
    first = client.get(url)
    assert first.status_code == 200
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]

    again = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_a_change_or_another_variant_is_a_new_etag(client):
    make_events(3)
    first = client.get("/")
    partial = client.get("/", headers={"HX-Request": "true", "HX-Target": "timeline-results"})
    assert partial["ETag"] != first["ETag"]

    Event.objects.filter(title="Generated event 1").first().save()

    assert client.get("/", headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_the_304_costs_one_query(client, django_assert_num_queries):
    make_events(3)
    etag = client.get("/?country=SV")["ETag"]
    with django_assert_num_queries(1):
        client.get("/?country=SV", headers={"If-None-Match": etag})


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("count", [110, 220])
def test_at_most_9_queries_per_page_and_1_once_it_is_cached(
    client, django_assert_max_num_queries, django_assert_num_queries, url, count
):
    """The first reader of a filter state pays for its summary (total, facets, first pages'
    ids; time axis; profile) and its 50 events in a fixed number of queries; every later reader
    until the data changes, for the change stamp alone (the results come from the fragment
    cache)."""
    make_events(count)
    # On PostgreSQL a search also sets its statement time limit first (`search.limits`).
    time_limit = 1 if "q=" in url and connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(9 + time_limit):
        first = client.get(url)
    with django_assert_num_queries(1 + time_limit):
        again = client.get(url)
    assert again.status_code == 200
    shown = re.compile(r'class="event-title"><a href="([^"]+)"')
    assert shown.findall(again.text) == shown.findall(first.text) != []


def test_the_fragment_cache_follows_the_data_and_the_language(client):
    make_events(3)
    client.get("/")
    Event.objects.filter(title="Generated event 1").update(title="Renamed event")
    assert "Renamed event" not in client.get("/").text  # a bare UPDATE moves no stamp
    Event.objects.get(title="Renamed event").save()
    assert "Renamed event" in client.get("/").text
    spanish = client.get("/", headers={"Accept-Language": "es"})
    assert "Fecha" in spanish.text or "eventos" in spanish.text
    assert 'lang="es"' in spanish.text and "3 events" not in spanish.text


def test_deep_pages_show_the_right_rows_and_continue_headings(client):
    make_events(160)
    page_3 = client.get("/?page=3").context["page"]
    events = [event for section in page_3.sections for event in section.events]
    assert [e.title for e in events] == [f"Generated event {n}" for n in range(59, 9, -1)]
    assert page_3.start_index == 101 and page_3.end_index == 150


def test_generate_corpus_writes_a_skewed_searchable_corpus():
    call_command("generate_corpus", articles=30, events=400, actors=60, countries=20, seed=3)

    assert Event.objects.count() == 400
    assert Country.objects.count() == 20
    busiest = Actor.objects.order_by("-events__count").values_list("name", flat=True)
    counts = sorted((a.events.count() for a in Actor.objects.all()), reverse=True)
    assert counts[0] > 10 * counts[len(counts) // 2] > 0 or counts[len(counts) // 2] == 0
    assert busiest.exists()
    excerpt = Event.objects.filter(excerpts__isnull=False).first().excerpts.first()
    assert excerpt.article.body[excerpt.start : excerpt.end] == excerpt.quote
    word = excerpt.quote.split()[-1].strip(".")
    assert Event.objects.search(word).exists()


def test_over_the_exact_limit_the_total_is_still_exact_and_facets_sampled(client, settings):
    """Counting ids stops at the limit, but the time axis counts every matching event by date
    (one GROUP BY), which gives the exact total; the facets still count the newest ones."""
    settings.TIMELINE_EXACT_COUNT_LIMIT = 100
    make_events(160)

    response = client.get("/")
    page = response.context["page"]
    assert (page.total, page.total_is_lower_bound, page.facet_sample) == (100, True, 100)
    assert page.has_next
    assert [o.count for f in page.facets if f.name == "country" for o in f.options] == [100]
    assert page.exact_total == 160
    assert "160 events" in response.text and "More than" not in response.text
    assert sum(bar.count for bar in page.axis.bars) == 160
    assert "Counts over the latest 100 matching events." in response.text

    deep = client.get("/?page=3").context["page"]
    assert (deep.start_index, deep.end_index, deep.total_is_lower_bound) == (101, 150, True)

    actor_page = client.get("/actors/nayib-bukele/")
    profile = actor_page.context["profile"]
    assert (profile.sample, profile.event_count) == (100, 160)
    assert sum(bar.count for bar in profile.chart.bars) == 160
    assert "The companions below are counted over the latest 100 events." in actor_page.text


def test_under_the_exact_limit_totals_and_figures_are_exact(client, settings):
    settings.TIMELINE_EXACT_COUNT_LIMIT = 100
    make_events(60)

    page = client.get("/?country=SV").context["page"]
    assert (page.total, page.total_is_lower_bound, page.facet_sample) == (60, False, None)
    assert client.get("/actors/nayib-bukele/").context["profile"].sample is None


def test_on_postgresql_newest_first_pages_need_no_sort():
    """`date DESC NULLS LAST` is not a backward scan of an ascending index on PostgreSQL; without
    the index of migration 0006 every page sorted all the events."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's NULL ordering; SQLite scans its (date, id, status) index")
    make_events(3)
    ordered = Event.objects.visible().chronological(newest_first=True).values("pk")[100:150]
    sql, params = ordered.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "timeline_event_newest_first" in plan
    assert "Sort" not in plan
