"""Storing a new article safely: its metadata held to the columns' rules, its slug taken
atomically. Shared by the importer and the admin's add form."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, connection, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from articles.extraction.document import ParsedDocument
from articles.models import Article

WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def document_problem(document: ParsedDocument, source_file: str = "") -> tuple[str, str] | None:
    """The field of this document's metadata that cannot be stored as it is, and why.

    The same rules for the command and the admin, on SQLite (which stores a string of any
    length) as on PostgreSQL: an address that is not http(s) (`javascript:`, `data:`) would be
    rendered as a link and served to other sites; a value longer than its column is refused
    rather than cut.
    """
    if document.url:
        try:
            WEB_ADDRESS(document.url)
        except ValidationError:
            reason = _("url %(url)s is not a web address (only http:// and https:// are kept)")
            return "url", reason % {"url": repr(document.url[:80])}
    values = {
        "url": document.url,
        "outlet": document.outlet,
        "byline": document.byline,
        "source_file": source_file,
    }
    for name, value in values.items():
        limit = Article._meta.get_field(name).max_length
        if len(value) > limit:
            reason = _("%(field)s is %(length)s characters long (at most %(limit)s)")
            return name, reason % {"field": name, "length": len(value), "limit": limit}
    return None


SLUG_ATTEMPTS = 5


def insert_new_article(article: Article, insert: Callable[[Article], None]) -> Article | None:
    """Insert a new article under a free slug, or return the stored article with its text.

    The slug is chosen by reading the taken ones, so an import running at the same time can take
    it first (two files with the same title), or store this very text (two imports of one
    folder). The unique indexes decide: the INSERT runs in a savepoint, and on a conflict the
    article another import stored meanwhile is returned (this file is then "unchanged"), or a
    new slug is chosen and the INSERT tried again.
    """
    for attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                insert(article)
            return None
        except IntegrityError:
            duplicate = Article.objects.filter(content_hash=article.content_hash).first()
            if duplicate is not None:
                return duplicate
            if attempt == SLUG_ATTEMPTS - 1:
                raise
            article.pk = None
            article.slug = unique_slug(article.title)
    return None


def unique_slug(title: str) -> str:
    base = (slugify(title) or "article")[:200].strip("-") or "article"
    # A range, unlike startswith (LIKE), uses the slug index on SQLite too.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT slug FROM {Article._meta.db_table} WHERE slug BETWEEN %s AND %s",
            [base, base + "\U0010ffff"],
        )
        taken = {row[0] for row in cursor.fetchall()}
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug
