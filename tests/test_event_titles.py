"""Titles the importer wrote are shown in the reader's language; any other title as written."""

import datetime

import pytest
from django.utils import translation
from pytest_django.asserts import assertContains

from tests.factories import EventFactory
from timeline.event_titles import localized_title
from timeline.models import Country

ACTORS = {"Nayib Bukele", "Donald Trump", "Marco Rubio"}
COUNTRIES = {"El Salvador": "SV", "United States": "US", "Costa Rica": "CR", "Venezuela": "VE"}


@pytest.mark.parametrize(
    ("stored", "spanish"),
    [
        ("Nayib Bukele visits Costa Rica", "Nayib Bukele visita Costa Rica"),
        ("Marco Rubio meets Nayib Bukele", "Marco Rubio se reúne con Nayib Bukele"),
        (
            "Nayib Bukele meets Donald Trump at the White House",
            "Nayib Bukele se reúne con Donald Trump en la Casa Blanca",
        ),
        ("El Salvador–United States agreement", "Acuerdo El Salvador–Estados Unidos"),
        ("State of emergency in El Salvador", "Estado de excepción en El Salvador"),
        ("Transfer of 238 members to CECOT", "Traslado de 238 miembros a CECOT"),
        ("Transfer of 23 miembros to El Salvador", "Traslado de 23 miembros a El Salvador"),
        ("Transfer of 1,200 prisoners", "Traslado de 1,200 presos"),
        ("Transfer to Venezuela", "Traslado a Venezuela"),
    ],
)
def test_generated_titles_read_in_spanish(stored, spanish):
    with translation.override("es"):
        assert localized_title(stored, ACTORS, COUNTRIES) == spanish
    with translation.override("en"):
        assert localized_title(stored, ACTORS, COUNTRIES) == stored.replace("miembros", "members")


@pytest.mark.parametrize(
    "stored",
    [
        # Names that are not the event's own: a clipped sentence or an editor's words.
        "Bukele visits the region",
        "Trump meets resistance in Congress",
        "Nayib Bukele meets Donald Trump at a dinner",
        "Transfer of 238 members to a prison in Texas",
        "Transfer",
        "Bukele offers US help against terrorism",
    ],
)
def test_other_titles_stay_as_written(stored):
    with translation.override("es"):
        assert localized_title(stored, ACTORS, COUNTRIES) == stored


@pytest.mark.django_db
def test_a_spanish_page_shows_the_title_in_spanish_and_an_english_one_as_stored(client, bukele, sv):
    costa_rica = Country.objects.get(code="CR")
    EventFactory(
        title="Nayib Bukele visits Costa Rica",
        date=datetime.date(2025, 4, 1),
        actors=[bukele],
        countries=[sv, costa_rica],
    )

    spanish = client.get("/", headers={"Accept-Language": "es"})
    assertContains(spanish, "Nayib Bukele visita Costa Rica")
    english = client.get("/", headers={"Accept-Language": "en"})
    assertContains(english, "Nayib Bukele visits Costa Rica")
