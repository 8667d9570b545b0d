"""Extraction never fails on text it is given, whatever the text, and every excerpt it returns
points at exactly its quote in the body (the article page highlights by those offsets).

Imported files and pasted text come from scraped web pages and editors' clipboards: control
characters, right-to-left scripts, emoji, mixed languages, half-finished front matter.
"""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.extraction import DocumentError, extract_article
from tests.seeds import gazetteer
from timeline.gazetteer_data import ACTORS, COUNTRIES

GAZETTEER = gazetteer()
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

NAMES = [actor["name"] for actor in ACTORS] + [alias for a in ACTORS for alias in a["aliases"]]
PLACES = [country["name"] for country in COUNTRIES] + [
    word for country in COUNTRIES for word in country["aliases"] + country["demonyms"]
]
WORDS = [
    "met", "visited", "signed", "agreed", "deported", "transferred", "announced", "declared",
    "se reunió con", "visitó", "firmó", "anunció", "on Monday", "last week", "in March 2022",
    "on February 3, 2025", "3 de febrero de 2025", "2025-03-02", "17/04/2025", "yesterday",
    "May", "We", "about 90%", "a five-year term", "said", "the", "and", "prison", "CECOT",
    "مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c", "\u200f", "\u200d", "🇸🇻", "👍🏽", "中文新闻",
    "Привет", "ñandú", "e\u0301", "\ufeff", "\x00", "\x0b", "\x1b[31m", "\r", "\u2028", "\t",
    "---", "published: 2025-02-30", "source:", "Related post", "Subscribe", "Photo:", ".", "?",
    "!", "…", "\n", "\n\n", "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
]  # fmt: skip
TRIGGERS = [
    "met",
    "visited",
    "signed a deal with",
    "deported",
    "se reunió con",
    "visitó",
    "praised",
]
DATES = [
    "on Monday", "last week", "in March 2022", "on February 3, 2025", "3 de febrero de 2025",
    "2025-03-02", "17/04/2025", "yesterday", "in 2019", "on 31 February 2025", "in May",
]  # fmt: skip
ENDINGS = [". ", "! ", "? ", "… ", ".\n", "", "\u3002", "۔ "]
TOKENS = st.sampled_from(WORDS) | st.text(max_size=12)


@st.composite
def event_sentences(draw) -> str:
    """Who did what, where and when, with noise between the parts: most of these are events."""
    parts = [
        draw(st.sampled_from(NAMES)),
        draw(st.sampled_from(TRIGGERS)),
        draw(st.sampled_from(NAMES + PLACES)),
        draw(st.sampled_from(DATES)),
    ]
    noise = st.lists(TOKENS, max_size=2).map(" ".join)
    return " ".join(part + " " + draw(noise) for part in parts).strip() + draw(
        st.sampled_from(ENDINGS)
    )


@st.composite
def article_like_texts(draw) -> str:
    """A title, maybe front matter and a date line, then event sentences mixed with noise: the
    shapes extraction looks for, mixed with what breaks parsers."""
    noise_lines = st.lists(TOKENS, max_size=20).map(" ".join)
    lines = []
    if draw(st.booleans()):
        lines += ["---", f"published: {draw(st.sampled_from(['2025-02-04', '2024-13-01', '']))}"]
        lines += [draw(st.sampled_from(["source: Example", "url: javascript:x", "---", ""]))]
    lines.append(draw(noise_lines))
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(DATES)))
    paragraphs = st.lists(event_sentences() | noise_lines, min_size=1, max_size=5).map("".join)
    lines += draw(st.lists(paragraphs, min_size=1, max_size=6))
    return "\n".join(lines)


def assert_extraction_holds(text: str) -> None:
    try:
        article = extract_article(text, GAZETTEER)
    except DocumentError:
        return
    body = article.document.body
    for event in article.events:
        assert event.excerpts, event.title
        for excerpt in event.excerpts:
            assert 0 <= excerpt.start <= excerpt.end <= len(body)
            assert body[excerpt.start : excerpt.end] == excerpt.quote
        assert isinstance(event.title, str) and event.title.strip()


@FUZZ
@given(st.text())
@example("")
@example("\x00\x00\x00")
@example("\n\n\n")
@example("---\n---\n")
@example("Title\n\u202e\u202e\u202e")
def test_extraction_never_fails_on_arbitrary_text(text):
    assert_extraction_holds(text)


@FUZZ
@given(article_like_texts())
@example("Bukele met Rubio\nMarco Rubio met Nayib Bukele in San Salvador on February 3, 2025.")
@example("🇸🇻 Bukele\nBukele 👍🏽 met Rubio 🇺🇸 on Monday. مرحبا Rubio visitó San Salvador.")
def test_extraction_never_fails_on_article_like_text(text):
    assert_extraction_holds(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Marco Rubio met Nayib Bukele in San Salvador on February 3, 2025. ",
        "Bukele\u202e met \u202cRubio 🇸🇻 el 3 de febrero de 2025 en San Salvador. ",
        "x" * 5000 + " ",
    ],
    ids=["english", "rtl-emoji-spanish", "one-long-word"],
)
def test_extraction_handles_a_text_of_600_kilobytes(sentence):
    text = "A long story\n" + sentence * (600_000 // len(sentence))

    assert_extraction_holds(text)
