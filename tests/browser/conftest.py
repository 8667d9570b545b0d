"""Playwright fixtures: Debian's Chromium, one fresh browser context per test."""

import os
from importlib import import_module

import pytest
from django.apps import apps

from tests.browser.chromium import CHROMIUM, launch
from tests.browser.htmx import TRACK_HTMX


@pytest.fixture(autouse=True)
def data_migrations_rows(transactional_db):
    """The live server needs real commits, so browser tests are transactional, and each one
    ends by flushing the database, the rows of the data migrations included: run those
    migrations' functions again (both are idempotent). Serialized rollback would instead
    reload stale content-type ids after a flush and fail on their unique constraint."""
    import_module("timeline.migrations.0002_load_countries_and_actors").load(apps, None)
    import_module("editorial.migrations.0001_editors_group").create_editors_group(apps, None)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package (make test does)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that set up each
    # test's data are still synchronous, so Django's async-safety check does not apply.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_init_script(TRACK_HTMX)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    """A browser test whose page timed out runs again, at most twice.

    On a loaded 2-core machine a real Chromium sometimes misses a 10 s wait; a rerun tells a
    slow machine from a broken page. Only Playwright time-outs are retried: an assertion that
    fails on what the page shows fails at once.
    """
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=2, only_rerun=["TimeoutError"]))
