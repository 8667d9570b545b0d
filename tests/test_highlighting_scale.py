"""An article with ten thousand excerpts renders: highlighting is one sweep over the text."""

import re

import pytest

from tests.factories import ArticleFactory, EventFactory
from tests.test_article_views import assert_well_formed
from timeline.excerpt_highlighting import highlighted_paragraphs
from timeline.models import Excerpt

SENTENCES = 10_000


def sentence(number: int) -> str:
    return f"Bukele spoke {number} times."


def excerpts_of_every_sentence(body: str) -> list[tuple[int, int, str]]:
    spans, position = [], 0
    for number in range(SENTENCES):
        quote = sentence(number)
        start = body.index(quote, position)
        spans.append((start, start + len(quote), quote))
        position = start + len(quote)
    return spans


@pytest.mark.django_db
def test_an_article_of_ten_thousand_excerpted_sentences_renders(client, django_assert_num_queries):
    body = " ".join(sentence(number) for number in range(SENTENCES))
    article = ArticleFactory(body=body)
    events = EventFactory.create_batch(5)
    Excerpt.objects.bulk_create(
        Excerpt(article=article, event=events[number % 5], start=start, end=end, quote=quote)
        for number, (start, end, quote) in enumerate(excerpts_of_every_sentence(body))
    )

    with django_assert_num_queries(4):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.text
    anchors = re.findall(r'<mark class="excerpt" id="excerpt-(\d+)"', html)
    assert len(anchors) == len(set(anchors)) == SENTENCES
    assert html.count("<mark ") == html.count("</mark>") == SENTENCES  # no mark reopened
    assert len(html) < len(body) + 500 * SENTENCES  # the text, and its mark and event link


def test_marks_are_written_once_each_for_ten_thousand_sentences_in_one_paragraph():
    body = " ".join(sentence(number) for number in range(SENTENCES))
    excerpts = [
        Excerpt(pk=pk, start=start, end=end, quote=quote)
        for pk, (start, end, quote) in enumerate(excerpts_of_every_sentence(body), start=1)
    ]
    # Every sentence also inside one excerpt that spans the whole paragraph.
    excerpts.append(Excerpt(pk=SENTENCES + 1, start=0, end=len(body), quote=body))

    (paragraph,) = highlighted_paragraphs(body, excerpts)

    html = str(paragraph.html)
    assert_well_formed(html)
    assert html.count("<mark ") == SENTENCES + 1
    assert html.startswith('<mark class="excerpt" id="excerpt-10001"')
    assert len(paragraph.excerpts) == SENTENCES + 1
