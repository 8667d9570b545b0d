"""Atom feeds of the timeline, of an actor and of a country, with the pages' filters.

A feed is for following the story as news arrives, so its entries are the events most recently
added to the timeline, newest first, whatever their own date: an article imported today about
2022 still shows up at the top of a reader. Entries link to the event's permalink; the summary is
rendered by a template, so excerpts from scraped articles are HTML-escaped like everywhere else.
"""

import re

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, QueryDict
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from timeline.export_formats import country_names
from timeline.export_selection import (
    EventSelection,
    html_url,
    resolve_scope,
    scope_title,
    scoped_url,
    select_events,
)
from timeline.models import Event
from timeline.templatetags.i18n_extras import event_title

FEED_SIZE = 50
# Independent of the host name, so that moving the site does not make every entry new again.
ENTRY_ID_PREFIX = "tag:newsroom-timeline,2025:event/"
# Characters XML 1.0 cannot carry at all: scraped text and query strings may hold them, and
# Django's XML writer refuses them with an exception (a 500) rather than dropping them.
XML_INVALID_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value):
    if isinstance(value, str):
        return XML_INVALID_CHARACTERS.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_text(item) for item in value)
    return value


class XmlSafeAtom1Feed(Atom1Feed):
    """Atom that drops the characters XML cannot carry from every title, summary and category."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_xml_text, args), **{k: _xml_text(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_xml_text, args), **{k: _xml_text(v) for k, v in kwargs.items()})


def _feed_query(selection: EventSelection) -> QueryDict:
    """The filters a feed honours: all but the order, which is always newest first."""
    query = selection.filters.querydict()
    query.pop("sort", None)
    return query


class TimelineFeed(Feed):
    """One class for the three scopes: the URL's `slug` or `code` picks the actor or country."""

    feed_type = XmlSafeAtom1Feed
    author_name = "Newsroom Timeline"
    description_template = "timeline/feeds/event_description.html"
    item_guid_is_permalink = False

    def get_object(
        self, request: HttpRequest, slug: str | None = None, code: str | None = None
    ) -> EventSelection:
        return select_events(request.GET, scope=resolve_scope(slug=slug, code=code))

    def title(self, selection: EventSelection) -> str:
        title = scope_title(selection.scope)
        if selection.filters.is_filtered:
            return gettext("%(title)s (filtered)") % {"title": title}
        return title

    def subtitle(self, selection: EventSelection) -> str:
        ignored = " ".join(selection.warnings)
        subtitle = gettext("Events as they are added to the timeline, newest first.")
        return f"{subtitle} {ignored}".strip()

    def link(self, selection: EventSelection) -> str:
        return html_url(selection.scope, _feed_query(selection))

    def feed_url(self, selection: EventSelection) -> str:
        return scoped_url("feed", selection.scope, _feed_query(selection))

    def items(self, selection: EventSelection):
        """The latest events; `with_sources()` keeps the query count fixed per feed."""
        return selection.events.order_by("-created", "-id").with_sources()[:FEED_SIZE]

    def item_title(self, event: Event) -> str:
        return f"{event_title(event)} ({event.date_display})"

    def item_link(self, event: Event) -> str:
        return event.get_absolute_url()

    def item_guid(self, event: Event) -> str:
        return f"{ENTRY_ID_PREFIX}{event.pk}"

    def item_pubdate(self, event: Event):
        return event.created

    def item_updateddate(self, event: Event):
        return event.updated

    def item_categories(self, event: Event) -> list[str]:
        return [
            event.get_event_type_display(),
            *(actor.name for actor in event.actors.all()),
            *country_names(event),
        ]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        event, request = kwargs["item"], kwargs["request"]
        context["involved"] = [actor.name for actor in event.actors.all()]
        context["sources"] = [
            (excerpt, request.build_absolute_uri(excerpt.get_absolute_url()))
            for excerpt in event.excerpts.all()
        ]
        return context
