"""Split a body into sentences, keeping character offsets so excerpts can point back into it."""

import re
from dataclasses import dataclass

# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr sra srta st jr gen col lt sgt gov sen rep pres sec no nos vs etc
    inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec ene abr ago dic approx
    dept est fig univ u.s u.k u.n e.g i.e a.m p.m ee.uu d.c""".split()
)

SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[¿¡]?[A-ZÁÉÍÓÚÑ0-9])")
# Scraped text glues sentences: "la fórmula.Nosotros" (a lower-case word, its stop, a capital
# and a lower-case letter, no space). Not "EE.UU." or "U.S." (capitals before the stop), not
# decimals, not domains ("latercera.com", lower case after the stop).
GLUED_END = re.compile(r"(?<=[a-záéíóúñü%\"”»)])[.!?…]+(?=[\"“«¿¡]?[A-ZÁÉÍÓÚÑ][a-záéíóúñü])")
GLUED_HINT = re.compile(r"[.!?…][\"“«¿¡]?[A-ZÁÉÍÓÚÑ]")
URL_TOKEN = re.compile(r"(?:https?://|www\.|@|/)\S*$")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
WORD_BEFORE_STOP = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop at text[end-1] closes an abbreviation or an initial."""
    word_match = WORD_BEFORE_STOP.search(text, max(0, end - 40), end)
    if not word_match:
        return False
    word = word_match.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # A single capital letter ("Christian K. Caruzo") is an initial.
    return len(word) == 1 and word.isalpha()


def split_paragraphs(text: str) -> list[Span]:
    spans = []
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(spans, text, position, match.start())
        position = match.end()
    _append_trimmed(spans, text, position, len(text))
    return spans


def split_sentences(text: str) -> list[Span]:
    """Sentences never cross a paragraph (line) break."""
    sentences: list[Span] = []
    for paragraph in split_paragraphs(text):
        position = paragraph.start
        for end in _sentence_ends(text, paragraph.start, paragraph.end):
            _append_trimmed(sentences, text, position, end)
            position = end
        _append_trimmed(sentences, text, position, paragraph.end)
    return sentences


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    ends = [
        match.end()
        for match in SENTENCE_END.finditer(text, start, end)
        if not (match.group() == "." and _is_abbreviation(text, match.end()))
    ]
    if GLUED_HINT.search(text, start, end):  # a stop with a capital right after it, at all
        ends += [
            match.end()
            for match in GLUED_END.finditer(text, start, end)
            if not _is_abbreviation(text, match.end()) and not _in_url(text, match.start())
        ]
        ends.sort()
    return ends


def _in_url(text: str, stop: int) -> bool:
    """The stop belongs to a link or handle: "https://t.co/Ab.Cd", "@user.Name"."""
    return bool(URL_TOKEN.search(text, max(0, stop - 60), stop))


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
