"""Response behaviour for every page: caching hints, and a clean page when the database is down."""

import logging
import random
import time
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# PostgreSQL's serialization_failure and deadlock_detected: the transaction was rolled back
# whole and can simply run again.
RETRYABLE_SQLSTATES = {"40001", "40P01"}
MAX_ATTEMPTS = 3


def vary_on_htmx_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Add `Vary: HX-Request` so back/forward never shows a cached fragment as a page."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        patch_vary_headers(response, ["HX-Request"])
        return response

    return middleware


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    """A friendly 503 that touches neither the database nor the session, which may be down too.

    A JSON export answers in JSON, for the programs that read it; a form that was being saved
    says so, since "nothing has been lost" would not be true of the change just sent.
    """
    if request.path.endswith(".json"):
        message = gettext("The database cannot be reached just now; try again in a minute.")
        response: HttpResponse = JsonResponse({"error": message}, status=503)
    elif request.method == "POST":
        response = HttpResponse(loader.render_to_string("admin/503_not_saved.html"), status=503)
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def is_transaction_conflict(exception: Exception) -> bool:
    return getattr(exception.__cause__, "sqlstate", None) in RETRYABLE_SQLSTATES


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into "temporarily unavailable" instead of a 500, and run
    a request again when PostgreSQL rolled it back to break a deadlock.

    A restart, failover or network blip of PostgreSQL surfaces as OperationalError or
    InterfaceError. Readers get a page that says to try again shortly (with Retry-After for
    crawlers and proxies) rather than a generic server error; Django drops the broken connection
    at the end of the request, so the next request reconnects once the database is back.

    Two editors saving articles that tell of the same event lock that event's rows in opposite
    orders; PostgreSQL aborts one of the two transactions. The admin saves a form in a single
    transaction, so nothing of the aborted attempt is left and the request can run again
    (up to three times) instead of losing the editor's save.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            request.transaction_conflict = False
            response = self.get_response(request)
            if not request.transaction_conflict or attempt == MAX_ATTEMPTS:
                return response
            logger.warning(
                "Transaction conflict on %s %s, attempt %d", request.method, request.path, attempt
            )
            for upload in request.FILES.values():
                upload.seek(0)
            time.sleep(random.uniform(0.02, 0.1) * attempt)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if is_transaction_conflict(exception):
            request.transaction_conflict = True
        else:
            logger.error(
                "Database unavailable for %s %s: %s", request.method, request.path, exception
            )
        return database_unavailable_response(request)
