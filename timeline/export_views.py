"""Every filtered timeline, actor and country page as JSON, CSV, TimelineJS and iCalendar.

Each format takes the query string of the HTML page of the same scope. Values that cannot be
used are ignored, as on the pages; the JSON formats name them in `warnings`. Only a query string
that cannot be read at all gets a 400. JSON is paged; the other formats hold every matching
event and are streamed, read in keyset batches (`timeline.export_batches`), so memory stays flat.

A stream that cannot finish (the database goes away, a bug, the worker is told to stop) must
never look like a whole file: the status line (200) is long gone when it fails. So the stream
ends with a line that says it is incomplete, in the format's own terms — a CSV row starting
`#ERROR`, an iCalendar `X-NEWSROOM-ERROR` property and no `END:VCALENDAR`, a TimelineJS
document that is not valid JSON (`"error": …` and no closing brace) — and then the exception is
raised again, so the server aborts the chunked response without its last, empty chunk and every
HTTP client reports the transfer as broken.
"""

import csv
import io
import json
import logging
import math
from collections.abc import Callable, Iterable, Iterator
from functools import wraps

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from timeline.api_schema import TIMELINE_JSON_SCHEMA
from timeline.export_batches import export_events
from timeline.export_formats import (
    ics_fold,
    ics_lines,
    ics_text,
    in_language_of_request,
    timelinejs_chunks,
)
from timeline.export_selection import (
    EventSelection,
    html_url,
    resolve_scope,
    scope_slug,
    scope_title,
    select_events,
)
from timeline.exports import csv_lines, event_record
from timeline.feeds import FEED_SIZE
from timeline.freshness import conditional_export
from timeline.models import Event

logger = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
CSV_ROWS_PER_CHUNK = 200

ExportView = Callable[..., HttpResponse]


def export_view(view: Callable[[HttpRequest, EventSelection], HttpResponse]) -> ExportView:
    """GET and HEAD only; resolve the URL's scope, select the events, and answer 400 on an
    unreadable query string (too many fields) instead of the HTML error page a program cannot
    read. A HEAD (link checkers, `curl -I`) gets the headers without the export being made."""

    @require_safe
    @conditional_export
    @wraps(view)
    def wrapper(request: HttpRequest, slug: str | None = None, code: str | None = None):
        scope = resolve_scope(slug=slug, code=code)
        try:
            query = request.GET
        except TooManyFieldsSent as error:
            return JsonResponse({"error": str(error), "warnings": []}, status=400)
        response = view(request, select_events(query, scope=scope))
        if request.method == "HEAD" and response.streaming:
            response.streaming_content = iter(())
        # Public, read-only and cookie-free: TimelineJS embeds fetch it from other sites.
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def site_url(request: HttpRequest) -> str:
    """The site's configured address (`DJANGO_SITE_URL`), else the one this request came to."""
    return settings.SITE_URL or request.build_absolute_uri("/").removesuffix("/")


def absolute_url_maker(request: HttpRequest) -> Callable[[str], str]:
    base = site_url(request)
    return lambda path: f"{base}{path}"


def _page_size(query: QueryDict, warnings: list[str]) -> int:
    text = query.get("page_size", "").strip()
    if not text:
        return DEFAULT_PAGE_SIZE
    if not text.isdecimal() or len(text) > 9 or int(text) < 1:
        warnings.append(
            gettext("“%(text)s” is not a page size; using %(size)s.")
            % {"text": text, "size": DEFAULT_PAGE_SIZE}
        )
        return DEFAULT_PAGE_SIZE
    if int(text) > MAX_PAGE_SIZE:
        warnings.append(
            gettext("At most %(size)s events a page; using %(size)s.") % {"size": MAX_PAGE_SIZE}
        )
        return MAX_PAGE_SIZE
    return int(text)


def _page_link(
    request: HttpRequest, selection: EventSelection, *, page_size: int, number: int
) -> str:
    """An absolute link to another page of the same selection, in canonical form."""
    query = selection.filters.querydict()
    if page_size != DEFAULT_PAGE_SIZE:
        query["page_size"] = str(page_size)
    if number > 1:
        query["page"] = str(number)
    encoded = query.urlencode()
    return request.build_absolute_uri(f"{request.path}?{encoded}" if encoded else request.path)


@export_view
def timeline_json(request: HttpRequest, selection: EventSelection) -> JsonResponse:
    """One page of events in `export_timeline`'s schema, with links to the pages around it."""
    warnings = selection.warnings
    page_size = _page_size(request.GET, warnings)
    total = selection.events.count()
    num_pages = max(1, math.ceil(total / page_size))
    number = selection.filters.page
    if number > num_pages:
        message = (
            gettext("There is no page %(number)s; this is page %(last)s, the last one.")
            if num_pages > 1
            else gettext("There is no page %(number)s; these are all the matching events.")
        )
        warnings.append(message % {"number": number, "last": num_pages})
        number = num_pages
    start = (number - 1) * page_size
    events = export_events(selection.ordered_rows()[start : start + page_size]) if total else []
    next_page, previous_page = number + 1, number - 1
    body = {
        "count": total,
        "page": number,
        "num_pages": num_pages,
        "page_size": page_size,
        "next": _page_link(request, selection, page_size=page_size, number=next_page)
        if next_page <= num_pages
        else None,
        "previous": _page_link(request, selection, page_size=page_size, number=previous_page)
        if previous_page >= 1
        else None,
        "filters": selection.applied_filters(),
        "warnings": warnings,
        "events": [event_record(event) for event in events],
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def _streamed(
    chunks: Iterable[str],
    *,
    content_type: str,
    filename: str,
    failure: Callable[[str], str],
    as_attachment: bool = True,
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        in_language_of_request(failing_visibly(chunks, failure)), content_type=content_type
    )
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def failing_visibly(chunks: Iterable[str], failure: Callable[[str], str]) -> Iterator[str]:
    """Pass the chunks on; on an error, send `failure(message)` and raise it again (see above)."""
    try:
        yield from chunks
    except Exception:
        logger.exception("An export stream failed part way")
        yield failure(gettext("The export failed part way; this file is incomplete."))
        raise


def csv_failure(message: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["#ERROR", message])
    return buffer.getvalue()


def ics_failure(message: str) -> str:
    return ics_fold(f"X-NEWSROOM-ERROR:{ics_text(message)}")


def timelinejs_failure(message: str) -> str:
    return f'], "error": {json.dumps(message, ensure_ascii=False)}'


def _batched(lines: Iterable[str], size: int) -> Iterator[str]:
    """Join lines into larger writes: one network write per CSV row would be slow."""
    batch: list[str] = []
    try:
        for line in lines:
            batch.append(line)
            if len(batch) >= size:
                yield "".join(batch)
                batch = []
    except Exception:
        if batch:  # what was read before the failure, then the failure (`failing_visibly`)
            yield "".join(batch)
        raise
    if batch:
        yield "".join(batch)


@export_view
def timeline_csv(request: HttpRequest, selection: EventSelection) -> StreamingHttpResponse:
    records = map(event_record, selection.streamed())
    return _streamed(
        _batched(csv_lines(records, site_url=site_url(request)), CSV_ROWS_PER_CHUNK),
        content_type="text/csv; charset=utf-8; header=present",
        filename=f"{scope_slug(selection.scope)}.csv",
        failure=csv_failure,
    )


@export_view
def timeline_timelinejs(request: HttpRequest, selection: EventSelection) -> StreamingHttpResponse:
    """Knight Lab TimelineJS's JSON: every event dated at least to the year."""
    events = selection.streamed(
        selection.events.exclude(date=None).exclude(date_precision=Event.Precision.UNKNOWN)
    )
    chunks = timelinejs_chunks(
        title=scope_title(selection.scope),
        warnings=selection.warnings,
        events=events,
        absolute_url=absolute_url_maker(request),
    )
    return _streamed(
        chunks,
        content_type="application/json",
        filename=f"{scope_slug(selection.scope)}.timelinejs.json",
        failure=timelinejs_failure,
        as_attachment=False,
    )


@export_view
def timeline_ics(request: HttpRequest, selection: EventSelection) -> StreamingHttpResponse:
    """An iCalendar of the events known to the day, as all-day events."""
    events = selection.streamed(
        selection.events.filter(date__isnull=False, date_precision=Event.Precision.DAY)
    )
    lines = ics_lines(
        calendar_name=scope_title(selection.scope),
        events=events,
        absolute_url=absolute_url_maker(request),
    )
    return _streamed(
        _batched(lines, CSV_ROWS_PER_CHUNK),
        content_type="text/calendar; charset=utf-8",
        filename=f"{scope_slug(selection.scope)}.ics",
        failure=ics_failure,
    )


@require_safe
def api(request: HttpRequest) -> TemplateResponse:
    """The API page: formats, filters and examples, with links that work on this site."""
    context = {
        "default_page_size": DEFAULT_PAGE_SIZE,
        "max_page_size": MAX_PAGE_SIZE,
        "feed_size": FEED_SIZE,
        "timeline_url": html_url(None),
    }
    return TemplateResponse(request, "timeline/api.html", context)


@require_safe
def api_schema(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(TIMELINE_JSON_SCHEMA, content_type="application/schema+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response
