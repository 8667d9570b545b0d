"""Checks on the hand-annotated entity gold (tests/data/gold/entities.jsonl).

The gold scores entity discovery, so a malformed line, an unknown label, overlapping spans
or an offset that no longer points at its text would silently skew every figure. No
database: this reads the JSON Lines file and, when the corpora are present, the raw articles.
"""

import itertools
import json
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "data" / "gold" / "entities.jsonl"
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CORPUS_DIRS = {
    "cson": CORPORA / "cson-chile-2019-2023",
    "bbc": CORPORA / "bbc-news-2005" / "bbc",
}
LABELS = {"PER", "ORG", "LOC", "FAC", "DEM"}
LANGUAGES = {"cson": "es", "bbc": "en"}
ENTITY_KEYS = {"start", "end", "text", "label", "canonical", "country"}


def gold_lines() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_line_is_a_json_object_with_the_documented_keys():
    rows = gold_lines()
    assert rows, "the gold file has no articles"
    for row in rows:
        assert set(row) == {"corpus", "file", "language", "entities"}, row.get("file")
        assert row["corpus"] in LANGUAGES
        assert row["language"] == LANGUAGES[row["corpus"]]
        assert isinstance(row["entities"], list)


def test_each_article_appears_once():
    files = [(row["corpus"], row["file"]) for row in gold_lines()]
    assert len(files) == len(set(files))


def test_entities_are_well_formed():
    for row in gold_lines():
        for entity in row["entities"]:
            where = f"{row['file']} {entity}"
            assert set(entity) == ENTITY_KEYS, where
            assert entity["label"] in LABELS, where
            assert isinstance(entity["start"], int) and isinstance(entity["end"], int), where
            assert 0 <= entity["start"] < entity["end"], where
            assert entity["end"] - entity["start"] == len(entity["text"]), where
            assert entity["text"] == entity["text"].strip(), where
            assert entity["canonical"], where
            country = entity["country"]
            if entity["label"] in {"LOC", "DEM", "FAC"}:
                assert country, where
            assert country is None or (len(country) == 2 and country.isupper()), where


def test_spans_are_sorted_and_never_overlap():
    for row in gold_lines():
        spans = [(e["start"], e["end"]) for e in row["entities"]]
        assert spans == sorted(spans), row["file"]
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, f"{row['file']}: overlap at {start}"


@pytest.mark.skipif(not CORPORA.is_dir(), reason="corpora folder not present")
def test_offsets_point_at_the_annotated_text_in_the_raw_file():
    for row in gold_lines():
        raw = (CORPUS_DIRS[row["corpus"]] / row["file"]).read_text(encoding="utf-8")
        for entity in row["entities"]:
            assert raw[entity["start"] : entity["end"]] == entity["text"], (row["file"], entity)
