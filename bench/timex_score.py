"""TempEval-3 Task A measures for the date finder over the timex-dev corpus.

For each language, over all TIMEX3 types and over DATE alone (gold and system both restricted
to DATE): strict extent (same offsets) and relaxed extent (overlap, each expression matched at
most once) precision, recall and F1; value F1 (a system expression counts when it overlaps a
gold one and carries the same value: P over system expressions, R over gold); and the accuracy
of the type over the relaxed matches. The tagger scored is `tag_temporal_expressions`, the
function `manage.py tag_dates` calls; `--system dateparser` scores `dateparser.search.search_dates`
as a naive baseline (every date it finds a DATE at day precision).

    .venv/bin/python -m bench.timex_score                    # both languages, our tagger
    .venv/bin/python -m bench.timex_score --system dateparser --language en
    .venv/bin/python -m bench.timex_score --errors 40        # show value errors and misses
"""

import argparse
import datetime
import json
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bench.timex_corpus import CORPUS, GoldDocument, read_english, read_spanish


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    text: str
    type: str
    value: str | None


Tagger = Callable[[str, datetime.date, str], list[Found]]


def ours(text: str, published: datetime.date, language: str) -> list[Found]:
    from articles.extraction.timex import tag_temporal_expressions

    return [
        Found(t.start, t.end, t.text, t.type, t.value)
        for t in tag_temporal_expressions(text, published=published, language=language)
    ]


def dateparser_baseline(text: str, published: datetime.date, language: str) -> list[Found]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.datetime.combine(published, datetime.time())}
    found: list[Found] = []
    position = 0
    for phrase, value in search_dates(text, languages=[language], settings=settings) or []:
        start = text.find(phrase, position)
        if start < 0:
            continue
        position = start + len(phrase)
        found.append(Found(start, position, phrase, "DATE", value.date().isoformat()))
    return found


SYSTEMS: dict[str, Tagger] = {"ours": ours, "dateparser": dateparser_baseline}


def score(
    pairs: Iterable[tuple[GoldDocument, list[Found]]], *, only_type: str | None = None
) -> dict:
    counts = dict(gold=0, system=0, strict=0, relaxed=0, value=0, type=0)
    for document, found in pairs:
        gold = [g for g in document.timexes if only_type in (None, g.type)]
        system = [s for s in found if only_type in (None, s.type)]
        counts["gold"] += len(gold)
        counts["system"] += len(system)
        for gold_timex, system_timex in match_relaxed(gold, system):
            counts["relaxed"] += 1
            counts["strict"] += (gold_timex.start, gold_timex.end) == (
                system_timex.start,
                system_timex.end,
            )
            counts["value"] += gold_timex.value == system_timex.value
            counts["type"] += gold_timex.type == system_timex.type
    result = {"gold": counts["gold"], "system": counts["system"]}
    for measure in ("strict", "relaxed", "value"):
        precision = counts[measure] / counts["system"] if counts["system"] else 0.0
        recall = counts[measure] / counts["gold"] if counts["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[measure] = {
            "P": round(100 * precision, 1),
            "R": round(100 * recall, 1),
            "F1": round(100 * f1, 1),
        }
    result["type_accuracy"] = (
        round(100 * counts["type"] / counts["relaxed"], 1) if counts["relaxed"] else 0.0
    )
    return result


def match_relaxed(gold: list, system: list) -> list[tuple]:
    """One-to-one overlap matches, in text order (both lists are sorted by start)."""
    pairs = []
    used: set[int] = set()
    for gold_timex in gold:
        for index, system_timex in enumerate(system):
            if index in used or system_timex.end <= gold_timex.start:
                continue
            if system_timex.start >= gold_timex.end:
                break
            used.add(index)
            pairs.append((gold_timex, system_timex))
            break
    return pairs


def run(system: str, language: str, *, limit: int | None = None, errors: int = 0) -> dict:
    documents = (read_english if language == "en" else read_spanish)(CORPUS)[:limit]
    tagger = SYSTEMS[system]
    started = time.process_time()
    pairs = [(d, tagger(d.text, d.published, d.language)) for d in documents]
    seconds = time.process_time() - started
    if errors:
        show_errors(pairs, errors)
    return {
        "system": system,
        "language": language,
        "documents": len(documents),
        "cpu_seconds": round(seconds, 2),
        "all": score(pairs),
        "DATE": score(pairs, only_type="DATE"),
    }


def show_errors(pairs, limit: int) -> None:
    """Wrong values, misses and false finds, to tune rules by (development data only)."""
    lines = []
    for document, found in pairs:
        matched = match_relaxed(document.timexes, found)
        matched_gold = {id(g) for g, _ in matched}
        matched_system = {id(s) for _, s in matched}
        for gold, system in matched:
            if gold.value != system.value:
                lines.append(
                    f"VALUE {document.published} {gold.text!r}={gold.type}:{gold.value} "
                    f"ours {system.text!r}={system.type}:{system.value}"
                )
        for gold in document.timexes:
            if id(gold) not in matched_gold:
                context = document.text[max(0, gold.start - 40) : gold.end + 20].replace("\n", " ")
                lines.append(f"MISS  {gold.text!r}={gold.type}:{gold.value}  …{context}…")
        for system in found:
            if id(system) not in matched_system:
                context = document.text[max(0, system.start - 40) : system.end + 20]
                lines.append(f"FALSE {system.text!r}={system.type}:{system.value}  …{context!r}…")
    for line in lines[:limit]:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--system", choices=sorted(SYSTEMS), default="ours")
    parser.add_argument("--language", choices=["en", "es"], action="append")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    options = parser.parse_args()
    warnings.simplefilter("ignore")
    for language in options.language or ["en", "es"]:
        result = run(options.system, language, limit=options.limit, errors=options.errors)
        print(json.dumps(result))


if __name__ == "__main__":
    main()
