"""Score place recognition (LOC and DEM) against the development gold.

    .venv/bin/python -m bench.score_places [--gold tests/data/gold/entities.jsonl]
        [--corpora ../shared/corpora] [--baseline] [--show-errors]

The places half of the entity scores (`bench.score_entities` scores PER and ORG). Reads each
gold article's raw file from the corpora (front matter blanked, offsets kept, so the gold's
offsets into the whole file hold), finds its places with the seed countries' stored names and
the packages' (no actors: an actor's alias such as "the Salvadoran president" would hide the
demonym the gold marks), and prints for LOC, DEM and both:
- exact: a found mention counts when its span and label equal a gold one's;
- overlap: when it overlaps a gold mention of the same label (each gold mention once);
- country: of the found mentions whose span equals a gold LOC or DEM, the share whose country
  is the gold's.
`--baseline` scores the stored names alone (the twelve countries before the packages), as the
gazetteer matched them before places were recognised.
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from articles.extraction.gazetteer import Gazetteer
from articles.extraction.places_index import DEMONYM
from bench.scoring import figure_row, print_table
from timeline.gazetteer_data import COUNTRIES

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FOLDERS = {"cson": "cson-chile-2019-2023", "bbc": "bbc-news-2005/bbc"}
LABELS = ("LOC", "DEM")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def blank_front_matter(text: str) -> str:
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    return re.sub(r"[^\n]", " ", match.group()) + text[match.end() :]


def predict(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, country, text) of each place found in the whole text."""
    mentions = gazetteer.find_mentions(text, blocked=gazetteer.blocked_spans(text))
    found = []
    demonyms = {name for country in gazetteer.countries for name in country.demonyms}
    for mention in mentions:
        if mention.kind != "country":
            continue
        is_demonym = mention.place == DEMONYM or (not mention.place and mention.text in demonyms)
        label = "DEM" if is_demonym else "LOC"
        found.append((mention.start, mention.end, label, mention.key, mention.text))
    return found


def score(gold_path: Path, corpora: Path, *, baseline: bool, show_errors: bool) -> dict:
    gazetteer = Gazetteer.from_rows(countries=COUNTRIES, actors=[])
    if baseline:
        gazetteer = Gazetteer(countries=gazetteer.countries, places=False)
    counts: Counter = Counter()
    articles = Counter()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        path = corpora / CORPUS_FOLDERS[record["corpus"]] / record["file"]
        if not path.exists():
            continue
        articles[record["language"]] += 1
        text = blank_front_matter(path.read_text(encoding="utf-8"))
        gold = [
            (e["start"], e["end"], e["label"], e.get("country") or "", e["text"])
            for e in record["entities"]
            if e["label"] in LABELS
        ]
        predicted = predict(text, gazetteer)
        for group in ("all", record["language"]):
            _count(counts, group, gold, predicted)
        if show_errors:
            _print_errors(record["file"], gold, predicted)
    return {"articles": dict(articles), **_figures(counts)}


def _count(counts: Counter, group: str, gold, predicted) -> None:
    for label in (*LABELS, "ALL"):
        wanted = [g for g in gold if label in ("ALL", g[2])]
        got = [p for p in predicted if label in ("ALL", p[2])]
        exact_gold = {g[:3] for g in wanted}
        exact_got = {p[:3] for p in got}
        counts[group, label, "exact", "tp"] += len(exact_gold & exact_got)
        counts[group, label, "exact", "gold"] += len(exact_gold)
        counts[group, label, "exact", "pred"] += len(exact_got)
        matched: set[int] = set()
        for p in got:
            for index, g in enumerate(wanted):
                if index not in matched and g[2] == p[2] and p[0] < g[1] and g[0] < p[1]:
                    matched.add(index)
                    break
        counts[group, label, "overlap", "tp"] += len(matched)
        counts[group, label, "overlap", "gold"] += len(wanted)
        counts[group, label, "overlap", "pred"] += len(got)
        gold_country = {g[:2]: g[3] for g in wanted}
        spans = [p for p in got if p[:2] in gold_country]
        counts[group, label, "country", "tp"] += sum(p[3] == gold_country[p[:2]] for p in spans)
        counts[group, label, "country", "pred"] += len(spans)
        counts[group, label, "country", "gold"] += len(spans)


def _figures(counts: Counter) -> dict:
    figures = {}
    for group in ("all", "es", "en"):
        for label in (*LABELS, "ALL"):
            for level in ("exact", "overlap", "country"):
                tp, gold, pred = (counts[group, label, level, k] for k in ("tp", "gold", "pred"))
                figures[f"{group} {label} {level}"] = figure_row(tp, gold, pred)
    return figures


def _print_errors(name, gold, predicted) -> None:
    gold_by_span = {g[:3]: g for g in gold}
    got_by_span = {p[:3]: p for p in predicted}
    for key, p in got_by_span.items():
        if key not in gold_by_span:
            print(f"  FP {name} {p[2]} {p[4]!r} {p[3]} @{p[0]}", file=sys.stderr)
        elif gold_by_span[key][3] != p[3]:
            wanted = gold_by_span[key][3]
            print(f"  COUNTRY {name} {p[4]!r} {p[3]} (gold {wanted})", file=sys.stderr)
    for key, g in gold_by_span.items():
        if key not in got_by_span:
            print(f"  FN {name} {g[2]} {g[4]!r} {g[3]} @{g[0]}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/data/gold/entities.jsonl")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    arguments = parser.parse_args()
    figures = score(
        arguments.gold,
        arguments.corpora,
        baseline=arguments.baseline,
        show_errors=arguments.show_errors,
    )
    print("articles:", figures.pop("articles"))
    print_table(figures, width=22)


if __name__ == "__main__":
    main()
