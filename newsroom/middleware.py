"""Response behaviour for every page: caching hints, and a clean page when the database is down."""

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers, patch_vary_headers

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


def vary_on_htmx_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Add `Vary: HX-Request` so back/forward never shows a cached fragment as a page."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        patch_vary_headers(response, ["HX-Request"])
        return response

    return middleware


def database_unavailable_response() -> HttpResponse:
    """A friendly 503 that touches neither the database nor the session, which may be down too."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into "temporarily unavailable" instead of a 500.

    A restart, failover or network blip of PostgreSQL surfaces as OperationalError or
    InterfaceError. Readers get a page that says to try again shortly (with Retry-After for
    crawlers and proxies) rather than a generic server error; Django drops the broken connection
    at the end of the request, so the next request reconnects once the database is back.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable for %s %s: %s", request.method, request.path, exception)
        return database_unavailable_response()
