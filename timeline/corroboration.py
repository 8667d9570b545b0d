"""One event, many sources, on stored events: the disputed flag follows what sources say."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch

from articles.extraction.corroboration import SourceReport, disagreements
from timeline.models import Event, Excerpt, Figure, format_event_date

# A death toll and a number of people detained or transferred are both counts of people, but
# never the same count: "62 homicides" in one source and "6,000 gang members" in another of
# the same event is no disagreement. Each kind is compared only with its own kind.
DEATH_TOLL_NOUNS = frozenset({"homicides", "deaths", "murders", "homicidios"})


def is_death_toll(figure: Figure) -> bool:
    return figure.unit == Figure.Unit.PEOPLE and figure.counts.lower() in DEATH_TOLL_NOUNS


def source_disagreements(excerpts: Iterable[Excerpt]) -> list[str]:
    """Why the sources of one event disagree (figures, dates), from excerpts with figures."""
    everything_else, death_tolls = [], []
    for excerpt in excerpts:
        figures = list(excerpt.figures.all())
        everything_else.append(
            SourceReport(
                article_id=excerpt.article_id,
                date=excerpt.reported_date,
                precision=excerpt.reported_precision,
                figures=tuple((f.unit, float(f.value)) for f in figures if not is_death_toll(f)),
            )
        )
        death_tolls.append(
            SourceReport(
                article_id=excerpt.article_id,
                date=None,
                precision=Event.Precision.UNKNOWN,
                figures=tuple((f.unit, float(f.value)) for f in figures if is_death_toll(f)),
            )
        )
    reasons = disagreements(everything_else)
    return reasons + [reason for reason in disagreements(death_tolls) if reason not in reasons]


def refresh_disputes(event_ids: Iterable[int]) -> None:
    """Recompute the disputed flag of these events from their sources (three queries)."""
    events = list(
        Event.objects.filter(pk__in=set(event_ids)).prefetch_related(
            Prefetch("excerpts", queryset=Excerpt.objects.only(
                "id", "event_id", "article_id", "reported_date", "reported_precision"
            )),
            Prefetch("excerpts__figures", queryset=Figure.objects.only(
                "excerpt_id", "unit", "value", "counts"
            )),
        )
    )  # fmt: skip
    changed = []
    for event in events:
        disputed = bool(source_disagreements(event.excerpts.all()))
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
    excerpts = list(event.excerpts.all())
    for excerpt in excerpts:
        summary = by_article.setdefault(
            excerpt.article_id, SourceSummary(excerpt.article, [], [], [])
        )
        summary.excerpts.append(excerpt)
        summary.figures += [(figure, excerpt) for figure in excerpt.figures.all()]
        if excerpt.reported_date and excerpt.reported_precision != Event.Precision.UNKNOWN:
            shown = format_event_date(excerpt.reported_date, excerpt.reported_precision)
            if shown not in summary.dates:
                summary.dates.append(shown)
    return Corroboration(
        sources=list(by_article.values()), disagreements=source_disagreements(excerpts)
    )
