from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from timeline.models import Actor, Country, Event


@require_GET
def timeline(request: HttpRequest) -> TemplateResponse:
    events = Event.objects.visible().chronological().with_sources()
    return TemplateResponse(request, "timeline/timeline.html", {"events": events})


@require_GET
def event_detail(request: HttpRequest, pk: int) -> TemplateResponse:
    event = get_object_or_404(Event.objects.visible().with_sources(), pk=pk)
    return TemplateResponse(request, "timeline/event_detail.html", {"event": event})


@require_GET
def actor_list(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "timeline/actor_list.html", {"actors": Actor.objects.all()})


@require_GET
def actor_detail(request: HttpRequest, slug: str) -> TemplateResponse:
    actor = get_object_or_404(Actor, slug=slug)
    return TemplateResponse(request, "timeline/actor_detail.html", {"actor": actor})


@require_GET
def country_list(request: HttpRequest) -> TemplateResponse:
    countries = Country.objects.all()
    return TemplateResponse(request, "timeline/country_list.html", {"countries": countries})


@require_GET
def country_detail(request: HttpRequest, code: str) -> TemplateResponse:
    country = get_object_or_404(Country, code=code.upper())
    return TemplateResponse(request, "timeline/country_detail.html", {"country": country})
