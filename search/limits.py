"""A time limit on every request that searches, so no search can hold a worker for long.

The indexes make a search one pass over them (`search.queries`), but one pass over a large
archive for a word in every article is still long. A GET or HEAD with a `q` runs under
`SEARCH_TIME_LIMIT_MS`: PostgreSQL cancels any statement past it (`SET LOCAL
statement_timeout`, in a transaction around the request, so it ends with the request); SQLite
interrupts the request's statements once that long has passed since the request began (a
progress handler: SQLite has no per-statement timeout). The reader gets a page asking for a more
specific search instead of a worker killed by gunicorn. Streamed exports run their queries after
the request has returned, outside the limit, as they should: they are long by design.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

QUERY_CANCELED = "57014"
SQLITE_PROGRESS_STEPS = 10_000


@contextmanager
def statement_time_limit(milliseconds: int, using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    connection = connections[using]
    if connection.vendor == "postgresql":
        # No savepoint when already in a transaction (tests): the limit is one statement.
        with transaction.atomic(using=using, savepoint=False):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true)", [str(milliseconds)]
                )
            yield
    elif connection.vendor == "sqlite":
        deadline = time.monotonic() + milliseconds / 1000
        connection.ensure_connection()
        raw = connection.connection
        raw.set_progress_handler(lambda: time.monotonic() > deadline, SQLITE_PROGRESS_STEPS)
        try:
            yield
        finally:
            raw.set_progress_handler(None, SQLITE_PROGRESS_STEPS)
    else:
        yield


def is_time_limit(error: Exception) -> bool:
    """PostgreSQL's query_canceled, or SQLite's "interrupted" (the progress handler said stop)."""
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == QUERY_CANCELED or str(cause) == "interrupted"


def search_too_long_response(request: HttpRequest) -> HttpResponse:
    message = gettext(
        "This search took too long. Try more specific words, or narrow it with the filters."
    )
    if request.path.endswith(".json"):
        response: HttpResponse = JsonResponse({"error": message, "warnings": []}, status=503)
    else:
        page = loader.render_to_string("search_too_long.html", {"message": message}, request)
        response = HttpResponse(page, status=503)
    add_never_cache_headers(response)
    return response


def searches(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    try:
        return bool(request.GET.get("q", "").strip())
    except TooManyFieldsSent:
        return False  # the view answers that


class SearchTimeLimitMiddleware:
    """After `DatabaseUnavailableMiddleware` in `MIDDLEWARE`, so a cancelled search is answered
    here (its exception hook runs first) and not as "the database is down"."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not searches(request):
            return self.get_response(request)
        with statement_time_limit(settings.SEARCH_TIME_LIMIT_MS):
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError) and is_time_limit(exception):
            connection = connections[DEFAULT_DB_ALIAS]
            if connection.vendor == "postgresql" and connection.in_atomic_block:
                # The cancelled statement aborted the request's transaction: end it with a
                # rollback, not a commit, when the request's atomic block closes.
                transaction.set_rollback(True)
            return search_too_long_response(request)
        return None
