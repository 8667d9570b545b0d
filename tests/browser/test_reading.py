"""The reading experience in a real browser: htmx filtering, history, sources, infinite scroll."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.browser.htmx import TRACK_HTMX, go_back, go_forward, wait_for_htmx
from tests.factories import ArticleFactory, CountryFactory, EventFactory, ExcerptFactory
from timeline.models import Actor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def story():
    """Three events, two in El Salvador, each with a source excerpt."""
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    us = CountryFactory(code="US", name="United States", slug="united-states")
    bukele, _ = Actor.objects.get_or_create(
        slug="nayib-bukele", defaults={"name": "Nayib Bukele", "country": sv}
    )
    article = ArticleFactory(
        title="Bukele and Rubio meet",
        body="Intro paragraph.\n\nBukele met Rubio in San Salvador on Monday.\n\nMore text.",
    )
    events = [
        EventFactory(title="Meeting in San Salvador", date=datetime.date(2025, 4, 14),
                     actors=[bukele], countries=[sv, us]),
        EventFactory(title="Prison transfer", date=datetime.date(2025, 3, 16),
                     actors=[bukele], countries=[sv]),
        EventFactory(title="Washington statement", date=datetime.date(2024, 6, 1),
                     countries=[us]),
    ]  # fmt: skip
    quote = "Bukele met Rubio in San Salvador on Monday."
    start = article.body.index(quote)
    excerpt = ExcerptFactory(
        article=article, event=events[0], start=start, end=start + len(quote), quote=quote
    )
    for other in events[1:]:
        ExcerptFactory(event=other)
    return {"events": events, "excerpt": excerpt, "article": article, "actor": bukele}


def event_titles(page):
    return page.locator(".event-title").all_inner_texts()


def test_choosing_a_country_swaps_the_results_and_back_restores_them(live_server, page, story):
    page.goto(live_server.url + "/")
    expect(page.locator(".event")).to_have_count(3)
    page.evaluate("window.loadedOnce = true")

    page.locator("#facet-country-SV").click()

    page.wait_for_url(re.compile(r"/\?country=SV$"))
    expect(page.locator(".event")).to_have_count(2)
    expect(page.locator("#facet-country-SV")).to_have_class(re.compile("is-selected"))
    assert page.evaluate("window.loadedOnce") is True, "the whole page was reloaded"

    go_back(page)

    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator(".event")).to_have_count(3)
    expect(page.locator("#facet-country-SV")).not_to_have_class(re.compile("is-selected"))
    expect(page.locator("input[type=hidden][name=country]")).to_have_count(0)

    go_forward(page)

    page.wait_for_url(re.compile(r"/\?country=SV$"))
    expect(page.locator(".event")).to_have_count(2)
    expect(page.locator("input[type=hidden][name=country]")).to_have_value("SV")


def test_a_loading_indicator_shows_while_the_results_are_on_their_way(live_server, page, story):
    page.goto(live_server.url + "/")
    indicator = page.locator("#timeline-loading")
    expect(indicator).to_be_hidden()
    held = []
    page.route(re.compile(r".*/\?country=SV$"), lambda route: held.append(route))

    page.locator("#facet-country-SV").click()

    expect(indicator).to_be_visible()
    expect(page.locator("#timeline-results")).to_have_css("opacity", "0.55")
    held[0].continue_()
    expect(page.locator(".event")).to_have_count(2)
    expect(page.locator("#timeline-loading")).to_be_hidden()


def test_typing_a_search_and_sorting_update_results_and_address(live_server, page, story):
    page.goto(live_server.url + "/")
    page.evaluate("window.loadedOnce = true")
    page.locator("#facet-country-SV").click()
    page.wait_for_url(re.compile(r"/\?country=SV$"))
    # The facet link swaps the controls too: type only into the new search box.
    expect(page.locator("#facet-country-SV")).to_have_class(re.compile("is-selected"))
    wait_for_htmx(page)

    page.locator("#filter-q").fill("prison")
    page.wait_for_url(re.compile(r"/\?q=prison&country=SV$"))
    expect(page.locator(".event")).to_have_count(1)
    # Enter asks again for the same state (the search event and the form's submit).
    page.locator("#filter-q").press("Enter")
    wait_for_htmx(page)
    page.locator("#facet-country-SV").click()
    page.wait_for_url(re.compile(r"/\?q=prison$"))
    # Back restores the page with a request of its own; typing before it lands would be lost.
    go_back(page)
    page.wait_for_url(re.compile(r"/\?q=prison&country=SV$"))
    expect(page.locator("#facet-country-SV")).to_have_class(re.compile("is-selected"))
    expect(page.locator("#filter-q")).to_have_value("prison")

    page.locator("#filter-q").fill("")
    page.wait_for_url(re.compile(r"/\?country=SV$"))
    page.locator("#filter-sort").select_option("oldest")
    page.wait_for_url(re.compile(r"/\?country=SV&sort=oldest$"))
    expect(page.locator(".event-title").first).to_have_text("Prison transfer")
    assert page.evaluate("window.loadedOnce") is True

    page.reload()
    expect(page.locator("#filter-sort")).to_have_value("oldest")
    expect(page.locator(".event-title").first).to_have_text("Prison transfer")


def test_a_source_link_lands_on_its_highlighted_excerpt(live_server, page, story):
    excerpt = story["excerpt"]
    page.goto(live_server.url + "/")

    page.locator(f'a.source-link[href$="#excerpt-{excerpt.pk}"]').click()

    page.wait_for_url(re.compile(rf"/articles/{story['article'].slug}/#excerpt-{excerpt.pk}$"))
    target = page.locator(":target")
    expect(target).to_have_id(f"excerpt-{excerpt.pk}")
    expect(target).to_have_text(excerpt.quote)
    expect(target).to_be_in_viewport()
    expect(target).to_have_css("background-color", "rgb(255, 213, 74)")
    untargeted = page.locator("mark.excerpt:not(:target)")
    expect(untargeted).to_have_count(0)


def test_more_events_load_as_the_reader_scrolls(live_server, page):
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    for number in range(60):
        EventFactory(
            title=f"Event {number}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            countries=[sv],
        )
    page.goto(live_server.url + "/?country=SV")
    expect(page.locator(".event")).to_have_count(50)
    expect(page.locator("#load-more")).to_have_attribute("href", "/?country=SV&page=2")

    page.locator(".site-footer").scroll_into_view_if_needed()

    expect(page.locator(".event")).to_have_count(60)
    expect(page.locator("#load-more")).to_have_count(0)
    assert page.url == live_server.url + "/?country=SV"
    titles = event_titles(page)
    assert len(set(titles)) == 60


@pytest.fixture(scope="module")
def caching_browser(browser):
    """Chromium as readers run it: Playwright turns the back-forward cache off by default."""
    chromium = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield chromium
    chromium.close()


def test_back_from_an_event_returns_to_the_scrolled_list(live_server, caching_browser):
    """The pages scrolled in are not in the address, so only the back-forward cache can give
    them back: nothing on the timeline (a `no-store` header, an unload handler) may bar it."""
    for number in range(60):
        EventFactory(
            title=f"Event {number}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
    context = caching_browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_init_script(TRACK_HTMX)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator(".site-footer").scroll_into_view_if_needed()
    expect(page.locator(".event")).to_have_count(60)
    wait_for_htmx(page)
    page.evaluate("() => { window.scrolledIn = true; }")
    chosen = page.locator(".event").nth(55)
    chosen_id = chosen.get_attribute("id")

    chosen.locator(".event-title a").click()
    page.wait_for_url(re.compile(r"/events/\d+/$"))
    page.go_back(wait_until="commit")

    page.wait_for_url(live_server.url + "/", wait_until="commit")
    expect(page.locator(f"#{chosen_id}")).to_be_in_viewport()
    assert page.evaluate("() => window.scrolledIn") is True, "the timeline was loaded afresh"
    expect(page.locator(".event")).to_have_count(60)
    context.close()


@pytest.mark.parametrize(
    ("path", "labels"),
    [
        ("/actors/", ["Role", "Country", "Events", "First", "Last"]),
        ("/countries/", ["Code", "Events", "First", "Last"]),
    ],
)
def test_directories_show_every_column_on_a_phone(live_server, browser, story, path, labels):
    """Each cell within the screen, under the name of its column."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + path)

    cells = page.locator(".directory tbody th, .directory tbody td")
    rights = cells.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().right)")
    first_row = page.locator(".directory tbody tr").first.locator("td")
    shown_labels = first_row.evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content.replaceAll('\"', ''))"
    )
    context.close()

    assert rights and max(rights) <= 360
    assert shown_labels == labels


def test_filters_work_without_javascript(live_server, page_without_javascript, story):
    page = page_without_javascript
    page.goto(live_server.url + "/")

    page.locator("#facet-country-SV").click()
    page.wait_for_url(re.compile(r"/\?country=SV$"))
    expect(page.locator(".event")).to_have_count(2)

    page.locator("#filter-q").fill("prison")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"q=prison"))
    expect(page.locator(".event")).to_have_count(1)
    expect(page.locator(".event-title")).to_have_text("Prison transfer")


def test_nothing_is_fetched_from_another_origin(live_server, page, story):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(live_server.url + "/")
    page.locator("#facet-country-SV").click()
    page.wait_for_url(re.compile(r"country=SV"))

    assert any("htmx" in url for url in requested)
    assert all(url.startswith(live_server.url) for url in requested), requested
