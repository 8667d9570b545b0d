"""Imports running at the same time: slugs are taken atomically, a text stored meanwhile is
"unchanged", never "failed"."""

import threading
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

import articles.services
from articles.models import Article
from articles.services import ArticleFile, ImportContext, import_file, import_text
from tests.seeds import seed_text

STORY = "Bukele meets Rubio\n\nNayib Bukele met Marco Rubio in San Salvador on Monday.\n"
OTHER_STORY = "Bukele meets Rubio\n\nNayib Bukele met Marco Rubio again, in Washington.\n"


@pytest.mark.django_db
def test_a_text_another_import_stored_meanwhile_is_unchanged(monkeypatch):
    stored = import_text(STORY, source_file="story.txt")
    assert stored.status == "imported"
    # The other import committed after this one looked for the text, before it inserted.
    monkeypatch.setattr(articles.services, "_stored_articles", lambda *args: (None, None))

    outcome = import_text(STORY, source_file="story.txt")

    assert (outcome.status, outcome.message) == ("unchanged", "")
    assert outcome.article == stored.article
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_slug_another_import_took_meanwhile_is_chosen_again(monkeypatch):
    first = import_text(STORY, source_file="one.txt").article
    # This import read the taken slugs before the other one committed "bukele-meets-rubio".
    monkeypatch.setattr(articles.services, "unique_slug", lambda title: first.slug)

    outcome = import_text(OTHER_STORY, source_file="two.txt")

    assert outcome.status == "imported"
    assert outcome.article.slug == "bukele-meets-rubio-2"
    assert Article.objects.get(source_file="two.txt").slug == "bukele-meets-rubio-2"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_files_at_once_fail_none(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time")
    # A transactional test starts from a flushed database: load the data migrations' rows.
    import_module("timeline.migrations.0002_load_countries_and_actors").load(apps, None)
    files = []
    for number in range(12):
        # Two texts for each title: the same slug is wanted by different articles too.
        text = seed_text(f"00{number % 5}") + f"\n\nUpdate {number}.\n"
        if number % 2:
            text = "Bukele meets Rubio\n\n" + text
        path = tmp_path / f"{number:02}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(ArticleFile(path, path.name))
    start = threading.Barrier(2)
    outcomes: dict[str, list] = {}

    def run(name):
        try:
            context = ImportContext.from_database()
            start.wait()
            outcomes[name] = [import_file(file, context=context) for file in files]
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    failures = [o.message for o in outcomes["a"] + outcomes["b"] if o.status == "failed"]
    assert failures == []
    for first, second in zip(outcomes["a"], outcomes["b"], strict=True):
        assert sorted([first.status, second.status]) == ["imported", "unchanged"]
    assert Article.objects.count() == len(files)
    assert Article.objects.values("slug").distinct().count() == len(files)


@pytest.mark.django_db
def test_the_admin_chooses_again_a_slug_taken_since_its_form_chose_it(client, monkeypatch):
    from django.urls import reverse

    import editorial.article_forms
    from editorial.accounts import make_editor

    first = import_text(STORY, source_file="one.txt").article
    monkeypatch.setattr(editorial.article_forms, "unique_slug", lambda title: first.slug)
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))

    response = client.post(
        reverse("admin:articles_article_add"),
        {"title": "", "body": OTHER_STORY, "outlet": "", "url": "", "published": "2025-02-04"},
    )

    assert response.status_code == 302
    assert Article.objects.exclude(pk=first.pk).get().slug == "bukele-meets-rubio-2"
