"""Event titles in the reader's language, when they are titles the importer wrote.

`articles.extraction.titles` writes titles from templates in English ("Nayib Bukele visits
Costa Rica", "Transfer of 238 members to CECOT"), whatever the article's language; they are
stored once, like the date explanations, and translated when a page is rendered. A title is
translated only when it has exactly one of those shapes and the names in it are the event's own
actors and countries, so an editor's title or a clipped sentence that happens to read "X meets
Y" is shown as it was written.
"""

import re

from django.utils.translation import pgettext, pgettext_lazy

from timeline.country_names import localized_country_name

VISIT = re.compile(r"^(?P<actor>.+?) visits (?P<country>.+)$")
MEETING = re.compile(r"^(?P<first>.+?) meets (?P<second>.+?)(?: at (?P<venue>.+))?$")
AGREEMENT = re.compile(r"^(?P<first>.+?)–(?P<second>.+) agreement$")
EMERGENCY = re.compile(r"^State of emergency in (?P<country>.+)$")
TRANSFER = re.compile(
    r"^Transfer(?: of (?P<count>\d[\d,.]*) (?P<people>.+?))?(?: to (?P<place>.+))?$"
)
PRISONS = {"CECOT"}

# The venues and the words for people that `articles.extraction.titles` takes from a sentence
# in either language, each under its English name.
VENUES = {
    "the White House": pgettext_lazy("venue", "the White House"),
    "la Casa Blanca": pgettext_lazy("venue", "the White House"),
    "the Oval Office": pgettext_lazy("venue", "the Oval Office"),
    "Mar-a-Lago": "Mar-a-Lago",
    "Casa Rosada": "Casa Rosada",
}
PEOPLE = {
    "members": pgettext_lazy("transferred people", "members"),
    "miembros": pgettext_lazy("transferred people", "members"),
    "migrants": pgettext_lazy("transferred people", "migrants"),
    "migrantes": pgettext_lazy("transferred people", "migrants"),
    "prisoners": pgettext_lazy("transferred people", "prisoners"),
    "presos": pgettext_lazy("transferred people", "prisoners"),
    "inmates": pgettext_lazy("transferred people", "inmates"),
    "reos": pgettext_lazy("transferred people", "inmates"),
    "deportees": pgettext_lazy("transferred people", "deportees"),
    "detainees": pgettext_lazy("transferred people", "detainees"),
    "people": pgettext_lazy("transferred people", "people"),
    "personas": pgettext_lazy("transferred people", "people"),
    "men": pgettext_lazy("transferred people", "men"),
    "criminals": pgettext_lazy("transferred people", "criminals"),
    "suspects": pgettext_lazy("transferred people", "suspects"),
    "gang members": pgettext_lazy("transferred people", "gang members"),
    "pandilleros": pgettext_lazy("transferred people", "gang members"),
    "venezuelans": pgettext_lazy("transferred people", "Venezuelans"),
    "venezolanos": pgettext_lazy("transferred people", "Venezuelans"),
    "salvadorans": pgettext_lazy("transferred people", "Salvadorans"),
}


def localized_title(title: str, actors: set[str], countries: dict[str, str]) -> str:
    """`title` in the active language; `actors` are the event's actors' names, `countries` its
    countries' names with their ISO codes."""
    for translate in (_visit, _meeting, _agreement, _emergency, _transfer):
        translated = translate(title, actors, countries)
        if translated is not None:
            return translated
    return title


def _country(name: str, countries: dict[str, str]) -> str:
    return localized_country_name(countries[name], name)


def _visit(title, actors, countries) -> str | None:
    match = VISIT.match(title)
    if not match or match["actor"] not in actors or match["country"] not in countries:
        return None
    return pgettext("event title", "%(actor)s visits %(country)s") % {
        "actor": match["actor"],
        "country": _country(match["country"], countries),
    }


def _meeting(title, actors, countries) -> str | None:
    match = MEETING.match(title)
    if not match or not {match["first"], match["second"]} <= actors:
        return None
    names = {"first": match["first"], "second": match["second"]}
    if match["venue"] is None:
        return pgettext("event title", "%(first)s meets %(second)s") % names
    if match["venue"] not in VENUES:
        return None
    venue = str(VENUES[match["venue"]])
    return pgettext("event title", "%(first)s meets %(second)s at %(venue)s") % (
        names | {"venue": venue}
    )


def _agreement(title, actors, countries) -> str | None:
    match = AGREEMENT.match(title)
    if not match or not {match["first"], match["second"]} <= countries.keys():
        return None
    return pgettext("event title", "%(first)s–%(second)s agreement") % {
        "first": _country(match["first"], countries),
        "second": _country(match["second"], countries),
    }


def _emergency(title, actors, countries) -> str | None:
    match = EMERGENCY.match(title)
    if not match or match["country"] not in countries:
        return None
    return pgettext("event title", "State of emergency in %(country)s") % {
        "country": _country(match["country"], countries)
    }


def _transfer(title, actors, countries) -> str | None:
    match = TRANSFER.match(title)
    if not match or title == "Transfer":
        return None
    people, place = match["people"], match["place"]
    if people is not None and people.lower() not in PEOPLE:
        return None
    if place is not None and place not in PRISONS and place not in countries:
        return None
    where = place if place in PRISONS or place is None else _country(place, countries)
    values = {
        "count": match["count"],
        "people": str(PEOPLE[people.lower()]) if people else "",
        "place": where,
    }
    if people and place:
        message = pgettext("event title", "Transfer of %(count)s %(people)s to %(place)s")
    elif people:
        message = pgettext("event title", "Transfer of %(count)s %(people)s")
    else:
        message = pgettext("event title", "Transfer to %(place)s")
    return message % values
