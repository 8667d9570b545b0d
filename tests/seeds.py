"""Shared helpers for tests that read the seed articles and the gazetteer data."""

from pathlib import Path

from articles.extraction import Gazetteer
from timeline.gazetteer_data import ACTORS, COUNTRIES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BBC_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-news-2005" / "bbc"


def seed_text(prefix: str) -> str:
    """The seed file whose name starts with prefix ("003")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def gazetteer() -> Gazetteer:
    return Gazetteer.from_rows(countries=COUNTRIES, actors=ACTORS)
