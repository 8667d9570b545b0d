"""The embeddable timeline: any filter state, no chrome or cookies, framable only where allowed."""

import datetime
import html

import pytest
from django.test import override_settings

from tests.factories import CountryFactory, EventFactory, ExcerptFactory
from timeline.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    us = CountryFactory(code="US", name="United States", slug="united-states")
    bukele, _ = Actor.objects.get_or_create(
        slug="nayib-bukele", defaults={"name": "Nayib Bukele", "country": sv}
    )
    meeting = EventFactory(
        title="Meeting in San Salvador", date=datetime.date(2025, 4, 14),
        actors=[bukele], countries=[sv, us],
    )  # fmt: skip
    ExcerptFactory(event=meeting)
    EventFactory(title="Washington statement", date=datetime.date(2024, 6, 1), countries=[us])
    return {"sv": sv, "bukele": bukele, "meeting": meeting}


def test_the_embed_shows_the_filtered_events_with_sources_and_axis_without_chrome(client, story):
    response = client.get("/embed/?country=SV")
    text = response.text
    assert response.status_code == 200
    assert "Meeting in San Salvador" in text and "Washington statement" not in text
    assert f'id="event-{story["meeting"].pk}"' in text
    assert 'class="source-link"' in text
    assert 'id="timeline-axis"' in text
    assert '<base target="_parent">' in text
    # The bars narrow the dates inside the frame; everything else opens in the story page.
    assert 'href="/embed/?country=SV&amp;date_from=2025-04-14&amp;date_to=2025-04-14"' in text
    assert 'target="_self"' in text
    assert "site-header" not in text and "language-switcher" not in text
    assert "js/embed-frame.js" in text


def test_the_embed_sets_no_cookie_and_carries_no_csrf_token(client, story):
    response = client.get("/embed/?country=SV")
    assert not response.cookies
    assert "csrf" not in response.text.lower()


def test_only_the_embed_may_be_framed_and_only_by_the_allowed_origins(client, story):
    with override_settings(EMBED_ALLOWED_ORIGINS=["https://news.example.org"]):
        embed = client.get("/embed/")
        page = client.get("/")
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors 'self' https://news.example.org" in embed["Content-Security-Policy"]
    assert "script-src 'self'" in embed["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_the_embed_speaks_the_readers_language(client, story):
    response = client.get("/embed/?country=SV", headers={"Accept-Language": "es"})
    assert '<html lang="es"' in response.text


def test_each_page_offers_its_view_to_embed_with_a_preview(client, story):
    text = html.unescape(client.get("/?country=SV").text)
    assert 'src="http://testserver/embed/?country=SV"' in text
    assert "js/embed-parent.js" in text
    assert '<iframe class="newsroom-timeline-embed embed-preview" src="/embed/?country=SV"' in text

    actor_page = html.unescape(client.get("/actors/nayib-bukele/?type=meeting").text)
    assert 'src="http://testserver/embed/?type=meeting&amp;actor=nayib-bukele"' in actor_page


def test_the_embed_query_count_does_not_grow_with_events(client, story, django_assert_num_queries):
    for number in range(20):
        EventFactory(date=datetime.date(2020, 1, 1 + number), countries=[story["sv"]])
    # The change stamp, the country, the ids, the facets, the axis, the events, their relations
    with django_assert_num_queries(7):
        client.get("/embed/?country=SV")
