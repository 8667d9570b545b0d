"""What the timeline is about: politics, government, security, justice, migration, diplomacy.

Two decisions, both from the cue tables of `lexicon.py`:
- an article is off topic when its URL section names a soft beat ("/deportes/", "/culto/",
  "/glamorama/") or when its words lean clearly to sports, entertainment, consumer products,
  weather or lifestyle (more off-topic cues than politics cues, and at least four);
- a sentence yields no event when it speaks of a game ("tiro libre", "free kick") or is
  background ("fundada en 1949", "the 1851 battle", "born in").
"""

import re
from functools import cache

from articles.extraction.lexicon import (
    BACKGROUND,
    OFF_TOPIC,
    OFF_TOPIC_SECTIONS,
    OFF_TOPIC_SENTENCE,
    ON_TOPIC,
)

WORD = re.compile(r"[\w-]+")
TITLE_WEIGHT = 3
SECTION_WEIGHT = 10
MIN_OFF_TOPIC = 4
LEDE_CHARACTERS = 4000  # what an article is about is said in its first paragraphs
URL_SECTION = re.compile(r"/([a-z-]+)/")


@cache
def _cues(language: str) -> tuple[frozenset[str], frozenset[str]]:
    language = language if language in OFF_TOPIC else "en"
    return (
        frozenset(word.lower() for word in OFF_TOPIC[language].split()),
        frozenset(word.lower() for word in ON_TOPIC[language].split()),
    )


@cache
def _sentence_pattern(language: str) -> re.Pattern:
    words = OFF_TOPIC_SENTENCE.get(language, OFF_TOPIC_SENTENCE["en"])
    background = BACKGROUND.get(language, BACKGROUND["en"])
    return re.compile(
        r"\b(?:"
        + "|".join(re.escape(w) for w in words)
        + r")\b|"
        + "|".join(pattern for _, pattern in background),
        re.IGNORECASE,
    )


def topic_scores(title: str, body: str, url: str, language: str) -> tuple[int, int]:
    """(off-topic score, politics score) of an article."""
    off, on = _cues(language)
    off_score = on_score = 0
    for weight, text in ((TITLE_WEIGHT, title), (1, body[:LEDE_CHARACTERS])):
        words = WORD.findall(text.lower())
        off_score += weight * sum(map(off.__contains__, words))
        on_score += weight * sum(map(on.__contains__, words))
    sections = set(URL_SECTION.findall(url.lower()))
    if sections & set(OFF_TOPIC_SECTIONS):
        off_score += SECTION_WEIGHT
    return off_score, on_score


def is_on_topic(title: str, body: str, url: str, language: str) -> bool:
    off_score, on_score = topic_scores(title, body, url, language)
    return not (off_score >= MIN_OFF_TOPIC and off_score > on_score)


def is_off_topic_sentence(text: str, language: str) -> bool:
    return bool(_sentence_pattern(language).search(text))


def off_topic_positions(body: str, language: str) -> list[int]:
    """Where the body speaks of a game or of background, found in one scan: a sentence that
    holds one of these positions yields no event (none runs across a sentence's end). The
    pattern runs only when one of its words is in the text at all (a plain substring test)."""
    lower = body.lower()
    if not any(key in lower for key in _sentence_keys(language)):
        return []
    return [match.start() for match in _sentence_pattern(language).finditer(body)]


@cache
def _sentence_keys(language: str) -> tuple[str, ...]:
    """A literal every match of the sentence pattern contains: each cue word, and the word of
    each background pattern ("fundad", "born", "battle")."""
    words = OFF_TOPIC_SENTENCE.get(language, OFF_TOPIC_SENTENCE["en"])
    background = BACKGROUND.get(language, BACKGROUND["en"])
    keys = [word.lower() for word in words] + [key for key, _ in background]
    return tuple(keys)
