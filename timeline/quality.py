"""The measured quality of event extraction, shown to readers on the "About the data" page.

Copied from the figures of `bench/score_events.py` (docs/extraction.md, "Events"): update both
together when extraction changes.
"""

from dataclasses import dataclass

MEASURED_ON = "2026-12-02"
GOLD_ARTICLES = 30  # 20 Chilean Spanish-language articles, 10 BBC politics articles
GOLD_EVENTS = 96


@dataclass(frozen=True)
class Figure:
    key: str
    percent: int
    target: int


EVENT_QUALITY = (
    Figure("recall", 70, 70),
    Figure("precision", 55, 80),
    Figure("date", 87, 90),
    Figure("actors", 57, 70),
    Figure("type", 75, 80),
)
