"""Review services: status, merge, split, actors and aliases; the Editors group and accounts."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.utils import translation
from reversion.models import Version

from articles.services import import_text
from editorial import services
from editorial.accounts import make_editor
from editorial.mentions import link_new_mentions
from tests.factories import ActorFactory, ArticleFactory, EventFactory, ExcerptFactory
from timeline.models import Actor, Event, Excerpt

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor(username="editor", password="a-long-editor-password")


def test_set_status_keeps_the_state_before_and_records_who_changed_it(editor):
    event = EventFactory(title="Imported")

    changed = services.set_status(events=[event], status="reviewed", user=editor)

    assert changed == 1
    event.refresh_from_db()
    assert event.status == Event.Status.REVIEWED
    before, after = Version.objects.get_for_object(event).order_by("pk")
    assert before.field_dict["status"] == "extracted"
    assert before.revision.user is None
    assert (after.field_dict["status"], after.revision.user) == ("reviewed", editor)
    assert after.revision.get_comment() == "Marked reviewed."


def test_set_status_leaves_events_already_in_that_status_alone(editor):
    event = EventFactory(status="rejected")

    assert services.set_status(events=[event], status="rejected", user=editor) == 0
    assert not Version.objects.get_for_object(event).exists()


def test_merging_events_keeps_every_excerpt_actor_and_country(editor):
    rubio, bukele = ActorFactory(), ActorFactory()
    target = EventFactory(date=None, date_precision="unknown", actors=[rubio])
    source = EventFactory(date=datetime.date(2025, 2, 3), actors=[bukele])
    ExcerptFactory(event=target)
    ExcerptFactory.create_batch(2, event=source)

    source_id = source.pk

    services.merge_events(target=target, sources=[source], user=editor)

    target.refresh_from_db()
    assert target.excerpts.count() == 3
    assert set(target.actors.all()) == {rubio, bukele}
    assert (target.date, target.date_precision) == (datetime.date(2025, 2, 3), "day")
    assert target.status == Event.Status.REVIEWED
    assert not Event.objects.filter(pk=source_id).exists()
    deleted = Version.objects.get_deleted(Event).get()
    assert deleted.object_id == str(source_id)
    assert deleted.revision.user == editor


def test_merging_needs_two_events(editor):
    event = EventFactory()

    with pytest.raises(services.EditorialError):
        services.merge_events(target=event, sources=[event], user=editor)


def test_splitting_an_excerpt_gives_it_a_reviewed_copy_of_its_event(editor):
    actor = ActorFactory()
    event = EventFactory(title="Two visits", event_type="visit", actors=[actor])
    staying, leaving = ExcerptFactory.create_batch(2, event=event)

    new_event = services.split_excerpt(excerpt=leaving, user=editor)

    assert (new_event.title, new_event.event_type) == ("Two visits", "visit")
    assert list(new_event.actors.all()) == [actor]
    assert list(new_event.excerpts.all()) == [leaving]
    assert list(event.excerpts.all()) == [staying]
    event.refresh_from_db()
    assert event.status == new_event.status == Event.Status.REVIEWED


def test_an_events_only_excerpt_cannot_be_split_off(editor):
    excerpt = ExcerptFactory()

    with pytest.raises(services.EditorialError, match="only source"):
        services.split_excerpt(excerpt=excerpt, user=editor)


def test_merging_actors_moves_their_events_and_keeps_their_names(editor):
    target = ActorFactory(name="Nayib Bukele Ortez", aliases=["Bukele"])
    source = ActorFactory(name="President Bukele", aliases=["Bukele", "the Salvadoran leader"])
    event = EventFactory(actors=[source])

    source_id = source.pk

    services.merge_actors(target=target, sources=[source], user=editor)

    assert list(event.actors.all()) == [target]
    target.refresh_from_db()
    assert target.aliases == ["Bukele", "President Bukele", "the Salvadoran leader"]
    assert not Actor.objects.filter(pk=source_id).exists()


ALIAS_TEXT = """Rubio meets the Cuscatlan strongman

Marco Rubio met the Cuscatlan strongman in San Salvador on February 3, 2025.

Rubio later visited the Cuscatlan strongman at his residence on February 4, 2025.
"""


def test_a_new_alias_links_extracted_and_reviewed_events_after_a_rescan(editor):
    article = import_text(ALIAS_TEXT).article
    _first, second = Event.objects.filter(excerpts__article=article).order_by("date")
    services.set_status(events=[second], status="reviewed", user=editor)
    bukele = Actor.objects.get(slug="nayib-bukele")
    assert not bukele.events.exists()

    bukele.aliases.append("Cuscatlan strongman")
    bukele.save()
    scan = link_new_mentions(actors=[bukele], user=editor)

    assert (scan.articles, scan.links) == (1, 2)
    second.refresh_from_db()
    assert bukele in second.actors.all()
    assert second.status == Event.Status.REVIEWED
    linked = bukele.events.filter(excerpts__article=article)
    assert linked.count() == 2


def test_a_rescan_skips_articles_that_do_not_mention_the_names(editor):
    ArticleFactory(body="Nothing about anyone.")

    scan = link_new_mentions(actors=[Actor.objects.get(slug="nayib-bukele")], user=editor)

    assert (scan.articles, scan.links) == (0, 0)


def test_the_editors_group_can_do_everything_but_delete_articles():
    group = Group.objects.get(name="Editors")
    codenames = set(group.permissions.values_list("codename", flat=True))

    for model in ("article", "event", "excerpt", "actor", "country"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames
    assert "delete_article" not in codenames
    assert "delete_event" in codenames


def test_create_editor_makes_a_staff_account_in_the_group(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a-long-editor-password")

    call_command("create_editor", "ana", "--email", "ana@example.org", stdout=None)

    user = Group.objects.get(name="Editors").user_set.get()
    assert (user.username, user.email, user.is_staff) == ("ana", "ana@example.org", True)
    assert not user.is_superuser
    assert user.check_password("a-long-editor-password")


def test_create_editor_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "123")

    with pytest.raises(CommandError, match="too short"):
        call_command("create_editor", "ana")
    assert not Excerpt.objects.exists()


@pytest.mark.django_db
def test_history_comments_are_stored_in_english_whatever_the_editors_language():
    editor = User.objects.create_user("luz")
    event = EventFactory()
    with translation.override("es"):
        services.set_status(events=[event], status="rejected", user=editor)
    latest = Version.objects.get_for_object(event).first()
    assert latest.revision.get_comment() == "Marked rejected."


def test_a_split_is_in_both_events_histories_with_their_sources_as_they_now_stand(editor):
    event = EventFactory(title="The CECOT transfer", is_disputed=True)
    first = ExcerptFactory(event=event, article=ArticleFactory(title="Article one"))
    second = ExcerptFactory(event=event, article=ArticleFactory(title="Article two"))
    first.figures.create(value=238, unit="people", counts="members", text="238 members")
    second.figures.create(value=232, unit="people", counts="migrants", text="232 migrants")

    new_event = services.split_excerpt(excerpt=second, user=editor)

    original_history = Version.objects.get_for_object(event).order_by("pk")
    latest = original_history.last()
    assert latest.revision.user == editor
    assert f"into event #{new_event.pk}" in latest.revision.get_comment()
    assert "Article two" in latest.revision.get_comment()
    assert latest.field_dict["is_disputed"] is False
    assert latest.field_dict["status"] == "reviewed"
    (new_version,) = Version.objects.get_for_object(new_event)
    assert new_version.revision == latest.revision
    assert new_version.field_dict["is_disputed"] is False
    moved = Version.objects.get_for_object(second).get()
    assert moved.field_dict["event_id"] == new_event.pk


def test_a_merge_keeps_the_merged_events_dispute_in_its_history(editor):
    target = EventFactory(title="238 transferred")
    source = EventFactory(title="232 transferred")
    first = ExcerptFactory(event=target)
    second = ExcerptFactory(event=source)
    first.figures.create(value=238, unit="people", counts="members", text="238 members")
    second.figures.create(value=232, unit="people", counts="migrants", text="232 migrants")

    services.merge_events(target=target, sources=[source], user=editor)

    target.refresh_from_db()
    assert target.is_disputed
    latest = Version.objects.get_for_object(target).order_by("pk").last()
    assert latest.field_dict["is_disputed"] is True
    assert latest.revision.get_comment().startswith("Merged in")
