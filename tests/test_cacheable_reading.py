"""Issue 12, item 14: a throttled login says when to retry; an unsafe `next` after the admin's
login leads to the admin; anonymous reading pages set no cookie, so shared caches can keep them.
"""

import pytest
from django.core.cache import cache

from editorial.accounts import make_editor
from tests.factories import ArticleFactory, EventFactory, ExcerptFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-Passphrase-for-tests-42"


def login(client, username, password, next_url):
    return client.post(
        f"/admin/login/?next={next_url}",
        {"username": username, "password": password, "next": next_url},
        REMOTE_ADDR="203.0.113.9",
    )


def test_a_throttled_login_says_when_to_retry(client):
    make_editor(username="ana", password=PASSWORD)
    for _ in range(5):
        login(client, "ana", "wrong", "/admin/")

    locked = login(client, "ana", PASSWORD, "/admin/")

    assert locked.status_code == 429
    assert locked["Retry-After"] == str(15 * 60)


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_an_unsafe_next_after_login_leads_to_the_admin(client, unsafe):
    make_editor(username="ana", password=PASSWORD)

    response = login(client, "ana", PASSWORD, unsafe)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.fixture
def reading_pages(sv, bukele):
    cache.clear()
    article = ArticleFactory(slug="a-story")
    event = EventFactory(countries=[sv], actors=[bukele])
    ExcerptFactory(event=event, article=article)
    yield [
        "/",
        "/?q=story",
        f"/events/{event.pk}/",
        "/actors/",
        "/actors/nayib-bukele/",
        "/countries/",
        "/countries/SV/",
        "/articles/",
        "/articles/a-story/",
        "/api/",
    ]
    cache.clear()


def test_anonymous_reading_pages_set_no_cookie_and_do_not_vary_on_it(client, reading_pages):
    for url in reading_pages:
        response = client.get(url)

        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert 'name="csrfmiddlewaretoken"' not in response.text, url


def test_the_language_switcher_still_works_without_a_token(client):
    client.handler.enforce_csrf_checks = True

    response = client.post("/i18n/setlang/", {"language": "es", "next": "/articles/"})

    assert response.status_code == 302
    assert client.get("/articles/")["Content-Language"] == "es"


def test_pages_with_forms_keep_their_csrf_cookie(client):
    response = client.get("/admin/login/")

    assert "csrftoken" in response.cookies
    assert 'name="csrfmiddlewaretoken"' in response.text
