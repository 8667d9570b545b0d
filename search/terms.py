"""Turn what a reader typed into search terms, and those into each database's query syntax.

Only runs of letters and digits survive, so nothing a reader types can be read as FTS5 or
tsquery syntax (an unbalanced quote, a stray `NEAR(`, `!` or `:`), and a search can never fail
with a syntax error. Every term must match (AND); the last one also matches as a prefix, so
results keep up while the reader is still typing a word.
"""

import re
import unicodedata

MAX_TERMS = 12
TERM = re.compile(r"[^\W_]+")


def search_terms(text: str) -> list[str]:
    """The words of a search, lower-cased, in order, without repeats."""
    words = TERM.findall(unicodedata.normalize("NFC", text).casefold())
    return list(dict.fromkeys(words))[:MAX_TERMS]


def fts5_match(terms: list[str]) -> str:
    """`"pena" "bukel"*`: quoted phrases are FTS5's way to say "this word, no operators"."""
    quoted = [f'"{term}"' for term in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def tsquery_text(terms: list[str]) -> str:
    """`pena & bukel:*` for `to_tsquery`; the terms hold no tsquery operators."""
    return " & ".join([*terms[:-1], f"{terms[-1]}:*"])


def highlight_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """A pattern for the matched words in text, ignoring case and accents like the indexes do.

    The pattern runs over accent-stripped text of the same length (see `fold_for_matching`), so
    its match offsets are offsets into the original text.
    """
    if not terms:
        return None
    folded = [re.escape(fold_for_matching(term)) for term in terms]
    whole_words = "|".join(folded[:-1])
    last_as_prefix = rf"{folded[-1]}[^\W_]*"
    alternatives = f"{whole_words}|{last_as_prefix}" if whole_words else last_as_prefix
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def fold_for_matching(text: str) -> str:
    """Lower-case and drop accents character by character, keeping the text's length."""
    return "".join(_fold_character(character) for character in text)


def _fold_character(character: str) -> str:
    base = unicodedata.normalize("NFD", character)[:1].casefold()
    return base if len(base) == 1 else character.lower()[:1] or character
