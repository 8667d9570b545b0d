"""Every change editors make is kept as a version, with django-reversion.

Why django-reversion: it stores whole snapshots with who and when, shows them on the admin's
History page, restores any of them and lists deleted objects for recovery. This module adds what
it leaves to us: a version of the state *before* an editor's first change (articles and events
are created by the importer, outside any revision), a snapshot of an article and its excerpts
when it is deleted, and a readable list of what changed between two versions.
"""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone
from django.utils.translation import gettext
from reversion.models import Revision, Version

from articles.models import Article
from timeline.models import Actor, Country, DiscoveredActor, Event, Excerpt

# The queue of discovered actors is a proxy of Actor: its edits are versioned too.
VERSIONED_MODELS = (Article, Event, Excerpt, Actor, Country, DiscoveredActor)
BEFORE_FIRST_EDIT = "As it was before the first edit (from the importer)."
BOOKKEEPING_FIELDS = {"created", "updated"}
LONG_TEXT = 200
MAX_DIFF_LINES = 12


def register_models() -> None:
    """Version each model on its own: following relations would make a revert delete rows."""
    for model in VERSIONED_MODELS:
        if not reversion.is_registered(model):
            reversion.register(model)


def keep_version_before_first_edit(model: type[models.Model], pks: Iterable) -> None:
    """Save the current state of objects that have no version yet, so the edit can be undone."""
    pks = {str(pk) for pk in pks if pk is not None}
    if not pks:
        return
    versioned = Version.objects.get_for_model(model).filter(object_id__in=pks)
    unversioned = model._base_manager.filter(
        pk__in=pks - set(versioned.values_list("object_id", flat=True))
    )
    objects = list(unversioned.prefetch_related(*_many_to_many_names(model)))
    write_revision_now(objects, comment=BEFORE_FIRST_EDIT)


def write_revision_now(objects: list[models.Model], *, comment: str, user=None) -> None:
    """Store the objects' current state as a revision at once, whatever revision is open.

    reversion merges nested revisions and, when the outer one closes, drops versions of objects
    deleted in the meantime: a snapshot taken just before a change or a deletion must not wait.
    """
    if not objects:
        return
    revision = Revision.objects.create(date_created=timezone.now(), comment=comment, user=user)
    Version.objects.bulk_create(
        Version(
            revision=revision,
            object_id=str(obj.pk),
            content_type=ContentType.objects.get_for_model(obj),
            db=obj._state.db or "default",
            format="json",
            serialized_data=serializers.serialize("json", [obj]),
            object_repr=str(obj),
        )
        for obj in objects
    )


def _many_to_many_names(model: type[models.Model]) -> list[str]:
    return [field.name for field in model._meta.local_many_to_many]


def snapshot_article_before_delete(sender, instance: Article, **kwargs) -> None:
    """Keep the article and its excerpts, so an editor can recover it with its sources."""
    user = reversion.get_user() if reversion.is_active() else None
    excerpts = list(instance.excerpts.select_related("event", "article"))
    write_revision_now(
        [instance, *excerpts], comment=f"Deleted the article “{instance.title}”.", user=user
    )
    instance._extracted_event_ids = {
        excerpt.event_id for excerpt in excerpts if excerpt.event.status == Event.Status.EXTRACTED
    }


def delete_unsourced_extracted_events(sender, instance: Article, **kwargs) -> None:
    """An extracted event left without any excerpt is machine output with no source: drop it.

    Events an editor reviewed or rejected stay; recovering the article links them again.
    """
    event_ids = getattr(instance, "_extracted_event_ids", set())
    Event.objects.filter(
        pk__in=event_ids, status=Event.Status.EXTRACTED, excerpts__isnull=True
    ).delete()


def connect_signals() -> None:
    register_models()
    pre_delete.connect(snapshot_article_before_delete, sender=Article, dispatch_uid="editorial")
    post_delete.connect(delete_unsourced_extracted_events, sender=Article, dispatch_uid="editorial")


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str
    diff: list[str]


def field_changes(older: Version | None, newer: Version) -> list[FieldChange]:
    """What differs between two versions of one object, readable by an editor."""
    if older is None:
        return []
    model = newer._model
    before, after = older.field_dict, newer.field_dict
    changes = []
    for name, new_value in after.items():
        if name in BOOKKEEPING_FIELDS:
            continue
        old_value = before.get(name)
        if _comparable(old_value) == _comparable(new_value):
            continue
        field = model._meta.get_field(name.removesuffix("_id"))
        old_text, new_text = _display(field, old_value), _display(field, new_value)
        diff = []
        if len(old_text) > LONG_TEXT or len(new_text) > LONG_TEXT:
            diff = _text_diff(old_text, new_text)
            old_text = gettext("%(count)s characters") % {"count": f"{len(old_text):,}"}
            new_text = gettext("%(count)s characters") % {"count": f"{len(new_text):,}"}
        changes.append(FieldChange(str(field.verbose_name), old_text, new_text, diff))
    return changes


def _comparable(value):
    if isinstance(value, list):
        return sorted(str(item) for item in value)
    return value


def _display(field: models.Field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.many_to_many:
        names = field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in names)) or "—"
    if field.many_to_one:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else gettext("#%(id)s (deleted)") % {"id": value}
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _text_diff(old_text: str, new_text: str) -> list[str]:
    lines = difflib.unified_diff(old_text.splitlines(), new_text.splitlines(), lineterm="", n=0)
    changed = [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    if len(changed) > MAX_DIFF_LINES:
        hidden = len(changed) - MAX_DIFF_LINES
        changed = [
            *changed[:MAX_DIFF_LINES],
            gettext("… and %(count)s more changed lines") % {"count": hidden},
        ]
    return changed
