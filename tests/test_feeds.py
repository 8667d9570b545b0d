"""Atom feeds of the timeline, an actor and a country: valid, newest first, escaped, filtered."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from tests.seeds import SEEDS
from timeline.models import Event

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/feed.atom", "/actors/nayib-bukele/feed.atom", "/countries/SV/feed.atom"]


def added_at(event: Event, moment: datetime.datetime) -> Event:
    """Pretend the event joined the timeline at `moment` (`created` is auto_now_add)."""
    Event.objects.filter(pk=event.pk).update(created=moment, updated=moment)
    event.refresh_from_db()
    return event


def assert_valid_atom(text: str) -> ET.Element:
    """feedparser reads it without complaint, and it has what RFC 4287 requires."""
    parsed = feedparser.parse(text)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = ET.fromstring(text.encode())
    assert root.tag == f"{ATOM}feed"
    for element in (root, *root.findall(f"{ATOM}entry")):
        for child in ("id", "title", "updated"):
            assert (element.findtext(f"{ATOM}{child}") or "").strip(), (element.tag, child)
        assert element.find(f"{ATOM}link[@rel='alternate']") is not None
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    published = [entry.findtext(f"{ATOM}published") for entry in root.findall(f"{ATOM}entry")]
    moments = [datetime.datetime.fromisoformat(value) for value in published]
    assert moments == sorted(moments, reverse=True), "entries must be newest first"
    return root


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_of_the_seeds_is_valid_atom(client, url):
    call_command("import_articles", str(SEEDS), verbosity=0)

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = assert_valid_atom(response.text)
    assert entries(root)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"http://testserver{url}"


def test_entries_are_the_latest_additions_newest_first(client, sv):
    now = timezone.now()
    day = datetime.timedelta(days=1)
    old_story = added_at(EventFactory(title="About 2019", date=datetime.date(2019, 1, 1)), now)
    earlier = added_at(
        EventFactory(title="About 2025", date=datetime.date(2025, 1, 1)), now - 2 * day
    )
    middle = added_at(EventFactory(title="Undated", date=None), now - day)

    root = assert_valid_atom(client.get("/feed.atom").text)

    ids = [entry.findtext(f"{ATOM}id") for entry in entries(root)]
    expected = [old_story, middle, earlier]
    assert ids == [f"tag:newsroom-timeline,2025:event/{event.pk}" for event in expected]
    assert root.findtext(f"{ATOM}updated") == old_story.updated.isoformat()


def test_an_entry_links_to_the_event_and_carries_its_dates_and_categories(client, sv, bukele):
    shown = EventFactory(title="Agreement signed", event_type=Event.Type.AGREEMENT,
                         actors=[bukele], countries=[sv])  # fmt: skip
    ExcerptFactory(event=shown, article=ArticleFactory(outlet="EFE"))
    Event.objects.filter(pk=shown.pk).update(updated=shown.created + datetime.timedelta(hours=3))
    shown.refresh_from_db()

    parsed = feedparser.parse(client.get("/feed.atom").text)

    (entry,) = parsed.entries
    assert entry.link == f"http://testserver/events/{shown.pk}/"
    assert entry.title == "Agreement signed (14 April 2025)"
    assert entry.published == shown.created.isoformat()
    assert entry.updated == shown.updated.isoformat()
    assert {tag.term for tag in entry.tags} == {"Agreement", "Nayib Bukele", "El Salvador"}
    excerpt = shown.excerpts.get()
    assert f"http://testserver{excerpt.get_absolute_url()}" in entry.summary
    assert "Source: EFE" in entry.summary


def test_untrusted_text_stays_text_in_the_feed(client):
    hostile = EventFactory(title='<script>alert("t")</script>')
    article = ArticleFactory(body='<img src=x onerror=alert("q")> said', outlet="<b>Outlet</b>")
    ExcerptFactory(event=hostile, article=article)

    text = client.get("/feed.atom").text

    root = assert_valid_atom(text)
    (entry,) = entries(root)
    assert entry.findtext(f"{ATOM}title") == '<script>alert("t")</script> (14 April 2025)'
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert "<img" not in summary.text and "<b>" not in summary.text
    assert "&lt;img src=x onerror=alert(&quot;q&quot;)&gt;" in summary.text
    assert "Source: &lt;b&gt;Outlet&lt;/b&gt;" in summary.text


def test_an_actor_feed_has_only_their_events_with_the_filters(client, sv, bukele):
    EventFactory(title="Bukele meets", actors=[bukele], countries=[sv])
    EventFactory(title="Bukele visits", actors=[bukele], event_type=Event.Type.VISIT)
    EventFactory(title="Someone else meets", countries=[sv])
    EventFactory(title="Bukele rejected", actors=[bukele], status=Event.Status.REJECTED)

    everything = feedparser.parse(client.get("/actors/nayib-bukele/feed.atom").text)
    meetings = feedparser.parse(client.get("/actors/nayib-bukele/feed.atom?type=meeting").text)

    assert everything.feed.title == "Nayib Bukele · Newsroom Timeline"
    assert {entry.title.split(" (")[0] for entry in everything.entries} == {
        "Bukele meets", "Bukele visits",
    }  # fmt: skip
    assert meetings.feed.title == "Nayib Bukele · Newsroom Timeline (filtered)"
    assert [entry.title.split(" (")[0] for entry in meetings.entries] == ["Bukele meets"]
    assert meetings.feed.link == "http://testserver/actors/nayib-bukele/?type=meeting"


def test_a_country_feed_reports_ignored_filters(client, sv):
    EventFactory(title="In El Salvador", countries=[sv])
    EventFactory(title="Elsewhere")

    parsed = feedparser.parse(client.get("/countries/sv/feed.atom?actor=nobody").text)

    assert parsed.bozo == 0
    # The only filter named nobody: the feed is the country's whole feed, and says so.
    assert parsed.feed.title == "El Salvador · Newsroom Timeline"
    assert "There is no actor “nobody”; that filter was ignored." in parsed.feed.subtitle
    assert [entry.title.split(" (")[0] for entry in parsed.entries] == ["In El Salvador"]


def test_a_feed_holds_at_most_fifty_entries(client):
    for number in range(52):
        EventFactory(title=f"Event {number}")

    parsed = feedparser.parse(client.get("/feed.atom").text)

    assert len(parsed.entries) == 50
    assert parsed.entries[0].title.startswith("Event 51 ")


@pytest.mark.parametrize("url", ["/actors/nobody/feed.atom", "/countries/ZZ/feed.atom",
                                 "/countries/S%3C/feed.atom"])  # fmt: skip
def test_a_feed_of_an_unknown_scope_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # The change stamp, the events and their actors, countries and sources
        ("/feed.atom", 5),
        # ... and the actor or country, and the filters' actors
        ("/actors/nayib-bukele/feed.atom", 6),
        ("/countries/SV/feed.atom?actor=nayib-bukele&type=meeting", 7),
    ],
)
def test_feed_query_count_does_not_grow_with_events(
    client, django_assert_num_queries, count, url, queries, sv, bukele
):
    for number in range(count):
        created = EventFactory(title=f"Generated {number}", actors=[bukele], countries=[sv])
        ExcerptFactory.create_batch(2, event=created)

    with django_assert_num_queries(queries):
        response = client.get(url)

    assert len(feedparser.parse(response.text).entries) == count


def test_an_unchanged_feed_answers_304_after_one_query(client, django_assert_num_queries, sv):
    EventFactory(title="First", countries=[sv])
    etag = client.get("/countries/SV/feed.atom")["ETag"]

    with django_assert_num_queries(1):
        assert client.get("/countries/SV/feed.atom", HTTP_IF_NONE_MATCH=etag).status_code == 304
    EventFactory(title="Second", countries=[sv])
    refreshed = client.get("/countries/SV/feed.atom", HTTP_IF_NONE_MATCH=etag)
    assert refreshed.status_code == 200 and "Second" in refreshed.text
