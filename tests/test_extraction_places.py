"""Place recognition: every country, first-level region, city and demonym, each rule with its
examples (articles/extraction/places.py, places_index.py, place_words/)."""

import marshal

import pytest

from articles.extraction.gazetteer import Gazetteer, Mention
from articles.extraction.places import find_places
from articles.extraction.places_index import (
    _from_marshal,
    _to_marshal,
    english_inflections,
    package_index,
    spanish_inflections,
)
from articles.services import import_text
from tests.seeds import gazetteer
from timeline.models import Country, Event

GAZETTEER = gazetteer()


def places(text):
    return [(m.text, m.kind, m.country) for m in find_places(package_index(), text)]


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("salvadoreño", ["salvadoreño", "salvadoreña", "salvadoreños", "salvadoreñas"]),
        ("costarricense", ["costarricense", "costarricenses"]),
        ("francés", ["francés", "francesa", "franceses", "francesas"]),
        ("alemán", ["alemán", "alemana", "alemanes", "alemanas"]),
        ("marroquí", ["marroquí", "marroquíes", "marroquís"]),
        ("belga", ["belga", "belgas"]),
        ("español", ["español", "española", "españoles", "españolas"]),
    ],
)
def test_spanish_demonyms_are_inflected_by_rule(base, forms):
    assert spanish_inflections(base) == forms


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("Salvadoran", ["Salvadoran", "Salvadorans"]),
        ("Czech", ["Czech", "Czechs"]),
        ("Chinese", ["Chinese"]),
        ("British", ["British"]),
        ("Swiss", ["Swiss"]),
        ("French", ["French"]),
    ],
)
def test_english_demonyms_are_inflected_by_rule(base, forms):
    assert english_inflections(base) == forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Every ISO country, in English and Spanish, with short forms.
        ("Perú, Brasil y España", [("Perú", "PE"), ("Brasil", "BR"), ("España", "ES")]),
        ("Peru and the Dominican Republic", [("Peru", "PE"), ("Dominican Republic", "DO")]),
        (
            "EE.UU., EEUU y Estados Unidos",
            [("EE.UU.", "US"), ("EEUU", "US"), ("Estados Unidos", "US")],
        ),
        ("the U.S. and the UK", [("U.S.", "US"), ("UK", "GB")]),
        ("Corea del Sur y Reino Unido", [("Corea del Sur", "KR"), ("Reino Unido", "GB")]),
        ("Bolivia, not Bolivia, Plurinational State of", [("Bolivia", "BO"), ("Bolivia", "BO")]),
        # Demonyms, all forms.
        ("los guatemaltecos y las salvadoreñas", [("guatemaltecos", "GT"), ("salvadoreñas", "SV")]),
        ("Guatemalan and Salvadoran officials", [("Guatemalan", "GT"), ("Salvadoran", "SV")]),
        ("we Brits", [("Brits", "GB")]),  # not the South African town
        # Capitals, cities and first-level regions resolve to their country.
        ("Puerto Barrios, Izabal", [("Puerto Barrios", "GT"), ("Izabal", "GT")]),
        ("San Salvador y Bogotá", [("San Salvador", "SV"), ("Bogotá", "CO")]),
        ("Ciudad de Guatemala", [("Ciudad de Guatemala", "GT")]),
        ("Guatemala City", [("Guatemala City", "GT")]),
        ("SANTIAGO.- En 2020 Iquique creció", [("SANTIAGO", "CL"), ("Iquique", "CL")]),
    ],
)
def test_places_resolve_to_their_country(text, expected):
    assert [(name, country) for name, _, country in places(text)] == expected


def test_a_mention_says_what_the_place_is():
    assert places("Bukele viajó de San Salvador a Texas, en Estados Unidos; los hondureños") == [
        ("San Salvador", "city", "SV"),
        ("Texas", "region", "US"),
        ("Estados Unidos", "country", "US"),
        ("hondureños", "demonym", "HN"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Santa Ana is growing.", []),  # El Salvador's, California's…: left out
        ("Santa Ana, in El Salvador.", [("Santa Ana", "SV"), ("El Salvador", "SV")]),
        (
            "Santa Ana, California, in the United States",
            [("Santa Ana", "US"), ("California", "US"), ("United States", "US")],
        ),
        ("Córdoba is busy.", []),
        ("Córdoba, Argentina", [("Córdoba", "AR"), ("Argentina", "AR")]),
        ("Concepción, en Chile", [("Concepción", "CL"), ("Chile", "CL")]),
        ("Concepción, Paraguay", [("Concepción", "PY"), ("Paraguay", "PY")]),
        ("Georgia", []),  # the country or the US state
        ("Atlanta, Georgia, in the US", [("Atlanta", "US"), ("Georgia", "US"), ("US", "US")]),
        ("Tbilisi, Georgia", [("Tbilisi", "GE"), ("Georgia", "GE")]),
        ("Santiago", [("Santiago", "CL")]),  # ten times bigger than every namesake
        ("headmaster Dr Arnold in the US", [("US", "US")]),  # a small town, not introduced
        ("upsets in Athens and the US team", [("Athens", "GR"), ("US", "US")]),  # a capital
        ("San José y Estados Unidos", [("San José", "CR"), ("Estados Unidos", "US")]),
        ("la Mesa de Unidad Social en Estados Unidos", [("Estados Unidos", "US")]),
    ],
)
def test_ambiguous_names_are_resolved_by_the_articles_other_places(text, expected):
    assert [(name, country) for name, _, country in places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reading the report in Mission, Paz said no.",  # common words and people's names
        "The Washington Post and CNN Chile reported it.",  # inside a longer name
        "Carabineros de Chile y la Universidad de Chile",
        "Santiago Peña habló en la calle Florida.",  # a person; a street
        "Chile Vamos votó en contra.",  # a coalition
        "Latin American and Central American leaders",
        "the British Medical Association and the Palestinian Authority",  # organisations
        "#Santiago: un bus",  # a hashtag
        "Este año, Para todos, Se dijo",  # sentence openers that are towns somewhere
        "Ken Livingstone said. Livingstone added that it was so.",  # a surname, not Zambia's town
        "La nueva Constitución y la constitución vigente",  # a word the text writes in lower case
        "la esquina de Lira con Diagonal Paraguay",  # a street, through "de"
        "conocido por sus siglas como MORENA",  # a town's name in capitals: an acronym
        "Las calles Tenderini y Santa Rosa",  # Santa Rosa: no namesake ten times bigger
    ],
)
def test_no_false_places(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("En Chile", [("Chile", "CL")]),
        ("el Presidente de Chile", [("Chile", "CL")]),
        ("Salvadoran President Nayib Bukele", [("Salvadoran", "SV")]),
        ("Argentine Security Minister Patricia Bullrich", [("Argentine", "AR")]),
        ("the US Senate", [("US", "US")]),
        ("el chef español Ramón Freixa", [("español", "ES")]),
        ("El Salvador's president", [("El Salvador", "SV")]),
        (
            "They met in Chatham, Kent, in England",
            [("Chatham", "GB"), ("Kent", "GB"), ("England", "GB")],
        ),
        ("Vive en Renca, en Chile", [("Renca", "CL"), ("Chile", "CL")]),
    ],
)
def test_places_next_to_titles_and_openers_count(text, expected):
    assert [(name, country) for name, _, country in places(text)] == expected


def test_gazetteer_mentions_keep_their_shape_and_say_the_place():
    (mention,) = GAZETTEER.find_mentions("Llegó a Puerto Barrios.")
    assert mention == Mention("country", "GT", 8, 22, "Puerto Barrios", "city", "Puerto Barrios")
    assert GAZETTEER.country_name("GT") == "Guatemala"
    assert GAZETTEER.country_name("PE") == "Peru"  # no stored row: the ISO name
    assert GAZETTEER.country_name("PS") == "Palestine"  # not "Palestine, State of"


def test_an_actors_alias_wins_over_the_demonym_inside_it():
    mentions = GAZETTEER.find_mentions("the Salvadoran president spoke in Lima")
    assert [(m.kind, m.key) for m in mentions] == [("actor", "nayib-bukele"), ("country", "PE")]


def test_stored_aliases_add_to_the_packages_names():
    gazetteer = Gazetteer.from_rows(
        countries=[{"code": "US", "name": "United States", "aliases": ["Georgia", "Gringolandia"]}],
        actors=[],
    )
    assert [(m.text, m.key) for m in gazetteer.find_mentions("Gringolandia y Georgia")] == [
        ("Gringolandia", "US"),
        ("Georgia", "US"),
    ]


def test_places_are_resolved_once_for_the_whole_article():
    text = "Santa Ana creció. Santa Ana está en El Salvador."
    spans = GAZETTEER.blocked_spans(text)
    first_sentence = GAZETTEER.find_mentions(text, 0, 17, blocked=spans)
    assert [(m.text, m.key) for m in first_sentence] == [("Santa Ana", "SV")]
    assert GAZETTEER.find_mentions(text, 0, 17) == []  # the sentence alone: left out


def test_a_gazetteer_without_places_knows_the_stored_names_only():
    stored = Gazetteer.from_rows(countries=[{"code": "SV", "name": "El Salvador"}], actors=[])
    only_stored = Gazetteer(countries=stored.countries, places=False)
    assert [m.key for m in only_stored.find_mentions("El Salvador y Perú")] == ["SV"]


@pytest.mark.django_db
def test_a_country_gets_its_row_when_an_event_first_names_it():
    text = "Bukele in Lima\n\nPresident Nayib Bukele visited Lima, Peru, on 3 March 2025.\n"
    assert not Country.objects.filter(code="PE").exists()
    assert import_text(text, source_file="lima.txt", dry_run=True).status == "imported"
    assert not Country.objects.filter(code="PE").exists()  # rolled back with the dry run
    import_text(text, source_file="lima.txt")
    peru = Country.objects.get(code="PE")
    assert (peru.name, peru.slug) == ("Peru", "peru")
    event = Event.objects.get()
    assert set(event.countries.values_list("code", flat=True)) == {"PE", "SV"}


def test_the_index_reads_back_from_its_cache_file_as_built():
    built = package_index()
    again = _from_marshal(marshal.loads(marshal.dumps(_to_marshal(built))))
    assert again.by_form == built.by_form
    assert again.continues == built.continues
