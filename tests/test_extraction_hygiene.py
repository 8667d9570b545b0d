"""Text hygiene: glued sentences, hard-wrapped lines, web boilerplate of Spanish and English
pages, video-only pages (examples from the CSON Chilean outlets and wire copy)."""

import pytest

from articles.extraction.boilerplate import is_boilerplate
from articles.extraction.document import DocumentError, parse_document
from articles.extraction.sentences import split_sentences


def sentences(text):
    return [span.text for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Y ahora cambiaron la fórmula.Nosotros felices de competir.",
            ["Y ahora cambiaron la fórmula.", "Nosotros felices de competir."],
        ),
        (
            "El 39% sostuvo que es chileno.“Es así”, dijo.",
            ["El 39% sostuvo que es chileno.", "“Es así”, dijo."],
        ),
        ("Viajó a EE.UU. con su equipo.", ["Viajó a EE.UU. con su equipo."]),
        ("The U.S.Army said so.", ["The U.S.Army said so."]),
        ("El Sr.Pérez llegó.", ["El Sr.Pérez llegó."]),
        ("Subió 3.5 puntos.Luego bajó.", ["Subió 3.5 puntos.", "Luego bajó."]),
        ("Vea https://t.co/Ab.Cdef hoy.", ["Vea https://t.co/Ab.Cdef hoy."]),
        ("Christian K.Caruzo wrote.", ["Christian K.Caruzo wrote."]),
    ],
)
def test_glued_sentence_ends_and_what_is_no_end(text, expected):
    assert sentences(text) == expected


def test_hard_wrapped_lines_are_one_paragraph():
    text = (
        "Wire story\n\nThe minister said on Thursday that the bill would be put to\n"
        "a vote next week, and that the opposition had been consulted.\n\nA second paragraph."
    )
    body = parse_document(text).body
    assert "put to a vote next week" in body
    assert body.endswith("\n\nA second paragraph.")


def test_a_short_heading_is_not_joined_to_its_paragraph():
    body = parse_document("Title\n\nLa reforma\nEl Senado aprobó la reforma.").body
    assert body == "La reforma\n\nEl Senado aprobó la reforma."


@pytest.mark.parametrize(
    "line",
    [
        "LEE TAMBIÉN: Boric anuncia cambios",
        "TAMBIÉN: Piñera en la ONU",
        "Te puede interesar: el clima",
        "TAL VEZ PUEDA INTERESARTE…",
        "NOTICIA RELACIONADA",
        "CONTENIDO RELACIONADO",
        "VER MÁS",
        "Foto: Agencia Uno",
        "Foto EDH/ Jessica Orellana",
        "Foto/Video EDH/ Menly Cortez",
        "VIDEO: Piñera prometió que los asesinos serían castigados",
        "Photo: John Smith/Reuters",
        "Video @Licomita @emiliatijoux pic.twitter.com/JlArghN4Ia",
        "— Cooperativa (@Cooperativa) March 29, 2022",
        "Carabineros presentan querella https://t.co/AvvnNqDUY6",
        "Suscríbase aquí a la newsletter de EL PAÍS América y reciba todas las claves",
        "Para seguir leyendo entrevistas de Ex-Ante, clic aquí.",
        "Play Video",
        "Unable to load video",
        "Descarga la app de Emol",
        "Sign up for our daily newsletter",
    ],
)
def test_web_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "El Senado aprobó también la reforma de pensiones.",
        "La foto del presidente dio la vuelta al mundo.",
        "The video shows the minister arriving at the Senate.",
    ],
)
def test_story_lines_are_kept(line):
    assert not is_boilerplate(line)


def test_inline_captions_leave_the_paragraph():
    text = (
        'Título\n\nEl recinto cerró. [caption id="attachment_1" width="640"] Centro Arte '
        "Alameda este viernes. Foto: Agencia Uno.[/caption] Luego reabrió."
    )
    assert parse_document(text).body == "El recinto cerró. Luego reabrió."


def test_a_video_page_is_refused_with_a_reason():
    with pytest.raises(DocumentError, match="video page"):
        parse_document("Marcha en Santiago - YouTube\n\nAcerca de Prensa Derechos de autor")
