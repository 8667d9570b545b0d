"""Review actions of the editors' desk: each one a revision in the history, with who and why.

An editor's action on an event is a review of it: events an action touches are marked reviewed
(unless the editor chose another status), so that re-extraction never overwrites them.
"""

from collections.abc import Iterable, Sequence

import reversion
from django.db import transaction
from django.utils.translation import gettext
from reversion.models import Version

from articles.extraction.figures import extract_figures
from articles.models import Article
from editorial.history import keep_version_before_first_edit, write_revision_now
from timeline.corroboration import refresh_disputes
from timeline.models import Actor, Event, EventRedirect, Excerpt, Figure


class EditorialError(Exception):
    """An action that cannot be done; the message says why, for the editor."""


@transaction.atomic
def set_status(*, events: Iterable[Event], status: str, user) -> int:
    """Mark events reviewed, rejected or extracted; return how many changed."""
    status = Event.Status(status)
    to_change = [event for event in events if event.status != status]
    keep_version_before_first_edit(Event, [event.pk for event in to_change])
    with reversion.create_revision():
        reversion.set_user(user)
        # Stored history is written in one language, whatever the editor's interface shows.
        reversion.set_comment(f"Marked {status.value}.")
        for event in to_change:
            event.status = status
            event.save(update_fields=["status", "updated"])
    return len(to_change)


@transaction.atomic
def merge_events(*, target: Event, sources: Sequence[Event], user) -> Event:
    """Make several events one: the target keeps its fields and gains every excerpt and name.

    The merged events are deleted; their last state stays in the history, where an editor can
    recover them.
    """
    sources = [source for source in sources if source.pk != target.pk]
    if not sources:
        raise EditorialError(gettext("Choose at least two events to merge."))
    keep_version_before_first_edit(Event, [target.pk, *(source.pk for source in sources)])
    for source in sources:
        # One revision each, with its excerpts: recovering it brings back its sources too.
        write_revision_now(
            [source, *source.excerpts.all()],
            comment=f"Merged into event #{target.pk}: {target.title}",
            user=user,
        )
    with reversion.create_revision():
        reversion.set_user(user)
        titles = "; ".join(f"#{source.pk} {source.title}" for source in sources)
        reversion.set_comment(f"Merged in {titles}.")
        moved = list(Excerpt.objects.filter(event__in=sources))
        for excerpt in moved:
            excerpt.event = target
            excerpt.save(update_fields=["event"])
        target.actors.add(*{actor for source in sources for actor in source.actors.all()})
        target.countries.add(*{c for source in sources for c in source.countries.all()})
        if target.date is None:
            dated = next((source for source in sources if source.date is not None), None)
            if dated is not None:
                target.date, target.date_precision = dated.date, dated.date_precision
                target.date_phrase, target.date_resolution = dated.date_phrase, "merged"
        if target.status == Event.Status.EXTRACTED:
            target.status = Event.Status.REVIEWED
        target.save()
        redirect_merged_events(sources, target)
        for source in sources:
            source.delete()
        refresh_disputes([target.pk])
        # The version kept is the merged event as it now stands, disputed or not.
        target.refresh_from_db(fields=["is_disputed"])
        reversion.add_to_revision(target)
    return target


def redirect_merged_events(sources: Sequence[Event], target: Event) -> None:
    """The merged events' addresses, and those that led to them, now lead to the target."""
    source_ids = [source.pk for source in sources]
    EventRedirect.objects.filter(event_id__in=source_ids).update(event=target)
    EventRedirect.objects.filter(old_id__in=source_ids).delete()
    EventRedirect.objects.bulk_create(
        EventRedirect(old_id=source_id, event=target) for source_id in source_ids
    )


def confirm_merges(*, events: Iterable[Event], user) -> int:
    """An editor vouches that each event's sources tell of one event."""
    events = list(events)
    keep_version_before_first_edit(Event, [event.pk for event in events])
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Confirmed that its sources report one event")
        for event in events:
            event.merge_confirmed = True
            if event.status == Event.Status.EXTRACTED:
                event.status = Event.Status.REVIEWED
            event.save(update_fields=["merge_confirmed", "status", "updated"])
    return len(events)


@transaction.atomic
def split_excerpt(*, excerpt: Excerpt, user) -> Event:
    """Give an excerpt an event of its own, a copy of its old one that the editor then adjusts.

    When the event merges several articles' reports, the excerpt's whole article goes with it,
    and both events' disputes are worked out again. Both events count as reviewed: the editor
    has looked at them and decided they differ.
    """
    original = excerpt.event
    if original.excerpts.count() < 2:
        raise EditorialError(
            gettext(
                "This excerpt is the event's only source: edit the event instead of splitting it."
            )
        )
    keep_version_before_first_edit(Event, [original.pk])
    with reversion.create_revision():
        reversion.set_user(user)
        new_event = Event.objects.create(
            title=original.title,
            date=original.date,
            date_precision=original.date_precision,
            date_phrase=original.date_phrase,
            date_resolution=original.date_resolution,
            event_type=original.event_type,
            status=Event.Status.REVIEWED,
        )
        new_event.actors.set(original.actors.all())
        new_event.countries.set(original.countries.all())
        moving = original.excerpts.filter(pk=excerpt.pk)
        if original.excerpts.exclude(article_id=excerpt.article_id).exists():
            # Splitting a merge of several articles: this article's account goes as a whole.
            moving = original.excerpts.filter(article_id=excerpt.article_id)
        for moved in moving:  # saved one by one, so each excerpt's history shows the move
            moved.event = new_event
            moved.save(update_fields=["event"])
        excerpt.event = new_event
        refresh_disputes([original.pk, new_event.pk])
        # Both events' histories tell of the split, the original's too: it lost a source.
        reversion.set_comment(
            f"Split “{excerpt.article.title}” off event #{original.pk} ({original.title}) "
            f"into event #{new_event.pk}."
        )
        new_event.refresh_from_db(fields=["is_disputed"])
        reversion.add_to_revision(new_event)
        original.refresh_from_db(fields=["is_disputed"])
        original.status = Event.Status.REVIEWED
        original.save(update_fields=["status", "updated"])
    return new_event


@transaction.atomic
def merge_actors(*, target: Actor, sources: Sequence[Actor], user) -> Actor:
    """Make several actors one: the target gains their events, and their names as aliases."""
    sources = [source for source in sources if source.pk != target.pk]
    if not sources:
        raise EditorialError(gettext("Choose at least two actors to merge."))
    keep_version_before_first_edit(Actor, [target.pk])
    write_revision_now(sources, comment=f"Merged into {target.name}.", user=user)
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Merged in {', '.join(source.name for source in sources)}.")
        known = {name.casefold() for name in target.names}
        for source in sources:
            for name in source.names:
                if name.casefold() not in known:
                    target.aliases.append(name)
                    known.add(name.casefold())
            target.events.add(*source.events.all())
            if target.country_id is None:
                target.country_id = source.country_id
        target.status = Actor.Status.CONFIRMED  # an editor's choice: no longer in the queue
        target.save()
        for source in sources:
            source.delete()
    return target


@transaction.atomic
def excerpt_saved(*, excerpt: Excerpt, previous_event_id: int | None, quote_changed: bool) -> None:
    """After an editor adds, moves or rewords an excerpt: its figures and both events' disputes.

    The figures are read from the quote as the importer reads them, so a source an editor adds
    by hand counts in the comparison like an imported one.
    """
    if quote_changed:
        excerpt.figures.all().delete()
        Figure.objects.bulk_create(
            Figure(
                excerpt=excerpt,
                value=figure.value,
                unit=figure.unit,
                counts=figure.counts[:100],
                text=figure.text[:200],
            )
            for figure in extract_figures(excerpt.quote)
        )
    refresh_disputes({excerpt.event_id, previous_event_id} - {None})


def sources_changed(*, event_ids: Iterable[int]) -> None:
    """Events that lost or regained a source may be disputed, or no longer."""
    refresh_disputes(event_ids)


def excerpt_versions(version: Version) -> list[Version]:
    """The event's excerpts saved with this version of it, e.g. when it was merged away."""
    saved = version.revision.version_set.filter(
        content_type__app_label="timeline", content_type__model="excerpt"
    )
    return [each for each in saved if str(each.field_dict["event_id"]) == version.object_id]


def recovery_obstacle(version: Version) -> str:
    """Why the deleted event cannot come back with its sources, or "" when it can."""
    article_ids = {saved.field_dict["article_id"] for saved in excerpt_versions(version)}
    existing = set(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
    if article_ids - existing:
        return gettext(
            "An article this event was read from has been deleted since: recover the article "
            "first, then this event."
        )
    return ""


def events_holding(version: Version) -> set[int]:
    """The events that now hold the excerpts saved with this version."""
    ids = [saved.object_id for saved in excerpt_versions(version)]
    return set(Excerpt.objects.filter(pk__in=ids).values_list("event_id", flat=True))
