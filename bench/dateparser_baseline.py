"""The baseline the import is measured against: `dateparser.search.search_dates` over whole texts.

It is what a first attempt at date extraction does, and it is both slow and wrong: it reads
"We may", "a five-year term" or "90% of" as dates. Besides its speed over a sample of articles
(told our two languages, and for a few articles left to detect the language itself, which is
some fifteen times slower), this reports what it finds in our distractor phrases, next to what
our own date patterns find. Times are CPU seconds, so that other work on the machine does not
count against it.

    .venv/bin/python -m bench.dateparser_baseline /tmp/corpus --sample 200
"""

import argparse
import json
import random
import time
import warnings
from pathlib import Path

from dateparser.search import search_dates

from articles.extraction.dates import find_date_expressions
from bench.generate_corpus import DISTRACTORS, fill_template

LANGUAGES = ["en", "es"]


def measure(folder: Path, *, sample: int, detecting_sample: int) -> dict:
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))[:sample]]
    search_dates(texts[0], languages=LANGUAGES)  # loads the language data outside the timing
    return {
        "with_languages": _speed(texts, languages=LANGUAGES),
        "detecting_language": _speed(texts[:detecting_sample], languages=None),
        "distractors": distractor_dates(),
    }


def _speed(texts: list[str], *, languages: list[str] | None) -> dict:
    started = time.process_time()
    found = sum(len(search_dates(text, languages=languages) or []) for text in texts)
    seconds = time.process_time() - started
    return {
        "articles": len(texts),
        "cpu_seconds": round(seconds, 2),
        "articles_per_second": round(len(texts) / seconds, 1),
        "dates_per_article": round(found / len(texts), 1),
    }


def distractor_dates() -> list[dict]:
    """Each distractor phrase with the "dates" dateparser and our patterns find in it."""
    rng = random.Random(0)
    rows = []
    for language, templates in DISTRACTORS.items():
        for template in templates:
            phrase = fill_template(rng, language, template)
            rows.append(
                {
                    "phrase": phrase,
                    "dateparser": [
                        f"{text!r} -> {value:%Y-%m-%d}"
                        for text, value in search_dates(phrase, languages=LANGUAGES) or []
                    ],
                    "ours": [e.text for e in find_date_expressions(phrase, language)],
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--detecting-sample", type=int, default=10)
    options = parser.parse_args()
    warnings.simplefilter("ignore")  # dateparser's deprecation warnings, once per call
    result = measure(
        options.folder, sample=options.sample, detecting_sample=options.detecting_sample
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
