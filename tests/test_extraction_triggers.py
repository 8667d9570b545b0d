"""Event typing, participants in roles, relevance: each rule with its examples."""

import datetime

import pytest

from articles.extraction import extract_events
from articles.extraction.participants import assign_roles, find_names
from articles.extraction.relevance import is_off_topic_sentence, is_on_topic
from articles.extraction.triggers import main_kind, trigger_finder
from tests.seeds import gazetteer

GAZETTEER = gazetteer()


def kind_of(text, language):
    return main_kind(trigger_finder(language).find(text))


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("El Senado aprobó la reforma.", "es", "legislation"),
        ("El presidente vetó el proyecto de ley.", "es", "legislation"),
        ("Carabineros detuvo a tres personas.", "es", "arrest"),
        ("La PDI capturó al líder de la banda.", "es", "arrest"),
        ("La fiscalía allanó la casa.", "es", "arrest"),
        ("Fue condenado a diez años de presidio.", "es", "court"),
        ("El tribunal absolvió al exministro.", "es", "court"),
        ("Boric nombró a la nueva ministra.", "es", "appointment"),
        ("El ministro renunció ayer.", "es", "appointment"),
        ("Chile extraditó al sospechoso.", "es", "transfer"),
        ("Estados Unidos sancionó a tres funcionarios.", "es", "sanction"),
        ("Los chilenos eligieron a su presidente.", "es", "election"),
        ("Miles marcharon en la protesta de Plaza Italia.", "es", "protest"),
        ("Un grupo incendió un bus.", "es", "attack"),
        ("La ministra dijo que no habrá cambios.", "es", "statement"),
        ("Piñera negó haber recibido dinero.", "es", "statement"),
        ("The Senate approved the bill.", "en", "legislation"),
        ("Police detained two men.", "en", "arrest"),
        ("The judge sentenced him to life.", "en", "court"),
        ("The minister resigned on Monday.", "en", "appointment"),
        ("Washington sanctioned the officials.", "en", "sanction"),
        ("Protesters marched on Parliament.", "en", "protest"),
        ("Gunmen killed four people.", "en", "attack"),
        ("Mr Howard said the plan was flawed.", "en", "statement"),
        ("The president denied the claims.", "en", "statement"),
    ],
)
def test_trigger_types_in_both_languages(text, language, kind):
    assert kind_of(text, language) == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Su nombre es conocido.", "es"),  # nombre is no appointment (stem of nombró)
        ("Es para todos.", "es"),  # para is no strike (stem of paro)
        ("Sin embargo, el país crece.", "es"),  # no embargo
        ("Se trata de un caso.", "es"),  # no treaty
        ("La selección deportiva ganó.", "es"),  # no deportation
        ("In March the economy grew.", "en"),  # the month is no march
        ("According to the report, it grew.", "en"),  # no accord
    ],
)
def test_words_that_share_a_stem_with_a_trigger_are_none(text, language):
    assert kind_of(text, language) is None


def test_an_act_wins_over_the_saying_that_reports_it():
    assert kind_of("La ministra dijo que Carabineros detuvo a tres personas.", "es") == "arrest"


def roles(text, language, trigger_word, kind):
    names = find_names(text, 0, len(text), language)
    start = text.index(trigger_word)
    return assign_roles(
        text,
        names,
        trigger_start=start,
        trigger_end=start + len(trigger_word),
        kind=kind,
        sentence_start=0,
    )


def test_the_speaker_after_a_verb_of_saying_is_the_agent():
    found = roles("«No habrá cambios», dijo el senador Matías Walker.", "es", "dijo", "statement")
    assert found.agents == ["Matías Walker"]


def test_titles_are_not_part_of_names():
    found = roles(
        "Argentine Security Minister Patricia Bullrich visited El Salvador.",
        "en",
        "visited",
        "visit",
    )
    assert found.agents == ["Patricia Bullrich"]


def test_the_owner_of_an_event_noun_is_its_agent_and_a_place_after_en_is_the_place():
    found = roles("Hubo una visita del presidente Bukele en Santiago.", "es", "visita", "visit")
    assert found.agents == ["Bukele"]
    assert found.place == "Santiago"


def test_a_statement_and_the_visit_it_was_made_at_are_two_events_with_their_own_agents():
    events = extract_events(
        "El presidente Trump dijo esta mañana en la visita del presidente Bukele que todo va bien.",
        published=datetime.date(2025, 4, 14),
        gazetteer=GAZETTEER,
        language="es",
    )
    statement, visit = events
    assert (statement.event_type, statement.agents) == ("statement", ["Donald Trump"])
    assert (visit.event_type, visit.agents) == ("visit", ["Nayib Bukele"])
    assert visit.title != "Donald Trump visits El Salvador"


def test_an_act_named_by_a_noun_in_what_someone_says_is_a_statement():
    (event,) = extract_events(
        "Bukele negó las acusaciones de la oposición.",
        published=datetime.date(2025, 4, 18),
        gazetteer=GAZETTEER,
        language="es",
    )
    assert (event.event_type, event.actors) == ("statement", ["nayib-bukele"])


def test_the_date_of_the_attribution_is_not_the_date_of_the_act():
    (arrest,) = [
        event
        for event in extract_events(
            "Two men were arrested on Wednesday in San Salvador, Bukele said on Thursday.",
            published=datetime.date(2025, 4, 18),
            gazetteer=GAZETTEER,
        )
        if event.event_type == "arrest"
    ]
    assert arrest.date == datetime.date(2025, 4, 16)


def test_a_quoted_act_is_the_speakers_statement():
    events = extract_events(
        'Bukele said: "We arrested the gang leaders."',
        published=datetime.date(2025, 4, 18),
        gazetteer=GAZETTEER,
    )
    assert [event.event_type for event in events] == ["statement"]


def test_sports_and_lifestyle_articles_are_off_topic():
    body = (
        "El delantero marcó dos goles en el partido y el entrenador celebró el triunfo del club "
        "en el estadio ante miles de hinchas."
    )
    assert not is_on_topic("Colo-Colo gana el torneo", body, "", "es")
    assert not is_on_topic("Una receta", "Texto.", "https://www.lacuarta.com/glamorama/x/", "es")
    assert is_on_topic("El Senado aprueba la reforma", "El gobierno y el Congreso…", "", "es")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Messi's free kick met the post.", "en"),
        ("El tiro libre de Vidal se reunió con el arco.", "es"),
        ("La universidad, fundada en 1949, protestó.", "es"),
        ("The 1851 battle was recalled.", "en"),
    ],
)
def test_game_and_background_sentences_yield_no_event(text, language):
    assert is_off_topic_sentence(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Milei debe firmar el acuerdo con Bukele.",
        "Bukele could sign the agreement with Trump.",
        "¿Bukele visitó Costa Rica?",
    ],
)
def test_wishes_guesses_and_questions_are_no_events(text):
    language = "es" if "Milei" in text or "¿" in text else "en"
    assert (
        extract_events(
            text, published=datetime.date(2025, 4, 18), gazetteer=GAZETTEER, language=language
        )
        == []
    )


def test_the_writers_own_voice_is_no_event():
    text = "Desde Amnistía Internacional hemos planteado que la Fiscalía debe investigar a Bukele."
    assert (
        extract_events(
            text, published=datetime.date(2022, 10, 26), gazetteer=GAZETTEER, language="es"
        )
        == []
    )
