"""A merged-away event's address leads, with a 301, to the event it joined."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertRedirects
from reversion.models import Version

from editorial import services
from editorial.accounts import make_editor
from tests.factories import EventFactory, ExcerptFactory
from tests.test_admin import form_data
from timeline.models import Event, EventRedirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor(username="editor", password="a-long-editor-password")


def sourced_event(**fields) -> Event:
    event = EventFactory(**fields)
    ExcerptFactory(event=event)
    return event


def merge(target, *sources, user):
    ids = [source.pk for source in sources]  # delete() empties the instances' pk
    services.merge_events(target=target, sources=list(sources), user=user)
    return ids


def test_a_merged_events_address_redirects_permanently_to_the_event_kept(client, editor):
    kept, merged = sourced_event(), sourced_event()
    (merged_id,) = merge(kept, merged, user=editor)

    response = client.get(f"/events/{merged_id}/?lang=es")

    assert response.status_code == 301
    assert response["Location"] == f"/events/{kept.pk}/?lang=es"
    assertRedirects(client.get(f"/events/{merged_id}/"), kept.get_absolute_url(), 301)


def test_a_chain_of_merges_leads_to_the_last_event_in_one_step(client, editor):
    first, second, last = sourced_event(), sourced_event(), sourced_event()
    (first_id,) = merge(second, first, user=editor)
    (second_id,) = merge(last, second, user=editor)

    for old_id in (first_id, second_id):
        response = client.get(f"/events/{old_id}/")
        assert (response.status_code, response["Location"]) == (301, last.get_absolute_url())


def test_an_event_that_never_existed_is_still_a_404(client):
    assert client.get("/events/987654/").status_code == 404


def test_a_recovered_event_is_served_again_and_its_redirect_is_gone(client, editor):
    client.force_login(editor)
    kept, merged = sourced_event(), sourced_event()
    (merged_id,) = merge(kept, merged, user=editor)
    (deleted,) = Version.objects.get_deleted(Event)
    recover_url = reverse("admin:timeline_event_recover", args=[deleted.pk])

    client.post(recover_url, form_data(client.get(recover_url)))

    assert client.get(f"/events/{merged_id}/").status_code == 200
    assert not EventRedirect.objects.filter(old_id=merged_id).exists()
