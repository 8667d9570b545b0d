"""One event, many sources, on stored events: the disputed flag follows what sources say."""

from collections.abc import Iterable

from django.db.models import Prefetch

from articles.extraction.corroboration import SourceReport, disagreements
from timeline.models import Event, Excerpt, Figure


def refresh_disputes(event_ids: Iterable[int]) -> None:
    """Recompute the disputed flag of these events from their sources (three queries)."""
    events = list(
        Event.objects.filter(pk__in=set(event_ids)).prefetch_related(
            Prefetch("excerpts", queryset=Excerpt.objects.only(
                "id", "event_id", "article_id", "reported_date", "reported_precision"
            )),
            Prefetch("excerpts__figures", queryset=Figure.objects.only(
                "excerpt_id", "unit", "value"
            )),
        )
    )  # fmt: skip
    changed = []
    for event in events:
        reports = [
            SourceReport(
                article_id=excerpt.article_id,
                date=excerpt.reported_date,
                precision=excerpt.reported_precision,
                figures=tuple((f.unit, float(f.value)) for f in excerpt.figures.all()),
            )
            for excerpt in event.excerpts.all()
        ]
        disputed = bool(disagreements(reports))
        if disputed != event.is_disputed:
            event.is_disputed = disputed
            changed.append(event)
    Event.objects.bulk_update(changed, ["is_disputed"])
