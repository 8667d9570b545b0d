"""Every public URL answers 200, 400 or 404 (or a redirect) to any query string, never 500.

The URLs are read from the URL configuration when the test runs, so pages and exports added
later are fuzzed too; path parameters take real slugs, codes and ids as well as junk. Query
keys are the filters the pages read plus random ones; values are random text with NUL,
control characters, huge numbers, dates that do not exist and other scripts.
"""

import re
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.factories import ActorFactory, ArticleFactory, CountryFactory, EventFactory
from timeline.models import Excerpt

ACCEPTABLE = {200, 301, 302, 304, 400, 404}
FILTER_KEYS = [
    "q", "country", "actor", "type", "date_from", "date_to", "sort", "page", "sources",
    "page_size", "format", "cursor", "since", "limit", "callback",
]  # fmt: skip
NASTY_VALUES = [
    "", "\x00", "%00", "SV\x00", "9" * 400, "-1", "0", "1e309", "NaN", "2024-02-30", "0000",
    "99999-01-01", "March 20222", "'; DROP TABLE timeline_event; --", "<script>", "{{7*7}}",
    "../../etc/passwd", "مرحبا", "🇸🇻", "\u202e", "a" * 5000, "nayib-bukele", "US", "oldest",
    "meeting", "disputed", "2025", "%", "%zz", "&", "=", "[]",
]  # fmt: skip
PARAMETER_VALUES = {
    "pk": ["{event}", "0", "99999999999999999999"],
    "slug": ["{actor}", "{article}", "no-such-slug", "a" * 300],
    "code": ["SV", "{country}", "sv", "ZZ", "ÿÿ", "S%00V"],
}
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
PRIVATE_PREFIXES = ("admin/", "static/", "media/", "__")


def public_routes() -> list[str]:
    """Route templates of every public page, from the URL configuration as it is now."""
    routes: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if route.startswith(PRIVATE_PREFIXES) or str(entry.pattern).startswith("^"):
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                routes.append(route)

    walk(get_resolver().url_patterns, "")
    return sorted(set(routes))


def fill_route(route: str, choose, known: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        values = PARAMETER_VALUES.get(match["name"], ["x", "{actor}"])
        return quote(choose(values).format(**known), safe="")

    return "/" + ROUTE_PARAMETER.sub(replace, route)


query_values = st.sampled_from(NASTY_VALUES) | st.text(max_size=30) | st.integers().map(str)
query_pairs = st.lists(
    st.tuples(st.sampled_from(FILTER_KEYS) | st.text(min_size=1, max_size=8), query_values),
    max_size=8,
)


class PublicUrlFuzzTest(TestCase):
    """hypothesis' TestCase rolls the database back around every example."""

    @classmethod
    def setUpTestData(cls):
        country = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
        actor = ActorFactory(name="Fuzzy Actor", slug="fuzzy-actor", country=country)
        article = ArticleFactory(title="Bukele met Rubio", body="Bukele met Rubio on Monday.")
        event = EventFactory(title="Meeting", actors=[actor], countries=[country])
        Excerpt.objects.create(
            article=article, event=event, start=0, end=len(article.body), quote=article.body
        )
        cls.known = {
            "event": str(event.pk),
            "actor": actor.slug,
            "article": article.slug,
            "country": country.code,
        }
        cls.routes = public_routes()

    def test_the_routes_include_the_reading_pages(self):
        assert {"", "events/<int:pk>/", "actors/<slug:slug>/", "articles/<slug:slug>/"} <= set(
            self.routes
        )

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    )
    @given(data=st.data(), pairs=query_pairs, htmx=st.booleans())
    def test_any_query_string_on_any_public_url_is_answered_without_a_server_error(
        self, data, pairs, htmx
    ):
        route = data.draw(st.sampled_from(self.routes), label="route")
        path = fill_route(route, lambda values: data.draw(st.sampled_from(values)), self.known)
        query = "&".join(f"{quote(key, safe='')}={quote(value, safe='')}" for key, value in pairs)
        headers = {"HX-Request": "true", "HX-Target": "results"} if htmx else {}

        response = self.client.get(f"{path}?{query}", headers=headers)

        assert response.status_code in ACCEPTABLE, (path, query, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["q=%00", "country=S%00V", "page=99999999999999999999999", "page=999999999999999999"],
)
def test_known_hostile_values_on_the_timeline_are_answered(client, query):
    EventFactory()
    assert client.get(f"/?{query}").status_code in ACCEPTABLE
