"""One event, many sources: whether two reports tell of the same event, and whether the sources
of one event disagree on figures or dates.

Pure functions over small summaries, so the rules can be tested on hand-written pairs;
`timeline.corroboration` applies them to stored events.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

UNKNOWN = "unknown"
MAX_DAYS_APART_FOR_A_DATE_DISPUTE = 7
# Undated reports in articles published further apart than this (about four months) tell of
# different events: news of one event is written while it is news.
MAX_DAYS_APART_UNDATED = 120
MIN_SIMILARITY = 0.3  # of the wording, for reports whose dates agree (more when they don't)
_COMMON_CAPITALISED = frozenset(
    """the this that these those he she it they we his her its their in on at of for a an and
    but if as by from with after before during while when where who what why how however also
    president secretary minister state government according said says el la los las de del en
    y un una con por para según january february march april may june july august september
    october november december monday tuesday wednesday thursday friday saturday sunday enero
    febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes
    martes miércoles jueves viernes sábado domingo""".split()
)
_CAPITALISED = re.compile(r"\b[A-ZÁÉÍÓÚÑ][\w-]*|\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class EventSummary:
    """What matching needs to know of an event, whether just extracted or already stored."""

    event_type: str
    date: datetime.date | None
    precision: str
    actors: frozenset[str]
    countries: frozenset[str]
    home_countries: frozenset[str]
    terms: frozenset[str]
    # When the articles that report it were published: undated reports of articles far apart
    # in time are not one event, whatever their wording.
    published: frozenset[datetime.date] = frozenset()
    # Told ahead, in the future tense: its reports may well precede its date.
    scheduled: bool = False


def key_terms(text: str, *, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """Names and acronyms that make a sentence about one story: "Tren de Aragua", "CECOT".

    `ignore` holds the words of actors' and countries' names: they are compared on their own,
    and counting them again would make any two sentences about Bukele look alike.
    """
    terms = set()
    for word in _CAPITALISED.findall(text):
        term = _term(word)
        if len(term) > 2 and term not in _COMMON_CAPITALISED and term not in ignore:
            terms.add(term)
    return frozenset(terms)


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The words of names, in the form key_terms gives them, to pass as its `ignore`."""
    return frozenset(_term(word) for name in names for word in _CAPITALISED.findall(name))


def _term(word: str) -> str:
    term = word.lower().removesuffix("'s").removesuffix("’s")
    return term[:-1] if term.endswith("s") and len(term) > 4 else term


def period(date: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    if precision == "year":
        return date.replace(month=1, day=1), date.replace(month=12, day=31)
    if precision == "month":
        next_month = (date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return date.replace(day=1), next_month - datetime.timedelta(days=1)
    return date, date


def dates_agree(a_date, a_precision, b_date, b_precision) -> bool | None:
    """True when the periods overlap, False when they don't, None when either is unknown."""
    if a_date is None or b_date is None or UNKNOWN in (a_precision, b_precision):
        return None
    a_first, a_last = period(a_date, a_precision)
    b_first, b_last = period(b_date, b_precision)
    return a_first <= b_last and b_first <= a_last


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, int]:
    """Overlap coefficient of two term sets, and how many terms they share."""
    shared = len(a & b)
    return (shared / min(len(a), len(b)) if a and b else 0.0), shared


def match_score(new: EventSummary, old: EventSummary) -> float | None:
    """How surely two events are one (higher is surer), or None when they must stay apart.

    Same type; never a report published before the event's date; the same people (or, without
    them, the same countries on the same day or the same story's names; never countries alone);
    for
    visits, the same destination; dates compatible at their precision; and similar wording,
    more of it the less the dates say. Dates a few days apart are allowed only for
    near-identical wording, and the event is then disputed; two visits by one person months
    apart never merge.
    """
    if new.event_type != old.event_type:
        return None
    if new.actors and old.actors and not new.actors & old.actors:
        return None  # the cheapest test first: most candidates fail it
    if _reported_before(new, old) or _reported_before(old, new):
        return None
    if new.actors and old.actors:
        # Bukele meeting Trump and Bukele meeting Rubio on one day are two meetings; a report
        # that names only Bukele may be either.
        if new.event_type == "meeting" and not (
            new.actors <= old.actors or old.actors <= new.actors
        ):
            return None
    elif not _same_place_and_day(new, old) and not _same_story(new, old):
        # Without people on one side, the same place on the same day, or shared countries and
        # the same story's names: countries alone join nothing (a doctors' association and a
        # harvest report both "in Chile").
        return None
    if new.event_type == "visit":
        new_abroad, old_abroad = (
            new.countries - new.home_countries,
            old.countries - old.home_countries,
        )
        if new_abroad and old_abroad and not new_abroad & old_abroad:
            return None
    score, shared = similarity(new.terms, old.terms)
    if score < MIN_SIMILARITY:  # too little in common whatever the dates say
        return None
    agree = dates_agree(new.date, new.precision, old.date, old.precision)
    if agree is True:
        return score
    if agree is None:
        if _published_far_apart(new.published, old.published):
            return None
        return score if score >= 0.5 and shared >= 2 else None
    days_apart = abs((new.date - old.date).days)
    if days_apart <= MAX_DAYS_APART_FOR_A_DATE_DISPUTE and score >= 0.7 and shared >= 4:
        return score / 2
    return None


def _reported_before(report: EventSummary, event: EventSummary) -> bool:
    """An article cannot report an event dated after it was published (one of 15 April cannot
    report a meeting of 21 April), unless it told of it ahead as scheduled."""
    if report.scheduled or not report.published or event.date is None or event.precision == UNKNOWN:
        return False
    first_day, _ = period(event.date, event.precision)
    return max(report.published) < first_day


def _same_place_and_day(new: EventSummary, old: EventSummary) -> bool:
    return (
        not new.actors
        and not old.actors
        and bool(new.countries)
        and new.countries == old.countries
        and new.date is not None
        and (new.date, new.precision) == (old.date, old.precision)
        and new.precision == "day"
    )


def _same_story(new: EventSummary, old: EventSummary) -> bool:
    score, shared = similarity(new.terms, old.terms)
    return bool(new.countries & old.countries) and score >= 0.5 and shared >= 2


def _published_far_apart(new: frozenset, old: frozenset) -> bool:
    """No article of one was published within `MAX_DAYS_APART_UNDATED` days of one of the
    other's (unknown publication dates say nothing)."""
    if not new or not old:
        return False
    return min(abs((a - b).days) for a in new for b in old) > MAX_DAYS_APART_UNDATED


def best_match(new: EventSummary, candidates: Iterable[tuple[int, EventSummary]]) -> int | None:
    scored = [(score, key) for key, old in candidates if (score := match_score(new, old))]
    return max(scored)[1] if scored else None


DISAGREEMENT_LABELS = {
    "people": "counts of people",
    "usd": "amounts of money",
    "percent": "percentages",
    "dates": "dates",
}


@dataclass(frozen=True)
class SourceReport:
    """What one article says of an event: its date and its figures."""

    article_id: int
    date: datetime.date | None
    precision: str
    figures: tuple[tuple[str, float], ...]  # (unit, value)


def disagreements(reports: Iterable[SourceReport]) -> list[str]:
    """Why the sources of one event disagree, if they do: figures or dates."""
    by_article: dict[int, list[SourceReport]] = defaultdict(list)
    for report in reports:
        by_article[report.article_id].append(report)
    if len(by_article) < 2:
        return []
    reasons = []
    values: dict[str, dict[int, set[float]]] = defaultdict(lambda: defaultdict(set))
    dates: dict[int, list[tuple[datetime.date, str]]] = defaultdict(list)
    for article_id, article_reports in by_article.items():
        for report in article_reports:
            for unit, value in report.figures:
                values[unit][article_id].add(value)
            if report.date is not None and report.precision != UNKNOWN:
                dates[article_id].append((report.date, report.precision))
    for unit, per_article in values.items():
        sets = list(per_article.values())
        if any(not a & b for i, a in enumerate(sets) for b in sets[i + 1 :]):
            reasons.append(DISAGREEMENT_LABELS.get(unit, f"figures ({unit})"))
    flat = [(article, date) for article, items in dates.items() for date in items]
    if any(
        a_article != b_article and dates_agree(*a, *b) is False
        for i, (a_article, a) in enumerate(flat)
        for b_article, b in flat[i + 1 :]
    ):
        reasons.append(DISAGREEMENT_LABELS["dates"])
    return reasons
