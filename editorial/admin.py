"""What every admin page of the editors' desk shares: history, recovery and intermediate pages."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from editorial.history import field_changes, keep_version_before_first_edit, register_models


class HistoryAdmin(VersionAdmin):
    """An admin whose every change is a version: see who changed what, restore, recover."""

    object_history_template = "admin/editorial/object_history.html"

    def reversion_register(self, model, **kwargs) -> None:
        # Our own registration: without following relations, a revert never deletes rows.
        register_models()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            keep_version_before_first_edit(self.model, [unquote(object_id)])
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "_save" in request.POST:  # the list's editable columns
            edited = [
                value
                for key, value in request.POST.items()
                if key.startswith("form-") and key.endswith("-id")
            ]
            keep_version_before_first_edit(self.model, edited)
        return super().changelist_view(request, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request.reverting = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def versions_to_restore_with(self, version: Version) -> list[Version]:
        """Other versions of the same revision that belong with this one when it is restored."""
        return []

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """Restore this object only, not everything its revision saved.

        reversion reverts the version's whole revision: restoring one event saved by a bulk
        "Mark reviewed" would silently put every other event of that action back as it was
        then, overwriting edits made since.
        """
        restored = [version, *self.versions_to_restore_with(version)]

        def revert_these(delete: bool = False) -> None:
            for each in restored:
                each.revert()

        version.revision.revert = revert_these
        return super()._reversion_revisionform_view(request, version, template_name, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # Restoring a version re-saves what the page showed: no one else's change to protect.
        form.skip_conflict_check = getattr(request, "reverting", False)
        return form

    def delete_view(self, request, object_id, extra_context=None):
        with self.create_revision(request):
            return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        versions = list(
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by("pk")
        )
        opts = self.model._meta
        revision_url = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision"
        action_list = []
        previous = None
        for version in versions:
            action_list.append(
                {
                    "revision": version.revision,
                    "url": reverse(revision_url, args=(object_id, version.pk)),
                    "changes": field_changes(previous, version),
                }
            )
            previous = version
        action_list.reverse()
        context = {"action_list": action_list, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def confirmation_page(
        self, request: HttpRequest, template: str, context: dict
    ) -> TemplateResponse:
        """An intermediate page in the admin's look, like the delete confirmation."""
        opts = self.model._meta
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": opts,
                "app_label": opts.app_label,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                **context,
            },
        )

    def report(self, request: HttpRequest, text: str, *, level=messages.SUCCESS) -> None:
        self.message_user(request, text, level=level)


MERGE_WORDING = {
    "event": {
        "too_few": _("Select at least two events to merge."),
        "choose": _("Choose the event to keep."),
        "merged": _("Merged %(count)s event(s) into “%(target)s”."),
        "title": _("Merge events"),
    },
    "actor": {
        "too_few": _("Select at least two actors to merge."),
        "choose": _("Choose the actor to keep."),
        "merged": _("Merged %(count)s actor(s) into “%(target)s”."),
        "title": _("Merge actors"),
    },
}


def merge_action_page(
    model_admin: HistoryAdmin,
    request: HttpRequest,
    queryset: models.QuerySet,
    *,
    merge,
    noun: str,
    keep_by_default=None,
) -> HttpResponse | None:
    """The two steps of a merge action: choose the one to keep, then merge the others into it.

    `keep_by_default(objects)` picks the one offered first, e.g. the event an editor already
    worked on, so that a hasty click does not throw away their edits.
    """
    wording = MERGE_WORDING[noun]
    objects = list(queryset)
    if len(objects) < 2:
        model_admin.report(request, str(wording["too_few"]), level=messages.ERROR)
        return None
    if request.POST.get("confirm") == "merge":
        target = next((obj for obj in objects if str(obj.pk) == request.POST.get("target")), None)
        if target is None:
            model_admin.report(request, str(wording["choose"]), level=messages.ERROR)
        else:
            others = [obj for obj in objects if obj.pk != target.pk]
            merge(target=target, sources=others, user=request.user)
            merged = str(wording["merged"]) % {"count": len(others), "target": target}
            model_admin.report(request, merged)
            return None
    default = keep_by_default(objects) if keep_by_default else objects[0]
    return model_admin.confirmation_page(
        request,
        "admin/editorial/merge_confirmation.html",
        {
            "title": wording["title"],
            "objects": objects,
            "default_target": default,
            "noun": noun,
            "action": "merge_selected",
        },
    )


def public_link(obj: models.Model) -> str:
    """The object's page on the public site, for the changelists' "Public page" column."""
    return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), gettext("View on site"))


def quote_as_found(excerpt) -> str:
    """The quote, saying so when it is gone from the article's current text (kept for an
    event an editor reviewed, after the text was changed)."""
    if excerpt.pk is not None and excerpt.start is None:
        return format_html(
            '{} <span class="help">{}</span>',
            excerpt.quote,
            gettext("(this quote is no longer found in the article’s current text)"),
        )
    return excerpt.quote
