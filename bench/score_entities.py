"""Score the discovery of people (PER) and organisations (ORG) against the development gold.

    .venv/bin/python -m bench.score_entities [--gold tests/data/gold/entities.jsonl]
        [--corpora ../shared/corpora] [--baseline] [--show-errors]

Reads each gold article's raw file from the corpora (front matter blanked, offsets kept, so the
gold's offsets into the whole file hold), runs `discover_entities` with the seed gazetteer and
prints, for PER, ORG and both together:
- mention level, exact: a predicted mention counts when its span and label equal a gold one's;
- mention level, overlap: when it overlaps a gold mention of the same label (each gold once);
- document level: the distinct entities of each article (gold `canonical` vs the discovered
  entity's name, case and accents folded), summed over the articles.
References that are not names ("el mandatario guatemalteco") are not predictions here: the gold
annotates names only. `--baseline` scores the alias lists alone (the gazetteer before discovery).
Other labels (LOC, FAC, DEM) are left to the places scorer.
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from articles.extraction.entities import discover_entities
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.places_lookup import fold
from bench.scoring import figure_row, print_table
from timeline.gazetteer_data import ACTORS, COUNTRIES

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FOLDERS = {"cson": "cson-chile-2019-2023", "bbc": "bbc-news-2005/bbc"}
LABELS = ("PER", "ORG")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def blank_front_matter(text: str) -> str:
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    return re.sub(r"[^\n]", " ", match.group()) + text[match.end() :]


def predict(text: str, language: str, gazetteer: Gazetteer, *, baseline: bool):
    """(mentions as (start, end, label, text), distinct entity names by label)."""
    if baseline:
        found = [m for m in gazetteer.find_mentions(text) if m.kind == "actor"]
        mentions = [(m.start, m.end, "PER", m.text) for m in found]
        names = {(fold(gazetteer.actor_name(m.key)), "PER") for m in found}
        return mentions, names
    discovery = discover_entities(text, language=language, gazetteer=gazetteer)
    mentions = [(m.start, m.end, m.label, m.text) for m in discovery.mentions if not m.nominal]
    names = {
        (fold(discovery.entities[m.key].name), m.label) for m in discovery.mentions if not m.nominal
    }
    return mentions, names


def score(gold_path: Path, corpora: Path, *, baseline: bool, show_errors: bool) -> dict:
    gazetteer = Gazetteer.from_rows(countries=COUNTRIES, actors=ACTORS)
    counts = Counter()
    articles = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        path = corpora / CORPUS_FOLDERS[record["corpus"]] / record["file"]
        if not path.exists():
            continue
        articles += 1
        text = blank_front_matter(path.read_text(encoding="utf-8"))
        gold = [
            (e["start"], e["end"], e["label"], e["text"])
            for e in record["entities"]
            if e["label"] in LABELS
        ]
        predicted, names = predict(text, record["language"], gazetteer, baseline=baseline)
        gold_names = {
            (fold(e.get("canonical") or e["text"]), e["label"])
            for e in record["entities"]
            if e["label"] in LABELS
        }
        _count(counts, gold, predicted, gold_names, names)
        if show_errors:
            _print_errors(record["file"], gold, predicted)
    return {"articles": articles, **_figures(counts)}


def _count(counts, gold, predicted, gold_names, names) -> None:
    for label in (*LABELS, "ALL"):
        wanted = [g for g in gold if label in ("ALL", g[2])]
        got = [p for p in predicted if label in ("ALL", p[2])]
        exact_gold = {g[:3] for g in wanted}
        exact_got = {p[:3] for p in got}
        counts[label, "exact", "tp"] += len(exact_gold & exact_got)
        counts[label, "exact", "gold"] += len(exact_gold)
        counts[label, "exact", "pred"] += len(exact_got)
        matched = set()
        overlapping = 0
        for p in got:
            for index, g in enumerate(wanted):
                if index not in matched and g[2] == p[2] and p[0] < g[1] and g[0] < p[1]:
                    matched.add(index)
                    overlapping += 1
                    break
        counts[label, "overlap", "tp"] += overlapping
        counts[label, "overlap", "gold"] += len(wanted)
        counts[label, "overlap", "pred"] += len(got)
        wanted_names = {n for n in gold_names if label in ("ALL", n[1])}
        got_names = {n for n in names if label in ("ALL", n[1])}
        counts[label, "document", "tp"] += len(wanted_names & got_names)
        counts[label, "document", "gold"] += len(wanted_names)
        counts[label, "document", "pred"] += len(got_names)


def _figures(counts) -> dict:
    figures = {}
    for label in (*LABELS, "ALL"):
        for level in ("exact", "overlap", "document"):
            tp, gold, pred = (counts[label, level, k] for k in ("tp", "gold", "pred"))
            figures[f"{label} {level}"] = figure_row(tp, gold, pred)
    return figures


def _print_errors(name, gold, predicted) -> None:
    gold_set = {g[:3] for g in gold}
    got_set = {p[:3] for p in predicted}
    for p in predicted:
        if p[:3] not in gold_set:
            print(f"  FP {name} {p[2]} {p[3]!r}", file=sys.stderr)
    for g in gold:
        if g[:3] not in got_set:
            print(f"  FN {name} {g[2]} {g[3]!r}", file=sys.stderr)


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
    print(f"{figures.pop('articles')} articles")
    print_table(figures, width=18)


if __name__ == "__main__":
    main()
