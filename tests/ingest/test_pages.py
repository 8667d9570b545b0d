"""Reading an article out of a page: text, metadata from meta tags, JSON-LD and <time>, and the
pages that are not articles refused with the reason."""

import datetime

import pytest

from articles.extraction.document import parse_document
from ingest.errors import NotAnArticle
from ingest.pages import extract_article
from tests.ingest.web_server import PAGES


def page(name: str, encoding: str = "utf-8") -> str:
    return (PAGES / name).read_text(encoding=encoding)


def test_english_article_from_meta_tags():
    article = extract_article(page("en-article.html"), url="https://news.example.org/x?utm=1")
    assert article.title == "Rubio visits San Salvador to sign migration deal"
    assert article.published == datetime.datetime.fromisoformat("2025-02-03T18:45:00-06:00")
    assert (article.author, article.sitename, article.language) == (
        "Jane Doe",
        "The Daily Test",
        "en",
    )
    assert article.url == "https://news.example.org/world/rubio-san-salvador"
    assert article.paragraphs[0].startswith("US Secretary of State Marco Rubio visited")
    text = " ".join(article.paragraphs)
    assert "Related stories" not in text and "All rights reserved" not in text


def test_spanish_article_from_json_ld_and_time():
    article = extract_article(page("es-articulo.html"))
    assert article.title == "Bukele se reúne con Trump en la Casa Blanca"
    assert article.published.isoformat() == "2025-04-14T16:30:00-04:00"
    assert (article.author, article.sitename, article.language) == (
        "María Pérez",
        "Diario de Prueba",
        "es",
    )
    assert article.url == "https://diario.example.com/internacional/bukele-trump"
    assert "Publicado el" not in article.paragraphs
    assert "Te puede interesar" not in " ".join(article.paragraphs)


def test_a_time_element_alone_gives_the_date():
    html = page("en-article.html").replace("article:published_time", "unrelated")
    html = html.replace("<h1>", '<time datetime="2025-02-04T09:00:00+00:00">Feb 4</time><h1>')
    assert extract_article(html).published.isoformat() == "2025-02-04T09:00:00+00:00"


def test_the_article_text_is_what_the_importer_reads():
    article = extract_article(page("es-articulo.html"))
    document = parse_document(article.as_article_text())
    assert document.title == article.title
    assert document.published == datetime.date(2025, 4, 14)
    assert (document.outlet, document.byline, document.language) == (
        "Diario de Prueba",
        "María Pérez",
        "es",
    )
    assert document.url == "https://diario.example.com/internacional/bukele-trump"
    assert document.body.startswith("El presidente de El Salvador, Nayib Bukele, se reunió")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("index.html", "an index or section page"),
        ("video.html", "a video page"),
        ("paywall.html", "a paywall"),
        ("consent.html", "consent wall"),
        ("short.html", "too little text for an article (9 words; at least 40"),
    ],
)
def test_pages_that_are_not_articles_are_refused_with_the_reason(name, reason):
    with pytest.raises(NotAnArticle, match=reason.replace("(", r"\(")):
        extract_article(page(name))


def test_an_empty_page_is_refused():
    with pytest.raises(NotAnArticle, match="empty"):
        extract_article("  ")


@pytest.mark.parametrize(
    "paragraph",
    ["Lee también: Bukele viaja a Washington", "Read also: Rubio in Costa Rica", "Related: more"],
)
def test_read_also_links_inside_the_text_are_dropped(paragraph):
    html = page("en-article.html").replace(
        "<p>After the meeting", f"<p>{paragraph}</p><p>After the meeting"
    )
    paragraphs = extract_article(html).paragraphs
    assert paragraph not in paragraphs
    assert any(p.startswith("After the meeting") for p in paragraphs)


def test_a_long_paragraph_starting_like_a_read_also_link_is_kept():
    long = "Related: " + "the talks went on late into the night and covered prisons " * 5
    html = page("en-article.html").replace(
        "<p>After the meeting", f"<p>{long}</p><p>After the meeting"
    )
    assert long.strip() in extract_article(html).paragraphs
