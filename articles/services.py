"""The import pipeline: files in, articles with extracted events out, one transaction a file.

The same functions serve the `import_articles` command and the admin. A re-import or a
re-extraction never overwrites or deletes an event an editor has reviewed or rejected.
"""

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction
from django.db.models import Prefetch, Q
from django.utils.text import slugify

from articles.extraction import DocumentError, ExtractedEvent, Gazetteer, extract_events
from articles.extraction.corroboration import EventSummary, best_match, key_terms
from articles.extraction.document import parse_document
from articles.models import Article
from timeline.corroboration import refresh_disputes
from timeline.models import Actor, Country, Event, Excerpt, Figure

MAX_FILE_BYTES = 2 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".text", ".md"}
MATCH_CANDIDATES = 300  # recent events a new article's events are compared with


class ImportFailure(Exception):
    """A file that cannot be imported; the message says why, for the person importing it."""


@dataclass
class ExtractionSummary:
    created: int = 0
    kept: int = 0
    removed: int = 0


@dataclass
class ImportOutcome:
    source: str
    status: str  # imported, updated, unchanged or failed
    article: Article | None = None
    message: str = ""
    extraction: ExtractionSummary = field(default_factory=ExtractionSummary)


@dataclass
class ImportContext:
    """What every file of one import run shares: the alias index and the ids behind it."""

    gazetteer: Gazetteer
    actor_ids: dict[str, int]
    country_ids: dict[str, int]

    @classmethod
    def from_database(cls) -> "ImportContext":
        return cls(
            gazetteer=Gazetteer.from_database(),
            actor_ids=dict(Actor.objects.values_list("slug", "id")),
            country_ids=dict(Country.objects.values_list("code", "id")),
        )


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    name: str  # what identifies it on a re-import: its path below the folder that was named


def iter_article_files(paths: Iterable[str | Path]) -> Iterator[ArticleFile]:
    """Files as given, and the article files (.txt, .text, .md) found under folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
            for file in sorted(p for p in found if p.is_file()):
                yield ArticleFile(file, file.relative_to(path).as_posix())
        else:
            yield ArticleFile(path, path.name)


def read_article_file(path: Path) -> str:
    """The file's text, or ImportFailure saying why it is not an article we can read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportFailure(f"cannot be read ({error.strerror or error})") from error
    if size > MAX_FILE_BYTES:
        raise ImportFailure(f"too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
    if size == 0:
        raise ImportFailure("empty file")
    data = path.read_bytes()
    return decode_article_bytes(data)


def decode_article_bytes(data: bytes) -> str:
    if b"\x00" in data:
        raise ImportFailure("binary file (contains NUL bytes), not plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8 and import it again"
        ) from error
    if not text.strip():
        raise ImportFailure("empty file (only white space)")
    return text


def import_file(
    file: ArticleFile, *, context: ImportContext | None = None, dry_run: bool = False
) -> ImportOutcome:
    try:
        text = read_article_file(file.path)
    except ImportFailure as failure:
        return ImportOutcome(source=str(file.path), status="failed", message=str(failure))
    outcome = import_text(text, source_file=file.name, context=context, dry_run=dry_run)
    outcome.source = str(file.path)
    return outcome


def import_text(
    text: str,
    *,
    source_file: str = "",
    context: ImportContext | None = None,
    dry_run: bool = False,
) -> ImportOutcome:
    """Create, update or leave alone the article for this text, all in one transaction."""
    context = context or ImportContext.from_database()
    source = source_file or "(pasted text)"
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        document = parse_document(text)
    except DocumentError as error:
        return ImportOutcome(source=source, status="failed", message=str(error))
    try:
        with transaction.atomic():
            outcome = _save_document(text, document, content_hash, source, source_file, context)
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:
        return ImportOutcome(source=source, status="failed", message=f"database error: {error}")
    return outcome


def _save_document(text, document, content_hash, source, source_file, context) -> ImportOutcome:
    duplicate = Article.objects.filter(content_hash=content_hash).first()
    if duplicate is not None:
        note = "" if duplicate.source_file == source_file else f"same text as {duplicate.slug}"
        return ImportOutcome(source=source, status="unchanged", article=duplicate, message=note)

    article = Article.objects.filter(source_file=source_file).first() if source_file else None
    status = "updated" if article else "imported"
    if article is None:
        article = Article(slug=unique_slug(document.title), source_file=source_file)
    article.title = document.title
    article.body = document.body
    article.raw_text = text
    article.content_hash = content_hash
    article.language = document.language
    article.outlet = document.outlet or article.outlet
    article.url = document.url or article.url
    article.byline = document.byline or article.byline
    if article.published_source != Article.PublishedSource.EDITOR or article.published is None:
        article.published = document.published
        article.published_source = document.published_source
    article.save()
    summary = extract_article_events(article, context=context)
    return ImportOutcome(source=source, status=status, article=article, extraction=summary)


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = (slugify(title) or "article")[:200].strip("-") or "article"
    taken = set(
        Article.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def extract_article_events(
    article: Article, *, context: ImportContext | None = None
) -> ExtractionSummary:
    """(Re)extract the article's events from its body, keeping what editors decided.

    Events still as extracted and sourced only here are replaced; events an editor reviewed or
    rejected stay, with their excerpts re-anchored in the current body (or marked as gone from
    it), and no new event is made from a sentence they already cover.
    """
    context = context or ImportContext.from_database()
    summary = ExtractionSummary()
    covered_quotes = _reconcile_existing(article, summary)
    extracted = extract_events(
        article.body,
        published=article.published,
        gazetteer=context.gazetteer,
        language=article.language,
    )
    fresh = [
        event
        for event in extracted
        if not any(excerpt.quote in covered_quotes for excerpt in event.excerpts)
    ]
    _create_events(article, fresh, context)
    summary.created = len(fresh)
    return summary


def _reconcile_existing(article: Article, summary: ExtractionSummary) -> set[str]:
    if article.pk is None or not article.excerpts.exists():
        return set()
    excerpts = list(article.excerpts.select_related("event"))
    covered: set[str] = set()
    replaceable_events = set()
    stale_excerpts = []
    for excerpt in excerpts:
        if excerpt.event.is_editor_owned:
            covered.add(excerpt.quote)
            _reanchor(excerpt, article.body)
            stale_excerpts.append(excerpt)
        else:
            replaceable_events.add(excerpt.event_id)
    if stale_excerpts:
        Excerpt.objects.bulk_update(stale_excerpts, ["start", "end"])
    summary.kept = len({excerpt.event_id for excerpt in stale_excerpts})
    Excerpt.objects.filter(article=article, event_id__in=replaceable_events).delete()
    orphaned = Event.objects.filter(pk__in=replaceable_events, excerpts__isnull=True)
    summary.removed = orphaned.count()
    orphaned.delete()
    if summary.removed < len(replaceable_events):  # some are reported by other articles too
        refresh_disputes(replaceable_events)
    return covered


def _reanchor(excerpt: Excerpt, body: str) -> None:
    if excerpt.start is not None and body[excerpt.start : excerpt.end] == excerpt.quote:
        return
    position = body.find(excerpt.quote)
    if position < 0:
        excerpt.start = excerpt.end = None
    else:
        excerpt.start, excerpt.end = position, position + len(excerpt.quote)


def _create_events(article: Article, events: list[ExtractedEvent], context: ImportContext):
    """Attach each event to the stored event other articles already report, or create it."""
    if not events:
        return
    summaries = [_summary(event, context) for event in events]
    candidates = _candidate_events(article, events, context)
    matches = [best_match(summary, candidates) for summary in summaries]
    new_events = [event for event, match in zip(events, matches, strict=True) if match is None]
    created = iter(
        Event.objects.bulk_create(
            [
                Event(
                    title=event.title[:300],
                    date=event.date,
                    date_precision=event.date_precision,
                    date_phrase=event.date_phrase[:200],
                    date_resolution=event.date_resolution[:300],
                    event_type=event.event_type,
                )
                for event in new_events
            ]
        )
    )
    stored = _stored_links(matches)
    actor_links, country_links, excerpts, figures = [], [], [], []
    for event, match in zip(events, matches, strict=True):
        event_id = match if match is not None else next(created).pk
        known_actors, known_countries = stored.get(event_id, (set(), set()))
        actor_links += [
            Event.actors.through(event_id=event_id, actor_id=context.actor_ids[slug])
            for slug in event.actors
            if slug in context.actor_ids and context.actor_ids[slug] not in known_actors
        ]
        country_links += [
            Event.countries.through(event_id=event_id, country_id=context.country_ids[code])
            for code in event.countries
            if code in context.country_ids and context.country_ids[code] not in known_countries
        ]
        for extracted in event.excerpts:
            excerpt = Excerpt(
                article=article,
                event_id=event_id,
                start=extracted.start,
                end=extracted.end,
                quote=extracted.quote,
                reported_date=extracted.date,
                reported_precision=extracted.date_precision,
            )
            excerpts.append(excerpt)
            figures += [(excerpt, figure) for figure in extracted.figures]
    Event.actors.through.objects.bulk_create(actor_links)
    Event.countries.through.objects.bulk_create(country_links)
    Excerpt.objects.bulk_create(excerpts)
    Figure.objects.bulk_create(
        [
            Figure(
                excerpt=excerpt,
                value=figure.value,
                unit=figure.unit,
                counts=figure.counts[:100],
                text=figure.text[:200],
            )
            for excerpt, figure in figures
        ]
    )
    matched = {match for match in matches if match is not None}
    if matched:
        _date_matched_events(matched, events, matches)
        refresh_disputes(matched)


def _summary(event: ExtractedEvent, context: ImportContext) -> EventSummary:
    return EventSummary(
        event_type=event.event_type,
        date=event.date,
        precision=event.date_precision,
        actors=frozenset(event.actors),
        countries=frozenset(event.countries),
        home_countries=frozenset(
            filter(None, (context.gazetteer.actor_country(slug) for slug in event.actors))
        ),
        terms=key_terms(
            " ".join(excerpt.quote for excerpt in event.excerpts),
            ignore=context.gazetteer.name_words,
        ),
    )


def _candidate_events(article, events, context) -> list[tuple[int, EventSummary]]:
    """Recent stored events from other articles that share a type and a participant."""
    actor_ids = {context.actor_ids[s] for e in events for s in e.actors if s in context.actor_ids}
    country_ids = {
        context.country_ids[c] for e in events for c in e.countries if c in context.country_ids
    }
    rows = (
        Event.objects.visible()
        .filter(event_type__in={event.event_type for event in events})
        .filter(Q(actors__in=actor_ids) | Q(countries__in=country_ids))
        .exclude(excerpts__article=article)
        .distinct()
        .order_by("-id")[:MATCH_CANDIDATES]
    )
    rows = rows.prefetch_related(
        Prefetch("actors", queryset=Actor.objects.select_related("country").only(
            "id", "slug", "country__code"
        )),
        Prefetch("countries", queryset=Country.objects.only("id", "code")),
        Prefetch("excerpts", queryset=Excerpt.objects.only("id", "event_id", "quote")),
    )  # fmt: skip
    return [
        (
            event.pk,
            EventSummary(
                event_type=event.event_type,
                date=event.date,
                precision=event.date_precision,
                actors=frozenset(actor.slug for actor in event.actors.all()),
                countries=frozenset(country.code for country in event.countries.all()),
                home_countries=frozenset(
                    actor.country.code for actor in event.actors.all() if actor.country
                ),
                terms=key_terms(
                    " ".join(excerpt.quote for excerpt in event.excerpts.all()),
                    ignore=context.gazetteer.name_words,
                ),
            ),
        )
        for event in rows
    ]


def _stored_links(matches) -> dict[int, tuple[set[int], set[int]]]:
    """The actors and countries matched events already have, so links are not doubled."""
    matched = {match for match in matches if match is not None}
    if not matched:
        return {}
    links: dict[int, tuple[set[int], set[int]]] = {pk: (set(), set()) for pk in matched}
    actors = Event.actors.through.objects.filter(event_id__in=matched)
    for event_id, actor_id in actors.values_list("event_id", "actor_id"):
        links[event_id][0].add(actor_id)
    countries = Event.countries.through.objects.filter(event_id__in=matched)
    for event_id, country_id in countries.values_list("event_id", "country_id"):
        links[event_id][1].add(country_id)
    return links


def _date_matched_events(matched: set[int], events, matches) -> None:
    """An undated event learns its date from a new source that gives one."""
    dated = {
        match: event
        for event, match in zip(events, matches, strict=True)
        if match is not None and event.date is not None
    }
    undated = Event.objects.filter(pk__in=dated, date__isnull=True, status=Event.Status.EXTRACTED)
    for stored in undated:
        event = dated[stored.pk]
        stored.date, stored.date_precision = event.date, event.date_precision
        stored.date_phrase, stored.date_resolution = event.date_phrase, event.date_resolution
        stored.save(update_fields=["date", "date_precision", "date_phrase", "date_resolution"])
