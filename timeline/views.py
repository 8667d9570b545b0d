"""The reading pages: the timeline, events, actors and countries.

The timeline, actor and country pages share one filterable event browser
(`timeline/includes/browser.html`). A direct load renders the whole page; an htmx request
renders only the region it targets, so the address bar can always hold the full filter state.
"""

import hashlib
import re

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from timeline.corroboration import corroboration
from timeline.directories import directory
from timeline.embed import embed_code
from timeline.export_selection import export_links
from timeline.filters import (
    SCHEDULED_CHOICES,
    SORT_CHOICES,
    SOURCES_CHOICES,
    parse_timeline_filters,
)
from timeline.freshness import conditional_on_last_change
from timeline.models import Actor, Country, Event, EventRedirect
from timeline.profiles import Profile, profile
from timeline.quality import EVENT_QUALITY, GOLD_ARTICLES, GOLD_EVENTS, MEASURED_ON
from timeline.selectors import (
    SUMMARY_CACHE_SECONDS,
    cached_summary,
    timeline_page,
    unfiltered_summary,
    with_link_counts,
)

BROWSER = "timeline/includes/browser.html"
RESULTS_TARGET = "timeline-results"
BROWSER_TARGET = "timeline-browser"
NEXT_PAGE_TARGET = "load-more"
AXIS_TARGET = "timeline-axis"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _partial_target(request: HtmxHttpRequest) -> str | None:
    """The browser region an htmx request asks for; None means the whole page."""
    if not request.htmx or request.htmx.history_restore_request:
        return None
    if request.htmx.target in {RESULTS_TARGET, BROWSER_TARGET, NEXT_PAGE_TARGET, AXIS_TARGET}:
        return request.htmx.target
    return None


def _browse(
    request: HtmxHttpRequest,
    template_name: str,
    context: dict,
    *,
    scope: Actor | Country | None = None,
    heading_level: int = 2,
) -> TemplateResponse:
    """Render a page holding the event browser, or only the part of it htmx asked for."""
    target = _partial_target(request)
    filters = parse_timeline_filters(request.GET)
    version = getattr(request, "last_change", None)
    page = timeline_page(filters=filters, scope=scope, version=version)
    context |= {
        "results_cache": results_cache(request, version, target, heading_level),
        "page": page,
        "scope": scope,
        "sort_choices": SORT_CHOICES,
        "sources_choices": SOURCES_CHOICES,
        "scheduled_choices": SCHEDULED_CHOICES,
        "heading_level": heading_level,
        "subheading_level": heading_level + 1,
        "is_partial": target is not None,
        "exports": export_links(scope=scope, query=page.query),
        "embed": embed_code(request, scope, page.query),
    }
    partials = {
        RESULTS_TARGET: "results",
        BROWSER_TARGET: "browser",
        NEXT_PAGE_TARGET: "next-page",
        AXIS_TARGET: "axis",
    }
    if target is None:
        response = TemplateResponse(request, template_name, context)
    else:
        response = TemplateResponse(request, f"{BROWSER}#{partials[target]}", context)
    if target in {RESULTS_TARGET, BROWSER_TARGET}:
        query = page.query.urlencode()
        canonical = f"{request.path}?{query}" if query else request.path
        # Typing then pressing Enter asks twice for one state: one history entry is enough.
        unchanged = request.htmx.current_url_abs_path == canonical
        push_url(response, False if unchanged else canonical)
    patch_vary_headers(response, ["HX-Target"])
    return response


def results_cache(
    request: HttpRequest, version: str | None, target: str | None, heading_level: int
) -> dict:
    """Timeout and key of the rendered results (facets, summary and events) in the fragment
    cache: the same for every reader of one URL, variant and language until the data
    changes. Without a data version, nothing is cached (timeout 0)."""
    if version is None:
        return {"timeout": 0, "key": ""}
    variant = [version, get_language(), request.get_full_path(), target or "", heading_level]
    return {
        "timeout": SUMMARY_CACHE_SECONDS,
        "key": hashlib.sha256(repr(variant).encode()).hexdigest(),
    }


@require_safe
@conditional_on_last_change
def timeline(request: HtmxHttpRequest) -> TemplateResponse:
    return _browse(request, "timeline/timeline.html", {})


@require_safe
def event_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    events = Event.objects.visible().with_sources().prefetch_related("excerpts__figures")
    try:
        event = get_object_or_404(events, pk=pk)
    except Http404:
        # Merged into another event: shared links keep working, search engines move on.
        merged_into = EventRedirect.objects.filter(old_id=pk).values_list("event_id", flat=True)
        if target := merged_into.first():
            query = request.META.get("QUERY_STRING")
            url = reverse("timeline:event", args=[target]) + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(url)
        raise
    context = {"event": event, "corroboration": corroboration(event)}
    return TemplateResponse(request, "timeline/event_detail.html", context)


@require_safe
@conditional_on_last_change
def actor_list(request: HtmxHttpRequest) -> TemplateResponse:
    rows = directory(Actor, page=request.GET.get("page"), version=request.last_change)
    return TemplateResponse(request, "timeline/actor_list.html", {"directory": rows})


def page_scope(request: HttpRequest, scopes: QuerySet, **lookup) -> Actor | Country:
    """The actor or country a page is about, with the link counts its reads need; looked up
    once per data version."""
    key = ("scope", scopes.model.__name__, sorted(lookup.items()))
    version = getattr(request, "last_change", None)
    scope = cached_summary(version, key, lambda: with_link_counts(scopes).filter(**lookup).first())
    if scope is None:
        raise Http404(f"No {scopes.model._meta.verbose_name} matches {lookup}.")
    return scope


def cached_profile(request: HttpRequest, scope: Actor | Country) -> Profile:
    """The profile reads all of the actor's or country's events: once per data version."""
    version = getattr(request, "last_change", None)
    key = ("profile", type(scope).__name__, scope.pk)
    return cached_summary(
        version,
        key,
        lambda: profile(scope, unfiltered_summary(scope, version).facet_counts),
    )


@require_safe
@conditional_on_last_change
def actor_detail(request: HtmxHttpRequest, slug: str) -> TemplateResponse:
    actor = page_scope(request, Actor.objects.visible().select_related("country"), slug=slug)
    context = {"actor": actor}
    response = _browse(request, "timeline/actor_detail.html", context, scope=actor, heading_level=3)
    if _partial_target(request) is None:
        # After the browser: the unfiltered summary the companions come from is then cached.
        response.context_data["profile"] = cached_profile(request, actor)
    return response


@require_safe
@conditional_on_last_change
def country_list(request: HtmxHttpRequest) -> TemplateResponse:
    rows = directory(Country, page=request.GET.get("page"), version=request.last_change)
    return TemplateResponse(request, "timeline/country_list.html", {"directory": rows})


@require_safe
@conditional_on_last_change
def country_detail(request: HtmxHttpRequest, code: str) -> TemplateResponse:
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise Http404("Country codes are two letters.")
    country = page_scope(request, Country.objects.all(), code=code.upper())
    context = {"country": country}
    response = _browse(
        request, "timeline/country_detail.html", context, scope=country, heading_level=3
    )
    if _partial_target(request) is None:
        response.context_data["profile"] = cached_profile(request, country)
    return response


@require_safe
def about(request: HttpRequest) -> TemplateResponse:
    """For readers: how events are found, what is machine-extracted and what an editor has
    reviewed, and how accurate extraction measured on hand-annotated articles."""
    counts = Event.objects.status_counts()
    context = {
        "reviewed": counts.get(Event.Status.REVIEWED, 0),
        "extracted": counts.get(Event.Status.EXTRACTED, 0),
        "quality": EVENT_QUALITY,
        "gold_articles": GOLD_ARTICLES,
        "gold_events": GOLD_EVENTS,
        "measured_on": MEASURED_ON,
    }
    return TemplateResponse(request, "timeline/about.html", context)
