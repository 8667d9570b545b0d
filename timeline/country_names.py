"""Country names in the reader's language, from pycountry's ISO 3166-1 translations.

Countries are stored with one English name (`Country.name`, which the import pipeline and the
exports rely on); pages translate it when they are rendered. English pages show the stored
name exactly, and so does any language pycountry has no translation for.
"""

import functools
import gettext

import pycountry
from django.utils.translation import get_language


def is_english() -> bool:
    return (get_language() or "en").split("-")[0] == "en"


@functools.cache
def country_catalogue(language: str) -> gettext.NullTranslations:
    """pycountry's ISO 3166-1 names in one language, read once per process."""
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@functools.cache
def iso_country_name(code: str) -> str | None:
    """pycountry's everyday English name for an alpha-2 code ("Venezuela"): the catalogue key."""
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def localized_country_name(code: str, stored_name: str) -> str:
    """The stored name in the active language ("United States" → "Estados Unidos" in Spanish)."""
    if is_english():
        return stored_name
    iso_name = iso_country_name(code or "")
    if iso_name is None:
        return stored_name
    translated = country_catalogue(get_language().split("-")[0]).gettext(iso_name)
    return translated if translated != iso_name else stored_name
