"""The hand-annotated event gold (tests/data/gold/events.jsonl) is well-formed and its evidence
spans match the raw corpus text, so scoring scripts can trust every offset and field."""

import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "data" / "gold" / "events.jsonl"
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
CORPUS_DIRS = {"cson": "cson-chile-2019-2023", "bbc": "bbc-news-2005/bbc"}

TYPES = {
    "visit",
    "meeting",
    "agreement",
    "statement",
    "policy",
    "legislation",
    "court",
    "arrest",
    "transfer",
    "sanction",
    "appointment",
    "election",
    "attack",
    "protest",
    "other",
}
DATE_SHAPES = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}
EVENT_KEYS = {
    "id",
    "type",
    "summary",
    "date",
    "precision",
    "scheduled",
    "agents",
    "others",
    "place",
    "place_country",
    "countries",
    "evidence",
}
COUNTRY = re.compile(r"[A-Z]{2}")


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


ROWS = _rows()


def _label(row: dict) -> str:
    return row["file"]


def test_one_line_per_article():
    keys = [(row["corpus"], row["file"]) for row in ROWS]
    assert len(keys) == len(set(keys))
    assert ROWS


@pytest.mark.parametrize("row", ROWS, ids=_label)
def test_article_fields(row):
    assert row["corpus"] in CORPUS_DIRS
    assert row["language"] == {"cson": "es", "bbc": "en"}[row["corpus"]]
    if row["corpus"] == "cson":
        assert row["published"] == row["file"][:10]
    else:
        assert row["published"] is None
    assert isinstance(row["on_topic"], bool)
    if not row["on_topic"]:
        assert row["events"] == []


@pytest.mark.parametrize("row", ROWS, ids=_label)
def test_event_fields(row):
    ids = [event["id"] for event in row["events"]]
    assert len(ids) == len(set(ids))
    for event in row["events"]:
        assert set(event) >= EVENT_KEYS, event["id"]
        assert event["type"] in TYPES, event["id"]
        assert event["summary"].strip()
        precision, date = event["precision"], event["date"]
        if precision == "unknown":
            assert date is None, event["id"]
        else:
            assert DATE_SHAPES[precision].fullmatch(date or ""), event["id"]
        if row["published"] and date and date > row["published"][: len(date)]:
            assert event["scheduled"], f"{event['id']} dated after publication, not scheduled"
        assert isinstance(event["scheduled"], bool)
        for key in ("agents", "others"):
            assert all(isinstance(name, str) and name.strip() for name in event[key])
        assert not set(event["agents"]) & set(event["others"]), event["id"]
        assert all(COUNTRY.fullmatch(code) for code in event["countries"]), event["id"]
        if event["place_country"]:
            assert COUNTRY.fullmatch(event["place_country"])
            assert event["place_country"] in event["countries"], event["id"]
        assert event["evidence"], event["id"]


@pytest.mark.skipif(not CORPORA.is_dir(), reason="corpora folder absent")
@pytest.mark.parametrize("row", ROWS, ids=_label)
def test_evidence_matches_raw_text(row):
    path = CORPORA / CORPUS_DIRS[row["corpus"]] / row["file"]
    with open(path, encoding="utf-8") as handle:  # the exact read the offsets assume
        raw = handle.read()
    for event in row["events"]:
        for span in event["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(raw), event["id"]
            assert raw[span["start"] : span["end"]] == span["text"], event["id"]
        if event.get("date_text"):
            assert event["date_text"] in raw, event["id"]
