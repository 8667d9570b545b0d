"""Readers see how many sources report an event and where they disagree; the timeline filters
on it."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from articles.services import import_text
from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from tests.seeds import SEEDS, seed_text
from timeline.models import Event, Figure

pytestmark = pytest.mark.django_db


@pytest.fixture
def cecot():
    for prefix in ("001", "003"):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        import_text(seed_text(prefix), source_file=path.name)
    return Event.objects.get(event_type="transfer", excerpts__quote__contains="238")


def test_event_page_shows_each_source_and_the_differing_figures_side_by_side(client, cecot):
    response = client.get(cecot.get_absolute_url())
    assertContains(response, "Reported by 2 sources")
    assertContains(response, "Sources disagree")
    assertContains(response, "238 members")
    assertContains(response, "232 migrants")
    assertContains(response, "EFE")  # the outlet of 003
    table = response.content.decode().split('class="dispute-table"')[1].split("</table>")[0]
    assert table.count("<tr>") == 3  # a header and one row per source


def test_an_editors_note_resolving_the_dispute_is_shown_to_readers(client, cecot):
    cecot.dispute_note = "EFE counts migrants sent in March; the 238 includes later flights."
    cecot.save()
    response = client.get(cecot.get_absolute_url())
    assertContains(response, "Editor’s note:")
    assertContains(response, "the 238 includes later flights")
    assertNotContains(response, "an editor has not resolved it yet")


def test_timeline_marks_disputed_events(client, cecot):
    assertContains(client.get("/"), "badge badge-disputed", count=1)


def titles(response):
    return {
        event.title for section in response.context["page"].sections for event in section.events
    }


def test_timeline_filters_by_sources(client):
    one = EventFactory(title="One source")
    ExcerptFactory(event=one)
    two = EventFactory(title="Two sources")
    ExcerptFactory(event=two)
    ExcerptFactory(event=two, article=ArticleFactory())
    same_article_twice = EventFactory(title="Two excerpts of one article")
    article = ArticleFactory()
    ExcerptFactory(event=same_article_twice, article=article)
    ExcerptFactory(event=same_article_twice, article=article)
    disputed = EventFactory(title="Disputed", is_disputed=True)
    ExcerptFactory(event=disputed)

    assert titles(client.get("/?sources=single")) == {
        "One source",
        "Two excerpts of one article",
        "Disputed",
    }
    assert titles(client.get("/?sources=several")) == {"Two sources"}
    assert titles(client.get("/?sources=disputed")) == {"Disputed"}
    response = client.get("/?sources=bogus")
    assert response.status_code == 200
    assertContains(response, "is not a sources filter")


def add_disputed_source(event, people):
    excerpt = ExcerptFactory(event=event, reported_date=None)
    Figure.objects.create(excerpt=excerpt, value=people, unit="people", text=f"{people} people")


def test_event_page_queries_do_not_grow_with_sources(client, django_assert_num_queries):
    event = EventFactory(is_disputed=True)
    for people in (1, 2):
        add_disputed_source(event, people)
    with django_assert_num_queries(5):
        client.get(event.get_absolute_url())
    for people in range(3, 9):
        add_disputed_source(event, people)
    with django_assert_num_queries(5):
        response = client.get(event.get_absolute_url())
    assertContains(response, "8 people")


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("ana", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editor_resolves_a_dispute_with_a_note_readers_see(client, editor, cecot):
    client.force_login(editor)
    url = f"/admin/timeline/event/{cecot.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key not in {"actors", "countries"} and value is not None
    }
    data |= {
        "actors": [a.pk for a in cecot.actors.all()],
        "countries": [c.pk for c in cecot.countries.all()],
        "dispute_note": "The 238 counts every flight; EFE counted the first ones.",
        "excerpts-TOTAL_FORMS": "0",
        "excerpts-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    assertContains(client.get(cecot.get_absolute_url()), "The 238 counts every flight")


def test_confirm_merges_and_split_a_merge_in_the_admin(client, editor, cecot):
    client.force_login(editor)
    response = client.post(
        "/admin/timeline/event/",
        {"action": "confirm_merges", "_selected_action": [cecot.pk]},
    )
    assert response.status_code == 302
    cecot.refresh_from_db()
    assert cecot.merge_confirmed
    assert cecot.status == "reviewed"

    from editorial.services import split_excerpt

    efe = cecot.excerpts.get(article__source_file__startswith="003", quote__contains="232")
    new_event = split_excerpt(excerpt=efe, user=editor)
    cecot.refresh_from_db()
    assert not cecot.is_disputed
    assert not new_event.is_disputed
    assert set(new_event.excerpts.values_list("article__source_file", flat=True)) == {
        efe.article.source_file
    }
