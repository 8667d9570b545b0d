"""The time axis and the embed in a real browser: choosing and dragging bars, a phone's width,
no CSP violation, and the embed inside a story page on another origin."""

import datetime
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.htmx import wait_for_htmx
from tests.factories import CountryFactory, EventFactory, ExcerptFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def story_page():
    """A story page on another origin: a plain HTTP server on 127.0.0.1 (a real loopback
    address, as Chromium lets only such pages frame localhost). Set `.html`, then open `.url`."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = server.html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.html = ""
    server.origin = f"http://127.0.0.1:{server.server_address[1]}"
    server.url = f"{server.origin}/story"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def years():
    """Events in 2016, 2019 and 2022 (a year axis), each with a source."""
    sv = CountryFactory(code="SV", name="El Salvador", slug="el-salvador")
    events = []
    for number in range(9):
        event = EventFactory(
            title=f"Event {number}",
            date=datetime.date(2016 + 3 * (number % 3), 1 + number, 10),
            countries=[sv],
        )
        ExcerptFactory(event=event)
        events.append(event)
    return events


@pytest.fixture
def watched(page):
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security" in message.text else 0,
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.violations = lambda: console + page.evaluate("window.cspViolations || []")
    return page


def test_choosing_a_bar_narrows_the_dates_with_the_address_updated(live_server, watched, years):
    page = watched
    page.goto(live_server.url + "/")
    bars = page.locator("a.axis-bar")
    expect(bars).to_have_count(3)
    expect(page.locator("#timeline-axis")).to_have_attribute("data-axis-unit", "year")
    page.evaluate("window.loadedOnce = true")

    bars.nth(1).focus()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"date_from=2019&date_to=2019"))
    wait_for_htmx(page)
    expect(page.locator(".event")).to_have_count(3)
    expect(page.locator("#filter-date-from")).to_have_value("2019")
    expect(page.locator("#timeline-axis")).to_have_attribute("data-axis-unit", "month")
    assert page.evaluate("window.loadedOnce") is True, "htmx swapped, no page load"
    assert page.violations() == []


def test_dragging_across_the_axis_selects_a_range(live_server, watched, years):
    page = watched
    page.goto(live_server.url + "/")
    cells = page.locator(".axis-cell")
    first, last = cells.nth(0).bounding_box(), cells.nth(3).bounding_box()
    page.mouse.move(first["x"] + first["width"] / 2, first["y"] + first["height"] - 4)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + 10, steps=5)
    page.mouse.up()

    page.wait_for_url(re.compile(r"date_from=2016&date_to=2019"))
    wait_for_htmx(page)
    expect(page.locator(".event")).to_have_count(6)
    assert page.violations() == []


def test_the_bars_are_links_without_javascript(live_server, page_without_javascript, years):
    page = page_without_javascript
    page.goto(live_server.url + "/")
    page.locator("a.axis-bar").first.click()
    page.wait_for_url(re.compile(r"date_from=2016&date_to=2016"))
    expect(page.locator(".event")).to_have_count(3)


def test_the_axis_fits_a_phone(live_server, browser, years):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/?date_from=2016&date_to=2022")
    axis = page.locator("#timeline-axis")
    expect(axis).to_have_attribute("data-axis-unit", "year")
    box = axis.bounding_box()
    overflow = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert overflow <= 360


def test_the_embed_sizes_itself_in_a_story_page_on_another_origin(
    live_server, watched, years, settings, story_page
):
    settings.EMBED_ALLOWED_ORIGINS = [story_page.origin]
    page = watched
    target = years[0]
    story = f"""<!DOCTYPE html><html><head><title>Story</title></head><body>
      <h1>A story</h1><p>Text.</p>
      <iframe src="{live_server.url}/embed/?country=SV#event-{target.pk}" title="Timeline"
              class="newsroom-timeline-embed" width="100%" height="200"></iframe>
      <script src="{live_server.url}/static/js/embed-parent.js" async></script>
      <p>After the timeline.</p></body></html>"""
    story_page.html = story
    page.goto(story_page.url)

    frame = page.frame_locator("iframe.newsroom-timeline-embed")
    expect(frame.locator(".event")).to_have_count(9)
    iframe = page.locator("iframe.newsroom-timeline-embed")
    page.wait_for_function(
        "() => Number(document.querySelector('iframe').getAttribute('height')) > 600"
    )
    # The deep link: the story page scrolled down to the event inside the frame.
    page.wait_for_function("() => window.scrollY > 300")
    inner = frame.locator("body").evaluate("body => body.getBoundingClientRect().height")
    assert abs(int(iframe.get_attribute("height")) - inner) <= 2
    assert page.violations() == []

    frame.locator(f"#event-{target.pk} .event-title a").click()
    page.wait_for_url(re.compile(rf"{re.escape(live_server.url)}/events/{target.pk}/$"))


def test_the_rest_of_the_site_refuses_to_be_framed(live_server, page, years, settings, story_page):
    settings.EMBED_ALLOWED_ORIGINS = [story_page.origin]
    story_page.html = f"""<!DOCTYPE html><html><body>
      <iframe id="embed" src="{live_server.url}/embed/" title="Embed"></iframe>
      <iframe id="site" src="{live_server.url}/" title="Timeline"></iframe>
      </body></html>"""
    page.goto(story_page.url)
    expect(page.frame_locator("#embed").locator(".event")).to_have_count(9)
    site = page.locator("#site").content_frame
    expect(site.locator("body")).to_be_attached()
    assert site.locator(".event").count() == 0


def test_embed_this_view_gives_the_code_and_a_live_preview(live_server, watched, years):
    page = watched
    page.goto(live_server.url + "/?date_from=2019&date_to=2019")
    page.get_by_text("Embed this view").click()
    code = page.locator("#embed-code")
    expect(code).to_be_visible()
    assert f'src="{live_server.url}/embed/?date_from=2019&amp;date_to=2019"' in code.input_value()
    preview = page.frame_locator("iframe.embed-preview")
    expect(preview.locator(".event")).to_have_count(3)
    page.wait_for_function(
        "() => Number(document.querySelector('iframe.embed-preview').getAttribute('height')) > 400"
    )
    assert page.violations() == []
