"""The queue of actors the extraction discovered: busiest first, with what an editor needs to
decide (articles, mentions, example sentences, the guessed role and country) and the three
decisions: confirm and reject as list actions, merge into an existing actor on the actor's own
page (a choice of the actor to merge into)."""

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial import services
from editorial.actor_queue import EXAMPLES, confirm_actors, discovered_queue, reject_actors
from editorial.admin import HistoryAdmin
from timeline.models import Actor, DiscoveredActor


class DiscoveredActorForm(forms.ModelForm):
    merge_into = forms.ModelChoiceField(
        queryset=Actor.objects.visible().exclude(status=Actor.Status.DISCOVERED),
        required=False,
        label=_("Merge into an existing actor"),
        help_text=_("Its events move there and its names become that actor's aliases."),
    )

    class Meta:
        model = DiscoveredActor
        fields = ("name", "category", "role", "country", "role_seen_on", "aliases")


@admin.register(DiscoveredActor)
class DiscoveredActorAdmin(HistoryAdmin):
    list_display = (
        "name",
        "category",
        "role",
        "country",
        "role_seen_on",
        "article_count",
        "mention_count",
        "examples",
    )
    list_select_related = ("country",)
    list_filter = ("category", ("country", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "aliases", "role")
    actions = ("confirm", "reject")
    form = DiscoveredActorForm
    fields = ("name", "category", "role", "country", "role_seen_on", "aliases", "merge_into")
    autocomplete_fields = ("country",)
    list_per_page = 50

    def get_queryset(self, request):
        return discovered_queue(Actor.objects.all()).select_related("country")

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("Articles"), ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count

    @admin.display(description=_("Mentions"), ordering="mention_count")
    def mention_count(self, obj) -> int:
        return obj.mention_count

    @admin.display(description=_("Example sentences"))
    def examples(self, obj) -> str:
        quotes = [getattr(obj, f"example_{n}") for n in range(EXAMPLES)]
        return format_html_join("", "<p>{}</p>", ((truncatechars(q, 200),) for q in quotes if q))

    @admin.action(description=_("Confirm the selected actors"), permissions=["change"])
    def confirm(self, request: HttpRequest, queryset) -> None:
        count = confirm_actors(actors=list(queryset), user=request.user)
        self.report(request, gettext("Confirmed %(count)s actor(s).") % {"count": count})

    @admin.action(
        description=_("Reject the selected actors (their events lose them)"),
        permissions=["change"],
    )
    def reject(self, request: HttpRequest, queryset) -> None:
        count = reject_actors(actors=list(queryset), user=request.user)
        self.report(request, gettext("Rejected %(count)s actor(s).") % {"count": count})

    def save_model(self, request, obj, form, change) -> None:
        """Merging into an existing actor replaces the save: the events move, the names become
        its aliases, and this row goes."""
        target = form.cleaned_data.get("merge_into")
        if target is not None and target.pk != obj.pk:
            source = Actor.objects.get(pk=obj.pk)  # the versioned model, not the proxy
            services.merge_actors(target=target, sources=[source], user=request.user)
            obj.merged_into = target
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        target = getattr(obj, "merged_into", None)
        if target is None:
            return super().response_change(request, obj)
        self.report(
            request,
            gettext("Merged “%(source)s” into “%(target)s”.")
            % {"source": obj.name, "target": target.name},
        )
        return HttpResponseRedirect(reverse("admin:timeline_discoveredactor_changelist"))
