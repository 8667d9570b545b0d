"""The embeddable timeline: `/embed/?…` in an `<iframe>` on a news site's story page.

Any filter state of the timeline (an actor's or a country's page becomes its `actor=` or
`country=` filter), rendered compact: the time axis and the events with their sources, no site
chrome, no cookie and no CSRF token (nothing in it posts). Only this view may be framed, and
only by the origins in `EMBED_ALLOWED_ORIGINS` (`DJANGO_EMBED_ALLOWED_ORIGINS`) and the site
itself (for the live preview); every other page keeps `X-Frame-Options: DENY` and
`frame-ancestors 'none'`. `static/js/embed-frame.js` sends the page's height (and where a deep
link `#event-123` is) to the parent page, where `static/js/embed-parent.js` sizes the frame.
"""

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.html import escape
from django.utils.translation import gettext
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from timeline.filters import parse_timeline_filters
from timeline.freshness import conditional_on_last_change
from timeline.models import Actor, Country
from timeline.selectors import timeline_page

EMBED_HEIGHT = 600
FRAME_CLASS = "newsroom-timeline-embed"


def embed_policy() -> dict:
    """The site's CSP, but framable by the site itself and the configured origins."""
    origins = list(getattr(settings, "EMBED_ALLOWED_ORIGINS", []))
    return settings.SECURE_CSP | {"frame-ancestors": [CSP.SELF, *origins]}


def scoped_query(scope: Actor | Country | None, query: QueryDict) -> QueryDict:
    """A page's filters as the whole timeline's: its actor or country becomes a filter."""
    query = query.copy()
    if isinstance(scope, Actor) and scope.slug not in query.getlist("actor"):
        query.setlist("actor", [scope.slug, *query.getlist("actor")])
    if isinstance(scope, Country) and scope.code not in query.getlist("country"):
        query.setlist("country", [scope.code, *query.getlist("country")])
    return query


def embed_code(request: HttpRequest, scope: Actor | Country | None, query: QueryDict) -> dict:
    """The embed's address, and the HTML a story page pastes to show it at its full height."""
    query = scoped_query(scope, query).urlencode()
    path = reverse("timeline:embed") + (f"?{query}" if query else "")
    src = request.build_absolute_uri(path)
    script = request.build_absolute_uri(static("js/embed-parent.js"))
    title = gettext("Timeline of events, Newsroom Timeline")
    code = (
        f'<iframe src="{escape(src)}" title="{escape(title)}" class="{FRAME_CLASS}" '
        f'width="100%" height="{EMBED_HEIGHT}" loading="lazy"></iframe>\n'
        f'<script src="{escape(script)}" async></script>'
    )
    return {"path": path, "src": src, "code": code, "title": title}


@require_safe
@xframe_options_exempt
@conditional_on_last_change
def embed(request: HttpRequest) -> TemplateResponse:
    filters = parse_timeline_filters(request.GET)
    version = getattr(request, "last_change", None)
    page = timeline_page(filters=filters, version=version)
    query = page.query.urlencode()
    full = reverse("timeline:index") + (f"?{query}" if query else "")
    context = {
        "page": page,
        "full_url": full,
        "heading_level": 2,
        "subheading_level": 3,
        "link_target": "_self",
    }
    response = TemplateResponse(request, "timeline/embed.html", context)
    response._csp_config = embed_policy()
    return response
