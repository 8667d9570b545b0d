import datetime

import pytest

from articles.extraction.document import DocumentError, parse_date_line, parse_document
from articles.extraction.language import detect_language
from tests.seeds import seed_text


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("February 5, 2025", datetime.date(2025, 2, 5)),
        ("Posted on 17/04/2025 at 11:30", datetime.date(2025, 4, 17)),
        ("Posted on 03/04/2025", datetime.date(2025, 4, 3)),  # day first
        ("2025-03-02T09:15:00-06:00", datetime.date(2025, 3, 2)),
        ("Publicado el 3 de febrero de 2025", datetime.date(2025, 2, 3)),
        ("19 ene. 2024", datetime.date(2024, 1, 19)),
        ("Updated: 5 February 2025, 10:45 am", datetime.date(2025, 2, 5)),
    ],
)
def test_date_lines(line, date):
    assert parse_date_line(line) == date


@pytest.mark.parametrize(
    "line",
    ["We are here", "Agenda", "March 2022", "On Monday", "More News and Blog", "The 5 best"],
)
def test_lines_that_are_not_publication_dates(line):
    assert parse_date_line(line) is None


def test_title_is_the_first_line_and_date_line_sets_published():
    document = parse_document(seed_text("003"))
    assert document.title.startswith("Bukele Offers U.S. Help in Fight Against Terrorism")
    assert document.published == datetime.date(2025, 4, 17)
    assert document.published_source == "text"
    assert "Posted on" not in document.body
    assert document.outlet == "EFE"


def test_front_matter_wins_over_a_date_line():
    text = "---\npublished: 2024-06-10\nsource: Breitbart\nurl: https://example.org/story\n---\n"
    text += "A headline\n\nFebruary 5, 2025\n\nBullrich visited El Salvador on Sunday.\n"
    document = parse_document(text)
    assert document.published == datetime.date(2024, 6, 10)
    assert document.published_source == "front_matter"
    assert (document.outlet, document.url) == ("Breitbart", "https://example.org/story")
    assert document.title == "A headline"


def test_bad_front_matter_date_is_a_clear_error():
    with pytest.raises(DocumentError, match="not a date"):
        parse_document("---\npublished: someday\n---\nTitle\n\nBody text here.\n")


@pytest.mark.parametrize(
    ("prefix", "boilerplate"),
    [
        ("000", ["Table of Contents", "More News and Blog", "We are here", "Read the stories"]),
        ("002", ["Subscribe to our weekly news digest", "Invalid Email Address", "Thanks for"]),
        ("003", ["You May Also Be Interested In", "Related post", "SOURCE: EFE"]),
        ("004", ["PRESS OFFICE/AFP", "COMMENTS", "issues with commenting", "Christian K. Caruzo"]),
    ],
)
def test_boilerplate_is_removed_from_the_body(prefix, boilerplate):
    document = parse_document(seed_text(prefix))
    paragraphs = document.body.split("\n\n")
    for phrase in boilerplate:
        assert not [paragraph for paragraph in paragraphs if phrase in paragraph[:80]]
        assert any(phrase in line for line in document.removed_lines)
    assert len(document.body) > 1000


def test_section_headings_stay_in_the_body():
    assert "Strengthening Bilateral Relations" in parse_document(seed_text("002")).body


def test_empty_and_title_only_texts_are_errors():
    with pytest.raises(DocumentError, match="no title"):
        parse_document("   \n\n  ")
    with pytest.raises(DocumentError, match="empty"):
        parse_document("Just a title\n\n")


def test_a_paragraph_is_no_title():
    with pytest.raises(DocumentError, match="no title"):
        parse_document("word " * 200)


def test_language_detection():
    assert detect_language(seed_text("002")) == "en"
    spanish = (
        "El presidente de El Salvador se reunió este lunes con el secretario de Estado de los "
        "Estados Unidos para hablar de la seguridad y de la migración en la región."
    )
    assert detect_language(spanish) == "es"


def test_spanish_names_do_not_make_an_english_text_spanish():
    assert (
        detect_language("Bullrich in El Salvador. Bullrich visited El Salvador on Sunday.") == "en"
    )


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("26-FEB-1987 15:01:01.79", datetime.date(1987, 2, 26)),
        ("Ene 19, 2024- 12:07", datetime.date(2024, 1, 19)),
        ("2025-04-21T00:42:00-03:00", datetime.date(2025, 4, 21)),  # the date in its offset
        ("2025-04-21T03:42:00Z", datetime.date(2025, 4, 21)),  # the same instant in UTC
        ("Monday, Oct. 26, 1998", datetime.date(1998, 10, 26)),
    ],
)
def test_more_date_line_formats(line, date):
    assert parse_date_line(line) == date


@pytest.mark.parametrize(
    ("text", "date", "source"),
    [
        (
            "Title\n\nSAN SALVADOR, May 12, 2025 (Reuters) - Bukele met Rubio on Monday.\n",
            datetime.date(2025, 5, 12),
            "dateline",
        ),
        (
            "Title\n\n26-FEB-1987 15:01:01.79\n\nNEW YORK, March 2 - Shares fell.\n",
            datetime.date(1987, 2, 26),
            "text",
        ),
        (
            "---\npublished:\nurl: https://example.org/2024/01/19/story\n---\nTitle\n\nBody.\n",
            datetime.date(2024, 1, 19),
            "url",
        ),
        ("Title\n\nNEW YORK, March 2 - Shares fell.\n", None, "unknown"),
    ],
)
def test_publication_date_sources_in_order(text, date, source):
    document = parse_document(text)
    assert (document.published, document.published_source) == (date, source)
