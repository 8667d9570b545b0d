"""Extraction: pure functions from text to dataclasses, testable without a database.

`extract_article(text, gazetteer)` parses a file's text into an article with its events; the
pieces (document parsing, dates, mentions, sentences, titles) are usable on their own.
"""

from dataclasses import dataclass, field

from articles.extraction.document import DocumentError, ParsedDocument, parse_document
from articles.extraction.entities import DiscoveredEntity, discover_entities
from articles.extraction.events import ExtractedEvent, ExtractedExcerpt, extract_events
from articles.extraction.gazetteer import ActorEntry, CountryEntry, Gazetteer
from articles.extraction.relevance import is_on_topic

__all__ = [
    "ActorEntry",
    "CountryEntry",
    "DiscoveredEntity",
    "DocumentError",
    "ExtractedArticle",
    "ExtractedEvent",
    "ExtractedExcerpt",
    "Gazetteer",
    "ParsedDocument",
    "discover_entities",
    "extract_article",
    "extract_events",
    "parse_document",
]


@dataclass
class ExtractedArticle:
    document: ParsedDocument
    events: list[ExtractedEvent] = field(default_factory=list)
    # People and organisations found beyond the alias lists that qualify as actors (name,
    # aliases seen, role, country), busiest first.
    actors: list[DiscoveredEntity] = field(default_factory=list)


def extract_article(text: str, gazetteer: Gazetteer) -> ExtractedArticle:
    """Raises DocumentError when the text cannot become an article."""
    document = parse_document(text)
    if not is_on_topic(document.title, document.body, document.url, document.language):
        return ExtractedArticle(document=document)  # off the beat: no events, no actors
    discovery = discover_entities(document.body, language=document.language, gazetteer=gazetteer)
    events = extract_events(
        document.body,
        published=document.published,
        gazetteer=gazetteer,
        language=document.language,
        title=document.title,
        url=document.url,
        discovery=discovery,
    )
    return ExtractedArticle(document=document, events=events, actors=discovery.discovered())
