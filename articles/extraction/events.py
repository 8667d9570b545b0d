"""Events from a clean body: a trigger (a verb or an event noun, `triggers.py`) with its
participants in roles (`participants.py`) and the date of its own clause, in every sentence of
an on-topic article (`relevance.py`) that names someone or somewhere; the sentences of one
article that tell of the same event merged into one event."""

import datetime
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from articles.extraction.clauses import (
    authorial,
    clause_events,
    holds,
    hypothetical,
    is_question,
    outside_quotes,
    told_triggers,
)
from articles.extraction.corroboration import key_terms, similarity
from articles.extraction.dates import (
    CLAUSE_REACH,
    UNDATED,
    UNKNOWN,
    PlacedDate,
    ResolvedDate,
    clause_dates,
)
from articles.extraction.entities import Discovery, discover_entities
from articles.extraction.figures import ExtractedFigure, extract_figures
from articles.extraction.gazetteer import Gazetteer, Mention
from articles.extraction.lexicon import STATEMENT, TRANSFER, VISIT
from articles.extraction.participants import (
    KnownNames,
    Name,
    assign_roles,
    find_names,
    pronoun_subject,
)
from articles.extraction.relevance import is_on_topic, off_topic_positions
from articles.extraction.sentences import split_sentences
from articles.extraction.titles import event_title
from articles.extraction.triggers import Trigger, trigger_finder

# "the transfer of 238 members", "has transferred a total of 232 migrants".
COUNTED_TRANSFER = re.compile(
    r"\b(?:transfer\w*|deport\w*|extradit\w*|traslad\w*)\b\W+(?:\w+\W+){0,4}?\d[\d,.]*\s+\w",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…:\"”’»)]\W*$")  # a trailing emoji still ends a sentence
# "dijo este miércoles", "said on Monday", "told the BBC on Sunday": a statement's own date
# comes before its verb or right after it; a date further on is in what was said.
SAYING_DATE_REACH = 30
MERGE_WINDOW = 200  # far more events than a news article holds
# "lowest since the end of its civil war in 1992": a date that anchors a comparison, not an event.
REFERENCE_DATE = re.compile(r"\b(?:since|desde)\b[^,;.]{3,80}$", re.IGNORECASE)
# "…were arrested, authorities said on Thursday": the attribution after the act and its date
# belong to the saying, not to the act.
ATTRIBUTION_START = re.compile(r",\s*(?:\w+\s+){0,3}$")
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
    scheduled: bool = False  # dated after publication, told in the future tense
    actors: list[str] = field(default_factory=list)  # slugs, in order of first mention
    countries: list[str] = field(default_factory=list)  # ISO codes
    excerpts: list[ExtractedExcerpt] = field(default_factory=list)
    seed_actors: frozenset[str] = frozenset()
    seed_countries: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()  # the wording beyond names, for merging
    # Participants in roles, as the text names them (known or not to the gazetteer).
    agents: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    place: str | None = None


def extract_events(
    body: str,
    *,
    published: datetime.date | None,
    gazetteer: Gazetteer,
    language: str = "en",
    title: str = "",
    url: str = "",
    discovery: Discovery | None = None,
) -> list[ExtractedEvent]:
    """Text in, events out: each with its excerpt's offsets into `body`.

    Actors are the gazetteer's and those discovered in the body (`discover_entities`, run once
    for the article unless the caller already did, to store the discovered actors first).
    """
    if not is_on_topic(title, body, url, language):
        return []
    events: list[ExtractedEvent] = []
    if discovery is None:
        discovery = discover_entities(body, language=language, gazetteer=gazetteer)
    finder = trigger_finder(language)
    known_names = KnownNames(body)
    home = home_country(discovery)
    last_agents: list[str] = []
    all_triggers = finder.find(body)
    off_topic = off_topic_positions(body, language)
    starts = [trigger.start for trigger in all_triggers]
    for sentence in split_sentences(body):
        if not SENTENCE_END.search(sentence.text):
            continue  # a heading, not a sentence
        in_sentence = all_triggers[
            bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)
        ]
        triggers = told_triggers(body, in_sentence, sentence)
        if not triggers or holds(off_topic, sentence) or is_question(sentence.text):
            continue
        mentions = discovery.mentions_in(sentence.start, sentence.end)
        names = outside_quotes(
            body, find_names(body, sentence.start, sentence.end, language, known=known_names)
        )
        if not mentions and not names:
            continue
        for trigger, kind in clause_events(body, triggers):
            if hypothetical(body, trigger, language) or authorial(body, trigger):
                continue
            resolved = _clause_date(body, sentence, (trigger, kind, triggers), published, language)
            candidate = _candidate(
                body, sentence, mentions, names, trigger, kind, resolved, gazetteer
            )
            if (
                not candidate.agents
                and last_agents
                and (
                    pronoun_subject(body, sentence.start, trigger.start)
                    or (kind == STATEMENT and not any(n.end <= trigger.start for n in names))
                )
            ):
                # "He said", "…, de la nada llamó a Provoste": the one spoken of last.
                candidate.agents = list(last_agents)
            if kind == STATEMENT and not (candidate.agents or candidate.seed_actors):
                continue  # words without a speaker are no news item
            last_agents = candidate.agents or last_agents
            if not candidate.countries and home:
                candidate.countries = [home]  # told without a place: where the story is
            _merge_or_append(events, candidate)
    return events


HOME_SHARE = 0.6  # of the article's place mentions, for its country to be the story's


def home_country(discovery: Discovery) -> str | None:
    """The country an article's story happens in, when its places say so clearly: named at
    least twice and in most of its place mentions ("la Alameda", "el Metro" in a Chilean
    story are in Chile). None for a story spread over several countries."""
    codes = [m.key for m in discovery.gazetteer_mentions if m.kind == "country"]
    if len(codes) < 2:
        return None
    code, count = Counter(codes).most_common(1)[0]
    return code if count >= HOME_SHARE * len(codes) else None


def _clause_date(
    body: str,
    sentence,
    clause: tuple[Trigger, str, list[Trigger]],
    published: datetime.date | None,
    language: str,
) -> ResolvedDate:
    """The date of the trigger's clause: the nearest date expression to it, leaving out dates
    that anchor a comparison ("since 1992") and, for an act, the date of a later attribution
    ("…were arrested, authorities said on Thursday"); for a statement, the dates of what was
    said (after the verb and its adverbs). Failing a resolved one, the nearest phrase,
    unresolved."""
    trigger, kind, triggers = clause
    attribution_from = None
    if kind != STATEMENT:
        attribution_from = _attribution_start(body, trigger, triggers)
    window_start = max(sentence.start, trigger.start - CLAUSE_REACH)
    window_end = min(sentence.end, trigger.end + CLAUSE_REACH)
    candidates: list[tuple[int, PlacedDate]] = []
    for placed in clause_dates(
        body, window_start, window_end, published=published, language=language
    ):
        before = (body, max(sentence.start, placed.start - 120), placed.start)
        if REFERENCE_DATE.search(*before):
            continue
        if published is None and FUTURE_DATE.search(*before):  # nothing else tells its tense
            continue
        if attribution_from is not None and placed.start >= attribution_from:
            continue
        if kind == STATEMENT and placed.start > trigger.end + SAYING_DATE_REACH:
            continue  # "Monsalve afirmó que durante el 2022…": when it was said, not of what
        distance = min(abs(placed.start - trigger.end), abs(trigger.start - placed.end))
        candidates.append((distance, placed))
    candidates.sort(key=lambda row: row[0])
    first_unresolved = None
    for _, placed in candidates:
        if placed.resolved.date is not None:
            return placed.resolved
        first_unresolved = first_unresolved or placed.resolved
    return first_unresolved or UNDATED


def _attribution_start(body: str, trigger: Trigger, triggers: list[Trigger]) -> int | None:
    """Where ", authorities said" begins after the act, if it does."""
    for later in triggers:
        if later.start < trigger.end or later.kind != STATEMENT:
            continue
        if ATTRIBUTION_START.search(body, max(trigger.end, later.start - 40), later.start):
            comma = body.rfind(",", trigger.end, later.start)
            return comma if comma >= 0 else later.start
    return None


def _candidate(body, sentence, mentions, names, trigger, kind, resolved, gazetteer):
    if kind != STATEMENT and COUNTED_TRANSFER.search(sentence.text):
        kind = TRANSFER
    actors = _unique(m.key for m in mentions if m.kind == "actor")
    countries = _unique(m.key for m in mentions if m.kind == "country")
    for slug in actors:
        code = gazetteer.actor_country(slug)
        if code and code not in countries:
            countries.append(code)
    names, keys = _role_names(names, mentions)
    roles = assign_roles(
        body,
        names,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        kind=kind,
        sentence_start=sentence.start,
        actors=frozenset(keys),
    )
    participants = _unique(keys[text] for text in [*roles.agents, *roles.others] if text in keys)
    if participants and len(actors) > len(participants) + 2:
        # Those who took part, not everyone a long sentence names; in the order it names them.
        actors = [slug for slug in actors if slug in participants] + [
            slug for slug in participants if slug not in actors
        ]
    roles.agents = [gazetteer.actor_name(keys[t]) if t in keys else t for t in roles.agents]
    roles.others = [gazetteer.actor_name(keys[t]) if t in keys else t for t in roles.others]
    return ExtractedEvent(
        title=event_title(
            event_type=kind,
            sentence=sentence.text,
            sentence_start=sentence.start,
            actors=_agent_first(actors, roles.agents, mentions) if kind == VISIT else actors,
            country_mentions=[m for m in mentions if m.kind == "country"],
            gazetteer=gazetteer,
        ),
        event_type=kind,
        date=resolved.date,
        date_precision=resolved.precision if resolved.date else UNKNOWN,
        date_phrase=resolved.phrase,
        date_resolution=resolved.explanation,
        scheduled=resolved.scheduled and resolved.date is not None,
        actors=actors,
        countries=countries,
        agents=roles.agents,
        others=roles.others,
        place=roles.place,
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


def _role_names(names: list[Name], mentions: list[Mention]) -> tuple[list[Name], dict[str, str]]:
    """The names roles are given to: each actor the article's entities resolve ("Walker" is
    Matías Walker), and the other capitalised names the sentence holds, in text order; with
    the actor's key for each actor's text."""
    actors = [m for m in mentions if m.kind == "actor"]
    keys = {m.text: m.key for m in actors}
    kept = [
        name for name in names if not any(m.start < name.end and name.start < m.end for m in actors)
    ]
    merged = kept + [Name(m.start, m.end, m.text) for m in actors]
    return sorted(merged, key=lambda name: name.start), keys


def _agent_first(actors: list[str], agents: list[str], mentions: list[Mention]) -> list[str]:
    """The known actors with the one who acted first, so a title says who did it."""
    acting = {
        m.key
        for m in mentions
        if m.kind == "actor" and any(m.text in agent or agent in m.text for agent in agents)
    }
    return sorted(actors, key=lambda slug: slug not in acting)


def _same_event(event: ExtractedEvent, candidate: ExtractedEvent) -> bool:
    """Within one article: the same kind of event, by the same people, at a compatible date.

    A dated sentence joins an event of the same date only; an undated one ("the visit comes at a
    critical moment…") joins an event whose participants it names or is named by.
    """
    if event.event_type != candidate.event_type:
        return False
    # What an event already told is expected to do next ("a visit expected to conclude on
    # Wednesday") joins it like an undated sentence.
    joins_told_event = candidate.scheduled and event.date is not None and not event.scheduled
    if event.agents and candidate.agents:
        # Named doers decide: the same one at compatible dates, or two events.
        if not _same_people(event.agents, candidate.agents):
            return False
        return (
            candidate.date is None
            or event.date is None
            or joins_told_event
            or ((event.date, event.date_precision) == (candidate.date, candidate.date_precision))
        )
    if not (candidate.seed_actors or candidate.seed_countries) or not (
        event.seed_actors or event.seed_countries
    ):
        return False  # nothing known in common to tell that they are one
    if candidate.date is not None and not joins_told_event:
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
            event.agents.extend(a for a in candidate.agents if a not in event.agents)
            event.others.extend(o for o in candidate.others if o not in event.others)
            event.place = event.place or candidate.place
            if event.date is None and candidate.date is not None:
                event.date, event.date_precision = candidate.date, candidate.date_precision
                event.date_phrase = candidate.date_phrase
                event.date_resolution = candidate.date_resolution
            if event.date is None and not event.date_phrase and candidate.date_phrase:
                event.date_phrase = candidate.date_phrase
                event.date_resolution = candidate.date_resolution
            return
    events.append(candidate)


def _same_people(a: list[str], b: list[str]) -> bool:
    """ "Boric" and "Gabriel Boric" are one person: the words of one are among the other's."""
    return any(
        set(x.lower().split()) <= set(y.lower().split())
        or set(y.lower().split()) <= set(x.lower().split())
        for x in a
        for y in b
    )


def _unique(items) -> list:
    return list(dict.fromkeys(items))
