import datetime

import pytest
from dateparser.date import DateDataParser

from articles.extraction.dates import MONTH, YEAR, find_date_expressions, resolve_dates

PUBLISHED = datetime.date(2025, 4, 17)  # a Thursday


def resolve_all(text, *, published=PUBLISHED, language="en"):
    return resolve_dates(text, published=published, language=language)


def dateparser_date(phrase, language, base=None):
    """dateparser's reading, as a cross-check of the tagger's calendar arithmetic."""
    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    if base:
        settings["RELATIVE_BASE"] = datetime.datetime.combine(base, datetime.time())
    parsed = DateDataParser(languages=[language], settings=settings).get_date_data(phrase)
    return parsed.date_obj.date() if parsed.date_obj else None


@pytest.mark.parametrize(
    "text",
    [
        "We are here to support Costa Rica.",
        "We may go there, and they may not.",
        "about 90% of the more than 200 men have no criminal record",
        "its most violent day in over a century",
        "detained for a renewable one-year period",
        "reelected for a new five-year term",
        "Washington has invoked a law from 1798 to expedite deportations",
        "Police documented 62 homicides and 40,000 inmates work.",
        "They will march on the capital.",
    ],
)
def test_numbers_durations_and_ordinary_words_are_not_dates(text):
    assert find_date_expressions(text) == []


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("during a meeting at the White House on Monday", datetime.date(2025, 4, 14), "day"),
        ("under a state of emergency since March 2022", datetime.date(2022, 3, 1), "month"),
        ("the state of emergency launched in 2022", datetime.date(2022, 1, 1), "year"),
        ("a private meeting on June 1 during", datetime.date(2024, 6, 1), "day"),
        ("after taking office in December", datetime.date(2024, 12, 1), "month"),
        ("signed on February 5, 2025 in San Salvador", datetime.date(2025, 2, 5), "day"),
        ("signed on 5 February 2025 in San Salvador", datetime.date(2025, 2, 5), "day"),
        ("the deal of 2025-03-02 was", datetime.date(2025, 3, 2), "day"),
        ("dialogue increased this year", datetime.date(2025, 1, 1), "year"),
        ("he arrived yesterday", datetime.date(2025, 4, 16), "day"),
    ],
)
def test_dates_keep_the_precision_the_text_gives(text, date, precision):
    (resolved,) = resolve_all(text)
    assert (resolved.date, resolved.precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "language", "date", "precision"),
    [
        ("Yesterday, Bukele met Trump.", "en", datetime.date(2025, 4, 16), "day"),
        ("Today Rubio flew home.", "en", datetime.date(2025, 4, 17), "day"),
        ("On Monday, Bukele met Trump.", "en", datetime.date(2025, 4, 14), "day"),
        ("Last month Rubio visited El Salvador.", "en", datetime.date(2025, 3, 1), "month"),
        ("This year the two governments met.", "en", datetime.date(2025, 1, 1), "year"),
        ("In 2022, a state of emergency was declared.", "en", datetime.date(2022, 1, 1), "year"),
        ("Since March, prisoners were moved.", "en", datetime.date(2025, 3, 1), "month"),
        ("Ayer, Bukele se reunió con Trump.", "es", datetime.date(2025, 4, 16), "day"),
        ("Este lunes Bukele habló.", "es", datetime.date(2025, 4, 14), "day"),
        ("El mes pasado Rubio visitó El Salvador.", "es", datetime.date(2025, 3, 1), "month"),
        ("En 2022 se declaró el régimen.", "es", datetime.date(2022, 1, 1), "year"),
    ],
)
def test_a_date_opening_a_sentence_is_read_like_one_inside_it(text, language, date, precision):
    (resolved,) = resolve_all(text, language=language)
    assert (resolved.date, resolved.precision) == (date, precision)


def test_relative_date_explains_how_it_was_resolved():
    (resolved,) = resolve_all("met at the White House on Monday")
    assert resolved.explanation == "'on Monday' in an article published 17 Apr 2025"


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Bukele se reunió este lunes con Trump", datetime.date(2025, 4, 14), "day"),
        ("el acuerdo del 3 de febrero de 2025", datetime.date(2025, 2, 3), "day"),
        ("publicado el 19 ene. 2024 en", datetime.date(2024, 1, 19), "day"),
        ("bajo régimen de excepción desde marzo de 2022", datetime.date(2022, 3, 1), "month"),
        ("la visita de ayer", datetime.date(2025, 4, 16), "day"),
        ("lanzado en 2022", datetime.date(2022, 1, 1), "year"),
    ],
)
def test_spanish_dates(text, date, precision):
    (resolved,) = resolve_all(text, language="es")
    assert (resolved.date, resolved.precision) == (date, precision)


def test_without_a_publication_date_a_relative_date_stays_unknown_with_its_phrase():
    (resolved,) = resolve_all("met at the White House on Monday", published=None)
    assert resolved.date is None
    assert resolved.precision == "unknown"
    assert resolved.phrase == "on Monday"
    assert "no date" in resolved.explanation


def test_absolute_dates_need_no_publication_date():
    (resolved,) = resolve_all("since March 2022", published=None)
    assert resolved.date == datetime.date(2022, 3, 1)


def test_a_date_after_publication_is_never_given():
    (resolved,) = resolve_all("the summit of 3 May 2025", published=PUBLISHED)
    assert resolved.date is None
    assert "after the article's publication" in resolved.explanation


def test_future_relative_dates_are_resolved_into_the_future_and_scheduled():
    (resolved,) = resolve_all("a visit expected to conclude on Wednesday")
    assert (resolved.date, resolved.scheduled) == (datetime.date(2025, 4, 23), True)
    assert resolved.phrase == "on Wednesday"


def test_a_past_clause_is_never_dated_after_publication():
    (resolved,) = resolve_all("the elections held on 18 May")
    assert (resolved.date, resolved.scheduled) == (datetime.date(2024, 5, 18), False)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Sunday", datetime.date(2024, 6, 10), datetime.date(2024, 6, 9)),
        ("on Monday", datetime.date(2024, 6, 10), datetime.date(2024, 6, 10)),  # that very day
        ("el domingo", datetime.date(2025, 4, 17), datetime.date(2025, 4, 13)),
        ("in December", datetime.date(2024, 6, 10), datetime.date(2023, 12, 1)),
        ("in June", datetime.date(2024, 6, 10), datetime.date(2024, 6, 1)),
        ("on June 1", datetime.date(2024, 6, 10), datetime.date(2024, 6, 1)),
        ("on 14 April", datetime.date(2025, 4, 13), datetime.date(2024, 4, 14)),
        ("el 3 de febrero", datetime.date(2025, 4, 17), datetime.date(2025, 2, 3)),
        ("on 29 February", datetime.date(2025, 4, 17), datetime.date(2024, 2, 29)),
    ],
)
def test_relative_dates_take_their_latest_occurrence_up_to_publication(text, published, expected):
    language = "es" if text.startswith("el ") else "en"
    (resolved,) = resolve_all(text, published=published, language=language)
    assert resolved.date == expected


def _absolute_phrases():
    """Every absolute form, over days that exist and days that don't."""
    for year in (1999, 2024, 2025, 2031):
        for day in (0, 1, 9, "09", 29, 30, 31, 32):
            for month in ("February", "May", "Sept.", "Dec."):
                yield f"{month} {day}, {year}", "en"
                yield f"{day} {month} {year}", "en"
                yield f"{day}th of {month}, {year}", "en"
            for month in ("febrero", "Mayo", "diciembre"):
                yield f"{day} de {month} del {year}", "es"
            for month in ("ene.", "feb", "sept"):
                yield f"{day} {month} {year}", "es"
            for month in (0, 2, 4, 12, 13):
                yield f"{day}/{month}/{year}", "en"
                yield f"{year}-{month:02}-{day:0>2}", "en"
        yield f"March, {year}", "en"
        yield f"abril de {year}", "es"
        yield f"in the year {year}", "en"
        yield f"desde {year}", "es"


def test_absolute_dates_are_what_dateparser_reads():
    checked = 0
    for text, language in _absolute_phrases():
        for resolved in resolve_all(text, published=None, language=language):
            if resolved.date is None:
                continue
            checked += 1
            phrase = resolved.phrase.removeprefix("in the year ").removeprefix("desde ")
            theirs = dateparser_date(phrase.replace("th of", ""), language)
            assert theirs is not None, text
            ours = resolved.date
            if resolved.precision == YEAR:
                ours, theirs = ours.year, theirs.year
            elif resolved.precision == MONTH:
                theirs = theirs.replace(day=1)
            assert ours == theirs, text
    assert checked > 500


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("last month", "en"),
        ("this month", "en"),
        ("last year", "en"),
        ("this year", "en"),
        ("el mes pasado", "es"),
        ("este mes", "es"),
        ("el año pasado", "es"),
        ("este año", "es"),
    ],
)
def test_relative_periods_are_the_periods_dateparser_gives(text, language):
    precision = MONTH if "month" in text or "mes" in text else YEAR
    for days in range(0, 800, 73):
        published = datetime.date(2024, 1, 1) + datetime.timedelta(days=days)
        for day in (published, published.replace(day=1), datetime.date(2024, 2, 29)):
            (ours,) = resolve_all(text, published=day, language=language)
            theirs = dateparser_date(text, language, day)
            assert ours.precision == precision
            if precision == YEAR:
                assert ours.date == datetime.date(theirs.year, 1, 1)
            else:
                assert ours.date == theirs.replace(day=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Llegó en enero.", datetime.date(2025, 1, 1)),
        ("Desde enero de 2024.", datetime.date(2024, 1, 1)),
        ("Enero de 2023 fue difícil.", datetime.date(2023, 1, 1)),
    ],
)
def test_enero_keeps_the_en_that_is_not_a_preposition(text, expected):
    (resolved,) = resolve_all(text, language="es")
    assert (resolved.date, resolved.precision) == (expected, MONTH)
