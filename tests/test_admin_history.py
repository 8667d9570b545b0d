"""History in the admin: what changed, restoring a version, recovering a deleted article."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from articles.models import Article
from articles.services import import_text
from editorial import services
from editorial.accounts import make_editor
from tests.factories import EventFactory, ExcerptFactory
from tests.test_admin import form_data
from timeline.models import Actor, Event, Excerpt

pytestmark = pytest.mark.django_db

TEXT = """Rubio visits San Salvador to meet Bukele

Marco Rubio met Nayib Bukele in San Salvador on February 3, 2025, to discuss migration.

Bukele offered to hold deportees from the United States in the CECOT prison, the Salvadoran \
president said on Monday.
"""
MEETING = "Marco Rubio meets Nayib Bukele"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


@pytest.fixture
def article():
    return import_text(TEXT, source_file="rubio.txt").article


def post_change(client, url, **changes):
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def test_the_history_shows_who_changed_what_and_restores_an_earlier_version(editor_client, article):
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    post_change(editor_client, change_url, title="Rubio in San Salvador")

    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))

    assertContains(history, "As it was before the first edit")
    assertContains(history, "editor")
    assertContains(history, "Rubio visits San Salvador to meet Bukele → Rubio in San Salvador")
    assertNotContains(history, "<strong>Updated</strong>")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    response = post_change(editor_client, revert_url)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Rubio visits San Salvador to meet Bukele"


def test_a_body_change_shows_the_changed_lines(editor_client, article):
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    body = article.body.replace("on Monday", "on Tuesday")
    post_change(editor_client, change_url, body=body)

    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))

    assertContains(history, "+Bukele offered to hold deportees")
    assertContains(history, "said on Tuesday.")


def test_restoring_an_earlier_text_extracts_its_events_again(editor_client, article):
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    post_change(editor_client, change_url, body="Nothing happened today.")
    assert not Event.objects.exists()

    first = Version.objects.get_for_object(article).order_by("pk").first()
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    post_change(editor_client, revert_url)

    assert Event.objects.filter(title=MEETING, excerpts__article=article).exists()


def test_an_event_edit_can_be_undone(editor_client, article):
    event = Event.objects.get(title=MEETING)
    change_url = reverse("admin:timeline_event_change", args=[event.pk])
    post_change(editor_client, change_url, title="A wrong title")

    history = editor_client.get(reverse("admin:timeline_event_history", args=[event.pk]))
    assertContains(history, f"{MEETING} → A wrong title")
    first = Version.objects.get_for_object(event).order_by("pk").first()
    post_change(editor_client, reverse("admin:timeline_event_revision", args=[event.pk, first.pk]))

    event.refresh_from_db()
    assert event.title == MEETING
    assert event.status == Event.Status.REVIEWED


def test_an_editor_recovers_a_deleted_article_with_its_reviewed_events(client, article):
    reviewed = Event.objects.get(title=MEETING)
    reviewed.status = Event.Status.REVIEWED
    reviewed.save()
    extracted_ids = set(Event.objects.filter(status="extracted").values_list("pk", flat=True))
    admin_user = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(admin_user)
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.exists()
    assert not Event.objects.filter(pk__in=extracted_ids).exists()
    assert Event.objects.filter(pk=reviewed.pk, excerpts__isnull=True).exists()

    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    listing = client.get(reverse("admin:articles_article_recoverlist"))
    assertContains(listing, article.title)
    version = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:articles_article_recover", args=[version.pk])
    assertContains(client.get(recover_url), "Recover this article")
    response = client.post(recover_url)

    recovered = Article.objects.get()
    assert response.status_code == 302
    assert (recovered.pk, recovered.title, recovered.body) == (
        article.pk,
        article.title,
        article.body,
    )
    excerpt = Excerpt.objects.get(event=reviewed)
    assert excerpt.article == recovered
    assert Event.objects.filter(status="extracted", excerpts__article=recovered).exists()
    assert Event.objects.filter(title=MEETING).count() == 1


def test_recovery_is_refused_when_the_same_text_came_back(client, article):
    admin_user = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(admin_user)
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    import_text(TEXT, source_file="again.txt")
    version = Version.objects.get_deleted(Article).get()

    response = client.post(
        reverse("admin:articles_article_recover", args=[version.pk]), follow=True
    )

    assertContains(response, "now has the same text or address")
    assert Article.objects.count() == 1


def test_staff_outside_the_group_cannot_recover(client, article):
    article.delete()
    staff = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    version = Version.objects.get_deleted(Article).get()

    assert client.get(reverse("admin:articles_article_recoverlist")).status_code == 403
    assert (
        client.post(reverse("admin:articles_article_recover", args=[version.pk])).status_code == 403
    )
    assert not Article.objects.exists()


def test_a_change_saved_meanwhile_by_someone_else_is_not_overwritten_silently(
    editor_client, article
):
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    opened = form_data(editor_client.get(change_url))
    theirs = Article.objects.get(pk=article.pk)
    theirs.title = "Their title"
    theirs.save()

    response = editor_client.post(change_url, {**opened, "title": "My title"})

    assertContains(response, "Someone else saved this")
    assertContains(response, 'value="My title"')
    assert Article.objects.get(pk=article.pk).title == "Their title"
    again = editor_client.post(change_url, form_data(response))
    assert again.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "My title"


def test_an_actor_changed_meanwhile_by_someone_else_is_not_overwritten_silently(editor_client):
    actor = Actor.objects.get(slug="nayib-bukele")
    change_url = reverse("admin:timeline_actor_change", args=[actor.pk])
    opened = form_data(editor_client.get(change_url))
    theirs = Actor.objects.get(pk=actor.pk)
    theirs.aliases = [*theirs.aliases, "el presidente Bukele"]
    theirs.save()
    mine = opened["aliases"] + "\nBukele Ortez"

    response = editor_client.post(change_url, {**opened, "aliases": mine})

    assertContains(response, "Someone else saved this after you opened the page")
    assertContains(response, "Bukele Ortez")
    assert "Bukele Ortez" not in Actor.objects.get(pk=actor.pk).aliases
    again = editor_client.post(change_url, form_data(response))
    assert again.status_code == 302
    assert "Bukele Ortez" in Actor.objects.get(pk=actor.pk).aliases


def test_an_unchanged_actor_saves_without_a_warning(editor_client):
    actor = Actor.objects.get(slug="nayib-bukele")
    change_url = reverse("admin:timeline_actor_change", args=[actor.pk])
    opened = form_data(editor_client.get(change_url))

    response = editor_client.post(change_url, {**opened, "role": "President"})

    assert response.status_code == 302
    assert Actor.objects.get(pk=actor.pk).role == "President"


def test_restoring_one_event_leaves_the_others_of_its_bulk_action_alone(editor_client):
    first, second = EventFactory(title="First"), EventFactory(title="Second")
    editor = get_user_model().objects.get(username="editor")
    services.set_status(events=[first, second], status="reviewed", user=editor)
    second_url = reverse("admin:timeline_event_change", args=[second.pk])
    assert post_change(editor_client, second_url, title="Second, retitled").status_code == 302
    bulk = Version.objects.get_for_object(first).order_by("pk").last()
    restore_url = reverse("admin:timeline_event_revision", args=[first.pk, bulk.pk])

    response = editor_client.post(restore_url, form_data(editor_client.get(restore_url)))

    assert response.status_code == 302
    second.refresh_from_db()
    assert second.title == "Second, retitled"


def test_an_event_merged_away_is_recovered_with_its_sources(editor_client):
    editor = get_user_model().objects.get(username="editor")
    kept, merged = EventFactory(title="238 transferred"), EventFactory(title="232 transferred")
    kept_source, merged_source = ExcerptFactory(event=kept), ExcerptFactory(event=merged)
    kept_source.figures.create(value=238, unit="people", counts="members", text="238 members")
    merged_source.figures.create(value=232, unit="people", counts="migrants", text="232")
    merged_id = merged.pk  # delete() empties the instance's pk
    services.merge_events(target=kept, sources=[merged], user=editor)
    kept.refresh_from_db()
    assert kept.is_disputed
    (deleted,) = Version.objects.get_deleted(Event)
    recover_url = reverse("admin:timeline_event_recover", args=[deleted.pk])

    response = editor_client.post(recover_url, form_data(editor_client.get(recover_url)))

    assert response.status_code == 302
    recovered = Event.objects.get(pk=merged_id)
    assert list(recovered.excerpts.all()) == [merged_source]
    assert list(kept.excerpts.all()) == [kept_source]
    kept.refresh_from_db()
    assert not kept.is_disputed


def test_an_event_whose_article_is_gone_is_not_recovered_half(editor_client):
    editor = get_user_model().objects.get(username="editor")
    kept, merged = EventFactory(), EventFactory()
    ExcerptFactory(event=kept)
    merged_source = ExcerptFactory(event=merged)
    merged_id = merged.pk
    services.merge_events(target=kept, sources=[merged], user=editor)
    merged_source.article.delete()
    (deleted,) = Version.objects.get_deleted(Event).filter(object_id=str(merged_id))
    recover_url = reverse("admin:timeline_event_recover", args=[deleted.pk])

    response = editor_client.post(recover_url, {}, follow=True)

    assertContains(response, "recover the article first")
    assert not Event.objects.filter(pk=merged_id).exists()
