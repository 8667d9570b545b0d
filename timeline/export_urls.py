"""Routes of the exports, feeds and API page, included by `timeline.urls`.

Every format exists for the whole timeline, an actor and a country, named `<format>`,
`actor-<format>` and `country-<format>` ("timeline-csv", "actor-feed"…), so that
`export_selection.scoped_url` can link any of them from any page.
"""

from django.urls import path

from timeline import export_views
from timeline.feeds import TimelineFeed
from timeline.freshness import conditional_export

SCOPES = [
    ("", ""),
    ("actors/<slug:slug>/", "actor-"),
    ("countries/<str:code>/", "country-"),
]
FORMATS = [
    ("timeline.json", "timeline-json", export_views.timeline_json),
    ("timeline.csv", "timeline-csv", export_views.timeline_csv),
    ("timeline.timelinejs.json", "timeline-timelinejs", export_views.timeline_timelinejs),
    ("timeline.ics", "timeline-ics", export_views.timeline_ics),
    # A feed reader polls: an unchanged feed is a 304 after the one change-stamp query.
    ("feed.atom", "feed", conditional_export(TimelineFeed())),
]

urlpatterns = [
    path("api/", export_views.api, name="api"),
    path("api/timeline.schema.json", export_views.api_schema, name="api-schema"),
    *(
        path(f"{prefix}{suffix}", view, name=f"{name_prefix}{name}")
        for prefix, name_prefix in SCOPES
        for suffix, name, view in FORMATS
    ),
]
