"""Articles that editors paste, upload, change or recover: the importer's rules, from the admin.

A pasted or uploaded text goes through the importer's own parsing (`parse_document`) and
extraction (`extract_article_events`), so an article added here is indexed exactly like an
imported one; its `body` is the clean text the excerpts' offsets point into.
"""

import hashlib

import reversion
from django.db import transaction
from django.utils.translation import gettext
from reversion.models import Version

from articles.extraction.document import FRONT_MATTER, ParsedDocument, parse_document
from articles.models import Article
from articles.services import ExtractionSummary, ImportContext, extract_article_events
from timeline.models import Event, Excerpt


class RecoveryError(Exception):
    """The article cannot be recovered as it was; the message says why, for the editor."""


def normalise_newlines(text: str) -> str:
    """Browsers send a textarea's lines with CRLF; what the editor pasted had plain newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text: str) -> str:
    """The importer's fingerprint of a text, so the same text is never imported twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_submission(text: str, *, title: str = "") -> ParsedDocument:
    """Parse pasted or uploaded text like a file; a title typed separately comes first.

    Raises DocumentError when the text cannot become an article.
    """
    title = " ".join(title.split())
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if title and not FRONT_MATTER.match(text) and " ".join(first_line.split()) != title:
        text = f"{title}\n\n{text}"
    document = parse_document(text)
    if title:
        document.title = title
    return document


def reextract(article: Article, *, context: ImportContext | None = None) -> ExtractionSummary:
    """Extract the article's events again, outside the editor's revision.

    The importer's writes are machine output: kept out of the history, so that restoring an
    article's version restores what the editor wrote, never stale extracted rows.
    """
    with reversion.create_revision(manage_manually=True):
        return extract_article_events(article, context=context)


def describe_extraction(summary: ExtractionSummary, article: Article) -> str:
    unanchored = Excerpt.objects.filter(article=article, start__isnull=True).count()
    text = gettext(
        "Extracted %(created)s event(s); kept %(kept)s reviewed or rejected; replaced %(removed)s."
    ) % {"created": summary.created, "kept": summary.kept, "removed": summary.removed}
    if unanchored:
        text += " " + gettext(
            "%(count)s excerpt(s) of reviewed events are no longer in the text: "
            "their events are kept, check them."
        ) % {"count": unanchored}
    return text


@transaction.atomic
def recover_article(*, version: Version, user) -> Article:
    """Bring back a deleted article with the excerpts of events that still exist, re-extracted.

    Extracted events went with the article and are extracted again; events an editor reviewed
    or rejected stayed, and get their excerpts back.
    """
    saved = version.field_dict
    clash = Article.objects.filter(content_hash=saved["content_hash"]).first()
    if clash is None:
        clash = Article.objects.filter(slug=saved["slug"]).first()
    if clash is not None:
        raise RecoveryError(
            gettext("“%(title)s” now has the same text or address; change or delete it first.")
            % {"title": clash.title}
        )
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Recovered after deletion.")
        version.revert()
        article = Article.objects.get(pk=version.object_id)
        reversion.add_to_revision(article)
    excerpt_versions = [
        excerpt_version
        for excerpt_version in version.revision.version_set.filter(
            content_type__app_label="timeline", content_type__model="excerpt"
        )
        if excerpt_version.field_dict["article_id"] == article.pk
    ]
    event_ids = {excerpt_version.field_dict["event_id"] for excerpt_version in excerpt_versions}
    surviving = set(Event.objects.filter(pk__in=event_ids).values_list("pk", flat=True))
    for excerpt_version in excerpt_versions:
        if excerpt_version.field_dict["event_id"] in surviving:
            excerpt_version.revert()
    reextract(article)
    return article
