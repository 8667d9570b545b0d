"""Issue 12, item 15: an actor's or a country's page is paged like the timeline (50 events, then
a link that loads the next 50), so its HTML stays the same size however busy the actor is."""

import pytest
from django.core.cache import cache

from tests.factories import make_events_with_sources

pytestmark = pytest.mark.django_db

HTMX_NEXT_PAGE = {"HX-Request": "true", "HX-Target": "load-more"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def without_axis(html: bytes) -> bytes:
    """The page less its time axis, whose bars are bounded by periods (at most 62), not events."""
    start = html.index(b'<figure id="timeline-axis"')
    return html[:start] + html[html.index(b"</figure>", start) :]


def event_count(response) -> int:
    return sum(len(section.events) for section in response.context["page"].sections)


@pytest.mark.parametrize("url", ["/actors/nayib-bukele/", "/countries/SV/"])
def test_a_busy_profile_page_shows_fifty_events_and_links_the_next_fifty(client, url, bukele, sv):
    make_events_with_sources(60, actors=[bukele], countries=[sv])

    first = client.get(url)
    more = client.get(f"{url}?page=2", headers=HTMX_NEXT_PAGE)

    assert event_count(first) == 50
    assert f'id="load-more" class="load-more" href="{url}?page=2"' in first.text
    assert event_count(more) == 10
    assert "<html" not in more.text


@pytest.mark.parametrize("url", ["/actors/nayib-bukele/", "/countries/SV/"])
def test_a_profile_page_does_not_grow_with_the_events(client, url, bukele, sv):
    make_events_with_sources(60, actors=[bukele], countries=[sv])
    size_at_60 = len(without_axis(client.get(url).content))
    cache.clear()
    make_events_with_sources(120, actors=[bukele], countries=[sv])

    size_at_180 = len(without_axis(client.get(url).content))

    # Only the figures (counts, years, dates) differ: a few hundred bytes, not 120 events.
    assert abs(size_at_180 - size_at_60) < size_at_60 * 0.05
