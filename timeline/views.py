"""The reading pages: the timeline, events, actors and countries.

The timeline, actor and country pages share one filterable event browser
(`timeline/includes/browser.html`). A direct load renders the whole page; an htmx request
renders only the region it targets, so the address bar can always hold the full filter state.
"""

import re

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from timeline.corroboration import corroboration
from timeline.export_selection import export_links
from timeline.filters import SORT_CHOICES, SOURCES_CHOICES, parse_timeline_filters
from timeline.freshness import conditional_on_last_change
from timeline.models import Actor, Country, Event
from timeline.profiles import Profile, actor_directory, country_directory, profile
from timeline.selectors import cached_summary, timeline_page

BROWSER = "timeline/includes/browser.html"
RESULTS_TARGET = "timeline-results"
BROWSER_TARGET = "timeline-browser"
NEXT_PAGE_TARGET = "load-more"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _partial_target(request: HtmxHttpRequest) -> str | None:
    """The browser region an htmx request asks for; None means the whole page."""
    if not request.htmx or request.htmx.history_restore_request:
        return None
    if request.htmx.target in {RESULTS_TARGET, BROWSER_TARGET, NEXT_PAGE_TARGET}:
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
    page = timeline_page(
        filters=filters,
        scope=scope,
        with_facets=target != NEXT_PAGE_TARGET,
        version=getattr(request, "last_change", None),
    )
    context |= {
        "page": page,
        "scope": scope,
        "sort_choices": SORT_CHOICES,
        "sources_choices": SOURCES_CHOICES,
        "heading_level": heading_level,
        "subheading_level": heading_level + 1,
        "is_partial": target is not None,
        "exports": export_links(scope=scope, query=page.query),
    }
    partials = {
        RESULTS_TARGET: "results",
        BROWSER_TARGET: "browser",
        NEXT_PAGE_TARGET: "next-page",
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


@require_safe
@conditional_on_last_change
def timeline(request: HtmxHttpRequest) -> TemplateResponse:
    return _browse(request, "timeline/timeline.html", {})


@require_safe
def event_detail(request: HtmxHttpRequest, pk: int) -> TemplateResponse:
    events = Event.objects.visible().with_sources().prefetch_related("excerpts__figures")
    event = get_object_or_404(events, pk=pk)
    context = {"event": event, "corroboration": corroboration(event)}
    return TemplateResponse(request, "timeline/event_detail.html", context)


@require_safe
def actor_list(request: HtmxHttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "timeline/actor_list.html", {"actors": actor_directory()})


def cached_profile(request: HttpRequest, scope: Actor | Country) -> Profile:
    """The profile reads all of the actor's or country's events: once per data version."""
    key = ("profile", type(scope).__name__, scope.pk)
    return cached_summary(getattr(request, "last_change", None), key, lambda: profile(scope))


@require_safe
@conditional_on_last_change
def actor_detail(request: HtmxHttpRequest, slug: str) -> TemplateResponse:
    actor = get_object_or_404(Actor.objects.select_related("country"), slug=slug)
    context = {"actor": actor}
    if _partial_target(request) is None:
        context["profile"] = cached_profile(request, actor)
    return _browse(request, "timeline/actor_detail.html", context, scope=actor, heading_level=3)


@require_safe
def country_list(request: HtmxHttpRequest) -> TemplateResponse:
    countries = country_directory()
    return TemplateResponse(request, "timeline/country_list.html", {"countries": countries})


@require_safe
@conditional_on_last_change
def country_detail(request: HtmxHttpRequest, code: str) -> TemplateResponse:
    if not re.fullmatch(r"[A-Za-z]{2}", code):
        raise Http404("Country codes are two letters.")
    country = get_object_or_404(Country, code=code.upper())
    context = {"country": country}
    if _partial_target(request) is None:
        context["profile"] = cached_profile(request, country)
    return _browse(request, "timeline/country_detail.html", context, scope=country, heading_level=3)
