"""The real job queue: django-tasks-db's database backend and its `db_worker`, on Django 6.1.

The rest of the suite runs jobs at once (the immediate backend); here they wait in the database
until a worker runs them, as in production.
"""

import contextlib

import pytest
from django.contrib.admin import helpers
from django.core.management import CommandError, call_command
from django.tasks import task_backends
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from editorial.accounts import make_editor
from ingest.models import Source, SourceRun
from ingest.tasks import import_entry_task, import_inputs_task
from tests.ingest.feeds import english_page, rss, serve_feed

pytestmark = pytest.mark.django_db


def reset_task_backends() -> None:
    """Django resets no task backend when TASKS changes in a test: forget the cached one."""
    task_backends.__dict__.pop("settings", None)
    task_backends._settings = None
    with contextlib.suppress(AttributeError):
        del task_backends["default"]


@pytest.fixture
def database_jobs(settings, monkeypatch):
    """Jobs wait in the database until `run_worker()`.

    Between jobs the worker closes connections that are not in autocommit (what keeps a
    long-running worker healthy); in a test that is the test's own transaction, which
    PostgreSQL then loses, so here it keeps it.
    """
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    reset_task_backends()
    yield
    reset_task_backends()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_polls_and_imports_wait_for_the_worker(database_jobs, web_server):
    rubio = web_server.add("/world/rubio", english_page("rubio", "Rubio visits San Salvador"))
    other = web_server.add("/world/more", english_page("more", "Rubio flies to Costa Rica"))
    items = [
        {"guid": "1", "link": rubio, "title": "Rubio visits San Salvador"},
        {"guid": "2", "link": other, "title": "Rubio flies to Costa Rica"},
    ]
    feed = serve_feed(web_server, "/feed.xml", rss(items))
    Source.objects.create(name="The Daily Test", feed_url=feed)

    call_command("poll_sources", verbosity=0)

    assert DBTaskResult.objects.ready().count() == 1  # the poll, waiting
    assert not SourceRun.objects.exists()
    run_worker()  # the poll, then the two imports it queued
    assert DBTaskResult.objects.successful().count() == 3
    assert SourceRun.objects.get().status == SourceRun.Status.DONE
    assert Article.objects.count() == 2


def test_wait_without_a_worker_times_out_and_says_so(database_jobs, web_server):
    feed = serve_feed(web_server, "/feed.xml", rss([]))
    Source.objects.create(name="The Daily Test", feed_url=feed)
    with pytest.raises(CommandError, match="is a worker running"):
        call_command("poll_sources", "--wait", "--timeout", "0.2", verbosity=0)


def test_an_import_job_for_urls_and_files(database_jobs, web_server, tmp_path):
    url = web_server.add("/world/rubio", english_page("rubio", "Rubio visits San Salvador"))
    result = import_inputs_task.enqueue([url])
    run_worker()
    result.refresh()
    assert result.return_value == {"imported": 1}
    assert Article.objects.get().title == "Rubio visits San Salvador"


def test_a_failed_job_says_why_and_can_be_run_again(database_jobs, client):
    import_entry_task.enqueue(987654)
    run_worker()
    job = DBTaskResult.objects.get()
    assert job.status == "FAILED"
    assert job.exception_class_path.endswith("DoesNotExist")

    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    page = client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[job.pk]))
    assert b"DoesNotExist" in page.content
    client.post(
        reverse("admin:django_tasks_database_dbtaskresult_changelist"),
        {"action": "retry", helpers.ACTION_CHECKBOX_NAME: [job.pk]},
    )
    assert DBTaskResult.objects.ready().count() == 1
