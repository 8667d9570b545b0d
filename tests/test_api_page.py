"""The API page, the JSON Schema it publishes, and the Export menu and feed links on each page."""

import datetime
import re
from html import unescape

import jsonschema
import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains

from tests.factories import EventFactory
from tests.seeds import SEEDS
from timeline.api_schema import TIMELINE_JSON_SCHEMA
from timeline.models import Actor, Country

pytestmark = pytest.mark.django_db

HTMX_RESULTS = {"HX-Request": "true", "HX-Target": "timeline-results"}
EXPORT_SUFFIXES = ["timeline.json", "timeline.csv", "timeline.timelinejs.json", "timeline.ics"]


def hrefs(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', html)]


def export_menu(html: str) -> str:
    return re.search(r'<details class="export-menu">.*?</details>', html, re.S).group(0)


def test_the_api_page_documents_formats_filters_and_examples(client):
    response = client.get("/api/")

    assert response.status_code == 200
    for words in ("/timeline.json", "/timeline.csv", "/timeline.timelinejs.json",
                  "/timeline.ics", "/feed.atom", "/actors/&lt;slug&gt;/", "page_size",
                  "date_from", "warnings", "next", "TL.Timeline"):  # fmt: skip
        assertContains(response, words)


def test_every_link_on_the_api_page_works(client):
    call_command("import_articles", str(SEEDS), verbosity=0)

    main = client.get("/api/").text.split('<main id="main"')[1].split("</main>")[0]
    links = [href for href in hrefs(main) if href.startswith("/")]

    assert len(links) > 10
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        if response.streaming:
            b"".join(response.streaming_content)


def test_the_published_schema_is_a_valid_json_schema(client):
    response = client.get("/api/timeline.schema.json")

    assert response["Content-Type"] == "application/schema+json"
    schema = response.json()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == TIMELINE_JSON_SCHEMA
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"count": 0, "events": []}, schema)


@pytest.mark.parametrize(
    ("page", "exports", "feed"),
    [
        ("/", "/", "/feed.atom"),
        ("/actors/nayib-bukele/", "/actors/nayib-bukele/", "/actors/nayib-bukele/feed.atom"),
        ("/countries/SV/", "/countries/SV/", "/countries/SV/feed.atom"),
    ],
)
def test_each_page_links_its_exports_and_feed_with_the_filters(client, page, exports, feed):
    query = "q=talks&type=meeting&date_from=2024&sort=oldest"

    html = client.get(f"{page}?{query}&page=1").text

    menu = hrefs(export_menu(html))
    for suffix in EXPORT_SUFFIXES:
        assert f"{exports}{suffix}?{query}" in menu
    assert f"{feed}?q=talks&type=meeting&date_from=2024" in menu
    assert "/api/" in menu
    head = html.split("</head>")[0]
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
        rf'href="{re.escape(feed)}\?q=talks&amp;type=meeting&amp;date_from=2024">',
        head,
    )
    assert 'type="application/json" title="' in head


def test_the_export_menu_follows_the_filters_in_htmx_results(client):
    sv = Country.objects.get(code="SV")
    EventFactory(title="Talks", date=datetime.date(2024, 1, 1), countries=[sv])

    html = client.get("/?country=SV", headers=HTMX_RESULTS).text

    assert "/timeline.csv?country=SV" in hrefs(export_menu(html))


def test_the_advertised_links_work(client):
    call_command("import_articles", str(SEEDS), verbosity=0)
    actor = Actor.objects.get(slug="nayib-bukele")

    html = client.get(f"{actor.get_absolute_url()}?country=US").text

    for link in hrefs(export_menu(html)):
        response = client.get(link)
        assert response.status_code == 200, link
        if response.streaming:
            assert b"".join(response.streaming_content), link
