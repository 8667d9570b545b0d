"""axe-core finds no violation on any page type, wide and narrow."""

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
        slug="nayib-bukele", defaults={"name": "Nayib Bukele", "role": "President", "country": sv}
    )
    article = ArticleFactory(
        title="Bukele and Rubio meet",
        body="Intro.\n\nBukele met Rubio in San Salvador on Monday.\n\nMore text.",
        byline="Staff",
    )
    quote = "Bukele met Rubio in San Salvador on Monday."
    start = article.body.index(quote)
    dated = EventFactory(
        title="Meeting in San Salvador",
        date=datetime.date(2025, 4, 14),
        date_resolution="'on Monday' in an article published 17 Apr 2025",
        actors=[bukele],
        countries=[sv, us],
    )
    ExcerptFactory(article=article, event=dated, start=start, end=start + len(quote), quote=quote)
    EventFactory(title="Reviewed", date=datetime.date(2022, 3, 1),
                 date_precision=Event.Precision.MONTH, status=Event.Status.REVIEWED,
                 actors=[bukele], countries=[sv])  # fmt: skip
    EventFactory(title="Undated", date=None, date_precision=Event.Precision.UNKNOWN,
                 actors=[bukele])  # fmt: skip
    return {
        "timeline": "/",
        "filtered timeline": "/?country=SV&country=ZZ&date_from=bad",
        "actor": bukele.get_absolute_url(),
        "actors": "/actors/",
        "country": sv.get_absolute_url(),
        "countries": "/countries/",
        "article": article.get_absolute_url(),
        "article excerpt": f"{article.get_absolute_url()}#excerpt-{dated.excerpts.get().pk}",
        "articles": "/articles/",
        "event": dated.get_absolute_url(),
        "api": "/api/",
        "embed": f"/embed/?actor=nayib-bukele#event-{dated.pk}",
        "empty results": "/?q=nothing+matches",
        "not found": "/events/999999/",
    }


@pytest.mark.parametrize("width", [1280, 360])
def test_no_axe_violations_on_any_page_type(live_server, browser, pages, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    axe = Axe()
    reports = {}
    overflowing = []
    for name, path in pages.items():
        page.goto(live_server.url + path)
        results = axe.run(page)
        if results.violations_count:
            reports[name] = results.generate_report()
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(name)
    context.close()

    assert reports == {}
    assert overflowing == [], "pages wider than the screen"


def test_keyboard_focus_is_visible(live_server, page, pages):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")

    focused = page.locator(":focus")
    assert focused.inner_text() == "Skip to content"
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
