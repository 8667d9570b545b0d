"""The Spanish interface in Chromium: accessible, and switching language keeps the filters."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import ArticleFactory, CountryFactory, EventFactory, ExcerptFactory
from timeline.models import Actor, Event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def pages():
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    us = CountryFactory(code="US", name="United States", slug="united-states")
    bukele, _ = Actor.objects.get_or_create(
        slug="nayib-bukele",
        defaults={"name": "Nayib Bukele", "role": "President of El Salvador", "country": sv},
    )
    article = ArticleFactory(
        title="Bukele y Rubio se reúnen",
        body="Intro.\n\nBukele se reunió con Rubio este lunes.\n\nMás texto.",
        language="es",
        published=datetime.date(2025, 4, 14),
    )
    quote = "Bukele se reunió con Rubio este lunes."
    start = article.body.index(quote)
    dated = EventFactory(
        title="Reunión en San Salvador",
        date=datetime.date(2025, 4, 14),
        date_resolution="'este lunes' in an article published 14 Apr 2025",
        event_type=Event.Type.MEETING,
        actors=[bukele],
        countries=[sv, us],
    )
    ExcerptFactory(article=article, event=dated, start=start, end=start + len(quote), quote=quote)
    EventFactory(title="Visita", date=datetime.date(2022, 3, 1),
                 date_precision=Event.Precision.MONTH, event_type=Event.Type.VISIT,
                 actors=[bukele], countries=[us])  # fmt: skip
    return {
        "timeline": "/",
        "actor": bukele.get_absolute_url(),
        "article": article.get_absolute_url(),
        "actors": "/actors/",
        "country": sv.get_absolute_url(),
        "countries": "/countries/",
        "event": dated.get_absolute_url(),
        "articles": "/articles/",
        "api": "/api/",
    }


@pytest.fixture
def spanish_page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="es-ES", extra_http_headers={}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def test_no_axe_violations_on_spanish_pages(live_server, spanish_page, pages):
    axe = Axe()
    reports = {}
    for name, path in pages.items():
        spanish_page.goto(live_server.url + path)
        assert spanish_page.locator("html").get_attribute("lang") == "es", name
        results = axe.run(spanish_page)
        if results.violations_count:
            reports[name] = results.generate_report()
    assert reports == {}


def test_switching_language_keeps_the_filters(live_server, page, pages):
    page.goto(live_server.url + "/?type=meeting")
    page.get_by_label("Search titles and excerpts").fill("Reunión")
    page.wait_for_url("**q=Reuni*")
    assert page.locator(".event-title").count() == 1

    page.get_by_role("button", name="Español").click()

    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert "type=meeting" in page.url and "q=Reuni" in page.url
    assert page.get_by_label("Buscar en títulos y fragmentos").input_value() == "Reunión"
    assert page.locator(".event-title").all_inner_texts() == ["Reunión en San Salvador"]

    page.get_by_role("button", name="English").click()

    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "type=meeting" in page.url and "q=Reuni" in page.url
