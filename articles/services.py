"""The import pipeline: files in, articles with extracted events out, one transaction a file.

The same functions serve the `import_articles` command and the admin. A re-import or a
re-extraction never overwrites or deletes an event an editor has reviewed or rejected.
"""

import hashlib
import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import DatabaseError, connection, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles.discovered_actors import ActorIndex, store_discovered_actors
from articles.event_writer import save_extracted_events
from articles.extraction import DocumentError, Gazetteer, extract_events
from articles.extraction.document import parse_document
from articles.extraction.entities import discover_entities
from articles.extraction.places_index import iso_country_name
from articles.extraction.relevance import is_on_topic
from articles.models import Article
from articles.rows import RowInserter
from articles.storing import document_problem, insert_new_article, unique_slug
from timeline.corroboration import refresh_disputes
from timeline.models import Actor, Country, Event, Excerpt

MAX_FILE_BYTES = 2 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


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
    # The traceback of an unexpected error, for `import_articles -v 2` and bug reports.
    detail: str = ""


@dataclass
class ImportContext:
    """What every file of one import run shares: the alias index and the ids behind it."""

    gazetteer: Gazetteer
    actor_ids: dict[str, int]
    country_ids: dict[str, int]
    # Stored events as matching sees them, so each is read once a run, not once an article.
    event_summaries: dict = field(default_factory=dict)
    events_written: int = 0
    # (events when the planner's statistics were taken, events when the run began)
    statistics_basis: tuple[int, int] | None = None
    countries_added: list[str] = field(default_factory=list)  # rows made in this file's transaction
    actor_index: "ActorIndex | None" = None  # stored actors by name, read when first needed

    @classmethod
    def from_database(cls) -> "ImportContext":
        return cls(
            gazetteer=Gazetteer.from_database(),
            actor_ids=dict(Actor.objects.values_list("slug", "id")),
            country_ids=dict(Country.objects.values_list("code", "id")),
        )


STATISTICS_FIRST_AT = 500  # events: before that, any plan is fast
STATISTICS_TABLES = (Event, Event.actors.through, Event.countries.through, Excerpt, Article)


def keep_statistics_fresh(context: ImportContext) -> None:
    """On PostgreSQL, ANALYZE the tables the import writes whenever the events have doubled
    since the planner's statistics were taken.

    The candidate query is planned from them: without any (new tables, autovacuum off or not
    yet round), PostgreSQL takes the events table for a few hundred rows and sorts all of it for
    every article, so an import slows down as it goes. Autovacuum does the same in time; an
    import runs faster than it, and a dozen ANALYZEs cover a million events.
    """
    if connection.vendor != "postgresql":
        return
    if context.statistics_basis is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Event._meta.db_table]
            )
            estimated = int(max(cursor.fetchone()[0], 0))
        context.statistics_basis = (estimated, Event.objects.count() - context.events_written)
    analyzed, at_start = context.statistics_basis
    events = at_start + context.events_written
    if events >= max(2 * analyzed, STATISTICS_FIRST_AT):
        tables = ", ".join(model._meta.db_table for model in STATISTICS_TABLES)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tables}")
        context.statistics_basis = (events, at_start)


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    name: str  # what identifies it on a re-import: its path below the folder that was named


def iter_article_files(
    paths: Iterable[str | Path], *, suffixes: frozenset[str] | set[str] = ARTICLE_SUFFIXES
) -> Iterator[ArticleFile]:
    """Files as given, and the article files (.txt, .text, .md, or `suffixes`) found under
    folders.

    Folders are walked one directory at a time, in name order, so that memory holds one
    directory's listing, not the whole tree's.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield ArticleFile(path, path.name)
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            for name in sorted(names):
                file = Path(folder, name)
                if file.suffix.lower() in suffixes and file.is_file():
                    yield ArticleFile(file, file.relative_to(path).as_posix())


def read_article_file(path: Path) -> str:
    """The file's text, or ImportFailure saying why it is not an article we can read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        reason = error.strerror or str(error)
        raise ImportFailure(_("cannot be read (%(reason)s)") % {"reason": reason}) from error
    if size > MAX_FILE_BYTES:
        raise ImportFailure(
            _("too large (%(size)s bytes; the limit is %(limit)s)")
            % {"size": f"{size:,}", "limit": f"{MAX_FILE_BYTES:,}"}
        )
    if size == 0:
        raise ImportFailure(_("empty file"))
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise ImportFailure(_("cannot be read (%(reason)s)") % {"reason": reason}) from error
    return decode_article_bytes(data)


def decode_article_bytes(data: bytes) -> str:
    if b"\x00" in data:
        raise ImportFailure(_("binary file (contains NUL bytes), not plain text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailure(
            _(
                "not UTF-8 (byte 0x%(byte)s at offset %(offset)s); "
                "save the file as UTF-8 and import it again"
            )
            % {"byte": f"{data[error.start]:02x}", "offset": error.start}
        ) from error
    if not text.strip():
        raise ImportFailure(_("empty file (only white space)"))
    return text


def unexpected_failure(source: str, error: Exception) -> ImportOutcome:
    """Any error importing one file is that file's failure: the batch goes on without it."""
    message = _("unexpected error: %(error)s") % {"error": f"{type(error).__name__}: {error}"}
    detail = "".join(traceback.format_exception(error))
    return ImportOutcome(source=source, status="failed", message=message, detail=detail)


def import_file(
    file: ArticleFile, *, context: ImportContext | None = None, dry_run: bool = False
) -> ImportOutcome:
    try:
        text = read_article_file(file.path)
    except ImportFailure as failure:
        return ImportOutcome(source=str(file.path), status="failed", message=str(failure))
    except Exception as error:
        return unexpected_failure(str(file.path), error)
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
    """Create, update or leave alone the article for this text, all in one transaction.

    Never raises: whatever goes wrong is this text's failure, with its reason.
    """
    source = source_file or "(pasted text)"
    try:
        context = context or ImportContext.from_database()
        outcome = _import_text(text, source, source_file, context, dry_run)
    except Exception as error:
        outcome = unexpected_failure(source, error)
    if (outcome.status == "failed" or dry_run) and context is not None:
        # Rolled back: events this file added are gone, and their ids may be given again.
        context.event_summaries.clear()
    return outcome


def _import_text(text, source, source_file, context, dry_run) -> ImportOutcome:
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    try:
        document = parse_document(text)
    except DocumentError as error:
        return ImportOutcome(source=source, status="failed", message=str(error))
    if problem := document_problem(document, source_file):
        return ImportOutcome(source=source, status="failed", message=problem[1])
    try:
        with transaction.atomic():
            outcome = _save_document(text, document, content_hash, source, source_file, context)
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:
        _forget_countries_added(context)
        message = _("database error: %(error)s") % {"error": error}
        return ImportOutcome(source=source, status="failed", message=message)
    if dry_run:
        _forget_countries_added(context)
    context.countries_added.clear()
    return outcome


def _forget_countries_added(context: ImportContext) -> None:
    """Rows created in a transaction that was rolled back are not there for the next file."""
    for code in context.countries_added:
        context.country_ids.pop(code, None)
    context.countries_added.clear()


def _save_document(text, document, content_hash, source, source_file, context) -> ImportOutcome:
    duplicate, article = _stored_articles(content_hash, source_file)
    if duplicate is not None:
        return _unchanged(duplicate, source, source_file)

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
    if status == "imported":
        duplicate = insert_new_article(article, _new_article_inserter().insert_instance)
        if duplicate is not None:
            return _unchanged(duplicate, source, source_file)
    else:
        article.save()
    summary = extract_article_events(article, context=context, is_new=status == "imported")
    return ImportOutcome(source=source, status=status, article=article, extraction=summary)


def _unchanged(duplicate: Article, source: str, source_file: str) -> ImportOutcome:
    same_file = duplicate.source_file == source_file
    note = "" if same_file else _("same text as %(slug)s") % {"slug": duplicate.slug}
    return ImportOutcome(source=source, status="unchanged", article=duplicate, message=note)


def _stored_articles(content_hash: str, source_file: str) -> tuple[Article | None, Article | None]:
    """The article with this text and the one from this file, if any, in one query.

    File names can repeat (the same name below two folders): the first in the articles'
    ordering is the one updated.
    """
    sql = f"SELECT id FROM {Article._meta.db_table} WHERE content_hash = %s"
    params = [content_hash]
    if source_file:
        sql += " OR source_file = %s"
        params.append(source_file)
    with connection.cursor() as cursor:  # most files are new: a plain query says so cheaply
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    duplicate = same_file = None
    for article in Article.objects.filter(pk__in=ids) if ids else ():
        if article.content_hash == content_hash:
            duplicate = article
        elif same_file is None and source_file and article.source_file == source_file:
            same_file = article
    return duplicate, same_file


def _new_article_inserter() -> RowInserter:
    """Article.save() for a new article, with its INSERT compiled once a run."""
    return _compiled_article_inserter(connection.vendor)


@cache
def _compiled_article_inserter(vendor: str) -> RowInserter:
    return RowInserter(Article, ())


def extract_article_events(
    article: Article, *, context: ImportContext | None = None, is_new: bool = False
) -> ExtractionSummary:
    """(Re)extract the article's events from its body, keeping what editors decided.

    Events still as extracted and sourced only here are replaced; events an editor reviewed or
    rejected stay, with their excerpts re-anchored in the current body (or marked as gone from
    it), and no new event is made from a sentence they already cover.
    """
    context = context or ImportContext.from_database()
    summary = ExtractionSummary()
    covered_quotes = set() if is_new else _reconcile_existing(article, summary, context)
    extracted = []
    # An article off the beat (sports, entertainment…) gives no events, and no actors either.
    if is_on_topic(article.title, article.body, article.url, article.language):
        discovery = discover_entities(
            article.body, language=article.language, gazetteer=context.gazetteer
        )
        store_discovered_actors(discovery, context=context, published=article.published)
        extracted = extract_events(
            article.body,
            published=article.published,
            gazetteer=context.gazetteer,
            language=article.language,
            discovery=discovery,
        )
    fresh = [
        event
        for event in extracted
        if not any(excerpt.quote in covered_quotes for excerpt in event.excerpts)
    ]
    add_countries_first_mentioned(context, {code for event in fresh for code in event.countries})
    save_extracted_events(article, fresh, context=context, article_is_new=is_new)
    summary.created = len(fresh)
    return summary


def add_countries_first_mentioned(context: ImportContext, codes: set[str]) -> None:
    """A country without a row yet gets one when an event first names it, under its ISO
    name: every ISO 3166-1 country is known to the extraction, but only those the news names
    fill the directories and facets (and no migration is needed per country). Two queries
    for any number of new countries."""
    names = {code: iso_country_name(code) for code in codes - context.country_ids.keys()}
    names = {code: name for code, name in names.items() if name}
    if not names:
        return
    Country.objects.bulk_create(
        [Country(code=code, name=name, slug=slugify(name)) for code, name in names.items()],
        ignore_conflicts=True,  # one made meanwhile by another import, or a slug taken
    )
    found = dict(Country.objects.filter(code__in=names).values_list("code", "id"))
    for code in names.keys() - found.keys():  # its slug was taken: the code makes it unique
        slug = f"{slugify(names[code])}-{code.lower()}"
        found[code] = Country.objects.create(code=code, name=names[code], slug=slug).pk
    context.country_ids.update(found)
    context.countries_added.extend(found)


def _reconcile_existing(
    article: Article, summary: ExtractionSummary, context: ImportContext
) -> set[str]:
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
    for event_id in replaceable_events:
        context.event_summaries.pop(event_id, None)
    return covered


def _reanchor(excerpt: Excerpt, body: str) -> None:
    if excerpt.start is not None and body[excerpt.start : excerpt.end] == excerpt.quote:
        return
    position = body.find(excerpt.quote)
    if position < 0:
        excerpt.start = excerpt.end = None
    else:
        excerpt.start, excerpt.end = position, position + len(excerpt.quote)
