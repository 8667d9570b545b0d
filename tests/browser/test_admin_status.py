"""The admin event list's status column saves a changed status at once, in a real browser."""

import pytest
from playwright.sync_api import expect

from editorial.accounts import make_editor
from tests.factories import EventFactory, ExcerptFactory
from timeline.models import Event

PASSWORD = "a-long-editor-password"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_status_changed_in_the_event_list_is_saved_without_pressing_save(live_server, page):
    make_editor(username="ana", password=PASSWORD)
    event = EventFactory(title="Bukele meets Rubio", status=Event.Status.EXTRACTED)
    ExcerptFactory(event=event)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/timeline/event/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#result_list")).to_contain_text("Bukele meets Rubio")

    page.locator("select[name='form-0-status']").select_option("reviewed")

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    event.refresh_from_db()
    assert event.status == Event.Status.REVIEWED
    expect(page.locator("select[name='form-0-status']")).to_have_value("reviewed")
