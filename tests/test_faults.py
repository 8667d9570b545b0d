"""Faults: an import killed with SIGKILL, a database that goes away in the middle of a request."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from django.db import InterfaceError, OperationalError, connection
from pytest_django.asserts import assertContains, assertNotContains

from articles.extraction import extract_article
from bench.load.client import form_fields, replace_fields
from editorial.accounts import make_editor
from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from tests.scratch_databases import ROOT, manage, manage_env, scratch_database
from tests.seeds import SEEDS, gazetteer

GENERATED_FILES = 80
KILL_AFTER_ARTICLES = 5
KILL_DEADLINE_SECONDS = 120


def query(database_url: str, sql: str) -> list[tuple]:
    """Rows from the scratch database, read with the driver alone (no Django settings)."""
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as database:
            return database.execute(sql).fetchall()
    with psycopg.connect(database_url) as database:
        return database.execute(sql).fetchall()


def write_articles(folder: Path, count: int) -> None:
    """Seed articles made distinct by number, so each file is a new article with events."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir()
    for number in range(count):
        title, rest = seeds[number % len(seeds)].split("\n", 1)
        text = f"{title} (part {number})\n{rest}\nCorrection number {number} was appended.\n"
        (folder / f"article-{number:04d}.txt").write_text(text, encoding="utf-8")


def imported_articles(database_url: str) -> dict[str, str]:
    return dict(query(database_url, "SELECT source_file, raw_text FROM articles_article"))


def assert_every_article_is_whole(database_url: str) -> None:
    """Each stored article has exactly the events and excerpts extraction gives its text."""
    # Excerpts, not distinct events: two events of one article may join one reported by
    # another article (event_writer), but every excerpt extraction gives is stored.
    excerpts_per_article = Counter(
        dict(
            query(
                database_url,
                "SELECT a.source_file, COUNT(*) FROM articles_article a "
                "JOIN timeline_excerpt x ON x.article_id = a.id GROUP BY a.source_file",
            )
        )
    )
    excerpts = query(
        database_url,
        'SELECT a.source_file, a.body, x.start, x."end", x.quote FROM timeline_excerpt x '
        "JOIN articles_article a ON a.id = x.article_id",
    )
    index = gazetteer()
    for source_file, raw_text in imported_articles(database_url).items():
        expected = extract_article(raw_text, index).events
        assert excerpts_per_article[source_file] == sum(len(e.excerpts) for e in expected), (
            source_file
        )
    for source_file, body, start, end, quote in excerpts:
        assert body[start:end] == quote, source_file
    orphans = query(
        database_url,
        "SELECT COUNT(*) FROM timeline_event e WHERE NOT EXISTS "
        "(SELECT 1 FROM timeline_excerpt x WHERE x.event_id = e.id)",
    )
    assert orphans == [(0,)]


def wait_for_articles(database_url: str, process: subprocess.Popen, count: int) -> int:
    """Poll until `count` articles are committed; bounded by a deadline and by the process."""
    deadline = time.monotonic() + KILL_DEADLINE_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        try:
            found = query(database_url, "SELECT COUNT(*) FROM articles_article")[0][0]
        except (sqlite3.OperationalError, psycopg.OperationalError):
            found = 0
        if found >= count:
            return found
        time.sleep(0.02)
    return -1


@pytest.mark.django_db
def test_an_import_killed_part_way_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder, GENERATED_FILES)
    with scratch_database(tmp_path, "killed_import") as database_url:
        assert manage(database_url, "migrate", "--no-input").returncode == 0
        process = subprocess.Popen(
            [sys.executable, "manage.py", "import_articles", str(folder)],
            cwd=ROOT,
            env=manage_env(database_url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert wait_for_articles(database_url, process, KILL_AFTER_ARTICLES) > 0
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.kill()
            process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL

        survivors = imported_articles(database_url)
        assert KILL_AFTER_ARTICLES <= len(survivors) < GENERATED_FILES
        assert_every_article_is_whole(database_url)

        rerun = manage(database_url, "import_articles", str(folder))

        assert rerun.returncode == 0, rerun.stderr
        assert f"{GENERATED_FILES - len(survivors)} imported" in rerun.stdout
        assert f"{len(survivors)} unchanged" in rerun.stdout
        assert len(imported_articles(database_url)) == GENERATED_FILES
        assert_every_article_is_whole(database_url)


def database_gone(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def database_interface_gone(execute, sql, params, many, context):
    raise InterfaceError("connection already closed")


@pytest.fixture
def some_events():
    excerpt = ExcerptFactory(article=ArticleFactory(), event=EventFactory(title="A meeting"))
    return excerpt.event


@pytest.mark.django_db
@pytest.mark.parametrize("failure", [database_gone, database_interface_gone])
@pytest.mark.parametrize("page", ["/", "event", "/articles/", "/actors/"])
def test_a_lost_database_gives_a_clean_503_and_the_next_request_succeeds(
    client, some_events, failure, page
):
    url = some_events.get_absolute_url() if page == "event" else page

    with connection.execute_wrapper(failure):
        response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assertContains(response, "Temporarily unavailable", status_code=503)
    assertNotContains(response, "Traceback", status_code=503)
    assertNotContains(response, "OperationalError", status_code=503)
    assertNotContains(response, "InterfaceError", status_code=503)
    assert "Content-Security-Policy" in response
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_an_editor_in_the_admin_gets_the_same_clean_page(client):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))

    with connection.execute_wrapper(database_gone):
        response = client.get("/admin/timeline/event/")

    assertContains(response, "Temporarily unavailable", status_code=503)
    assert client.get("/admin/timeline/event/").status_code == 200


@pytest.mark.django_db
def test_other_errors_are_still_server_errors(client, monkeypatch):
    """Only a lost database means "try again"; a bug stays a 500 and reaches the error log."""
    client.raise_request_exception = False

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("timeline.views._browse", broken)

    response = client.get("/")

    assert response.status_code == 500
    assertContains(response, "Something went wrong", status_code=500)


class DeadlockDetected(Exception):
    sqlstate = "40P01"


class DeadlockOnEventUpdates:
    """PostgreSQL breaking a deadlock: the first `times` updates of an event are aborted."""

    def __init__(self, times: int):
        self.remaining = times

    def __call__(self, execute, sql, params, many, context):
        if self.remaining and sql.startswith('UPDATE "timeline_event"'):
            self.remaining -= 1
            raise OperationalError("deadlock detected") from DeadlockDetected()
        return execute(sql, params, many, context)


def retitle_event(client, event, title: str):
    url = f"/admin/timeline/event/{event.pk}/change/"
    fields = replace_fields(form_fields(client.get(url).text, "event_form"), title=title)
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return client.post(url, data)


@pytest.mark.django_db
def test_a_save_aborted_to_break_a_deadlock_is_run_again(client, some_events):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    deadlock = DeadlockOnEventUpdates(times=1)

    with connection.execute_wrapper(deadlock):
        response = retitle_event(client, some_events, "Retitled after a deadlock")

    assert deadlock.remaining == 0
    assert response.status_code == 302
    some_events.refresh_from_db()
    assert some_events.title == "Retitled after a deadlock"


@pytest.mark.django_db
def test_a_save_that_keeps_deadlocking_gives_the_clean_503_and_changes_nothing(client, some_events):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))

    with connection.execute_wrapper(DeadlockOnEventUpdates(times=10)):
        response = retitle_event(client, some_events, "Never saved")

    assertContains(response, "Temporarily unavailable", status_code=503)
    some_events.refresh_from_db()
    assert some_events.title == "A meeting"


@pytest.mark.django_db
def test_a_save_that_meets_a_lost_database_says_it_was_not_saved(client, some_events):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    url = f"/admin/timeline/event/{some_events.pk}/change/"
    fields = replace_fields(form_fields(client.get(url).text, "event_form"), title="Lost")
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)

    with connection.execute_wrapper(database_gone):
        response = client.post(url, data)

    assertContains(response, "what you sent was not saved", status_code=503)
    assertNotContains(response, "Nothing has been lost", status_code=503)
    assert response["Retry-After"] == "30"
    some_events.refresh_from_db()
    assert some_events.title == "A meeting"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/timeline.json", "/timeline.timelinejs.json"])
def test_a_json_export_without_its_database_answers_in_json(client, some_events, url):
    with connection.execute_wrapper(database_gone):
        response = client.get(url)

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert "try again" in response.json()["error"]
    assert response["Retry-After"] == "30"
    assert client.get(url).status_code == 200
