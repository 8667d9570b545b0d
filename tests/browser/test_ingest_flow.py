"""An editor pastes a URL in a real browser, checks the text read from the page, saves, and
finds its events on the timeline. The page comes from the tests' own web server."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from editorial.accounts import make_editor
from tests.ingest.web_server import web_server  # noqa: F401
from timeline.models import Event

PASSWORD = "a-long-editor-password"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_pastes_a_url_and_finds_its_events_on_the_timeline(
    live_server,
    page,
    web_server,  # noqa: F811
):
    make_editor(username="ana", password=PASSWORD)
    url = web_server.add_page("/world/rubio", "en-article.html")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("ana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.get_by_label("Url").fill(url)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".errorlist.nonfield")).to_contain_text("read from the page")
    assert "sign migration deal" in page.locator("#id_body").input_value()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Extracted")

    article = Article.objects.get(url="https://news.example.org/world/rubio-san-salvador")
    event = Event.objects.filter(excerpts__article=article).order_by("pk").first()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text(event.title).first).to_be_visible()
