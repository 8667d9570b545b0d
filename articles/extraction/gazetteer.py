"""Find mentions of known actors and of places in text.

A gazetteer is built once per import run: one compiled regular expression for every actor's
alias, and the place index (`places_index`: every country, region, city and demonym the packages
know, with the countries' stored aliases added), so that finding mentions costs one scan per
article, however many names there are.
"""

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from articles.extraction.corroboration import name_words
from articles.extraction.places import PlaceMention, find_places
from articles.extraction.places_index import (
    COUNTRY,
    COUNTRY_WEIGHT,
    DEMONYM,
    Place,
    iso_country_name,
    package_index,
    with_stored_names,
)

# Phrases that contain a country's alias without naming that country: "Latin American leaders"
# are not American, "Central American countries" not the United States.
BLOCKING_PHRASES = (
    "Latin America",
    "Latin American",
    "Latin Americans",
    "Central America",
    "Central American",
    "Central Americans",
    "South America",
    "South American",
    "North America",
    "North American",
    "Americas",
    "America Latina",
    "América Latina",
    "Centroamérica",
    "latinoamericano",
    "latinoamericanos",
    "Mar-a-Lago",
    "Bukele model",
    "Bukele Model",
    "modelo Bukele",
    "Washington Post",
    "CNN en Español",
    "New York Times",
    "Wall Street Journal",
)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    key: str  # the actor's slug
    name: str
    names: tuple[str, ...]
    country: str | None = None  # ISO code
    organisation: bool = False


@dataclass(frozen=True, slots=True)
class CountryEntry:
    key: str  # ISO alpha-2 code
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...] = ()  # those of `names` that name its people


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor's or a place's mention. Every place is a "country" mention keyed by the ISO
    code of its country (so that events keep their countries), with what it is in `place`
    (country, region, city or demonym) and its canonical name in `name` ("Puerto Barrios")."""

    kind: str  # "actor" or "country"
    key: str  # the actor's slug or the country's ISO code
    start: int
    end: int
    text: str
    place: str = ""  # for a country mention: country, region, city or demonym
    name: str = ""  # for a country mention: the place's name
    label: str = ""  # PER or ORG for a discovered actor, "" for the gazetteer's


class ArticleSpans(list):
    """The blocking phrases of a whole text (a list of spans, as before) with the places found
    in it, resolved once for the whole article (its other places settle "Santa Ana") and made
    mentions once, outside the blocking phrases."""

    places: list["Mention"]
    place_starts: list[int]

    def places_in(self, start: int, end: int) -> list["Mention"]:
        first = bisect.bisect_left(self.place_starts, start)
        last = bisect.bisect_left(self.place_starts, end)
        return self.places[first:last]


def alias_forms(alias: str) -> set[str]:
    """The spellings of an alias that count: as written, capitalised, and in capitals.

    Case is not folded further, so that a lower-case Spanish demonym ("salvadoreño") matches at
    the start of a sentence but a capitalised alias never matches an ordinary lower-case word.
    """
    alias = " ".join(alias.split())
    if not alias:
        return set()
    forms = {alias, alias.upper()}
    forms.add(alias[0].upper() + alias[1:])
    if alias.lower().startswith(("the ", "la ", "el ")):
        forms.add(alias.split(" ", 1)[1])
    return forms


@dataclass
class Gazetteer:
    """Actors from their aliases; places from the package index with the stored countries'
    names added (`places=True`), or from the stored names alone (`places=False`: an editor's
    new alias is looked for exactly as written, see `editorial.mentions`)."""

    actors: list[ActorEntry] = field(default_factory=list)
    countries: list[CountryEntry] = field(default_factory=list)
    places: bool = True
    # Folded names and slugs of actors an editor rejected: never discovered again.
    rejected: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._by_form: dict[str, tuple[str, str]] = {}
        self.organisations = {actor.key for actor in self.actors if actor.organisation}
        stored: dict[str, Place] = {}
        for country in self.countries:
            demonyms = set(country.demonyms)
            for name in country.names:
                kind = DEMONYM if name in demonyms else COUNTRY
                for form in alias_forms(name):
                    stored.setdefault(form, Place(kind, country.key, country.name, COUNTRY_WEIGHT))
                    if not self.places:
                        self._by_form.setdefault(form, ("country", country.key))
        for actor in self.actors:
            for name in actor.names:
                for form in alias_forms(name):
                    # An actor's alias wins over a country's ("the Salvadoran president").
                    self._by_form[form] = ("actor", actor.key)
        self._actor_country = {actor.key: actor.country for actor in self.actors}
        self._actor_name = {actor.key: actor.name for actor in self.actors}
        self._country_name = {country.key: country.name for country in self.countries}
        self._pattern = _alternation(self._by_form)
        self._places = with_stored_names(package_index(), stored) if self.places else None
        # Organisations' words stay in the wording: events compare people, not organisations.
        self.name_words = name_words(
            [
                *stored,
                *(
                    form
                    for form, (_, key) in self._by_form.items()
                    if key not in self.organisations
                ),
            ]
        )
        self._blockers = _alternation({phrase: None for phrase in BLOCKING_PHRASES})
        self._country_forms: dict[str, str] | None = None

    @classmethod
    def from_database(cls) -> "Gazetteer":
        from timeline.models import Actor, Country

        countries = [
            CountryEntry(key=c.code, name=c.name, names=tuple(c.names), demonyms=tuple(c.demonyms))
            for c in Country.objects.all()
        ]
        from articles.extraction.places_lookup import fold

        actors, rejected = [], set()
        for actor in Actor.objects.select_related("country"):
            if actor.status == Actor.Status.REJECTED:
                rejected.update({actor.slug, *(fold(name) for name in actor.names)})
                continue
            actors.append(
                ActorEntry(
                    key=actor.slug,
                    name=actor.name,
                    names=tuple(actor.names),
                    country=actor.country.code if actor.country else None,
                    organisation=actor.category == Actor.Category.ORGANISATION,
                )
            )
        return cls(actors=actors, countries=countries, rejected=frozenset(rejected))

    @classmethod
    def from_rows(cls, *, countries: list[dict], actors: list[dict]) -> "Gazetteer":
        """From plain rows shaped like timeline.gazetteer_data's (for tests and tools)."""
        return cls(
            countries=[
                CountryEntry(
                    key=row["code"],
                    name=row["name"],
                    names=(row["name"], *row.get("aliases", ()), *row.get("demonyms", ())),
                    demonyms=tuple(row.get("demonyms", ())),
                )
                for row in countries
            ],
            actors=[
                ActorEntry(
                    key=row["slug"],
                    name=row["name"],
                    names=(row["name"], *row.get("aliases", ())),
                    country=row.get("country"),
                )
                for row in actors
            ],
        )

    def country_forms(self) -> dict[str, str]:
        """Every country name and demonym, folded (case and accents), → its code."""
        if self._country_forms is None:
            from articles.extraction.places_lookup import fold

            self._country_forms = {
                fold(name): country.key for country in self.countries for name in country.names
            }
        return self._country_forms

    def learn(self, entities) -> None:
        """Names and countries of actors discovered in an article, so titles can name them."""
        for entity in entities:
            self._actor_name.setdefault(entity.key, entity.name)
            if entity.label == "ORG":
                self.organisations.add(entity.key)
            if entity.country:
                self._actor_country.setdefault(entity.key, entity.country)

    def actor_country(self, slug: str) -> str | None:
        return self._actor_country.get(slug)

    def actor_name(self, slug: str) -> str:
        return self._actor_name.get(slug, slug)

    def country_name(self, code: str) -> str:
        if code in self._country_name:
            return self._country_name[code]
        return iso_country_name(code) or code

    def blocked_spans(self, text: str) -> "ArticleSpans":
        """The blocking phrases in the whole text, to pass to `find_mentions` for each of its
        sentences (no phrase runs across a sentence's end, so they are the same phrases), with
        the text's places, resolved once for the whole text."""
        spans = ArticleSpans()
        if self._blockers is not None:
            spans.extend((m.start(), m.end()) for m in self._blockers.finditer(text))
        places = find_places(self._places, text) if self._places is not None else []
        spans.places = _place_mentions(places, spans)
        spans.place_starts = [place.start for place in spans.places]
        return spans

    def find_mentions(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        blocked: list[tuple[int, int]] | None = None,
    ) -> list[Mention]:
        """Mentions in text[start:end], longest alias first, never inside a blocking phrase
        (those of `blocked_spans(text)` when given, else those in text[start:end]); places as
        resolved for the whole text when `blocked` comes from `blocked_spans`, else for the
        range alone."""
        end = len(text) if end is None else end
        if blocked is None:
            blocked = []
            if self._blockers is not None:
                blocked = [(m.start(), m.end()) for m in self._blockers.finditer(text, start, end)]
        mentions = []
        if self._pattern is not None:
            for match in self._pattern.finditer(text, start, end):
                if any(b_start <= match.start() < b_end for b_start, b_end in blocked):
                    continue
                kind, key = self._by_form[match.group()]
                mentions.append(Mention(kind, key, match.start(), match.end(), match.group()))
        if self._places is None:
            return mentions
        if isinstance(blocked, ArticleSpans):
            places = blocked.places_in(start, end)
        else:
            places = _place_mentions(find_places(self._places, text, start, end), blocked)
        if not mentions:
            return [place for place in places if place.end <= end]
        taken = [(m.start, m.end) for m in mentions]
        for place in places:
            if place.end > end:
                continue
            if any(place.start < t_end and t_start < place.end for t_start, t_end in taken):
                continue  # an actor's alias around it ("the Salvadoran president")
            mentions.append(place)
        mentions.sort(key=lambda m: m.start)
        return mentions


def _place_mentions(places: list[PlaceMention], blocked) -> list[Mention]:
    """Places as country mentions, those inside a blocking phrase left out."""
    return [
        Mention(
            "country",
            place.country,
            place.start,
            place.end,
            place.text,
            place=place.kind,
            name=place.name,
        )
        for place in places
        if not any(b_start <= place.start < b_end for b_start, b_end in blocked)
    ]


def _alternation(forms: Iterable[str]) -> re.Pattern | None:
    """One pattern for every form: the longest form that fits wins, and a word boundary on
    each side that also works for aliases ending in a full stop ("U.S.").

    The forms are laid out as a tree of shared prefixes ("Nayib Bukele", "Nayib Armando
    Bukele" share "Nayib "), longer continuations tried before a form that ends earlier: the
    same matches as one alternative per form, longest first, at a quarter of the cost, since
    the regular expression engine otherwise tries every form at every position.
    """
    tree: dict = {}
    for form in set(forms):
        node = tree
        for character in form:
            node = node.setdefault(character, {})
        node[_END] = {}
    if not tree:
        return None
    return re.compile(rf"(?<![\w.]){_branches(tree)}")


_END = ""  # marks the end of a form in the prefix tree
_FORM_END = r"(?![\w]|\.\w)"


def _branches(node: dict) -> str:
    alternatives = []
    for character in sorted(key for key in node if key != _END):
        label, child = character, node[character]
        while len(child) == 1 and _END not in child:  # a run without branches: one literal
            ((next_character, child),) = child.items()
            label += next_character
        alternatives.append(re.escape(label) + _branches(child))
    if _END in node:
        alternatives.append(_FORM_END)  # last, so that a longer form is tried first
    if len(alternatives) == 1:
        return alternatives[0]
    return f"(?:{'|'.join(alternatives)})"
