"""Web pages into articles: a URL or an HTML file in, the importer's `import_text` out.

A page is read (`ingest.pages`) into the article text a file would hold, so it is imported,
updated on a re-import of a changed page and deduplicated exactly as a text file is. A page is
identified on re-import by its canonical URL (its `source_file`), an HTML file by its path
below the folder that was named, as text files are.

Each page imported is signed (`ingest.syndication`) so that copies of one wire story are
known. The HTTP client and the HTML extraction (0.7 s to load) are imported when a page is read, not
by every `import_articles` run of text files.
"""

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from articles.services import (
    ARTICLE_SUFFIXES,
    ArticleFile,
    ImportContext,
    ImportFailure,
    ImportOutcome,
    import_file,
    import_text,
    iter_article_files,
)
from ingest.errors import FetchError, NotAnArticle
from ingest.syndication import record_signature

if TYPE_CHECKING:
    from ingest.pages import ExtractedArticle

HTML_SUFFIXES = {".html", ".htm"}
MAX_HTML_BYTES = 5 * 1024 * 1024  # pages carry scripts and markup around their text
SOURCE_FILE_LENGTH = 255


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[str | ArticleFile]:
    """URLs as given; files as given; the text and HTML files found under folders, walked one
    directory at a time in name order (`articles.services.iter_article_files`)."""
    suffixes = ARTICLE_SUFFIXES | HTML_SUFFIXES
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            yield raw
        else:
            yield from iter_article_files([raw], suffixes=suffixes)


def import_input(
    item: str | ArticleFile, *, context: ImportContext | None = None, dry_run: bool = False
) -> ImportOutcome:
    """One URL, HTML file or text file, imported in its own transaction."""
    if isinstance(item, str):
        return import_url(item, context=context, dry_run=dry_run)
    if item.path.suffix.lower() in HTML_SUFFIXES:
        return import_html_file(item, context=context, dry_run=dry_run)
    return import_file(item, context=context, dry_run=dry_run)


def read_url(url: str) -> "ExtractedArticle":
    """Fetch the page and read its article; FetchError or NotAnArticle say why not."""
    from ingest.fetching import fetch
    from ingest.pages import extract_article

    page = fetch(url)
    if page.content_type and "html" not in page.content_type:
        raise NotAnArticle(
            _("not a web page (%(type)s)") % {"type": page.content_type or _("unknown type")}
        )
    return extract_article(page.text, url=page.url)


def read_html_bytes(data: bytes, *, url: str = "") -> "ExtractedArticle":
    from ingest.fetching import declared_encoding
    from ingest.pages import extract_article

    return extract_article(data.decode(declared_encoding("", data), errors="replace"), url=url)


def import_url(
    url: str, *, context: ImportContext | None = None, dry_run: bool = False
) -> ImportOutcome:
    try:
        article = read_url(url)
    except (FetchError, NotAnArticle) as error:
        return ImportOutcome(source=url, status="failed", message=str(error))
    return import_extracted(article, source=url, context=context, dry_run=dry_run)


def import_html_file(
    file: ArticleFile, *, context: ImportContext | None = None, dry_run: bool = False
) -> ImportOutcome:
    source = str(file.path)
    try:
        if file.path.stat().st_size > MAX_HTML_BYTES:
            raise ImportFailure(
                _("too large (the limit is %(limit)s bytes)") % {"limit": f"{MAX_HTML_BYTES:,}"}
            )
        article = read_html_bytes(file.path.read_bytes())
    except OSError as error:
        message = _("cannot be read (%(reason)s)") % {"reason": error.strerror or error}
        return ImportOutcome(source=source, status="failed", message=message)
    except (ImportFailure, NotAnArticle) as error:
        return ImportOutcome(source=source, status="failed", message=str(error))
    outcome = import_text(
        article.as_article_text(), source_file=file.name, context=context, dry_run=dry_run
    )
    outcome.source = source
    if outcome.status in {"imported", "updated"} and not dry_run:
        record_signature(outcome.article)
    return outcome


def import_extracted(
    article: "ExtractedArticle",
    *,
    source: str,
    context: ImportContext | None = None,
    dry_run: bool = False,
) -> ImportOutcome:
    outcome = import_text(
        article.as_article_text(),
        source_file=url_source_file(article.url or source),
        context=context,
        dry_run=dry_run,
    )
    outcome.source = source
    if outcome.status in {"imported", "updated"} and not dry_run:
        record_signature(outcome.article)
    return outcome


def url_source_file(url: str) -> str:
    """The URL itself, which fits the field almost always; a longer one keeps its start and a
    fingerprint of the whole, so it still identifies the page on a re-import."""
    if len(url) <= SOURCE_FILE_LENGTH:
        return url
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return f"{url[: SOURCE_FILE_LENGTH - 17]}#{digest}"
