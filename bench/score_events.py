"""Score event extraction against the hand-annotated gold (tests/data/gold/events.jsonl).

    .venv/bin/python -m bench.score_events                       # the gold in the repository
    .venv/bin/python -m bench.score_events --gold PATH --details # another gold file, per event

Runs the pure extraction (no database; the gazetteer of `timeline.gazetteer_data`) on each gold
article, maps every excerpt from the parsed body back to the raw file's offsets, and matches
predicted events to gold events one to one by the overlap of their evidence (largest overlap
first). Reports recall, precision, and among matched pairs whether the date, the actors and the
type are right; next to a naive baseline (one event per sentence that has a date expression).

- date right: the same date at the gold precision ("2022-03" matches any day of March 2022 only
  when the prediction is itself a month; an undated gold event needs an undated prediction);
- actors right: when gold names agents, one of them is among the predicted agents (names are
  compared by their words, so "Boric" matches "Gabriel Boric"); when it names none, the
  prediction names no agent outside the gold's people;
- linked right (strict): the actors the stored event links (what the timeline publishes) are
  the gold's people (agents and others), none missing and none extra;
- type right: the same type code.
"""

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_FOLDERS = {
    "cson": CORPORA / "cson-chile-2019-2023",
    "bbc": CORPORA / "bbc-news-2005" / "bbc",
}
DEFAULT_GOLD = ROOT / "tests" / "data" / "gold" / "events.jsonl"
WORD = re.compile(r"\w+")


@dataclass
class Predicted:
    spans: list[tuple[int, int]]
    date: str | None
    event_type: str
    agents: list[str]
    people: list[str]
    linked: list[str]  # the names of the actors the stored event links


def fold(text: str) -> tuple[str, list[int]]:
    """The text with whitespace runs folded to one space, and each character's raw offset."""
    chars, offsets = [], []
    previous_space = False
    for index, character in enumerate(text):
        if character.isspace():
            if previous_space:
                continue
            chars.append(" ")
            previous_space = True
        else:
            chars.append(character)
            previous_space = False
        offsets.append(index)
    offsets.append(len(text))
    return "".join(chars), offsets


class RawLocator:
    """Where a quote of the parsed body stands in the raw file (whitespace folded), in order."""

    def __init__(self, raw: str):
        self.folded, self.offsets = fold(raw)
        self.cursor = 0

    def locate(self, quote: str) -> tuple[int, int] | None:
        needle = " ".join(quote.split())
        found = self.folded.find(needle, self.cursor)
        if found < 0:
            found = self.folded.find(needle)
        if found < 0:
            return None
        return self.offsets[found], self.offsets[found + len(needle) - 1] + 1


def date_string(date, precision: str) -> str | None:
    if date is None or precision == "unknown":
        return None
    return date.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))


def predict(raw: str, gazetteer, *, baseline: bool) -> list[Predicted]:
    from articles.extraction import DocumentError, parse_document
    from articles.extraction.events import extract_events

    try:
        document = parse_document(raw)
    except DocumentError:
        return []
    locator = RawLocator(raw)
    if baseline:
        return _baseline(document, locator, gazetteer)
    predicted = []
    for event in extract_events(
        document.body,
        published=document.published,
        gazetteer=gazetteer,
        language=document.language,
        title=document.title,
        url=document.url,
    ):
        spans = [span for e in event.excerpts if (span := locator.locate(e.quote))]
        agents = list(getattr(event, "agents", None) or [])
        people = agents + list(getattr(event, "others", None) or [])
        names = [gazetteer.actor_name(slug) for slug in event.actors]
        predicted.append(
            Predicted(
                spans=spans,
                date=date_string(event.date, event.date_precision),
                event_type=event.event_type,
                agents=agents or names,
                people=people + names,
                linked=names,
            )
        )
    return predicted


def _baseline(document, locator, gazetteer) -> list[Predicted]:
    from articles.extraction.dates import UNKNOWN, clause_dates
    from articles.extraction.sentences import split_sentences

    predicted = []
    body = document.body
    for sentence in split_sentences(body):
        dates = clause_dates(
            body,
            sentence.start,
            sentence.end,
            published=document.published,
            language=document.language,
        )
        if not dates:
            continue
        resolved = dates[0].resolved
        mentions = gazetteer.find_mentions(body, sentence.start, sentence.end)
        names = [gazetteer.actor_name(m.key) for m in mentions if m.kind == "actor"]
        span = locator.locate(sentence.text)
        predicted.append(
            Predicted(
                spans=[span] if span else [],
                date=date_string(resolved.date, resolved.precision or UNKNOWN),
                event_type="other",
                agents=names,
                people=names,
                linked=names,
            )
        )
    return predicted


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def same_name(a: str, b: str) -> bool:
    """Names agree when the words of one are all among the other's ("Boric", "Gabriel Boric")."""
    a_words, b_words = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    return bool(a_words and b_words) and (a_words <= b_words or b_words <= a_words)


def actors_right(gold: dict, predicted: Predicted) -> bool:
    if gold["agents"]:
        return any(same_name(g, p) for g in gold["agents"] for p in predicted.agents)
    gold_people = gold.get("others", [])
    return all(any(same_name(p, g) for g in gold_people) for p in predicted.agents)


def linked_right(gold: dict, predicted: Predicted) -> bool:
    """Strict: the actors the stored event links are the gold's people, no more, no fewer."""
    gold_people = [*gold["agents"], *gold.get("others", [])]
    return all(any(same_name(g, p) for p in predicted.linked) for g in gold_people) and all(
        any(same_name(p, g) for g in gold_people) for p in predicted.linked
    )


def match(gold_events: list[dict], predicted: list[Predicted]) -> list[tuple[dict, Predicted]]:
    pairs = []
    for g in gold_events:
        gold_spans = [(e["start"], e["end"]) for e in g["evidence"]]
        for p in predicted:
            if (size := overlap(gold_spans, p.spans)) > 0:
                pairs.append((size, id(g), id(p), g, p))
    pairs.sort(key=lambda row: -row[0])
    used_gold, used_predicted, matched = set(), set(), []
    for _, gold_id, predicted_id, g, p in pairs:
        if gold_id in used_gold or predicted_id in used_predicted:
            continue
        used_gold.add(gold_id)
        used_predicted.add(predicted_id)
        matched.append((g, p))
    return matched


def score(gold_rows: list[dict], gazetteer, *, baseline: bool, details: bool) -> dict:
    totals = dict(gold=0, predicted=0, matched=0, date=0, actors=0, linked=0, type=0)
    for row in gold_rows:
        path = CORPUS_FOLDERS[row["corpus"]] / row["file"]
        if not path.exists():
            continue
        raw = path.read_text(encoding="utf-8")
        predicted = predict(raw, gazetteer, baseline=baseline)
        pairs = match(row["events"], predicted)
        totals["gold"] += len(row["events"])
        totals["predicted"] += len(predicted)
        totals["matched"] += len(pairs)
        for g, p in pairs:
            totals["date"] += p.date == g["date"]
            totals["actors"] += actors_right(g, p)
            totals["linked"] += linked_right(g, p)
            totals["type"] += p.event_type == g["type"]
        if details:
            print(f"{row['file']}: gold {len(row['events'])}, predicted {len(predicted)}, "
                  f"matched {len(pairs)}")  # fmt: skip
            for g, p in pairs:
                print(f"  {g['id']} {g['type']}/{p.event_type} {g['date']}/{p.date} "
                      f"{g['agents']}/{p.agents}")  # fmt: skip
            matched_gold = {id(g) for g, _ in pairs}
            for g in row["events"]:
                if id(g) not in matched_gold:
                    print(f"  FN {g['type']} {g['date']} {g['agents']}: "
                          f"{g['evidence'][0]['text'][:90]!r}")  # fmt: skip
            matched_ids = {id(p) for _, p in pairs}
            for p in predicted:
                if id(p) not in matched_ids:
                    quote = raw[p.spans[0][0] : p.spans[0][1]][:90] if p.spans else "?"
                    print(f"  FP {p.event_type} {p.date}: {quote!r}")
    return totals


def ratio(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "n/a"


def report(name: str, t: dict) -> str:
    return (
        f"{name:<10} gold {t['gold']:>3}  predicted {t['predicted']:>4}  "
        f"recall {ratio(t['matched'], t['gold']):>4}  "
        f"precision {ratio(t['matched'], t['predicted']):>4}  "
        f"date {ratio(t['date'], t['matched']):>4}  actors {ratio(t['actors'], t['matched']):>4}  "
        f"linked {ratio(t['linked'], t['matched']):>4}  "
        f"type {ratio(t['type'], t['matched']):>4}"
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--details", action="store_true", help="print every pair and miss")
    parser.add_argument("--language", choices=["es", "en"], help="only articles in it")
    args = parser.parse_args(argv)
    django.setup()
    from articles.extraction import Gazetteer
    from timeline.gazetteer_data import ACTORS, COUNTRIES

    gazetteer = Gazetteer.from_rows(countries=COUNTRIES, actors=ACTORS)
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line]
    if args.language:
        rows = [row for row in rows if row["language"] == args.language]
    print(f"{len(rows)} articles from {args.gold}")
    print(report("baseline", score(rows, gazetteer, baseline=True, details=False)))
    print(report("extractor", score(rows, gazetteer, baseline=False, details=args.details)))
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")  # scoring serves nothing: no secret key needed
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
