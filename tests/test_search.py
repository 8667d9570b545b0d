"""Full-text search: the same searches find the same events and articles on SQLite and PostgreSQL.

Run on both: `pytest tests/test_search.py` and again with DATABASE_URL=postgres://….
"""

import datetime

import pytest
from django.db import connection
from pytest_django.asserts import assertContains

from articles.models import Article
from search.templatetags.search_tags import highlight
from search.terms import fts5_match, search_terms, tsquery_text
from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db


def found(text: str) -> set[str]:
    return set(Event.objects.search(text).values_list("title", flat=True))


@pytest.fixture
def events():
    meeting = EventFactory(title="Bukele meets Rubio in San Salvador")
    ExcerptFactory(
        event=meeting, article=ArticleFactory(body="The two discussed prisons and deportations.")
    )
    EventFactory(title="Peña visits the White House")
    EventFactory(title="Milei signs an agreement", date=datetime.date(2024, 3, 1))
    return meeting


def test_every_word_must_match_in_any_order(events):
    assert found("rubio bukele") == {"Bukele meets Rubio in San Salvador"}
    assert found("bukele milei") == set()


def test_excerpts_are_searched_as_well_as_titles(events):
    assert found("PRISONS deportations") == {"Bukele meets Rubio in San Salvador"}


def test_the_last_word_matches_as_a_prefix_from_three_letters(events):
    assert found("bukele rub") == {"Bukele meets Rubio in San Salvador"}
    assert found("agree") == {"Milei signs an agreement"}
    assert found("gree") == set()
    # Shorter, it is a whole word: "ru" would expand to every word starting with it.
    assert found("bukele ru") == set()


def test_accents_and_case_are_ignored(events):
    assert found("pena") == {"Peña visits the White House"}
    assert found("PEÑA white") == {"Peña visits the White House"}


@pytest.mark.parametrize(
    "text",
    ['"', "bukele\"'", "NEAR(a b)", "a AND OR NOT", "*", "-", "col:umn", "!:&|()", "\\", "'';--"],
)
def test_search_syntax_from_readers_never_fails(events, client, text):
    list(Event.objects.search(text))
    list(Article.objects.search(text))
    assert client.get("/", {"q": text}).status_code == 200
    assert client.get("/articles/", {"q": text}).status_code == 200


def test_punctuation_only_matches_nothing_and_empty_matches_everything(events):
    assert found("!!!") == set()
    assert len(found("")) == 3


def test_index_follows_updates_and_deletes(events):
    events.title = "Bukele welcomes Milei"
    events.save()
    assert found("rubio") == set()
    assert found("welcomes") == {"Bukele welcomes Milei"}

    events.excerpts.update(quote="Nothing about jails here.")
    assert found("prisons") == set()
    assert found("jails") == {"Bukele welcomes Milei"}

    events.delete()
    assert found("bukele") == set()


def test_articles_match_on_title_and_body_together_ranked_by_title_first(events):
    in_title = ArticleFactory(title="Bukele's prison", body="A long report on security.")
    in_body = ArticleFactory(title="Security report", body="Bukele spoke about the prison.")
    ArticleFactory(title="Unrelated", body="Nothing here.")

    results = list(Article.objects.search("bukele prison").order_by("-search_rank"))

    assert results == [in_title, in_body]
    assert set(Article.objects.search("report security")) == {in_title, in_body}

    in_body.body = "Only weather now."
    in_body.save()
    assert list(Article.objects.search("bukele prison")) == [in_title]


def test_timeline_highlights_matched_words_escaped(client):
    EventFactory(title="<b>Bukele</b> meets Rubio & aides")

    response = client.get("/", {"q": "bukele aid"})

    expected = "&lt;b&gt;<mark>Bukele</mark>&lt;/b&gt; meets Rubio &amp; <mark>aides</mark>"
    assertContains(response, expected)


def test_article_list_finds_and_highlights(client):
    ArticleFactory(title="Peña at the summit", body="Text.")
    ArticleFactory(title="Other", body="Text.")

    response = client.get("/articles/", {"q": "pena"})

    assertContains(response, "<mark>Peña</mark> at the summit")
    assert [a.title for a in response.context["page_obj"]] == ["Peña at the summit"]


def test_highlight_filter():
    assert highlight("Señor Peña, peña-ish <x>", "pena") == (
        "Señor <mark>Peña</mark>, <mark>peña</mark>-ish &lt;x&gt;"
    )
    assert highlight("a < b", "") == "a &lt; b"
    assert highlight("Rubio", "rub") == "<mark>Rubio</mark>"
    assert highlight("Rubio", "rub xy") == "Rubio"
    assert highlight("Rubio", "ru") == "Rubio"


def test_query_syntax_is_built_from_words_only():
    terms = search_terms('  "Peña"  NEAR(xy)  peña bu* ')
    assert terms == ["peña", "near", "xy", "bu"]
    assert fts5_match(terms) == '"peña" "near" "xy" "bu"'
    assert tsquery_text(terms) == "peña & near & xy & bu"
    assert fts5_match(["bukele", "rub"]) == '"bukele" "rub"*'
    assert tsquery_text(["bukele", "rub"]) == "bukele & rub:*"


def test_single_letters_and_stop_words_are_not_searched():
    assert search_terms("a") == []
    assert search_terms("The") == []
    assert search_terms("the prisons of El Salvador y a") == ["prisons", "salvador"]
    # Words that can name something on the timeline stay searchable.
    assert search_terms("US no") == ["us", "no"]


def test_vendor_specific_index_exists():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search_%'")
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_%'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"search_event_title", "search_excerpt_quote", "search_article_text"} <= names or {
        "search_event_vector_gin",
        "search_excerpt_vector_gin",
        "search_article_vector_gin",
    } == names
