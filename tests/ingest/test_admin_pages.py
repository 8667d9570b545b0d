"""An editor pastes a URL (or uploads a saved page) in the article add form, checks the text read
from it, corrects it and saves; the events appear as for any article."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from editorial.accounts import make_editor
from tests.ingest.web_server import PAGES
from timeline.models import Event

pytestmark = pytest.mark.django_db
ADD = "admin:articles_article_add"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


def post(client, **fields):
    data = {"title": "", "body": "", "outlet": "", "url": "", "published": ""}
    return client.post(reverse(ADD), {**data, **fields})


def test_a_pasted_url_is_read_into_the_form_then_saved_with_its_events(editor_client, web_server):
    url = web_server.add_page("/world/rubio", "en-article.html")

    response = post(editor_client, url=url)

    assert response.status_code == 200
    assertContains(response, "was read from the page: check its text")
    text = response.context["adminform"].form["body"].value()
    assert text.startswith("---\npublished: 2025-02-03T18:45:00-06:00\nsource: The Daily Test\n")
    assert "Rubio visits San Salvador to sign migration deal\n\nUS Secretary of State" in text
    canonical = response.context["adminform"].form["url"].value()
    assert canonical == "https://news.example.org/world/rubio-san-salvador"
    assert not Article.objects.exists()

    corrected = text.replace("sign migration deal", "sign a migration deal")
    response = post(editor_client, url=canonical, body=corrected)

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Rubio visits San Salvador to sign a migration deal"
    assert (article.outlet, article.byline, str(article.published)) == (
        "The Daily Test",
        "Jane Doe",
        "2025-02-03",
    )
    assert (article.published_source, article.url) == ("front_matter", canonical)
    assert Event.objects.filter(excerpts__article=article, actors__slug="marco-rubio").exists()


def test_an_uploaded_html_page_is_read_into_the_form(editor_client):
    upload = SimpleUploadedFile(
        "pinera.html", (PAGES / "cp1252.html").read_bytes(), content_type="text/html"
    )
    response = post(editor_client, text_file=upload)

    assert response.status_code == 200
    text = response.context["adminform"].form["body"].value()
    assert "Piñera decreta estado de emergencia en Santiago" in text
    assert "language: es" in text
    assert not Article.objects.exists()


def test_a_page_that_is_not_an_article_is_refused_on_the_url(editor_client, web_server):
    url = web_server.add_page("/premium", "paywall.html")
    response = post(editor_client, url=url)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"] == [
        "This page cannot become an article: a paywall: only the first lines of the article "
        "are on the page."
    ]


def test_a_url_to_this_machine_is_refused_in_the_admin(editor_client, web_server, settings):
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = []
    response = post(editor_client, url=web_server.add_page("/a", "en-article.html"))
    assertContains(response, "private, loopback or link-local")
    assert web_server.requests == []
