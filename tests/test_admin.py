"""The editors' desk in the admin: adding articles, reviewing events, permissions, list queries."""

import datetime
import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from articles.models import Article
from editorial.accounts import make_editor
from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from timeline.models import Actor, Event, Excerpt

pytestmark = pytest.mark.django_db

TITLE = "Rubio visits San Salvador to meet Bukele"
PASTED = (
    "Marco Rubio met Nayib Bukele in San Salvador on February 3, 2025, to discuss migration "
    "and security cooperation.\r\n\r\n"
    "Bukele offered to hold deportees from the United States in the CECOT prison, the "
    "Salvadoran president said on Monday.\r\n"
)
MEETING = "Marco Rubio meets Nayib Bukele"


@pytest.fixture
def editor():
    return make_editor(username="editor", password="a-long-editor-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def form_data(response) -> dict:
    """The data a browser would post back for an admin change form, as rendered."""
    context = response.context
    forms = [context["adminform"].form]
    for inline in context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data = {}
    for form in forms:
        for bound in form:
            if bound.field.disabled:
                continue
            value = bound.value()
            if value is None:
                value = ""
            elif isinstance(value, list):
                value = [str(item) for item in value]
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            data[bound.html_name] = value
    return data


def add_article(client, **fields):
    data = {"title": TITLE, "body": PASTED, "outlet": "Example News", "url": ""}
    data.update(fields)
    return client.post(reverse("admin:articles_article_add"), data)


def test_pasting_an_article_creates_it_with_its_extracted_events(editor_client):
    response = add_article(
        editor_client, url="https://news.example.org/rubio", published="2025-02-04"
    )

    article = Article.objects.get()
    assertRedirects(response, reverse("admin:articles_article_changelist"))
    assert article.title == TITLE
    assert article.slug == "rubio-visits-san-salvador-to-meet-bukele"
    assert article.raw_text == PASTED.replace("\r\n", "\n")
    assert article.content_hash == hashlib.sha256(article.raw_text.encode()).hexdigest()
    assert article.body.startswith("Marco Rubio met Nayib Bukele")
    assert "\r" not in article.body
    assert (article.published, article.published_source) == (datetime.date(2025, 2, 4), "editor")
    assert (article.outlet, article.language) == ("Example News", "en")
    meeting = Event.objects.get(title=MEETING)
    assert meeting.status == Event.Status.EXTRACTED
    assert meeting.date == datetime.date(2025, 2, 3)
    assert set(meeting.actors.values_list("slug", flat=True)) == {"marco-rubio", "nayib-bukele"}
    for excerpt in Excerpt.objects.filter(article=article):
        assert article.body[excerpt.start : excerpt.end] == excerpt.quote

    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assertContains(page, MEETING)
    assertContains(page, "Extracted")
    assertContains(page, "Marco Rubio met Nayib Bukele in San Salvador")


def test_without_a_published_date_the_date_line_of_the_text_counts(editor_client):
    add_article(editor_client, body="Posted on 17/04/2025\r\n\r\n" + PASTED)

    article = Article.objects.get()
    assert (article.published, article.published_source) == (datetime.date(2025, 4, 17), "text")
    assert not article.body.startswith("Posted")


def test_without_a_title_the_first_line_is_the_title(editor_client):
    add_article(editor_client, title="", body=f"{TITLE}\r\n\r\n{PASTED}")

    assert Article.objects.get().title == TITLE


def test_uploading_a_text_file_imports_it_like_the_importer(editor_client):
    text = f"---\npublished: 2025-02-04\noutlet: Front Matter News\n---\n{TITLE}\n\n{PASTED}"
    upload = SimpleUploadedFile("rubio.txt", text.encode(), content_type="text/plain")

    response = add_article(editor_client, title="", body="", outlet="", text_file=upload)

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title, article.source_file, article.raw_text) == (TITLE, "rubio.txt", text)
    assert (article.published_source, article.outlet) == ("front_matter", "Front Matter News")
    assert Event.objects.filter(title=MEETING, excerpts__article=article).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.txt", "Caf\xe9 con Bukele".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"", "The submitted file is empty."),
        ("blank.txt", b"   \n\n  ", "empty file"),
        ("big.txt", b"a" * (2 * 1024 * 1024 + 1), "the limit is 2 MB"),
        ("photo.jpg", b"\xff\xd8\xff", "Upload a plain-text .txt file."),
    ],
)
def test_a_bad_file_gets_a_clear_error_and_keeps_what_was_typed(
    editor_client, name, content, message
):
    upload = SimpleUploadedFile(name, content, content_type="text/plain")

    response = add_article(
        editor_client, body="", outlet="Kept Outlet", published="2025-02-04", text_file=upload
    )

    assert response.status_code == 200
    assertContains(response, message)
    assertContains(response, 'value="Kept Outlet"')
    assertContains(response, 'value="2025-02-04"')
    assert not Article.objects.exists()


def test_an_empty_form_asks_for_text(editor_client):
    response = add_article(editor_client, body="  ")

    assertContains(response, "Paste the article&#x27;s text here, or upload a .txt file.")
    assert not Article.objects.exists()


def test_pasting_and_uploading_at_once_is_refused_and_keeps_the_pasted_text(editor_client):
    upload = SimpleUploadedFile("rubio.txt", PASTED.encode(), content_type="text/plain")

    response = add_article(editor_client, text_file=upload)

    assertContains(response, "Paste the text or upload a file, not both")
    assertContains(response, "Marco Rubio met Nayib Bukele in San Salvador")


def test_the_same_text_twice_links_to_the_article_that_has_it(editor_client):
    add_article(editor_client)
    first = Article.objects.get()

    response = add_article(editor_client, title="Another title")

    assertContains(response, "This text is already here")
    assertContains(response, reverse("admin:articles_article_change", args=[first.pk]))
    assert Article.objects.count() == 1


def change_article(client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def review_event(client, event, **changes):
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def test_changing_the_text_re_extracts_and_keeps_reviewed_events(editor_client):
    add_article(editor_client, published="2025-02-04")
    article = Article.objects.get()
    meeting = Event.objects.get(title=MEETING)
    review_event(editor_client, meeting, status="reviewed")
    extracted_ids = set(Event.objects.filter(status="extracted").values_list("pk", flat=True))
    assert extracted_ids

    new_body = "Nota: actualizado.\n\n" + article.body.replace("on Monday", "on Tuesday")
    response = change_article(editor_client, article, body=new_body.replace("\n", "\r\n"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == new_body
    meeting.refresh_from_db()
    assert (meeting.title, meeting.status) == (MEETING, Event.Status.REVIEWED)
    excerpt = meeting.excerpts.get()
    assert article.body[excerpt.start : excerpt.end] == excerpt.quote
    remaining = set(Event.objects.filter(status="extracted").values_list("pk", flat=True))
    assert remaining and not remaining & extracted_ids


def test_an_edited_event_counts_as_reviewed_and_survives_re_extraction(editor_client):
    add_article(editor_client)
    article = Article.objects.get()
    meeting = Event.objects.get(title=MEETING)

    review_event(editor_client, meeting, title="Rubio and Bukele meet in San Salvador")
    change_article(editor_client, article, published="2025-02-05")

    meeting.refresh_from_db()
    assert meeting.title == "Rubio and Bukele meet in San Salvador"
    assert meeting.status == Event.Status.REVIEWED
    article.refresh_from_db()
    assert article.published_source == "editor"


def test_saving_an_article_unchanged_does_not_re_extract(editor_client):
    add_article(editor_client)
    article = Article.objects.get()
    event_ids = set(Event.objects.values_list("pk", flat=True))

    change_article(editor_client, article)

    assert set(Event.objects.values_list("pk", flat=True)) == event_ids


def test_bulk_actions_mark_events_reviewed_or_rejected(editor_client):
    events = EventFactory.create_batch(3)
    url = reverse("admin:timeline_event_changelist")

    editor_client.post(
        url, {"action": "mark_reviewed", "_selected_action": [events[0].pk, events[1].pk]}
    )
    editor_client.post(url, {"action": "mark_rejected", "_selected_action": [events[2].pk]})

    statuses = dict(Event.objects.values_list("pk", "status"))
    assert [statuses[event.pk] for event in events] == ["reviewed", "reviewed", "rejected"]


def test_editing_an_events_fields_in_the_admin(editor_client):
    event = EventFactory(status="extracted")
    rubio = Actor.objects.get(slug="marco-rubio")

    response = review_event(
        editor_client,
        event,
        title="Rubio tours the region",
        date="2025-02-01",
        date_precision="month",
        event_type="visit",
        actors=[str(rubio.pk)],
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.date_display, event.event_type) == (
        "Rubio tours the region",
        "February 2025",
        "visit",
    )
    assert list(event.actors.all()) == [rubio]
    assert event.status == Event.Status.REVIEWED


def test_adding_an_excerpt_finds_its_offsets_and_makes_the_event_the_editors(editor_client):
    article = ArticleFactory(body="First sentence. Bukele spoke to Rubio. Last one.")
    event = EventFactory(status="extracted")

    response = editor_client.post(
        reverse("admin:timeline_excerpt_add"),
        {"article": article.pk, "event": event.pk, "quote": "Bukele spoke to Rubio.", "start": ""},
    )

    assert response.status_code == 302
    excerpt = Excerpt.objects.get()
    assert (excerpt.start, excerpt.end) == (16, 38)
    event.refresh_from_db()
    assert event.status == Event.Status.REVIEWED


def test_an_excerpt_must_be_the_articles_own_words(editor_client):
    article = ArticleFactory(body="First sentence. Bukele spoke to Rubio.")
    event = EventFactory()

    response = editor_client.post(
        reverse("admin:timeline_excerpt_add"),
        {"article": article.pk, "event": event.pk, "quote": "Words never written."},
    )

    assertContains(response, "These words are not in the article")
    assert not Excerpt.objects.exists()


EDITED_MODELS = ["articles/article", "timeline/event", "timeline/excerpt"]
EDITED_MODELS += ["timeline/actor", "timeline/country"]


@pytest.mark.parametrize("model", EDITED_MODELS)
def test_editors_can_list_add_and_change(editor_client, model):
    assert editor_client.get(f"/admin/{model}/").status_code == 200
    assert editor_client.get(f"/admin/{model}/add/").status_code == 200


def test_editors_cannot_delete_articles(editor_client):
    article = ArticleFactory()

    response = editor_client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    listing = editor_client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 403
    assertNotContains(listing, "delete_selected")
    assert (
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).status_code
        == 200
    )


@pytest.mark.parametrize("model", EDITED_MODELS)
def test_staff_outside_the_editors_group_cannot_see_or_change(client, model):
    staff = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)

    assert client.get(f"/admin/{model}/").status_code == 403
    assert client.get(f"/admin/{model}/add/").status_code == 403


def test_staff_outside_the_group_cannot_change_an_event(client):
    staff = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    event = EventFactory(title="Untouched")
    client.force_login(staff)

    response = client.post(
        reverse("admin:timeline_event_change", args=[event.pk]), {"title": "Changed"}
    )

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "Untouched"


def test_readers_need_no_account(client):
    event = EventFactory(status="reviewed")

    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_event_changelist_makes_the_same_queries_for_any_number_of_rows(
    editor_client, django_assert_num_queries
):
    def make_events(count):
        for _ in range(count):
            excerpt = ExcerptFactory()
            excerpt.event.actors.add(*Actor.objects.all()[:2])

    make_events(2)
    url = reverse("admin:timeline_event_changelist")
    editor_client.get(url)
    with django_assert_num_queries(15):
        editor_client.get(url)
    make_events(6)
    with django_assert_num_queries(15):
        response = editor_client.get(url)
    assert len(response.context["cl"].result_list) == 8


def test_the_article_changelist_makes_the_same_queries_for_any_number_of_rows(
    editor_client, django_assert_num_queries
):
    ExcerptFactory.create_batch(2)
    url = reverse("admin:articles_article_changelist")
    editor_client.get(url)
    with django_assert_num_queries(12):
        editor_client.get(url)
    ExcerptFactory.create_batch(6)
    with django_assert_num_queries(12):
        response = editor_client.get(url)
    assert len(response.context["cl"].result_list) == 8
