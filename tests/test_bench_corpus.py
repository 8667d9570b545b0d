"""The benchmark's corpus generator: deterministic, about 4 KB an article, and readable by the
import's document parser. (The benchmark itself is run by hand: bench/import.)"""

import random
from collections import Counter

from articles.extraction.dates import find_date_expressions
from articles.extraction.document import parse_document
from bench.generate_corpus import DISTRACTORS, fill_template, generate_corpus


def read_all(paths):
    return [path.read_text("utf-8") for path in paths]


def test_the_same_seed_writes_the_same_articles_and_a_smaller_corpus_is_a_prefix(tmp_path):
    large = read_all(generate_corpus(tmp_path / "large", articles=30, seed=7))
    small = read_all(generate_corpus(tmp_path / "small", articles=10, seed=7))
    other = read_all(generate_corpus(tmp_path / "other", articles=10, seed=8))
    assert small == large[:10]
    assert other != small


def test_articles_are_about_4_kb_and_parse_with_a_quarter_in_spanish(tmp_path):
    texts = read_all(generate_corpus(tmp_path, articles=80, seed=1))
    sizes = [len(text.encode()) for text in texts]
    assert min(sizes) >= 3_500 and max(sizes) <= 5_500
    documents = [parse_document(text) for text in texts]
    languages = Counter(document.language for document in documents)
    assert 0.1 < languages["es"] / len(documents) < 0.4
    sources = Counter(document.published_source for document in documents)
    assert sources.keys() == {"front_matter", "text", "unknown"}
    assert all("Subscribe" not in document.body for document in documents)


def test_distractors_hold_no_date_our_patterns_would_take():
    rng = random.Random(0)
    for language, templates in DISTRACTORS.items():
        for template in templates:
            phrase = fill_template(rng, language, template)
            assert find_date_expressions(phrase, language) == [], phrase
