"""An event whose date an editor chose says so, and the reading it replaced stays in history."""

import datetime

import pytest
from django.utils import timezone, translation
from reversion.models import Version

from editorial.accounts import make_editor
from tests.factories import EventFactory, ExcerptFactory
from tests.test_admin import review_event
from timeline.templatetags.i18n_extras import date_explanation

pytestmark = pytest.mark.django_db

READING = "'El pasado viernes' in an article published 21 Apr 2025"


@pytest.fixture
def editor_client(client):
    editor = make_editor(username="ana", password="a-long-editor-password")
    editor.first_name, editor.last_name = "Ana", "Pérez"
    editor.save()
    client.force_login(editor)
    return client


@pytest.fixture
def event():
    event = EventFactory(
        date=datetime.date(2025, 4, 18),
        date_phrase="El pasado viernes",
        date_resolution=READING,
    )
    ExcerptFactory(event=event)
    return event


def test_a_date_an_editor_changed_is_said_to_be_theirs(editor_client, event):
    today = timezone.localdate()

    review_event(editor_client, event, date="2025-04-11")

    event.refresh_from_db()
    assert event.date == datetime.date(2025, 4, 11)
    assert event.date_set_by_editor
    page = editor_client.get(event.get_absolute_url()).text
    timeline = editor_client.get("/").text
    expected = f"Set by an editor (Ana Pérez) on {today.day} {today.strftime('%b %Y')}."
    for html in (page, timeline):
        assert expected in html
        assert "El pasado viernes" not in html.split("<main", 1)[-1].split("<blockquote")[0]
    original = [v.field_dict["date_resolution"] for v in Version.objects.get_for_object(event)]
    assert READING in original


def test_other_edits_leave_the_reading_alone(editor_client, event):
    review_event(editor_client, event, title="Bukele meets Rubio")

    event.refresh_from_db()
    assert event.date_resolution == READING
    assert "Dated from" in editor_client.get("/").text


def test_the_editors_date_is_said_in_spanish():
    with translation.override("es"):
        assert (
            date_explanation("Set by an editor (Ana) on 2 Dec 2026.")
            == "Fijada por un editor (Ana) el 2 dic 2026."
        )
