"""Events from a clean body: one per sentence that has a date or a trigger word and names an
actor or a country, merged within the article when several sentences tell of the same event."""

import datetime
import re
from dataclasses import dataclass, field

from articles.extraction.corroboration import key_terms, similarity
from articles.extraction.dates import (
    UNDATED,
    UNKNOWN,
    DateExpression,
    ResolvedDate,
    find_date_expressions,
    resolve_date,
)
from articles.extraction.entities import Discovery, discover_entities
from articles.extraction.figures import ExtractedFigure, extract_figures
from articles.extraction.gazetteer import Gazetteer, Mention
from articles.extraction.sentences import split_sentences
from articles.extraction.titles import event_title

VISIT = "visit"
MEETING = "meeting"
AGREEMENT = "agreement"
TRANSFER = "transfer"
STATEMENT = "statement"
POLICY = "policy"
OTHER = "other"

_TRIGGER_WORDS = {
    VISIT: r"visit(?:s|ed|ing)?|trip|tour|visita(?:s|ron|rá|do|ndo)?|visitó|gira|viajó",
    # "was met with praise" is no meeting.
    MEETING: r"meet(?:s|ing|ings)?|(?<!was\s)(?<!were\s)(?<!be\s)(?<!been\s)met|talks|summit|"
    r"host(?:s|ed|ing)|reuni(?:ón|ones|rse|ó|eron)|se\s+reuni(?:ó|eron)|cumbre|encuentro",
    AGREEMENT: r"agree(?:s|d|ment|ments)?|sign(?:s|ed|ing)|deal|pact|accord|partnership|treaty|"
    r"memorandum|acuerdos?|firm(?:ó|aron|an)|convenio|pacto|tratado|alianza",
    TRANSFER: r"transfer(?:s|red|ring)?|deport(?:s|ed|ing|ation|ations|ees)?|extradit(?:e|ed|ion)|"
    r"repatriat(?:e|ed|ion)|expell?(?:ed)?|traslad(?:o|ó|aron|ados|ar)|"
    r"deport(?:ó|aron|ados|ación|aciones|ar)|extradi(?:ción|tado|tados)",
    POLICY: r"state\s+of\s+(?:emergency|exception)|emergency\s+decree|decrees?|invok(?:e|ed|es)|"
    r"legislation|crackdown|estado\s+de\s+excepción|régimen\s+de\s+excepción|decreto|invocó",
    STATEMENT: r"announc(?:e|ed|es|ement)|declar(?:e|ed|es|ation)|offer(?:s|ed)?|prais(?:e|ed|es)|"
    r"respond(?:s|ed)?|response|confirm(?:s|ed)?|commend(?:s|ed)?|laud(?:s|ed)?|urg(?:e|ed|es)|"
    r"criticis(?:e|ed)|criticiz(?:e|ed)|condemn(?:s|ed)?|warn(?:s|ed)?|pledg(?:e|ed)|vow(?:s|ed)?|"
    r"anunci(?:ó|a|aron)|declar(?:ó|aron|ación)|ofreci(?:ó|eron)|elogi(?:ó|a|aron)|"
    r"respondi(?:ó|eron)|confirm(?:ó|aron)|afirm(?:ó|aron)|advirti(?:ó|eron)|critic(?:ó|aron)",
    OTHER: r"arrest(?:s|ed)?|captur(?:e|ed)|captur(?:ó|ados)",
}
# One word boundary around all the kinds rather than one around each: the engine then gives up
# on a position inside a word at once instead of once per kind (the same matches, faster).
TRIGGERS = re.compile(
    r"\b(?:" + "|".join(rf"(?P<{kind}>{words})" for kind, words in _TRIGGER_WORDS.items()) + r")\b",
    re.IGNORECASE,
)
# "the transfer of 238 members", "has transferred a total of 232 migrants".
COUNTED_TRANSFER = re.compile(
    r"\b(?:transfer\w*|deport\w*|extradit\w*|traslad\w*)\b\W+(?:\w+\W+){0,4}?\d[\d,.]*\s+\w",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…:\"”’»)]\W*$")  # a trailing emoji still ends a sentence
MERGE_WINDOW = 200  # far more events than a news article holds
# "lowest since the end of its civil war in 1992": a date that anchors a comparison, not an event.
REFERENCE_DATE = re.compile(r"\b(?:since|desde)\b[^,;.]{3,80}$", re.IGNORECASE)
# "would be issued in 2008", "a deal which ends in 2007", "until May 2008": a date still to come
# or a deadline, not when the reported event happened.
FUTURE_DATE = re.compile(
    r"\b(?:until|till|will|would|shall|set\s+to|due\s+to|expected\s+to|ends?|hasta|vence)\b"
    r"[^,;.]{0,60}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ExtractedExcerpt:
    start: int
    end: int
    quote: str
    date: datetime.date | None = None  # the date this sentence gives, if any
    date_precision: str = UNKNOWN
    figures: tuple[ExtractedFigure, ...] = ()


@dataclass
class ExtractedEvent:
    title: str
    event_type: str
    date: datetime.date | None
    date_precision: str
    date_phrase: str
    date_resolution: str
    actors: list[str] = field(default_factory=list)  # slugs, in order of first mention
    countries: list[str] = field(default_factory=list)  # ISO codes
    excerpts: list[ExtractedExcerpt] = field(default_factory=list)
    seed_actors: frozenset[str] = frozenset()
    seed_countries: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()  # the wording beyond names, for merging


def extract_events(
    body: str,
    *,
    published: datetime.date | None,
    gazetteer: Gazetteer,
    language: str = "en",
    discovery: Discovery | None = None,
) -> list[ExtractedEvent]:
    """Text in, events out: each with its excerpt's offsets into `body`.

    Actors are the gazetteer's and those discovered in the body (`discover_entities`, run once
    for the article unless the caller already did, to store the discovered actors first).
    """
    events: list[ExtractedEvent] = []
    if discovery is None:
        discovery = discover_entities(body, language=language, gazetteer=gazetteer)
    for sentence in split_sentences(body):
        if not SENTENCE_END.search(sentence.text):
            continue  # a heading, not a sentence
        mentions = discovery.mentions_in(sentence.start, sentence.end)
        if not mentions:
            continue
        triggers = list(TRIGGERS.finditer(body, sentence.start, sentence.end))
        expressions = find_date_expressions(body, language, sentence.start, sentence.end)
        resolved = _sentence_date(body, sentence.start, expressions, published, language)
        if not triggers and not resolved.phrase:
            continue
        candidate = _candidate(body, sentence, mentions, triggers, resolved, gazetteer)
        _merge_or_append(events, candidate)
    return events


def _sentence_date(
    body: str,
    sentence_start: int,
    expressions: list[DateExpression],
    published: datetime.date | None,
    language: str,
) -> ResolvedDate:
    """The first date the sentence resolves to; failing that, the first phrase, unresolved."""
    first_unresolved = None
    for expression in expressions:
        context_before = body[sentence_start : expression.start]
        if REFERENCE_DATE.search(context_before) or FUTURE_DATE.search(context_before):
            continue
        resolved = resolve_date(
            expression, published=published, language=language, context_before=context_before
        )
        if resolved.date is not None:
            return resolved
        first_unresolved = first_unresolved or resolved
    return first_unresolved or UNDATED


def _event_type(sentence_text: str, triggers: list[re.Match]) -> str:
    if COUNTED_TRANSFER.search(sentence_text):
        return TRANSFER
    kinds = [match.lastgroup for match in triggers]
    for kind in kinds:
        if kind != STATEMENT:
            return kind
    return STATEMENT if kinds else OTHER


def _candidate(body, sentence, mentions: list[Mention], triggers, resolved, gazetteer):
    actors = _unique(m.key for m in mentions if m.kind == "actor")
    countries = _unique(m.key for m in mentions if m.kind == "country")
    for slug in actors:
        code = gazetteer.actor_country(slug)
        if code and code not in countries:
            countries.append(code)
    event_type = _event_type(sentence.text, triggers)
    return ExtractedEvent(
        title=event_title(
            event_type=event_type,
            sentence=sentence.text,
            sentence_start=sentence.start,
            actors=actors,
            country_mentions=[m for m in mentions if m.kind == "country"],
            gazetteer=gazetteer,
        ),
        event_type=event_type,
        date=resolved.date,
        date_precision=resolved.precision if resolved.date else UNKNOWN,
        date_phrase=resolved.phrase,
        date_resolution=resolved.explanation,
        actors=actors,
        countries=countries,
        excerpts=[
            ExtractedExcerpt(
                sentence.start,
                sentence.end,
                sentence.text,
                date=resolved.date,
                date_precision=resolved.precision if resolved.date else UNKNOWN,
                figures=tuple(extract_figures(body, sentence.start, sentence.end)),
            )
        ],
        # People, not organisations, decide which sentences tell of the same event.
        seed_actors=frozenset(m.key for m in mentions if m.kind == "actor" and m.label != "ORG"),
        seed_countries=frozenset(countries),
        terms=key_terms(sentence.text, ignore=gazetteer.name_words),
    )


def _same_event(event: ExtractedEvent, candidate: ExtractedEvent) -> bool:
    """Within one article: the same kind of event, by the same people, at a compatible date.

    A dated sentence joins an event of the same date only; an undated one ("the visit comes at a
    critical moment…") joins an event whose participants it names or is named by.
    """
    if event.event_type != candidate.event_type:
        return False
    if candidate.date is not None:
        if (event.date, event.date_precision) != (candidate.date, candidate.date_precision):
            return False
        if candidate.seed_actors or event.seed_actors:
            return bool(candidate.seed_actors & set(event.actors))
        return candidate.seed_countries == event.seed_countries
    if candidate.title == event.title:
        return True
    if candidate.seed_actors and event.seed_actors:
        return (
            candidate.seed_actors <= event.seed_actors or event.seed_actors <= candidate.seed_actors
        )
    if not candidate.seed_actors and candidate.seed_countries <= set(event.countries):
        score, _ = similarity(candidate.terms, event.terms)
        # No wording of its own ("the visit comes at a critical moment") or shared wording.
        return bool(candidate.seed_countries) and (not candidate.terms or score >= 0.5)
    return False


def _merge_or_append(events: list[ExtractedEvent], candidate: ExtractedEvent) -> None:
    """Compare with the latest events only, so a huge text costs linear time, not quadratic."""
    for event in events[-MERGE_WINDOW:]:
        if _same_event(event, candidate):
            event.excerpts.extend(candidate.excerpts)
            event.terms |= candidate.terms
            event.actors.extend(a for a in candidate.actors if a not in event.actors)
            event.countries.extend(c for c in candidate.countries if c not in event.countries)
            if event.date is None and not event.date_phrase and candidate.date_phrase:
                event.date_phrase = candidate.date_phrase
                event.date_resolution = candidate.date_resolution
            return
    events.append(candidate)


def _unique(items) -> list:
    return list(dict.fromkeys(items))
