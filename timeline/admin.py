"""The editors' desk for events, their excerpts, actors and countries."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import truncatechars
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from editorial import services
from editorial.admin import HistoryAdmin, merge_action_page, public_link, quote_as_found
from editorial.forms import ActorForm, CountryForm, EventForm, ExcerptForm
from editorial.mentions import link_new_mentions
from timeline.models import Actor, Country, Event, EventRedirect, Excerpt


class EventExcerptInline(admin.TabularInline):
    """The event's sources, each with a way to split it off into an event of its own."""

    model = Excerpt
    fk_name = "event"
    extra = 0
    can_delete = False
    template = "admin/editorial/edit_inline/readonly_tabular.html"
    fields = readonly_fields = ("article_link", "quote_found", "figure_list", "split_link")
    verbose_name_plural = _("Excerpts (the event's sources)")

    def get_queryset(self, request):
        """Figures and the event's number of excerpts in two queries, not two per row."""
        return (
            super()
            .get_queryset(request)
            .select_related("article")
            .prefetch_related("figures")
            .annotate(event_excerpt_count=Count("event__excerpts"))
        )

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("Article"))
    def article_link(self, excerpt: Excerpt) -> str:
        if excerpt.pk is None:  # moved off this event by a concurrent save: nothing to link
            return ""
        url = reverse("admin:articles_article_change", args=[excerpt.article_id])
        return format_html('<a href="{}">{}</a>', url, excerpt.article.title)

    @admin.display(description=_("quote"))
    def quote_found(self, excerpt: Excerpt) -> str:
        return quote_as_found(excerpt)

    @admin.display(description=_("Figures"))
    def figure_list(self, excerpt: Excerpt) -> str:
        """What this source counts, to compare with the others when they disagree."""
        if excerpt.pk is None:
            return ""
        return ", ".join(figure.text for figure in excerpt.figures.all()) or "—"

    @admin.display(description="")
    def split_link(self, excerpt: Excerpt) -> str:
        # An event's only source cannot be split off: the event would be left with none.
        if excerpt.pk is None or excerpt.event_excerpt_count < 2:
            return ""
        url = reverse("admin:timeline_event_split", args=[excerpt.event_id, excerpt.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Split off into a new event…"))


def reviewed_first(events: list[Event]) -> Event:
    """The event to keep unless the editor says otherwise: one an editor already reviewed."""
    return next((e for e in events if e.status == Event.Status.REVIEWED), events[0])


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    form = EventForm
    list_display = (
        "title",
        "when",
        "event_type",
        "status",
        "actor_names",
        "country_names",
        "source_count",
        "is_disputed",
        "view_on_site_link",
    )
    list_editable = ("status",)
    list_filter = (
        "status",
        "is_disputed",
        # Disputed and without a note: the disputes still to resolve for readers.
        ("dispute_note", admin.EmptyFieldListFilter),
        "merge_confirmed",
        "event_type",
        "date_precision",
        "scheduled",
        "countries",
        "actors",
    )
    search_fields = ("title", "date_phrase", "excerpts__quote")
    date_hierarchy = "date"
    autocomplete_fields = ("actors", "countries")
    readonly_fields = ("date_resolution", "is_disputed", "created", "updated")
    fieldsets = (
        (None, {"fields": ("title", "status", "event_type")}),
        (
            _("Date"),
            {
                "fields": (
                    ("date", "date_precision", "scheduled"),
                    "date_phrase",
                    "date_resolution",
                )
            },
        ),
        (_("Who and where"), {"fields": ("actors", "countries")}),
        (
            _("Sources"),
            {
                "fields": ("is_disputed", "dispute_note", "merge_confirmed"),
                "description": _(
                    "When sources disagree, a note here resolves the dispute for "
                    "readers: it is shown on the event's page."
                ),
            },
        ),
        (
            _("Record"),
            {"fields": ("created", "updated", "loaded_version"), "classes": ("collapse",)},
        ),
    )
    inlines = (EventExcerptInline,)
    actions = ("mark_reviewed", "mark_rejected", "merge_selected", "confirm_merges")
    list_per_page = 50
    # The model's ordering again: Django drops Meta.ordering from the counting queries below,
    # which left the autocomplete lists (and actions' selections) in no particular order.
    ordering = (F("date").desc(nulls_last=True), "-id")

    class Media:
        # A status changed in the list is saved at once, not lost on leaving the page.
        js = ("js/admin-status-autosave.js",)

    def get_queryset(self, request):
        """One query for the rows, one per many-to-many column: never one per event."""
        return (
            super()
            .get_queryset(request)
            .annotate(source_count=Count("excerpts__article", distinct=True))
            .prefetch_related("actors", "countries")
        )

    def get_changeform_initial_data(self, request):
        # An event an editor adds is the editor's: re-extraction must leave it alone.
        return {"status": Event.Status.REVIEWED, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("Date"), ordering="date")
    def when(self, event: Event) -> str:
        return event.date_display

    @admin.display(description=_("Actors"))
    def actor_names(self, event: Event) -> str:
        return ", ".join(actor.name for actor in event.actors.all())

    @admin.display(description=_("Countries"))
    def country_names(self, event: Event) -> str:
        return ", ".join(country.code for country in event.countries.all())

    @admin.display(description=_("Sources"), ordering="source_count")
    def source_count(self, event: Event) -> int:
        return event.source_count

    @admin.display(description=_("Public page"))
    def view_on_site_link(self, event: Event) -> str:
        if event.status == Event.Status.REJECTED:
            return "—"
        return public_link(event)

    def save_model(self, request, obj: Event, form, change: bool) -> None:
        """An editor's edit is a review: an edited event is never replaced by re-extraction."""
        reverting = getattr(request, "reverting", False)
        edited = change and (form.has_changed() or reverting) and "status" not in form.changed_data
        if edited and obj.status == Event.Status.EXTRACTED:
            obj.status = Event.Status.REVIEWED
            self.report(
                request,
                gettext("“%(title)s” is now reviewed, as you edited it.") % {"title": obj.title},
            )
        date_chosen = not change or bool({"date", "date_precision"} & set(form.changed_data))
        if date_chosen and not reverting:
            obj.set_date_resolution_by_editor(request.user, timezone.localdate())
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark selected events reviewed"), permissions=["change"])
    def mark_reviewed(self, request: HttpRequest, queryset) -> None:
        count = services.set_status(events=queryset, status="reviewed", user=request.user)
        self.report(request, gettext("Marked %(count)s event(s) reviewed.") % {"count": count})

    @admin.action(description=_("Mark selected events rejected"), permissions=["change"])
    def mark_rejected(self, request: HttpRequest, queryset) -> None:
        count = services.set_status(events=queryset, status="rejected", user=request.user)
        self.report(
            request,
            gettext("Marked %(count)s event(s) rejected: they leave the public timeline.")
            % {"count": count},
        )

    @admin.action(description=_("Confirm their sources report one event"), permissions=["change"])
    def confirm_merges(self, request: HttpRequest, queryset) -> None:
        count = services.confirm_merges(events=queryset, user=request.user)
        self.report(
            request, gettext("Confirmed the sources of %(count)s event(s).") % {"count": count}
        )

    @admin.action(
        description=_("Merge selected events into one (keeps all excerpts)"),
        permissions=["change", "delete"],
    )
    def merge_selected(self, request: HttpRequest, queryset):
        return merge_action_page(
            self,
            request,
            queryset.order_by("date", "pk"),
            merge=services.merge_events,
            noun="event",
            keep_by_default=reviewed_first,
        )

    def versions_to_restore_with(self, version):
        """A merged-away event was saved with its excerpts: recovering it brings them back.

        Restoring an earlier version of an event that still exists leaves excerpts alone, so
        that it never undoes a split made since.
        """
        if Event.objects.filter(pk=version.object_id).exists():
            return []
        return services.excerpt_versions(version)

    def recover_view(self, request, version_id, extra_context=None):
        """A merged-away event comes back with its excerpts; both events' disputes follow."""
        version = get_object_or_404(Version.objects.get_deleted(Event), pk=version_id)
        if request.method == "POST" and self.has_add_permission(request):
            obstacle = services.recovery_obstacle(version)
            if obstacle:
                self.report(request, obstacle, level=messages.ERROR)
                return HttpResponseRedirect(reverse("admin:timeline_event_recoverlist"))
        holders = services.events_holding(version)
        response = super().recover_view(request, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            services.sources_changed(event_ids={*holders, int(version.object_id)})
            EventRedirect.objects.filter(old_id=version.object_id).delete()
        return response

    def get_urls(self):
        split = path(
            "<int:event_id>/split/<int:excerpt_id>/",
            self.admin_site.admin_view(self.split_view),
            name="timeline_event_split",
        )
        return [split, *super().get_urls()]

    def split_view(self, request: HttpRequest, event_id: int, excerpt_id: int):
        """Confirm, then give the excerpt an event of its own and open it for editing."""
        # Permission first: staff outside the group learn nothing, not even which ids exist.
        if not (self.has_change_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        excerpt = get_object_or_404(
            Excerpt.objects.select_related("event", "article"), pk=excerpt_id, event_id=event_id
        )
        event_url = reverse("admin:timeline_event_change", args=[event_id])
        if request.method == "POST":
            try:
                new_event = services.split_excerpt(excerpt=excerpt, user=request.user)
            except services.EditorialError as error:
                self.report(request, str(error), level=messages.ERROR)
                return HttpResponseRedirect(event_url)
            self.report(
                request, gettext("Split off into this new event: adjust its title and date.")
            )
            return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new_event.pk]))
        return self.confirmation_page(
            request,
            "admin/timeline/event/split_confirmation.html",
            {"title": gettext("Split off an excerpt"), "excerpt": excerpt, "event_url": event_url},
        )


@admin.register(Excerpt)
class ExcerptAdmin(HistoryAdmin):
    form = ExcerptForm
    list_display = ("short_quote", "article", "event", "event_status", "start", "end")
    list_select_related = ("article", "event")
    list_filter = ("event__status",)
    search_fields = ("quote", "article__title", "event__title")
    autocomplete_fields = ("article", "event")

    @admin.display(description=_("Quote"))
    def short_quote(self, excerpt: Excerpt) -> str:
        return truncatechars(excerpt.quote, 90)

    @admin.display(description=_("Event status"), ordering="event__status")
    def event_status(self, excerpt: Excerpt) -> str:
        return excerpt.event.get_status_display()

    def save_model(self, request, obj: Excerpt, form, change: bool) -> None:
        """An event an editor gave a source to is the editor's: re-extraction keeps it."""
        previous_event_id = form.initial.get("event") if change else None
        super().save_model(request, obj, form, change)
        services.excerpt_saved(
            excerpt=obj,
            previous_event_id=previous_event_id,
            quote_changed=not change or "quote" in form.changed_data,
        )
        if obj.event.status == Event.Status.EXTRACTED:
            services.set_status(events=[obj.event], status="reviewed", user=request.user)

    def delete_model(self, request, obj: Excerpt) -> None:
        super().delete_model(request, obj)
        services.sources_changed(event_ids=[obj.event_id])

    def delete_queryset(self, request, queryset) -> None:
        event_ids = set(queryset.values_list("event_id", flat=True))
        super().delete_queryset(request, queryset)
        services.sources_changed(event_ids=event_ids)


class AliasAdmin(HistoryAdmin):
    """Actors and countries: after an alias is added, re-scan the articles for it."""

    actions = ("rescan_mentions",)
    ordering = ("name",)  # Meta.ordering is dropped from the counting queries of the lists

    @admin.action(description=_("Re-scan articles for new mentions"), permissions=["change"])
    def rescan_mentions(self, request: HttpRequest, queryset) -> None:
        kind = "actors" if self.model is Actor else "countries"
        scan = link_new_mentions(**{kind: list(queryset)}, user=request.user)
        self.report(
            request,
            gettext(
                "Re-scanned %(articles)s article(s) that mention them: "
                "%(links)s new link(s) to events."
            )
            % {"articles": scan.articles, "links": scan.links},
        )

    @admin.display(description=_("Aliases"))
    def alias_list(self, obj) -> str:
        return ", ".join(obj.aliases)

    @admin.display(description=_("Events"), ordering="event_count")
    def event_count(self, obj) -> int:
        return obj.event_count

    @admin.display(description=_("Public page"))
    def view_on_site_link(self, obj) -> str:
        return public_link(obj)


@admin.register(Actor)
class ActorAdmin(AliasAdmin):
    form = ActorForm
    list_display = ("name", "role", "country", "alias_list", "event_count", "view_on_site_link")
    list_select_related = ("country",)
    list_filter = (("country", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "aliases", "role")
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}
    actions = ("rescan_mentions", "merge_selected")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))

    @admin.action(
        description=_("Merge selected actors into one (moves their events)"),
        permissions=["change", "delete"],
    )
    def merge_selected(self, request: HttpRequest, queryset):
        return merge_action_page(
            self, request, queryset.order_by("name"), merge=services.merge_actors, noun="actor"
        )


@admin.register(Country)
class CountryAdmin(AliasAdmin):
    form = CountryForm
    list_display = ("name", "code", "alias_list", "event_count", "view_on_site_link")
    search_fields = ("name", "code", "aliases", "demonyms")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))


from timeline import admin_discovered  # noqa: E402,F401  (the discovered actors' queue)
