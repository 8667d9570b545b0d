import random
import re

import pytest

from articles.extraction.gazetteer import _alternation
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


def test_the_prefix_tree_pattern_matches_what_one_alternative_per_form_longest_first_does():
    forms = [*sorted(GAZETTEER._by_form), "U.S.", "U.S", "Sal", "Salva", "El Salvador's"]
    naive = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(form) for form in sorted(set(forms), key=len, reverse=True))
        + r")(?![\w]|\.\w)"
    )
    tree = _alternation(forms)
    pieces = [*forms, *(form[: len(form) // 2] for form in forms), " ", ". ", "x", "'s", ".S"]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(30))
        spans = [(m.start(), m.group()) for m in tree.finditer(text)]
        assert spans == [(m.start(), m.group()) for m in naive.finditer(text)], text


def test_no_blocking_phrase_can_run_across_a_sentence_end():
    """extract_events finds them once in the whole body (Gazetteer.blocked_spans)."""
    from articles.extraction.gazetteer import BLOCKING_PHRASES

    assert not [phrase for phrase in BLOCKING_PHRASES if set(phrase) & set(".!?…\n")]
