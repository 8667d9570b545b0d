"""Excerpt highlighting on an article of many short sentences, each one an excerpt.

An article page marks every excerpt in the text; this times that step alone, without the
database, for the sentences in one paragraph and one a paragraph. Times are CPU seconds.

    .venv/bin/python -m bench.highlighting --sentences 10000
"""

import argparse
import json
import os
import time

import django


def measure(sentences: int) -> dict:
    from timeline.excerpt_highlighting import highlighted_paragraphs
    from timeline.models import Excerpt

    texts = [f"Sentence number {number} is a short one." for number in range(sentences)]
    figures = {}
    for layout, separator in (("one paragraph", " "), ("a paragraph each", "\n\n")):
        body = separator.join(texts)
        excerpts, position = [], 0
        for pk, text in enumerate(texts, start=1):
            start = body.index(text, position)
            position = start + len(text)
            excerpts.append(Excerpt(pk=pk, start=start, end=position, quote=text))
        began = time.process_time()
        paragraphs = highlighted_paragraphs(body, excerpts)
        html = sum(len(paragraph.html) for paragraph in paragraphs)
        figures[layout] = {
            "text_bytes": len(body.encode()),
            "html_bytes": html,
            "cpu_seconds": round(time.process_time() - began, 3),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
    django.setup()
    print(json.dumps(measure(options.sentences)))


if __name__ == "__main__":
    main()
