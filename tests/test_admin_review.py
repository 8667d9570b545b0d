"""Reviewing in the admin: merge and split events, aliases and re-scans, merging actors."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects
from reversion.models import Version

from articles.services import import_text
from editorial.accounts import make_editor
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    CountryFactory,
    EventFactory,
    ExcerptFactory,
)
from tests.test_admin import form_data
from timeline.models import Actor, Event, Excerpt

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


def test_merging_events_asks_which_to_keep_then_merges(editor_client):
    keep, other = EventFactory(title="Keep me"), EventFactory(title="Merge me")
    ExcerptFactory(event=keep)
    ExcerptFactory(event=other)
    url = reverse("admin:timeline_event_changelist")
    selection = {"action": "merge_selected", "_selected_action": [keep.pk, other.pk]}

    confirmation = editor_client.post(url, selection)
    assertContains(confirmation, "Choose the event to keep")
    assertContains(confirmation, "Merge me")
    assert Event.objects.count() == 2

    response = editor_client.post(url, {**selection, "confirm": "merge", "target": keep.pk})

    assertRedirects(response, url)
    assert list(Event.objects.all()) == [keep]
    assert keep.excerpts.count() == 2


def test_merging_one_event_is_refused(editor_client):
    event = EventFactory()
    url = reverse("admin:timeline_event_changelist")

    response = editor_client.post(
        url, {"action": "merge_selected", "_selected_action": [event.pk]}, follow=True
    )

    assertContains(response, "Select at least two events to merge.")


def test_splitting_an_excerpt_off_opens_the_new_event(editor_client):
    event = EventFactory(title="Two meetings")
    staying, leaving = ExcerptFactory.create_batch(2, event=event)
    change_page = editor_client.get(reverse("admin:timeline_event_change", args=[event.pk]))
    split_url = reverse("admin:timeline_event_split", args=[event.pk, leaving.pk])
    assertContains(change_page, split_url)

    assertContains(editor_client.get(split_url), leaving.quote)
    response = editor_client.post(split_url)

    new_event = Event.objects.exclude(pk=event.pk).get()
    assertRedirects(response, reverse("admin:timeline_event_change", args=[new_event.pk]))
    assert list(new_event.excerpts.all()) == [leaving]
    assert list(event.excerpts.all()) == [staying]


def test_the_status_can_be_changed_in_the_event_list(editor_client):
    event = EventFactory()
    url = reverse("admin:timeline_event_changelist")
    data = form_data_for_changelist(editor_client.get(url))
    data.update({"form-0-status": "rejected", "_save": "Save"})

    editor_client.post(url, data)

    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED
    before, after = Version.objects.get_for_object(event).order_by("pk")
    assert before.field_dict["status"] == "extracted"  # so the change can be undone
    assert after.field_dict["status"] == "rejected"


def form_data_for_changelist(response) -> dict:
    formset = response.context["cl"].formset
    data = {f"form-{key}": value for key, value in formset.management_form.initial.items()}
    for index, form in enumerate(formset.forms):
        data[f"form-{index}-id"] = str(form.instance.pk)
        data[f"form-{index}-status"] = form.instance.status
    return data


ALIAS_TEXT = """Rubio meets the Cuscatlan strongman

Marco Rubio met the Cuscatlan strongman in San Salvador on February 3, 2025.
"""


def test_an_alias_added_in_the_admin_links_new_mentions_after_a_rescan(editor_client):
    article = import_text(ALIAS_TEXT).article
    bukele = Actor.objects.get(slug="nayib-bukele")
    change_url = reverse("admin:timeline_actor_change", args=[bukele.pk])
    page = editor_client.get(change_url)
    data = form_data(page)
    assert data["aliases"].splitlines()[0] == bukele.aliases[0]

    data["aliases"] += "\r\nCuscatlan strongman\r\n"
    preview = editor_client.post(change_url, data)  # first what the alias would match
    assertContains(preview, "would match 1 stored mention(s) in 1 article(s)")
    editor_client.post(change_url, {**data, "confirm_new_aliases": "on"})
    bukele.refresh_from_db()
    assert bukele.aliases[-1] == "Cuscatlan strongman"
    response = editor_client.post(
        reverse("admin:timeline_actor_changelist"),
        {"action": "rescan_mentions", "_selected_action": [bukele.pk]},
        follow=True,
    )

    assertContains(response, "Re-scanned 1 article(s)")
    assert bukele.events.filter(excerpts__article=article).exists()


def test_merging_actors_in_the_admin_moves_their_events(editor_client):
    target, source = ActorFactory(name="Keep"), ActorFactory(name="Fold in")
    event = EventFactory(actors=[source])
    url = reverse("admin:timeline_actor_changelist")

    editor_client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": [target.pk, source.pk],
            "confirm": "merge",
            "target": target.pk,
        },
    )

    assert list(event.actors.all()) == [target]
    target.refresh_from_db()
    assert "Fold in" in target.aliases


@pytest.fixture
def reported_238():
    """An event whose one source counts 238 people transferred."""
    article = ArticleFactory(body="The US sent 238 members of Tren de Aragua to CECOT.")
    event = EventFactory(title="Transfer to CECOT", event_type="transfer")
    excerpt = ExcerptFactory(event=event, article=article, quote=article.body, start=0)
    excerpt.figures.create(value=238, unit="people", counts="members", text="238 members")
    return event


def test_an_excerpt_added_by_hand_counts_its_figures_and_can_dispute_the_event(
    editor_client, reported_238
):
    other = ArticleFactory(body="Officials said 232 migrants were flown to Cecot in March.")

    response = editor_client.post(
        reverse("admin:timeline_excerpt_add"),
        {"article": other.pk, "event": reported_238.pk, "quote": other.body},
    )

    assert response.status_code == 302
    added = Excerpt.objects.get(article=other)
    assert [(f.value, f.unit, f.counts) for f in added.figures.all()] == [
        (232, "people", "migrants")
    ]
    reported_238.refresh_from_db()
    assert reported_238.is_disputed


def test_moving_or_deleting_the_disagreeing_excerpt_clears_the_dispute(editor_client, reported_238):
    other = ArticleFactory(body="Officials said 232 migrants were flown to Cecot in March.")
    editor_client.post(
        reverse("admin:timeline_excerpt_add"),
        {"article": other.pk, "event": reported_238.pk, "quote": other.body},
    )
    disagreeing = Excerpt.objects.get(article=other)
    elsewhere = EventFactory(title="A later flight", event_type="transfer")
    url = reverse("admin:timeline_excerpt_change", args=[disagreeing.pk])
    data = {"article": other.pk, "event": elsewhere.pk, "quote": other.body, "start": 0}
    data["end"] = len(other.body)

    assert editor_client.post(url, data).status_code == 302

    reported_238.refresh_from_db()
    assert not reported_238.is_disputed
    editor_client.post(
        reverse("admin:timeline_excerpt_change", args=[disagreeing.pk]),
        {**data, "event": reported_238.pk},
    )
    reported_238.refresh_from_db()
    assert reported_238.is_disputed

    delete_url = reverse("admin:timeline_excerpt_delete", args=[disagreeing.pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302

    reported_238.refresh_from_db()
    assert not reported_238.is_disputed


def test_the_merge_page_offers_to_keep_the_event_an_editor_reviewed(editor_client):
    extracted = EventFactory(title="Extracted copy", date=datetime.date(2025, 3, 1))
    reviewed = EventFactory(
        title="Retitled by an editor", date=datetime.date(2025, 3, 2), status="reviewed"
    )
    ExcerptFactory(event=extracted)
    ExcerptFactory.create_batch(2, event=reviewed, article=ArticleFactory())
    ExcerptFactory(event=reviewed)

    response = editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_selected", "_selected_action": [extracted.pk, reviewed.pk]},
    )

    assertContains(
        response,
        f'<input type="radio" name="target" id="target-{reviewed.pk}" value="{reviewed.pk}" '
        "checked>",
        html=False,
    )
    assertNotContains(response, f'value="{extracted.pk}" checked')
    assertContains(response, "(Reviewed; Sources: 2)")
    assertContains(response, "(Extracted; Sources: 1)")


def test_the_actor_merge_page_says_how_many_events_each_has(editor_client):
    first, second = ActorFactory(name="Bernardo Arevalo"), ActorFactory(name="Arévalo de León")
    EventFactory(actors=[first])

    response = editor_client.post(
        reverse("admin:timeline_actor_changelist"),
        {"action": "merge_selected", "_selected_action": [first.pk, second.pk]},
    )

    assertContains(response, "(Events: 1)", count=1)
    assertContains(response, "(Events: 0)", count=1)


def test_the_event_page_shows_each_sources_figures_and_offers_a_split_only_with_two(
    editor_client, reported_238
):
    url = reverse("admin:timeline_event_change", args=[reported_238.pk])
    (only,) = reported_238.excerpts.all()

    alone = editor_client.get(url)

    assertContains(alone, "238 members")
    assertNotContains(alone, reverse("admin:timeline_event_split", args=[reported_238.pk, only.pk]))

    other = ArticleFactory(body="Officials said 232 migrants were flown to Cecot.")
    second = ExcerptFactory(event=reported_238, article=other, quote=other.body, start=0)
    second.figures.create(value=232, unit="people", counts="migrants", text="232 migrants")

    both = editor_client.get(url)

    assertContains(both, "232 migrants")
    for excerpt in (only, second):
        split_url = reverse("admin:timeline_event_split", args=[reported_238.pk, excerpt.pk])
        assertContains(both, split_url)


def test_the_event_page_makes_the_same_queries_for_any_number_of_sources(
    editor_client, reported_238
):
    url = reverse("admin:timeline_event_change", args=[reported_238.pk])
    ExcerptFactory(event=reported_238)
    with CaptureQueriesContext(connection) as two:
        editor_client.get(url)
    for excerpt in ExcerptFactory.create_batch(5, event=reported_238):
        excerpt.figures.create(value=1, unit="people", counts="people", text="1 person")
    with CaptureQueriesContext(connection) as seven:
        editor_client.get(url)

    assert len(seven) == len(two)


def test_a_quote_gone_from_the_changed_text_is_marked_on_both_admin_pages(editor_client):
    article = ArticleFactory(body="Rubio met Bukele on Sunday. Later text.")
    event = EventFactory(status="reviewed")
    ExcerptFactory(event=event, article=article, quote="Rubio met Bukele on Saturday.")
    Excerpt.objects.filter(event=event).update(start=None, end=None)
    gone = "(this quote is no longer found in the article’s current text)"

    for url in (
        reverse("admin:timeline_event_change", args=[event.pk]),
        reverse("admin:articles_article_change", args=[article.pk]),
    ):
        assertContains(editor_client.get(url), gone, count=1)


def test_staff_outside_the_group_get_403_from_the_split_page_whatever_the_ids(client):
    client.force_login(
        get_user_model().objects.create_user("bob", password="a-long-password-1", is_staff=True)
    )
    event = EventFactory()
    excerpt = ExcerptFactory(event=event)

    for ids in ([event.pk, excerpt.pk], [event.pk, excerpt.pk + 1000]):
        assert client.get(reverse("admin:timeline_event_split", args=ids)).status_code == 403


def test_editors_list_the_disputes_they_have_not_resolved_yet(editor_client):
    EventFactory(title="Disputed, no note", is_disputed=True)
    EventFactory(title="Disputed, resolved", is_disputed=True, dispute_note="238 counts later")
    EventFactory(title="Not disputed")

    response = editor_client.get(
        reverse("admin:timeline_event_changelist"),
        {"is_disputed__exact": "1", "dispute_note__isempty": "1"},
    )

    assert [event.title for event in response.context["cl"].result_list] == ["Disputed, no note"]


@pytest.mark.parametrize(
    ("field", "make", "term"),
    [
        ("actors", lambda name: ActorFactory(name=name), "Arévalo"),
        ("countries", lambda name: CountryFactory(name=name, code=name[:2].upper()), "land"),
    ],
)
def test_autocomplete_lists_actors_and_countries_by_name(editor_client, field, make, term):
    for name in (f"Zed {term}", f"Abe {term}", f"Mia {term}"):
        make(name)

    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "timeline", "model_name": "event", "field_name": field, "term": term},
    )

    names = [result["text"].split(" (")[0] for result in response.json()["results"]]
    assert names == [f"Abe {term}", f"Mia {term}", f"Zed {term}"]


def test_autocomplete_lists_events_newest_first(editor_client):
    for day in (3, 1, 2):
        EventFactory(title=f"Meeting on the {day}", date=datetime.date(2025, 3, day))

    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "timeline", "model_name": "excerpt", "field_name": "event", "term": "Meet"},
    )

    titles = [result["text"].split(": ")[1] for result in response.json()["results"]]
    assert titles == ["Meeting on the 3", "Meeting on the 2", "Meeting on the 1"]
