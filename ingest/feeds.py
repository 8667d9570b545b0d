"""Polling a source: its feed fetched (conditionally), read with feedparser, each new or changed
entry that passes the source's filter queued for import as a background job.

An entry already seen with the same fingerprint (title, link, date, summary) is counted as
repeated and not fetched again; a changed one is fetched again, and the importer updates its
article when the page's text changed. Entries the filter leaves out are recorded as skipped,
with the reason, once (until they change).
"""

import hashlib
import logging
import re

import feedparser
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from ingest.errors import FetchError, NotAnArticle
from ingest.fetching import fetch
from ingest.models import FeedItem, RunEntry, Source, SourceRun
from ingest.services import import_extracted, read_url

logger = logging.getLogger(__name__)
FEED_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


def poll_source(source: Source, *, enqueue=None) -> SourceRun:
    """Poll the feed once; `enqueue(entry_id)` queues an entry's import (the background job by
    default)."""
    if enqueue is None:
        from ingest.tasks import import_entry_task

        def enqueue(entry_id: int) -> None:
            import_entry_task.enqueue(entry_id)

    run = SourceRun.objects.create(source=source)
    source.schedule_next_poll()
    try:
        page = fetch(
            source.feed_url,
            etag=source.etag,
            last_modified=source.last_modified,
            accept=FEED_ACCEPT,
        )
    except FetchError as error:
        source.save(update_fields=["last_polled", "next_poll"])
        run.finish(SourceRun.Status.FAILED, str(error))
        return run
    source.etag, source.last_modified = page.etag, page.last_modified
    source.save(update_fields=["last_polled", "next_poll", "etag", "last_modified"])
    if page.not_modified:
        run.finish(SourceRun.Status.NOT_MODIFIED)
        return run
    feed = feedparser.parse(page.content, response_headers={"content-location": page.url})
    if feed.bozo and not feed.entries:
        reason = _("not an RSS or Atom feed (%(error)s)") % {"error": feed.get("bozo_exception")}
        run.finish(SourceRun.Status.FAILED, reason)
        return run
    queued = record_entries(source, run, feed.entries)
    run.items_in_feed = len(feed.entries)
    run.save(update_fields=["items_in_feed", "repeated"])
    if not queued:
        run.finish(SourceRun.Status.DONE)
    for entry_id in queued:
        enqueue(entry_id)
    run.refresh_from_db()  # a job run at once (or a fast worker) may have finished it
    return run


def record_entries(source: Source, run: SourceRun, entries: list) -> list[int]:
    """Record what the run does with each entry; the ids of the entries to import."""
    seen = {item.guid: item for item in source.items.all()}
    matches = relevance_filter(source)
    to_queue: list[RunEntry] = []
    with transaction.atomic():
        for entry in entries:
            link = entry.get("link", "")
            guid = (entry.get("id") or link)[:1000]
            title = " ".join(entry.get("title", "").split())[:500]
            if not guid or not link.startswith(("http://", "https://")):
                RunEntry.objects.create(
                    run=run,
                    title=title,
                    outcome=RunEntry.Outcome.SKIPPED,
                    reason=_("the item has no web address"),
                )
                continue
            summary = strip_tags(entry.get("summary", ""))
            fingerprint = entry_fingerprint(title, link, _entry_date(entry), summary)
            item = seen.get(guid)
            if item is not None and item.fingerprint == fingerprint:
                run.repeated += 1
                continue
            if item is None:
                item = FeedItem(source=source, guid=guid)
            item.url, item.fingerprint = link[:1000], fingerprint
            item.save()
            seen[guid] = item
            record = RunEntry(run=run, item=item, title=title, url=item.url)
            if (reason := matches(f"{title}\n{summary}")) is not None:
                record.outcome, record.reason = RunEntry.Outcome.SKIPPED, reason
                record.save()
                continue
            record.outcome = RunEntry.Outcome.QUEUED
            record.save()
            to_queue.append(record)
    return [record.pk for record in to_queue]


def _entry_date(entry) -> str:
    # RSS's pubDate is `published`; asking for a missing `updated` makes feedparser warn.
    return entry.get("published") or (entry.get("updated") if "updated" in entry else "") or ""


def entry_fingerprint(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def relevance_filter(source: Source):
    """A function of an item's text: None when the item is wanted, else why it is skipped."""
    names = list(source.keyword_list)
    for actor in source.actors.all():
        names += [actor.name, *actor.aliases]
    for country in source.countries.all():
        names += [country.name, *country.aliases, *country.demonyms]
    names = [name for name in names if name]
    if not names:
        return lambda text: None
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)", re.IGNORECASE
    )
    shown = ", ".join(dict.fromkeys(names[:8]))
    reason = _("names none of the source's filter (%(names)s)") % {"names": shown}
    return lambda text: None if pattern.search(text) else reason


def import_entry(entry_id: int) -> str:
    """Fetch and import one queued entry; the entry records the outcome and why."""
    entry = RunEntry.objects.select_related("run__source", "item").get(pk=entry_id)
    run = entry.run
    if entry.outcome != RunEntry.Outcome.QUEUED:  # done already, or cancelled
        return entry.outcome
    if run.status == SourceRun.Status.CANCELLED:
        entry.outcome = RunEntry.Outcome.CANCELLED
        entry.save(update_fields=["outcome"])
        return entry.outcome
    try:
        _import_entry(entry)
    except (FetchError, NotAnArticle) as error:
        _fail(entry, str(error))
    except Exception as error:  # a bug or a page no library expected: the run still ends
        logger.exception("Importing %s failed", entry.url)
        _fail(entry, f"{type(error).__name__}: {error}")
    finish_if_done(run)
    return entry.outcome


def _import_entry(entry: RunEntry) -> None:
    article = read_url(entry.url)
    article.sitename = entry.run.source.name
    article.language = entry.run.source.language or article.language
    with transaction.atomic():  # the article and what the run says of it, together
        outcome = import_extracted(article, source=entry.url)
        entry.outcome, entry.reason = outcome.status, outcome.message
        entry.article = outcome.article if outcome.article and outcome.article.pk else None
        entry.save(update_fields=["outcome", "reason", "article"])
        if entry.item_id and entry.article:
            FeedItem.objects.filter(pk=entry.item_id).update(article=entry.article)


def _fail(entry: RunEntry, reason: str) -> None:
    entry.outcome, entry.reason = RunEntry.Outcome.FAILED, reason
    entry.save(update_fields=["outcome", "reason"])


def finish_if_done(run: SourceRun) -> None:
    if run.status != SourceRun.Status.RUNNING:
        return
    if not run.entries.filter(outcome=RunEntry.Outcome.QUEUED).exists():
        run.finish(SourceRun.Status.DONE)
