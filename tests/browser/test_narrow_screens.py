"""On a phone the events start on the first screen; in Spanish the header and the selects fit."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, CountryFactory, EventFactory, ExcerptFactory
from timeline.models import Actor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}

# The width each select needs for its chosen option's text, against the width it has inside
# its padding and arrow: a label cut short ("Más recientes prim") needs more than it has.
SELECTS_CUT = """() => [...document.querySelectorAll("select")].filter((select) => {
  const style = getComputedStyle(select);
  const canvas = document.createElement("canvas").getContext("2d");
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = canvas.measureText(select.options[select.selectedIndex].text).width;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    - 20;
  return text > room;
}).map((select) => select.name)"""
NAV_ROWS = """() => new Set([...document.querySelectorAll(".site-nav li")]
  .map((item) => Math.round(item.getBoundingClientRect().top))).size"""


@pytest.fixture
def timeline(db):
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    us = CountryFactory(code="US", name="United States", slug="united-states")
    bukele, _ = Actor.objects.get_or_create(
        slug="nayib-bukele", defaults={"name": "Nayib Bukele", "country": sv}
    )
    article = ArticleFactory()
    for day in range(1, 13):
        event = EventFactory(
            title=f"Bukele meets a delegation, part {day}",
            date=datetime.date(2025, 4, day),
            actors=[bukele],
            countries=[sv, us],
        )
        ExcerptFactory(event=event, article=article)


@pytest.fixture(params=["en", "es"])
def phone_page(request, browser, live_server):
    context = browser.new_context(viewport=PHONE, locale=request.param)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.url + "/")
    yield page
    context.close()


def test_on_a_phone_the_first_event_is_on_the_first_screen(phone_page, timeline):
    phone_page.reload()
    first_event = phone_page.locator(".event").first
    expect(first_event).to_be_visible()
    assert first_event.bounding_box()["y"] < PHONE["height"] - 80


def test_on_a_phone_the_filters_open_from_their_button(phone_page, timeline):
    phone_page.reload()
    expect(phone_page.locator("#filter-q")).to_be_hidden()

    phone_page.locator("summary.filter-toggle").click()

    expect(phone_page.locator("#filter-q")).to_be_visible()
    phone_page.locator("#filter-q").fill("part 12")
    phone_page.locator(".field-submit button").click()
    expect(phone_page.locator(".event")).to_have_count(1)


def test_on_a_phone_the_nav_is_one_row_and_no_select_is_cut(phone_page, timeline):
    phone_page.reload()
    assert phone_page.evaluate(NAV_ROWS) == 1
    phone_page.locator("summary.filter-toggle").click()
    expect(phone_page.locator("#filter-sort")).to_be_visible()
    assert phone_page.evaluate(SELECTS_CUT) == []


def test_on_a_wide_screen_the_filters_show_without_their_button(phone_page, timeline):
    phone_page.set_viewport_size({"width": 1280, "height": 900})
    phone_page.reload()
    expect(phone_page.locator("summary.filter-toggle")).to_be_hidden()
    expect(phone_page.locator("#filter-q")).to_be_visible()
    assert phone_page.evaluate(NAV_ROWS) == 1
    assert phone_page.evaluate(SELECTS_CUT) == []
