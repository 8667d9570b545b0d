"""Trigger words in a sentence: which event type each word signals, in either language.

Inflections come from the Snowball stemmers (`snowballstemmer`, which uses PyStemmer's C
implementation when installed): each lexicon entry and each word of the text are reduced to
their stem, so "anunció", "anunciaron" and "anuncia" meet at "anunci"/"anunc". Spanish verbs are
listed by their infinitive and the stems of their regular forms are registered with it, since
Snowball gives "anunciar" and "anunció" different stems. The tables are in `lexicon.py`.
"""

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from articles.extraction.lexicon import FORMS, PHRASES, PRIORITY, STATEMENT, STEMS

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
STEMMER_LANGUAGES = {"es": "spanish", "en": "english"}
_SPANISH_ENDINGS = {
    "ar": "ar ó aron a an ado ada ados adas ando ará arán ación aciones e en ó aba",
    "er": "er ió ieron e en ido ida idos idas iendo erá erán imiento ía",
    "ir": "ir ió ieron e en ido ida idos idas iendo irá irán ía",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int
    end: int
    word: str


class TriggerFinder:
    """One language's triggers: exact forms, stems and phrases, looked up word by word."""

    def __init__(self, language: str):
        self.language = language
        self._stemmer = snowballstemmer.stemmer(STEMMER_LANGUAGES[language])
        self._stems: dict[str, str] = {}
        self._forms: dict[str, str] = {}
        self._stem_cache: dict[str, str] = {}
        for kind in PRIORITY:
            for entry in STEMS[language].get(kind, "").split():
                for form in _paradigm(entry, language):
                    self._stems.setdefault(self.stem(form), kind)
            for form in FORMS[language].get(kind, "").split():
                self._forms[form.lower()] = kind
        phrases = [(phrase, kind) for kind, items in PHRASES[language].items() for phrase in items]
        self._phrase_kind = {phrase: kind for phrase, kind in phrases}
        prefixes = {stem[:5] for stem in self._stems} | {form[:5] for form in self._forms}
        self._candidates = re.compile(
            r"(?<![\w-])(?i:" + _prefix_tree(sorted(prefixes)) + r")[^\W\d_]*(?:-[^\W\d_]+)*"
        )
        self._phrases = (
            re.compile(
                r"\b(?:" + "|".join(re.escape(p) for p, _ in phrases) + r")\b", re.IGNORECASE
            )
            if phrases
            else None
        )

    def stem(self, word: str) -> str:
        stem = self._stem_cache.get(word)
        if stem is None:
            stem = self._stem_cache[word] = self._stemmer.stemWord(word)
        return stem

    def kind_of(self, word: str) -> str | None:
        lower = word.lower()
        kind = self._forms.get(lower)
        if kind is None:
            kind = self._stems.get(self.stem(lower))
        return kind

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
        """Triggers in text[start:end]. A capitalised word inside a sentence is a name, not a
        trigger ("Visita Chile" at the start of a sentence counts, "the March rally" is no
        march)."""
        end = len(text) if end is None else end
        found: list[Trigger] = []
        covered: list[tuple[int, int]] = []
        if self._phrases is not None:
            for match in self._phrases.finditer(text, start, end):
                kind = self._phrase_kind[match.group().lower()]
                found.append(Trigger(kind, match.start(), match.end(), match.group()))
                covered.append((match.start(), match.end()))
        # Only words that begin like a trigger's stem or form are looked up: one scan of the
        # regular expression engine instead of a Python step for every word.
        for match in self._candidates.finditer(text, start, end):
            word = match.group()
            if word[0].isupper() and not _opens_sentence(text, match.start(), start):
                continue
            if covered and any(s <= match.start() < e for s, e in covered):
                continue
            kind = self.kind_of(word)
            if kind is not None:
                found.append(Trigger(kind, match.start(), match.end(), word))
        found.sort(key=lambda trigger: trigger.start)
        return found


@cache
def trigger_finder(language: str) -> TriggerFinder:
    return TriggerFinder(language if language in STEMMER_LANGUAGES else "en")


def main_kind(triggers: list[Trigger]) -> str | None:
    """The type a sentence's triggers give: the most specific act; statement when only words of
    saying are there."""
    kinds = {trigger.kind for trigger in triggers}
    for kind in PRIORITY:
        if kind in kinds:
            return kind
    return STATEMENT if kinds else None


def _opens_sentence(text: str, position: int, start: int) -> bool:
    """The word at position is the first of its sentence (after any quotation marks)."""
    index = position - 1
    while index >= start and text[index] in " \t\"“«¿¡('‘":
        index -= 1
    return index < start or text[index] in ".!?…:\n"


def _prefix_tree(prefixes: list[str]) -> str:
    """One alternation for many short prefixes, grouped by their first letter, so the engine
    tries a handful of branches at each word instead of hundreds."""
    by_first: dict[str, list[str]] = {}
    for prefix in prefixes:
        by_first.setdefault(prefix[0], []).append(prefix[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        rest = "|".join(re.escape(r) for r in sorted(set(rests), key=len, reverse=True))
        branches.append(f"{re.escape(first)}(?:{rest})")
    return "|".join(branches)


def _paradigm(entry: str, language: str) -> list[str]:
    """The entry and, for a Spanish infinitive, its regular forms (reflexive ones included)."""
    if language != "es":
        return [entry]
    word = entry.removesuffix("se") if entry.endswith(("arse", "erse", "irse")) else entry
    ending = word[-2:]
    if ending not in _SPANISH_ENDINGS or len(word) < 5:
        return [entry]
    base = word[:-2]
    return [entry, *(base + suffix for suffix in _SPANISH_ENDINGS[ending].split())]
