"""Sources and runs in the admin: an editor sees what came in, skipped and failed, polls now,
cancels a run and retries its failed items."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.models import Article
from editorial.accounts import make_editor
from ingest.feeds import poll_source
from ingest.models import RunEntry, Source, SourceRun
from tests.ingest.feeds import english_page, rss, serve_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


@pytest.fixture
def source(web_server) -> Source:
    good = web_server.add("/world/rubio", english_page("rubio", "Rubio visits San Salvador"))
    bad = web_server.add_page("/premium", "paywall.html")
    other = web_server.add("/world/storms", english_page("storms", "Storms expected"))
    items = [
        {"guid": "1", "link": good, "title": "Rubio visits San Salvador"},
        {"guid": "2", "link": bad, "title": "Inside the deal"},
        {"guid": "3", "link": other, "title": "Storms expected"},
    ]
    feed = serve_feed(web_server, "/feed.xml", rss(items))
    return Source.objects.create(name="The Daily Test", feed_url=feed, keywords="Rubio\ndeal")


def test_the_source_page_shows_its_runs_and_the_run_page_what_came_in(editor_client, source):
    run = poll_source(source)

    page = editor_client.get(reverse("admin:ingest_source_change", args=[source.pk]))
    assertContains(page, "Recent runs")
    assertContains(page, reverse("admin:ingest_sourcerun_change", args=[run.pk]))
    assertContains(page, "<td>2 of 2</td><td>1</td><td>1</td><td>1</td>", html=False)

    page = editor_client.get(reverse("admin:ingest_sourcerun_change", args=[run.pk]))
    assertContains(page, "a paywall: only the first lines")
    assertContains(page, "names none of the source&#x27;s filter (Rubio, deal)")
    assertContains(page, reverse("admin:articles_article_change", args=[Article.objects.get().pk]))

    listing = editor_client.get(reverse("admin:ingest_sourcerun_changelist"))
    assertContains(listing, "2 of 2")


def test_poll_now_queues_a_poll(editor_client, source):
    editor_client.post(
        reverse("admin:ingest_source_changelist"),
        {"action": "poll_now", helpers.ACTION_CHECKBOX_NAME: [source.pk]},
    )
    assert source.runs.get().status == SourceRun.Status.DONE  # the tests run jobs at once
    assert Article.objects.count() == 1


def test_cancel_then_retry(editor_client, source, web_server):
    run = poll_source(source, enqueue=lambda entry_id: None)
    assert run.status == SourceRun.Status.RUNNING
    changelist = reverse("admin:ingest_sourcerun_changelist")

    editor_client.post(changelist, {"action": "cancel", helpers.ACTION_CHECKBOX_NAME: [run.pk]})
    run.refresh_from_db()
    assert run.status == SourceRun.Status.CANCELLED
    assert run.entries.filter(outcome=RunEntry.Outcome.CANCELLED).count() == 2

    web_server.add("/premium", english_page("premium", "Inside the deal"))
    editor_client.post(
        changelist, {"action": "retry_failed", helpers.ACTION_CHECKBOX_NAME: [run.pk]}
    )
    run.refresh_from_db()
    assert run.status == SourceRun.Status.DONE
    assert set(run.entries.values_list("outcome", flat=True)) == {"imported", "skipped"}
    assert Article.objects.count() == 2
