"""Turn what a reader typed into search terms, and those into each database's query syntax.

Only runs of letters and digits survive, so nothing a reader types can be read as FTS5 or
tsquery syntax (an unbalanced quote, a stray `NEAR(`, `!` or `:`), and a search can never fail
with a syntax error. Every term must match (AND); the last one also matches as a prefix, so
results keep up while the reader is still typing a word.

What a search costs is bounded here first: single letters and stop words ("a", "the", "de")
are dropped, since they are in nearly every text, and the last word is a prefix only from
`MIN_PREFIX_LENGTH` letters ("a*" would expand to most of the index's vocabulary).
"""

import re
import unicodedata

from search.stop_words import STOP_WORDS

MAX_TERMS = 12
MIN_TERM_LENGTH = 2
MIN_PREFIX_LENGTH = 3
TERM = re.compile(r"[^\W_]+")


def search_terms(text: str) -> list[str]:
    """The words of a search worth looking up, lower-cased, in order, without repeats."""
    words = TERM.findall(unicodedata.normalize("NFC", text).casefold())
    kept = [w for w in words if len(w) >= MIN_TERM_LENGTH and w not in STOP_WORDS]
    return list(dict.fromkeys(kept))[:MAX_TERMS]


def last_is_prefix(terms: list[str]) -> bool:
    """The last word matches as a prefix only when it is long enough to narrow the search."""
    return bool(terms) and len(terms[-1]) >= MIN_PREFIX_LENGTH


def fts5_match(terms: list[str]) -> str:
    """`"pena" "bukel"*`: quoted phrases are FTS5's way to say "this word, no operators"."""
    quoted = [f'"{term}"' for term in terms]
    if last_is_prefix(terms):
        quoted[-1] += "*"
    return " ".join(quoted)


def tsquery_text(terms: list[str]) -> str:
    """`pena & bukel:*` for `to_tsquery`; the terms hold no tsquery operators."""
    last = f"{terms[-1]}:*" if last_is_prefix(terms) else terms[-1]
    return " & ".join([*terms[:-1], last])


def highlight_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """A pattern for the matched words in text, ignoring case and accents like the indexes do.

    The pattern runs over accent-stripped text of the same length (see `fold_for_matching`), so
    its match offsets are offsets into the original text.
    """
    if not terms:
        return None
    folded = [re.escape(fold_for_matching(term)) for term in terms]
    whole_words = "|".join(folded[:-1])
    last_as_prefix = rf"{folded[-1]}[^\W_]*" if last_is_prefix(terms) else folded[-1]
    alternatives = f"{whole_words}|{last_as_prefix}" if whole_words else last_as_prefix
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def fold_for_matching(text: str) -> str:
    """Lower-case and drop accents character by character, keeping the text's length."""
    return "".join(_fold_character(character) for character in text)


def _fold_character(character: str) -> str:
    base = unicodedata.normalize("NFD", character)[:1].casefold()
    return base if len(base) == 1 else character.lower()[:1] or character
