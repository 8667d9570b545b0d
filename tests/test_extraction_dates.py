import datetime

import pytest

from articles.extraction.dates import (
    MONTH,
    YEAR,
    _core,
    _parse_cached,
    find_date_expressions,
    resolve_absolute_fast,
    resolve_date,
    resolve_relative_fast,
)

PUBLISHED = datetime.date(2025, 4, 17)  # a Thursday


def resolve_all(text, *, published=PUBLISHED, language="en"):
    return [
        resolve_date(e, published=published, language=language, context_before=text[: e.start])
        for e in find_date_expressions(text, language)
    ]


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


def test_future_relative_dates_are_not_resolved_into_the_past():
    (resolved,) = resolve_all("a visit expected to conclude on Wednesday")
    assert resolved.date is None
    assert resolved.phrase == "on Wednesday"


@pytest.mark.parametrize(
    ("core", "published", "expected"),
    [
        ("Sunday", datetime.date(2024, 6, 10), datetime.date(2024, 6, 9)),
        ("Monday", datetime.date(2024, 6, 10), datetime.date(2024, 6, 10)),  # that very day
        ("domingo", datetime.date(2025, 4, 17), datetime.date(2025, 4, 13)),
        ("December", datetime.date(2024, 6, 10), datetime.date(2023, 12, 1)),
        ("June", datetime.date(2024, 6, 10), datetime.date(2024, 6, 1)),
        ("June 1", datetime.date(2024, 6, 10), datetime.date(2024, 6, 1)),
        ("14 April", datetime.date(2025, 4, 13), datetime.date(2024, 4, 14)),
        ("3 de febrero", datetime.date(2025, 4, 17), datetime.date(2025, 2, 3)),
        ("29 February", datetime.date(2025, 4, 17), None),  # no such day: left to dateparser
        ("last week", datetime.date(2025, 4, 17), None),
    ],
)
def test_common_relative_dates_resolve_by_calendar_arithmetic(core, published, expected):
    assert resolve_relative_fast(core, published) == expected


def _absolute_phrases():
    """Every absolute form the patterns find, over days that exist and days that don't."""
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


def test_absolute_dates_read_by_the_month_table_are_what_dateparser_reads():
    fast = 0
    for text, language in _absolute_phrases():
        for expression in find_date_expressions(text, language):
            core = _core(expression.text)
            ours = resolve_absolute_fast(core, expression.precision)
            if ours is None:
                continue  # left to dateparser
            fast += 1
            theirs = _parse_cached(core, language, None)
            assert theirs is not None, text
            if expression.precision == YEAR:
                ours, theirs = ours.year, theirs.year
            elif expression.precision == MONTH:
                ours, theirs = ours.replace(day=1), theirs.replace(day=1)
            assert ours == theirs, text
    assert fast > 500


def test_every_match_holds_the_words_its_pattern_is_skipped_without(tmp_path):
    """find_date_expressions skips a pattern for a sentence without the words it needs."""
    from pathlib import Path

    from articles.extraction.date_patterns import _COMPILED
    from bench.generate_corpus import generate_corpus

    generate_corpus(tmp_path, articles=60, seed=3)
    texts = [path.read_text() for path in [*tmp_path.glob("*.txt"), *Path("seeds").glob("*.txt")]]
    texts += [
        "On Monday, May 9th, 2024, the 1st of June 2023, 2024-05-09, 9/5/2024, Sept. 2021, "
        "early May, in the year 1999, last Friday, yesterday, the day before yesterday, today, "
        "last month, next year; el 3 de febrero de 2025, 3 ene. 2024, febrero del 2025, "
        "a principios de marzo, en el año 2020, el pasado miércoles, este sábado, anteayer, "
        "antier, hoy, el mes pasado, este año, Miércoles, Sábado."
    ]
    matched = set()
    for text in texts:
        for language, patterns in _COMPILED.items():
            for number, (pattern, _precision, _relative, needs) in enumerate(patterns):
                for match in pattern.finditer(text):
                    lowered = match.group().lower()
                    assert all(words.search(lowered) for words in needs), (
                        language,
                        number,
                        match.group(),
                    )
                    matched.add((language, number))
    assert len(matched) == sum(len(patterns) for patterns in _COMPILED.values())


@pytest.mark.parametrize(
    ("core", "language"),
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
def test_relative_periods_by_arithmetic_are_the_periods_dateparser_gives(core, language):
    precision = MONTH if "month" in core or "mes" in core else YEAR
    for days in range(0, 800, 73):
        published = datetime.date(2024, 1, 1) + datetime.timedelta(days=days)
        for day in (published, published.replace(day=1), datetime.date(2024, 2, 29)):
            ours = resolve_relative_fast(core, day)
            theirs = _parse_cached(core, language, day.isoformat())
            if precision == YEAR:
                assert (ours.year, ours.month, ours.day) == (theirs.year, 1, 1)
            else:
                assert ours == theirs.replace(day=1)


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
