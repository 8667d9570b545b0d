"""Which capitalised words name a place, so that the discovery of people never takes one.

Places themselves are found elsewhere (the gazetteer's countries); here only a yes/no and, for
titles ("presidente de Guatemala", "Argentine minister"), the country a phrase names. Country
names come from pycountry (English and its Spanish translation) and from the gazetteer's own
names and demonyms; first-level regions from pycountry's ISO 3166-2 list.
"""

import gettext
import unicodedata
from functools import cache, lru_cache

import pycountry

from articles.extraction.entity_tables import shared


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case and accents folded: "Arévalo", "AREVALO" and "arevalo" are one key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@cache
def country_forms() -> dict[str, str]:
    """Folded country name → ISO alpha-2 code, English and Spanish, official and common."""
    spanish = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True
    ).gettext
    forms: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                forms.setdefault(fold(name), country.alpha_2)
                forms.setdefault(fold(spanish(name)), country.alpha_2)
    return forms


@cache
def region_forms() -> frozenset[str]:
    """Folded names of first-level regions ("Izabal", "Región de Valparaíso", "Kent")."""
    names = set()
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            names.add(fold(subdivision.name))
    return frozenset(names | {fold(name) for name in shared.KNOWN_PLACES})


def country_code(phrase: str, extra: dict[str, str] | None = None) -> str | None:
    """The country a phrase names ("Guatemala", "guatemalteco" when the gazetteer knows it)."""
    key = fold(phrase)
    if extra and key in extra:
        return extra[key]
    return country_forms().get(key)


def is_place(phrase: str, extra: dict[str, str] | None = None) -> bool:
    key = fold(phrase)
    return key in region_forms() or key in country_forms() or bool(extra and key in extra)
