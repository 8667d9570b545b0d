"""Extraction on the seed articles and on tricky sentences: the timeline a journalist can trust."""

import datetime

import pytest

from articles.extraction import extract_article, extract_events
from articles.extraction.document import parse_document
from tests.seeds import gazetteer, seed_text

GAZETTEER = gazetteer()


def events_of(prefix):
    return extract_article(seed_text(prefix), GAZETTEER).events


def find(events, *, event_type, actors=(), countries=()):
    return [
        event
        for event in events
        if event.event_type == event_type
        and set(actors) <= set(event.actors)
        and set(countries) <= set(event.countries)
    ]


def test_bukele_meets_trump_at_the_white_house_on_monday_14_april_2025():
    (meeting,) = find(
        events_of("003"), event_type="meeting", actors={"nayib-bukele", "donald-trump"}
    )
    assert meeting.date == datetime.date(2025, 4, 14)
    assert meeting.date_precision == "day"
    assert meeting.date_resolution == "'on Monday' in an article published 17 Apr 2025"
    assert meeting.title == "Nayib Bukele meets Donald Trump at the White House"
    assert set(meeting.countries) == {"SV", "US"}


def test_el_salvador_state_of_emergency_march_2022_is_a_month():
    (emergency,) = find(events_of("004"), event_type="policy", countries={"SV"})
    assert (emergency.date, emergency.date_precision) == (datetime.date(2022, 3, 1), "month")
    assert emergency.title == "State of emergency in El Salvador"


def test_rubio_visit_to_el_salvador():
    (visit,) = find(events_of("002"), event_type="visit", actors={"marco-rubio"})
    assert visit.title == "Marco Rubio visits El Salvador"
    assert {"SV", "US"} <= set(visit.countries)
    assert len(visit.excerpts) > 3  # the sentences that tell of the visit, merged


def test_bukele_official_visit_to_costa_rica_is_undated():
    (visit,) = find(events_of("000"), event_type="visit", actors={"nayib-bukele"})
    assert visit.title == "Nayib Bukele visits Costa Rica"
    assert visit.date is None
    assert visit.date_precision == "unknown"
    assert {"CR", "SV"} <= set(visit.countries)


def test_transfer_of_238_tren_de_aragua_members_to_cecot():
    transfers = find(events_of("001"), event_type="transfer")
    (cecot,) = [event for event in transfers if "238" in event.title]
    assert cecot.title == "Transfer of 238 members to CECOT"
    assert "Tren de Aragua" in cecot.excerpts[0].quote
    assert {"SV", "VE"} <= set(cecot.countries)


def test_with_front_matter_bullrich_visits_cecot_on_9_june_2024():
    (visit,) = find(events_of("004"), event_type="visit", actors={"patricia-bullrich"})
    assert (visit.date, visit.date_precision) == (datetime.date(2024, 6, 9), "day")
    assert visit.title == "Patricia Bullrich visits El Salvador"
    assert "CECOT" in visit.excerpts[0].quote


def test_with_front_matter_milei_and_bukele_meet_on_1_june_2024():
    (meeting,) = find(
        events_of("004"), event_type="meeting", actors={"javier-milei", "nayib-bukele"}
    )
    assert (meeting.date, meeting.date_precision) == (datetime.date(2024, 6, 1), "day")


def test_without_front_matter_relative_dates_in_004_stay_unknown():
    text = seed_text("004").split("---\n", 2)[2]  # the file as published, no front matter
    events = extract_article(text, GAZETTEER).events
    (visit,) = find(events, event_type="visit", actors={"patricia-bullrich"})
    assert visit.date is None
    assert visit.date_phrase == "on Sunday"
    (emergency,) = find(events, event_type="policy", countries={"SV"})
    assert emergency.date == datetime.date(2022, 3, 1)  # absolute dates need no context


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_excerpt_slices_the_body_to_its_quote(prefix):
    extracted = extract_article(seed_text(prefix), GAZETTEER)
    body = extracted.document.body
    assert extracted.events
    for event in extracted.events:
        assert event.excerpts
        for excerpt in event.excerpts:
            assert body[excerpt.start : excerpt.end] == excerpt.quote


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_event_comes_from_boilerplate_or_after_publication(prefix):
    extracted = extract_article(seed_text(prefix), GAZETTEER)
    removed = " ".join(extracted.document.removed_lines)
    for event in extracted.events:
        for excerpt in event.excerpts:
            assert excerpt.quote not in removed
        if extracted.document.published and event.date:
            assert event.date <= extracted.document.published


def test_no_seed_event_is_dated_from_numbers_or_durations():
    for prefix in ["000", "001", "002", "003", "004"]:
        for event in events_of(prefix):
            assert event.date_phrase not in {"We", "may", "90%", "a century", "1798"}
            assert "year period" not in event.date_phrase
            assert "five-year" not in event.date_phrase


def test_event_countries_include_its_actors_countries():
    (visit,) = find(events_of("004"), event_type="visit", actors={"patricia-bullrich"})
    assert "AR" in visit.countries  # Bullrich's country, though the excerpt names El Salvador


def body_events(body, published=datetime.date(2025, 4, 17), language="en"):
    return extract_events(body, published=published, gazetteer=GAZETTEER, language=language)


def test_a_sentence_without_actor_or_country_is_no_event():
    assert body_events("The delegation met on Monday to sign the agreement.") == []


def test_a_sentence_without_date_or_trigger_is_no_event():
    assert body_events("Bukele is popular in El Salvador.") == []


def test_latin_american_leaders_are_not_the_united_states():
    (event,) = body_events("Trump hosted other Latin American leaders at Mar-a-Lago.")
    assert event.countries == ["US"]  # Trump's own country, not from "American"
    (event,) = body_events("Central American countries signed a pact with Costa Rica.")
    assert event.countries == ["CR"]


def test_headings_are_not_events():
    assert body_events("Bukele’s First Meeting with Trump at the White House") == []


def test_spanish_article_events():
    text = (
        "Bukele se reunió este lunes con Donald Trump en la Casa Blanca.\n\n"
        "El acuerdo entre El Salvador y Estados Unidos se firmó el 3 de febrero de 2025."
    )
    events = body_events(text, language="es")
    meeting = find(events, event_type="meeting", actors={"nayib-bukele", "donald-trump"})
    assert meeting[0].date == datetime.date(2025, 4, 14)
    (agreement,) = find(events, event_type="agreement", countries={"SV", "US"})
    assert agreement.date == datetime.date(2025, 2, 3)


def test_two_sentences_about_one_visit_become_one_event_with_two_excerpts():
    text = (
        "Bullrich visited El Salvador on Sunday.\n\n"
        "Bullrich posted a video of her visit to the prison on Sunday."
    )
    (visit,) = body_events(text, published=datetime.date(2024, 6, 10))
    assert len(visit.excerpts) == 2


def test_two_visits_on_different_days_stay_apart():
    text = (
        "Bullrich visited El Salvador on 9 June 2024.\n\n"
        "Bullrich visited El Salvador again on 2 February 2025."
    )
    assert len(body_events(text)) == 2


def test_the_parsed_document_body_is_what_events_index():
    document = parse_document(seed_text("003"))
    assert document.body.startswith("Bukele offers help to the US")


def test_a_text_near_the_size_limit_is_extracted_with_exact_offsets():
    text = seed_text("002") * 250  # about 1.7 MB, under the 2 MB import limit
    extracted = extract_article(text, GAZETTEER)
    body = extracted.document.body
    assert extracted.events
    for event in extracted.events:
        for excerpt in event.excerpts[:50]:
            assert body[excerpt.start : excerpt.end] == excerpt.quote


def test_robust_to_control_characters_right_to_left_marks_and_emoji():
    text = "Title \u202e\x00\n\nBukele\u200f visited 🇨🇷 Costa Rica\x0b on 3 February 2025. 😀\n"
    extracted = extract_article(text, GAZETTEER)
    (visit,) = extracted.events
    assert visit.date == datetime.date(2025, 2, 3)
    body = extracted.document.body
    assert body[visit.excerpts[0].start : visit.excerpts[0].end] == visit.excerpts[0].quote


@pytest.mark.parametrize(
    ("sentence", "date", "scheduled"),
    [
        # Future tense: dated after publication and scheduled.
        ("Nayib Bukele will visit Costa Rica next Friday.", datetime.date(2025, 4, 25), True),
        ("Bukele viajará a Costa Rica el próximo lunes.", datetime.date(2025, 4, 28), True),
        # Past tense, or nothing said: never after publication.
        ("Nayib Bukele visited Costa Rica on Friday.", datetime.date(2025, 4, 18), False),
        (
            "El pasado viernes 11 de abril, Bukele visitó Costa Rica.",
            datetime.date(2025, 4, 11),
            False,
        ),
        ("Nayib Bukele visited Costa Rica on 3 May 2025.", None, False),
    ],
)
def test_events_in_the_future_are_dated_only_when_the_clause_says_so(sentence, date, scheduled):
    language = "es" if "visitó" in sentence or "viajará" in sentence else "en"
    (event,) = extract_events(
        sentence, published=datetime.date(2025, 4, 21), gazetteer=GAZETTEER, language=language
    )
    assert (event.date, event.scheduled) == (date, scheduled)
