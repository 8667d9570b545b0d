"""Conditional GET for the reading pages: a reload of an unchanged view costs one query and a 304.

The "last change" stamp is one query of index-only MAX() lookups: the latest edit to an event or
an article and the newest excerpt and actor/country link. Editors reject events rather than
delete them (a rejection is an edit), so every change a reader can see moves the stamp; a bare
DELETE, or renaming an actor or a country in the admin, does not, and shows once anything else
changes. The same stamp versions the cached counts and facets in `timeline.selectors`.
"""

import functools
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from articles.models import Article
from timeline.models import Event, Excerpt

# Sent and compared as part of the ETag: each of them changes what the response holds.
VARIANT_HEADERS = ("HX-Request", "HX-Target", "HX-Current-URL", "HX-History-Restore-Request")


def last_change() -> str:
    """A string that changes whenever the timeline's content does."""
    quote = connection.ops.quote_name
    parts = [
        f"SELECT MAX({quote('updated')}) FROM {quote(Event._meta.db_table)}",
        f"SELECT MAX({quote('updated')}) FROM {quote(Article._meta.db_table)}",
        f"SELECT MAX({quote('id')}) FROM {quote(Excerpt._meta.db_table)}",
        f"SELECT MAX({quote('id')}) FROM {quote(Event.actors.through._meta.db_table)}",
        f"SELECT MAX({quote('id')}) FROM {quote(Event.countries.through._meta.db_table)}",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({part})" for part in parts))
        return "|".join(str(value) for value in cursor.fetchone())


def response_etag(request: HttpRequest, stamp: str) -> str:
    """Per data version, URL, htmx variant and visitor (the page embeds their CSRF token)."""
    visitor = (
        request.META.get("CSRF_COOKIE", ""),
        request.COOKIES.get(settings.SESSION_COOKIE_NAME, ""),
    )
    variant = [request.headers.get(name, "") for name in VARIANT_HEADERS]
    # The page is rendered in the reader's language (cookie or Accept-Language).
    language = get_language() or ""
    key = "\n".join([stamp, request.get_full_path(), language, *variant, *visitor])
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def conditional_on_last_change(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer If-None-Match with a 304 before any other query; the view reads the stamp from
    `request.last_change` to version its caches. The view must return a TemplateResponse."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.last_change = last_change()
        etag = response_etag(request, request.last_change)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified:
            patch_vary_headers(not_modified, ("HX-Request", "HX-Target", "Cookie"))
            patch_cache_control(not_modified, private=True, no_cache=True)
            return not_modified
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            # Revalidate every time (data changes under the same URL); never in shared caches.
            patch_cache_control(response, private=True, no_cache=True)
            response.add_post_render_callback(
                lambda rendered: _set_etag(rendered, request, request.last_change)
            )
        return response

    return wrapper


def data_etag(request: HttpRequest, stamp: str) -> str:
    """For exports and feeds: the same for every reader of a URL in one language."""
    key = "\n".join([stamp, request.get_full_path(), get_language() or ""])
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def conditional_export(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A reload of an unchanged export costs one query and a 304, not a re-export."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        etag = data_etag(request, last_change())
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified:
            patch_cache_control(not_modified, no_cache=True)
            patch_vary_headers(not_modified, ("Accept-Language", "Cookie"))
            return not_modified
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response["ETag"] = etag
            patch_cache_control(response, no_cache=True)
        return response

    return wrapper


def _set_etag(response: HttpResponse, request: HttpRequest, stamp: str) -> None:
    """After rendering, when the page has asked for the CSRF token it embeds: a first visit's
    token is the one the browser's reload will carry."""
    response["ETag"] = response_etag(request, stamp)
