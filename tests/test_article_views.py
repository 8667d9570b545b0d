"""The article list and article pages: metadata, highlighted excerpts, events beside them."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from timeline.excerpt_highlighting import highlighted_paragraphs, placed_excerpts
from timeline.models import Event, Excerpt

BODY = (
    "Bukele met Rubio on Monday in San Salvador.\n\n"
    "The two leaders signed an agreement. Prisoners were transferred the next day.\n\n"
    "Officials said more visits would follow."
)


def excerpt_of(article, quote, **event_fields):
    start = article.body.index(quote)
    return ExcerptFactory(
        article=article,
        event=EventFactory(**event_fields),
        start=start,
        end=start + len(quote),
        quote=quote,
    )


class TagBalance(HTMLParser):
    """Fails on a closing tag that does not match the innermost open one."""

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()


def assert_well_formed(html):
    parser = TagBalance()
    parser.feed(html)
    assert parser.stack == []


@pytest.mark.django_db
def test_article_page_shows_metadata_and_a_link_to_the_original(client):
    article = ArticleFactory(
        title="Bukele meets Rubio",
        body=BODY,
        outlet="El Faro",
        byline="Ana Pérez",
        published=datetime.date(2025, 4, 17),
        url="https://elfaro.example/bukele-rubio",
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, "<h1>Bukele meets Rubio</h1>", html=True)
    assertContains(response, "El Faro")
    assertContains(response, "Ana Pérez")
    assertContains(response, '<time datetime="2025-04-17">17 April 2025</time>', html=True)
    assertContains(response, 'href="https://elfaro.example/bukele-rubio"')


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("article_language", "reader_language", "marked"),
    [("es", "en", True), ("en", "es", True), ("en", "en", False), ("es", "es", False)],
)
def test_article_text_in_another_language_than_the_page_is_marked_with_it(
    client, article_language, reader_language, marked
):
    """So a screen reader reads a Spanish article on an English page with Spanish voice."""
    article = ArticleFactory(title="Titular", body=BODY, language=article_language)
    quote = "Bukele met Rubio on Monday in San Salvador."
    excerpt = excerpt_of(article, quote)

    page = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=reader_language).text
    event_page = client.get(
        excerpt.event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=reader_language
    ).text

    attribute = f' lang="{article_language}"'
    assert (f"<h1{attribute}>Titular</h1>" in page) is marked
    assert page.count(f'<p class="article-paragraph"{attribute}>') == (3 if marked else 0)
    assert bool(re.search(f"<blockquote[^>]*{attribute}>", event_page)) is marked
    assert f'<html lang="{reader_language}">' in page


@pytest.mark.django_db
def test_every_excerpt_is_highlighted_anchored_and_listed_with_its_event(client):
    article = ArticleFactory(body=BODY)
    meeting = excerpt_of(
        article, "Bukele met Rubio on Monday", title="Bukele meets Rubio",
        date=datetime.date(2025, 4, 14),
    )  # fmt: skip
    transfer = excerpt_of(
        article, "Prisoners were transferred the next day.", title="Prisoners transferred",
        event_type=Event.Type.TRANSFER,
    )  # fmt: skip

    response = client.get(article.get_absolute_url())

    html = response.text
    assert (
        f'<mark class="excerpt" id="excerpt-{meeting.pk}" data-excerpt="{meeting.pk}">'
        "Bukele met Rubio on Monday</mark> in San Salvador." in html
    )
    assert f'id="excerpt-{transfer.pk}"' in html
    assert meeting.get_absolute_url().endswith(f"#excerpt-{meeting.pk}")
    assertContains(response, f'href="#excerpt-{meeting.pk}">14 April 2025</a>')
    assertContains(response, f'href="{meeting.event.get_absolute_url()}">Bukele meets Rubio</a>')
    assertContains(response, "Prisoners transferred")
    paragraphs = response.context["paragraphs"]
    assert [[e.pk for e in p.excerpts] for p in paragraphs] == [[meeting.pk], [transfer.pk], []]


@pytest.mark.django_db
def test_rejected_events_excerpts_are_neither_highlighted_nor_listed(client):
    article = ArticleFactory(body=BODY)
    rejected = excerpt_of(
        article, "The two leaders", title="Wrongly read", status=Event.Status.REJECTED
    )

    response = client.get(article.get_absolute_url())

    assertNotContains(response, f"excerpt-{rejected.pk}")
    assertNotContains(response, "Wrongly read")


@pytest.mark.django_db
def test_stale_excerpts_are_listed_apart_and_still_anchored(client):
    article = ArticleFactory(body=BODY)
    stale = ExcerptFactory(
        article=article,
        event=EventFactory(title="Old reading"),
        start=None,
        end=None,
        quote="A sentence that was edited away.",
    )

    response = client.get(article.get_absolute_url())

    assertContains(response, "Quotes no longer found in this text")
    assertContains(response, f'<li id="excerpt-{stale.pk}" class="stale-excerpt">')
    assertContains(response, "Old reading")


@pytest.mark.django_db
def test_article_text_is_escaped(client):
    article = ArticleFactory(body="Officials <script>alert(1)</script> & others met.")
    excerpt_of(article, "<script>alert(1)</script>")

    response = client.get(article.get_absolute_url())

    assertNotContains(response, "<script>alert(1)")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;</mark> &amp; others")


@pytest.mark.django_db
def test_unknown_article_is_not_found(client):
    assert client.get("/articles/no-such-article/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_article_page_query_count_is_fixed(client, django_assert_num_queries, count):
    article = ArticleFactory(body=BODY * count)
    for number in range(count):
        start = number * len(BODY)
        ExcerptFactory(article=article, start=start, end=start + 10, quote=BODY[:10])

    # The article, its excerpts with their events, and the events' actors and countries (their
    # titles are checked against them to be shown in the reader's language).
    with django_assert_num_queries(4):
        response = client.get(article.get_absolute_url())

    assert response.text.count('<mark class="excerpt" id="excerpt-') == count


@pytest.mark.django_db
def test_article_list_shows_outlet_date_and_event_count(client):
    article = ArticleFactory(
        title="Costa Rica evaluates cooperation", outlet="EFE", published=datetime.date(2025, 4, 17)
    )
    ExcerptFactory.create_batch(2, article=article)
    ExcerptFactory(article=article, event=EventFactory(status=Event.Status.REJECTED))
    ArticleFactory(title="Unrelated piece")

    response = client.get("/articles/")

    assertContains(response, "Costa Rica evaluates cooperation")
    assertContains(response, "EFE")
    assertContains(response, "17 April 2025")
    assertContains(response, "2 events")
    assert [a.title for a in client.get("/articles/?q=costa").context["page_obj"]] == [
        "Costa Rica evaluates cooperation"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["page=abc", "page=1000000000", "page=-3", "q=%00"])
def test_article_list_survives_bad_values(client, query):
    ArticleFactory()

    assert client.get(f"/articles/?{query}").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 30])
def test_article_list_query_count_is_fixed(client, django_assert_num_queries, count):
    for article in ArticleFactory.create_batch(count):
        ExcerptFactory.create_batch(2, article=article)

    with django_assert_num_queries(2):
        response = client.get("/articles/")

    assert len(response.context["page_obj"]) == count


# Highlighting, without the database


def unsaved_excerpt(pk, start, end):
    return Excerpt(pk=pk, start=start, end=end, quote="")


def test_nested_identical_and_crossing_excerpts_stay_well_formed():
    body = "abcdefghij\n\nklmnop"
    excerpts = [
        unsaved_excerpt(1, 0, 10),
        unsaved_excerpt(2, 2, 5),
        unsaved_excerpt(3, 2, 5),
        unsaved_excerpt(4, 4, 14),
    ]

    paragraphs = highlighted_paragraphs(body, excerpts)

    assert len(paragraphs) == 2
    for paragraph in paragraphs:
        assert_well_formed(paragraph.html)
    first, second = (str(p.html) for p in paragraphs)
    for pk in (1, 2, 3, 4):
        assert (first + second).count(f'id="excerpt-{pk}"') == 1
    assert first.startswith('<mark class="excerpt" id="excerpt-1"')
    assert second.startswith('<mark class="excerpt" data-excerpt="4">kl</mark>mnop')
    assert [e.pk for e in paragraphs[0].excerpts] == [1, 2, 3, 4]


def test_excerpts_outside_the_text_count_as_stale():
    body = "short text"
    fitting, outside, missing = (
        unsaved_excerpt(1, 0, 5),
        unsaved_excerpt(2, 5, 50),
        unsaved_excerpt(3, None, None),
    )

    assert placed_excerpts(body, [fitting, outside, missing]) == ([fitting], [outside, missing])
