"""The strict Content-Security-Policy holds in a real browser: no page, ours or the admin's, does
anything the policy blocks, including htmx swapping results and showing its indicator."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.services import import_text
from editorial.accounts import make_editor
from timeline.models import Actor, Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PASSWORD = "a-long-editor-password"
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def seeded():
    """The seed articles and an editor (the gazetteer and the Editors group are restored by
    the conftest's data_migrations_rows)."""
    for path in sorted(SEEDS.glob("*.txt")):
        import_text(path.read_text(encoding="utf-8"), source_file=path.name)
    make_editor(username="ana", password=PASSWORD)


@pytest.fixture
def watched_page(page):
    """The page, recording every CSP violation from the console and from the DOM event."""
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    def violations() -> list[str]:
        return console + page.evaluate("window.cspViolations || []")

    page.csp_violations = violations
    return page


def test_reading_pages_and_htmx_swaps_break_no_csp_rule(live_server, watched_page, seeded):
    page = watched_page
    page.goto(f"{live_server.url}/")
    expect(page.locator(".event").first).to_be_visible()

    page.locator("#facet-country-SV").click()
    page.wait_for_url(re.compile(r"country=SV"))
    expect(page.locator(".event").first).to_be_visible()
    page.go_back()
    page.wait_for_url(f"{live_server.url}/")

    article = Event.objects.visible().first().excerpts.first().article
    actor = Actor.objects.filter(events__isnull=False).first()
    for path in (
        article.get_absolute_url(),
        Event.objects.visible().first().get_absolute_url(),
        actor.get_absolute_url(),
        "/countries/SV/",
        "/articles/",
        "/no-such-page/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.csp_violations() == [], path


def test_the_admin_breaks_no_csp_rule(live_server, watched_page, seeded):
    page = watched_page
    page.goto(f"{live_server.url}/admin/")
    assert page.csp_violations() == []
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_contain_text("ana")

    event = Event.objects.visible().first()
    article = event.excerpts.first().article
    for path in (
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/article/{article.pk}/history/",
        "/admin/timeline/event/",
        f"/admin/timeline/event/{event.pk}/change/",
        "/admin/timeline/actor/",
        "/admin/timeline/excerpt/",
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("#content")).to_be_visible()
        assert page.csp_violations() == [], path

    page.goto(f"{live_server.url}/admin/timeline/event/")
    page.locator("input.action-select").first.check()
    expect(page.locator(".actions .action-counter")).to_contain_text("1 of")
    assert page.csp_violations() == []


def test_the_editors_own_admin_pages_and_widgets_break_no_csp_rule(
    live_server, watched_page, seeded
):
    """The pages this project adds to the admin, and the admin's scripted widgets at work."""
    page = watched_page
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_contain_text("ana")

    merged = Event.objects.visible().filter(excerpts__isnull=False).distinct()
    event = next(event for event in merged if event.excerpts.count() > 1)
    excerpt = event.excerpts.last()
    for path in (
        f"/admin/timeline/event/{event.pk}/split/{excerpt.pk}/",
        f"/admin/timeline/event/{event.pk}/history/",
        "/admin/articles/article/recover/",
        "/admin/timeline/event/recover/",
    ):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("#content")).to_be_visible()
        assert page.csp_violations() == [], path

    page.goto(f"{live_server.url}/admin/timeline/event/")
    page.locator("input.action-select").nth(0).check()
    page.locator("input.action-select").nth(1).check()
    page.locator("select[name=action]").select_option("merge_selected")
    page.locator("button[name=index]").click()
    expect(page.get_by_role("heading", name="Merge events")).to_be_visible()
    assert page.csp_violations() == []

    page.goto(f"{live_server.url}/admin/timeline/actor/add/")
    page.locator("#id_name").press_sequentially("Bernardo Arévalo")
    expect(page.locator("#id_slug")).to_have_value("bernardo-arevalo")
    assert page.csp_violations() == []

    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    page.locator(".field-actors .select2-selection").click()
    page.keyboard.type("Bukele")
    expect(page.locator(".select2-results__option", has_text="Nayib Bukele")).to_be_visible()
    assert page.csp_violations() == []
