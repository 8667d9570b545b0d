"""The temporal tagger's rules, each with its examples (Duckling style), and its interfaces:
`manage.py tag_dates` and the TempEval-3 scorer over the timex-dev corpus (skipped without it)."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from articles.extraction.timex import tag_temporal_expressions

APRIL_21 = datetime.date(2025, 4, 21)  # a Monday


def tags(text, language="en", published=APRIL_21):
    return [
        (t.text, t.type, t.value)
        for t in tag_temporal_expressions(text, published=published, language=language)
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Explicit dates beat the weekday in the same phrase.
        ("El pasado viernes 11 de abril, el Consejo ordenó", "es", ("DATE", "2025-04-11")),
        ("Monday, Oct. 26, 1998", "en", ("DATE", "1998-10-26")),
        # Years before 1900 are years; so are years in context.
        ("El 2 de febrero de 1851, la derrota del ejército", "es", ("DATE", "1851-02-02")),
        ("the 2010 raid", "en", ("DATE", "2010")),
        ("del año 2014", "es", ("DATE", "2014")),
        ("in 1798", "en", ("DATE", "1798")),
        ("the 1990s", "en", ("DATE", "199")),
        # Relative to publication, both directions.
        ("hace tres meses", "es", ("DATE", "2025-01")),
        ("four years ago", "en", ("DATE", "2021")),
        ("la semana pasada", "es", ("DATE", "2025-W16")),
        ("next year", "en", ("DATE", "2026")),
        ("el próximo lunes", "es", ("DATE", "2025-04-28")),
        ("el año pasado", "es", ("DATE", "2024")),
        ("last month", "en", ("DATE", "2025-03")),
        ("the third quarter", "en", ("DATE", "2025-Q3")),
        ("last fall", "en", ("DATE", "2024-FA")),
        ("yesterday", "en", ("DATE", "2025-04-20")),
        ("el día 5", "es", ("DATE", "2025-05-05")),
        # "ayer lunes" on a Monday: the weekday said is the day meant.
        ("ayer lunes", "es", ("DATE", "2025-04-21")),
        # Times of day.
        ("esta mañana", "es", ("TIME", "2025-04-21TMO")),
        ("last night", "en", ("TIME", "2025-04-20TNI")),
        ("at 10:35 a.m. Friday", "en", ("TIME", "2025-04-18T10:35")),
        ("a las 18:30 horas", "es", ("TIME", "2025-04-21T18:30")),
        # Durations, sets and references.
        ("three years", "en", ("DURATION", "P3Y")),
        ("dos días después", "es", ("DURATION", "P2D")),
        ("a five-year term", "en", ("DURATION", "P5Y")),
        ("for years", "en", ("DURATION", "PXY")),
        ("los últimos meses", "es", ("DURATION", "PXM")),
        ("every week", "en", ("SET", "P1W")),
        ("anualmente", "es", ("SET", "P1Y")),
        ("now", "en", ("DATE", "PRESENT_REF")),
        ("recientemente", "es", ("DATE", "PAST_REF")),
        ("the future", "en", ("DATE", "FUTURE_REF")),
        ("nineteen ninety-six", "en", ("DATE", "1996")),
        ("over the weekend", "en", ("DATE", "2025-W16-WE")),
        ("in June last year", "en", ("DATE", "2024-06")),
        ("a finales del pasado mes de mayo", "es", ("DATE", "2024-05")),
        ("the latest quarter", "en", ("DATE", "2025-Q1")),
        ("twenty-four hours", "en", ("DURATION", "PT24H")),
        ("hace un par de meses", "es", ("DATE", "2025-02")),
    ],
)
def test_rules_and_their_values(text, language, expected):
    found = tags(text, language)
    assert len(found) == 1, found
    assert found[0][1:] == expected


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # Tense decides the direction of an underspecified date.
        ("He will arrive on Friday.", "en", "2025-04-25"),
        ("He arrived on Friday.", "en", "2025-04-18"),
        ("las elecciones del 18 de mayo se realizarán", "es", "2025-05-18"),
        ("las elecciones del 18 de mayo fueron", "es", "2024-05-18"),
        ("the talks that began on April 7", "en", "2025-04-07"),
        ("talks will begin on April 7", "en", "2026-04-07"),
    ],
)
def test_tense_gives_the_direction(text, language, value):
    (found,) = [v for _, kind, v in tags(text, language) if kind == "DATE"]
    assert found == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We are here to support Costa Rica.", "en"),
        ("We may go there, and they may not.", "en"),
        ("about 90% of the more than 200 men", "en"),
        ("more than 2000 people marched", "en"),
        ("El Diario de Hoy pudo verificar", "es"),
        ("USA Today reported", "en"),
        ("Washington invoked a law from 1798", "en"),
        ("a 6-year-old boy", "en"),
        ("la Avenida 17 de Junio", "es"),
        ("dijo Domingo García", "es"),
        ("the annual March for Life", "en"),
        ("prices will fall", "en"),
        ("three-quarters of the voters", "en"),
    ],
)
def test_no_invented_times(text, language):
    assert tags(text, language) == []


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before():
    text = "Profit rose in the third quarter. It was $4 million a year earlier."
    assert tags(text, published=datetime.date(1989, 11, 2))[-1] == (
        "a year earlier",
        "DATE",
        "1988-Q3",
    )


def test_without_a_publication_date_relative_expressions_have_no_value():
    assert tags("on Monday, in March 2022", published=None) == [
        ("Monday", "DATE", None),
        ("March 2022", "DATE", "2022-03"),
    ]


def test_tag_dates_reads_and_writes_json_lines(monkeypatch):
    lines = [
        {"text": "Ayer, hace tres años.", "published": "2025-04-21", "language": "es"},
        {"text": "on Monday", "published": None, "language": "en"},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(x) for x in lines) + "\nx\n"))
    out = io.StringIO()
    call_command("tag_dates", stdout=out)
    first, second, third = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == [
        {"start": 0, "end": 4, "text": "Ayer", "type": "DATE", "value": "2025-04-20"},
        {"start": 6, "end": 20, "text": "hace tres años", "type": "DATE", "value": "2022"},
    ]
    assert second == [{"start": 3, "end": 9, "text": "Monday", "type": "DATE", "value": None}]
    assert "error" in third


def test_the_scorer_measures_a_sample_of_the_development_corpus():
    from bench.timex_corpus import CORPUS
    from bench.timex_score import run

    if not CORPUS.exists():
        pytest.skip("timex-dev corpus not present")
    for language in ("en", "es"):
        result = run("ours", language, limit=20)
        assert result["all"]["gold"] > 30
        assert result["DATE"]["relaxed"]["P"] > 80
        assert result["all"]["value"]["F1"] > 60
