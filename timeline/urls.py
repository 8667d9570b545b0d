from django.urls import include, path

from timeline import embed, views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="index"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("actors/", views.actor_list, name="actors"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("embed/", embed.embed, name="embed"),
    path("about/", views.about, name="about"),
    path("", include("timeline.export_urls")),
]
