"""The queue of actors the extraction discovered: confirm, reject or merge them.

Each decision updates the stored events at once, without a re-import: confirming only changes
the status; rejecting removes the actor from every event (the links go, the events stay with
their other actors and countries) and keeps the name so the extraction never offers it again;
merging (`editorial.services.merge_actors`) moves the events and makes the names aliases.
"""

from collections.abc import Sequence

import reversion
from django.db import transaction
from django.db.models import Count, OuterRef, QuerySet, Subquery

from editorial.history import write_revision_now
from timeline.models import Actor, Event, Excerpt

EXAMPLES = 3


def discovered_queue(actors: QuerySet) -> QuerySet:
    """Discovered actors, busiest first, with their numbers of articles and mentions (excerpts)
    and up to three example sentences, in one query."""
    examples = {
        f"example_{n}": Subquery(
            Excerpt.objects.filter(event__actors=OuterRef("pk"))
            .order_by("-pk")
            .values("quote")[n : n + 1]
        )
        for n in range(EXAMPLES)
    }
    return (
        actors.discovered()
        .annotate(
            article_count=Count("events__excerpts__article", distinct=True),
            mention_count=Count("events__excerpts", distinct=True),
            **examples,
        )
        .order_by("-mention_count", "name")
    )


@transaction.atomic
def confirm_actors(*, actors: Sequence[Actor], user) -> int:
    write_revision_now(actors, comment="Confirmed.", user=user)
    return Actor.objects.filter(pk__in=[a.pk for a in actors]).update(status=Actor.Status.CONFIRMED)


@transaction.atomic
def reject_actors(*, actors: Sequence[Actor], user) -> int:
    """Never offered or shown again, and its events lose it."""
    pks = [actor.pk for actor in actors]
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Rejected.")
        Event.actors.through.objects.filter(actor_id__in=pks).delete()
        return Actor.objects.filter(pk__in=pks).update(status=Actor.Status.REJECTED)
