"""Facets: for each country, actor and type, how many of the matching events it would keep.

All three are counted in one query (a UNION ALL of three GROUP BYs) over a sample of the
matching events given as ids; the options shown are the most frequent, plus the selected ones.
Each option carries the query parameters that toggle it, as datasette's facets do.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Value
from django.utils.translation import gettext_lazy as _

from timeline.models import Actor, Country, Event

FACET_SIZE = 10
# Each id is one query parameter, three times over (SQLite allows 32,766 parameters).
MAX_SAMPLE = 10_000
COLUMNS = ("kind", "key", "label")


@dataclass(frozen=True)
class FacetOption:
    """One value of a facet and the query parameters that toggle it."""

    value: str
    label: str
    count: int
    selected: bool
    params: dict[str, Any]


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    options: list[FacetOption]
    truncated: bool


def facet_counts(sample: list[int], untyped_sample: list[int]) -> dict[str, dict[str, tuple]]:
    """{"country": {code: (name, n)}, "actor": {slug: (name, n)}, "type": {type: (type, n)}}.

    The type facet counts `untyped_sample` (the matching events with the type filter left out,
    because choosing a type replaces the current one)."""
    if len(sample) > MAX_SAMPLE or len(untyped_sample) > MAX_SAMPLE:
        raise ValueError(f"A facet sample holds at most {MAX_SAMPLE} events.")
    countries = _link_counts(Event.countries.through, sample, "country", "country__code")
    actors = _link_counts(Event.actors.through, sample, "actor", "actor__slug")
    types = (
        Event.objects.filter(pk__in=untyped_sample)
        .annotate(kind=Value("type"), key=F("event_type"), label=F("event_type"))
        .values_list(*COLUMNS)
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[str, dict[str, tuple]] = {"country": {}, "actor": {}, "type": {}}
    if not sample and not untyped_sample:
        return counts
    for kind, key, label, n in countries.union(actors, types, all=True):
        counts[kind][key] = (label, n)
    return counts


def _link_counts(through, sample: list[int], kind: str, key: str):
    """How many of the sample each linked country or actor is in, by its code or slug."""
    related = key.split("__")[0]
    return (
        through.objects.filter(event_id__in=sample)
        .annotate(kind=Value(kind), key=F(key), label=F(f"{related}__name"))
        .values_list(*COLUMNS)
        .annotate(n=Count("id"))
        .order_by()
    )


def relation_facet(
    name: str,
    counts: dict[str, tuple],
    *,
    selected: list[Actor] | list[Country],
    exclude: Actor | Country | None,
    total: int,
    key: str,
) -> Facet:
    """The most frequent values first; the selected ones always shown, so they can be removed."""
    title = _("Country") if name == "country" else _("Actor")
    excluded = getattr(exclude, key, None)
    ranked = sorted(
        ((value, label, n) for value, (label, n) in counts.items() if value != excluded),
        key=lambda row: (-row[2], row[1]),
    )
    truncated = len(ranked) > FACET_SIZE
    shown = {value: (label, n) for value, label, n in ranked[:FACET_SIZE]}
    selected_values = [getattr(obj, key) for obj in selected]
    for obj in selected:
        shown.setdefault(getattr(obj, key), (obj.name, total))
    options = []
    for value, (label, count) in shown.items():
        is_selected = value in selected_values
        toggled = (
            [v for v in selected_values if v != value] if is_selected else [*selected_values, value]
        )
        options.append(FacetOption(value, label, count, is_selected, {name: toggled}))
    return Facet(name=name, title=title, options=options, truncated=truncated)


def type_facet(counts: dict[str, tuple], selected_type: str) -> Facet:
    options = []
    for value, label in Event.Type.choices:
        count = counts.get(value, (value, 0))[1]
        is_selected = value == selected_type
        if count or is_selected:
            params = {"type": None if is_selected else value}
            options.append(FacetOption(value, label, count, is_selected, params))
    return Facet(name="type", title=_("Type"), options=options, truncated=False)
