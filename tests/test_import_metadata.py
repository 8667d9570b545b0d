"""Front matter's `url:`, outlet and byline are held to the admin's rules, on any database."""

import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from editorial.accounts import make_editor
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

STORY = "Bukele meets Rubio in San Salvador\n\nNayib Bukele met Marco Rubio on Monday.\n"


def article_file(tmp_path, name, **meta):
    lines = "".join(f"{key}: {value}\n" for key, value in meta.items())
    path = tmp_path / name
    path.write_text(f"---\npublished: 2025-02-04\n{lines}---\n{STORY}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"url": "javascript:alert(document.cookie)"}, "is not a web address"),
        ({"url": "data:text/html,<script>alert(1)</script>"}, "is not a web address"),
        ({"url": "ftp://example.org/story"}, "is not a web address"),
        ({"url": "https://example.org/" + "a" * 1000}, "url is 1020 characters long"),
        ({"source": "Outlet " * 40}, "outlet is 279 characters long (at most 200)"),
        ({"author": "Jane " * 50}, "byline is 249 characters long (at most 200)"),
    ],
)
def test_the_command_refuses_metadata_the_admin_would_refuse(tmp_path, capsys, meta, message):
    article_file(tmp_path, "bad.txt", **meta)

    with pytest.raises(CommandError, match="1 of 1 files could not be imported"):
        call_command("import_articles", str(tmp_path))

    assert message in capsys.readouterr().err
    assert not Article.objects.exists()


def test_a_web_address_is_kept(tmp_path):
    article_file(tmp_path, "good.txt", url="https://example.org/story?id=1", source="El Faro")

    call_command("import_articles", str(tmp_path), verbosity=0)

    article = Article.objects.get()
    assert (article.url, article.outlet) == ("https://example.org/story?id=1", "El Faro")


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


def test_the_admin_refuses_an_uploaded_files_script_address(editor_client):
    text = f"---\nurl: javascript:alert(1)\n---\n{STORY}"
    upload = SimpleUploadedFile("story.txt", text.encode(), content_type="text/plain")

    response = editor_client.post(
        reverse("admin:articles_article_add"),
        {"title": "", "body": "", "outlet": "", "url": "", "published": "", "text_file": upload},
    )

    assert response.status_code == 200
    assertContains(response, "is not a web address")
    assert not Article.objects.exists()


def test_the_admin_takes_only_http_addresses(editor_client):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        {"title": "", "body": STORY, "outlet": "", "url": "ftp://example.org/a", "published": ""},
    )

    assert response.status_code == 200
    assertContains(response, "Enter a web address starting with http:// or https://.")
    assert not Article.objects.exists()


def test_the_migration_blanks_stored_script_addresses():
    unsafe = ArticleFactory()
    safe = ArticleFactory(url="HTTPS://example.org/a")
    Article.objects.filter(pk=unsafe.pk).update(url="javascript:alert(1)")
    migration = importlib.import_module("articles.migrations.0004_drop_unsafe_urls")

    migration.drop_unsafe_urls(apps, None)

    assert Article.objects.get(pk=unsafe.pk).url == ""
    assert Article.objects.get(pk=safe.pk).url == "HTTPS://example.org/a"
