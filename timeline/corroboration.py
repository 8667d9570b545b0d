"""One event, many sources, on stored events: the disputed flag follows what sources say."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from articles.extraction.corroboration import SourceReport, disagreements
from timeline.models import Event, Excerpt, Figure, format_event_date


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
    Event.objects.bulk_update(sorted(changed, key=lambda event: event.pk), ["is_disputed"])


@dataclass
class SourceSummary:
    """One article's account of an event, for the event's page."""

    article: object
    excerpts: list
    figures: list  # (figure, its excerpt) pairs
    dates: list[str]


@dataclass
class Corroboration:
    sources: list[SourceSummary]
    disagreements: list[str]

    @property
    def source_count(self) -> int:
        return len(self.sources)


def corroboration(event: Event) -> Corroboration:
    """The event's sources grouped by article; expects `with_sources()` and figures prefetched."""
    by_article: dict[int, SourceSummary] = {}
    reports = []
    for excerpt in event.excerpts.all():
        summary = by_article.setdefault(
            excerpt.article_id, SourceSummary(excerpt.article, [], [], [])
        )
        summary.excerpts.append(excerpt)
        figures = list(excerpt.figures.all())
        summary.figures += [(figure, excerpt) for figure in figures]
        if excerpt.reported_date and excerpt.reported_precision != Event.Precision.UNKNOWN:
            shown = format_event_date(excerpt.reported_date, excerpt.reported_precision)
            if shown not in summary.dates:
                summary.dates.append(shown)
        reports.append(
            SourceReport(
                article_id=excerpt.article_id,
                date=excerpt.reported_date,
                precision=excerpt.reported_precision,
                figures=tuple((f.unit, float(f.value)) for f in figures),
            )
        )
    return Corroboration(sources=list(by_article.values()), disagreements=disagreements(reports))
