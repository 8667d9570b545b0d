import pytest

from tests.seeds import gazetteer

GAZETTEER = gazetteer()


def keys(text):
    return [(m.kind, m.key) for m in GAZETTEER.find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nayib Bukele spoke.", [("actor", "nayib-bukele")]),
        ("the Salvadoran president spoke", [("actor", "nayib-bukele")]),
        ("U.S. officials and the US Senate", [("country", "US"), ("country", "US")]),
        ("Estados Unidos y la Casa Blanca", [("country", "US"), ("country", "US")]),
        ("a Costa Rican minister", [("country", "CR")]),
        ("los salvadoreños votaron", [("country", "SV")]),
        ("Salvadoreños votaron", [("country", "SV")]),
        ("the Argentine minister", [("country", "AR")]),
    ],
)
def test_mentions(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "let us go",  # "us" is not the United States
        "a trumpet solo",
        "Latin American leaders",
        "Central America and South America",
        "the Bukele model of fighting crime",
        "costa rica in lower case is not a name",
    ],
)
def test_no_mention(text):
    assert keys(text) == []


def test_mention_offsets_point_at_the_alias():
    text = "Yesterday Marco Rubio landed."
    (mention,) = GAZETTEER.find_mentions(text)
    assert text[mention.start : mention.end] == "Marco Rubio"
