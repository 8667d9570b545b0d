"""An editor's whole round in a real browser: log in, add an article, review an event, see it.

The `page` fixture (Debian's Chromium through Playwright) is in tests/browser/conftest.py.
"""

import pytest
from playwright.sync_api import expect

from editorial.accounts import make_editor
from timeline.models import Event

PASSWORD = "a-long-editor-password"
TITLE = "Rubio visits San Salvador to meet Bukele"
TEXT = (
    "Marco Rubio met Nayib Bukele in San Salvador on February 3, 2025, to discuss migration "
    "and security cooperation.\n\n"
    "Bukele offered to hold deportees from the United States in the CECOT prison, the "
    "Salvadoran president said on Monday."
)
MEETING = "Marco Rubio meets Nayib Bukele"


@pytest.fixture
def editor():
    return make_editor(username="ana", password=PASSWORD)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_adds_an_article_reviews_an_event_and_finds_it_on_the_timeline(
    editor, live_server, page
):
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_contain_text("ana")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.get_by_label("Title").fill(TITLE)
    page.locator("#id_body").fill(TEXT)
    page.get_by_label("Outlet").fill("Example News")
    page.get_by_label("Published").fill("2025-02-04")
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("Extracted 2 event(s)")
    events = page.locator(".inline-group")
    expect(events).to_contain_text(MEETING)
    expect(events).to_contain_text("Extracted")

    events.get_by_role("link", name=MEETING).click()
    page.get_by_label("Status").select_option("reviewed")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Event.objects.get(title=MEETING).status == Event.Status.REVIEWED

    page.goto(f"{live_server.url}/")
    expect(page.get_by_text(MEETING).first).to_be_visible()
