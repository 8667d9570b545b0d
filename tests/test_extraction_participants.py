"""The event's participants come from the article's entities: roles over the people and
organisations the discovery resolved, so the event links who took part under their full name."""

import datetime

from articles.extraction import extract_events
from tests.seeds import gazetteer

GAZETTEER = gazetteer()
PUBLISHED = datetime.date(2022, 10, 18)


def events(body, language="es"):
    return extract_events(body, published=PUBLISHED, gazetteer=GAZETTEER, language=language)


def test_a_surname_speaker_is_the_person_named_before_under_the_full_name():
    body = (
        "El senador Matías Walker se reunió con dirigentes de la Democracia Cristiana.\n\n"
        '"Fue un apoyo débil", dijo Walker ante la prensa el lunes.'
    )
    (statement,) = [event for event in events(body) if event.event_type == "statement"]
    assert statement.agents == ["Matías Walker"]
    assert "matias-walker" in statement.actors


def test_a_person_after_spanish_personal_a_is_no_place():
    body = (
        "Carabineros detuvo a Juan Pérez Soto en Valparaíso el martes. "
        "Pérez Soto quedó en prisión preventiva."
    )
    (arrest,) = [event for event in events(body) if event.event_type == "arrest"]
    assert arrest.actors[:2] == ["carabineros", "juan-perez-soto"]
    assert arrest.place == "Valparaíso"


def test_an_event_told_without_a_place_is_in_the_storys_country():
    body = (
        "Miles de personas marcharon en Santiago y Valparaíso contra el Gobierno chileno.\n\n"
        "El ministro del Interior, Víctor Pérez, anunció el martes un plan de seguridad."
    )
    announcement = next(event for event in events(body) if event.event_type == "statement")
    assert announcement.countries == ["CL"]


def test_a_story_over_several_countries_gives_no_country_to_an_event_without_one():
    body = (
        "Chile y Perú firmaron un acuerdo en Buenos Aires.\n\n"
        "El ministro del Interior, Víctor Pérez, anunció el martes un plan de seguridad."
    )
    announcement = next(event for event in events(body) if event.event_type == "statement")
    assert announcement.countries == []
