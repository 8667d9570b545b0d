"""Template filters that show stored English text in the reader's language.

Country names, actor roles and date explanations are stored once, in English, by the import
pipeline; these filters translate them when the page is rendered, so switching language never
needs the data to change.
"""

import datetime
import re

from django import template
from django.utils.translation import gettext, pgettext, pgettext_lazy

from timeline.country_names import localized_country_name
from timeline.event_titles import localized_title
from timeline.models import Event, format_event_date

register = template.Library()

SHORT_MONTHS = {
    1: pgettext_lazy("abbreviated month", "Jan"),
    2: pgettext_lazy("abbreviated month", "Feb"),
    3: pgettext_lazy("abbreviated month", "Mar"),
    4: pgettext_lazy("abbreviated month", "Apr"),
    5: pgettext_lazy("abbreviated month", "May"),
    6: pgettext_lazy("abbreviated month", "Jun"),
    7: pgettext_lazy("abbreviated month", "Jul"),
    8: pgettext_lazy("abbreviated month", "Aug"),
    9: pgettext_lazy("abbreviated month", "Sep"),
    10: pgettext_lazy("abbreviated month", "Oct"),
    11: pgettext_lazy("abbreviated month", "Nov"),
    12: pgettext_lazy("abbreviated month", "Dec"),
}
ENGLISH_SHORT_MONTHS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
    "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip

# The explanations `articles.extraction.dates.sentence_dates` gives (Event.date_resolution).
PUBLISHED_IN_ARTICLE = re.compile(
    r"^'(?P<phrase>.*)' in an article published (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2}) "
    r"(?P<year>\d{4})$",
    re.DOTALL,
)
PHRASE_EXPLANATIONS = [
    (re.compile(r"^'(?P<phrase>.*)' in the text$", re.DOTALL),
     pgettext_lazy("date explanation", "“%(phrase)s” in the text")),
    (re.compile(r"^'(?P<phrase>.*)' not resolved: the article has no date\.$", re.DOTALL),
     pgettext_lazy("date explanation", "“%(phrase)s” not resolved: the article has no date.")),
    (re.compile(r"^'(?P<phrase>.*)' refers to a time after publication\.$", re.DOTALL),
     pgettext_lazy("date explanation", "“%(phrase)s” refers to a time after publication.")),
    (re.compile(r"^'(?P<phrase>.*)' would fall after the article's publication\.$", re.DOTALL),
     pgettext_lazy("date explanation", "“%(phrase)s” would fall after the article’s publication.")),
    (re.compile(r"^'(?P<phrase>.*)' could not be read as a date\.$", re.DOTALL),
     pgettext_lazy("date explanation", "“%(phrase)s” could not be read as a date.")),
]  # fmt: skip
NO_DATE_IN_TEXT = "No date in the text."
# What `Event.set_date_resolution_by_editor` stores.
SET_BY_EDITOR = re.compile(
    r"^Set by an editor \((?P<name>.*)\) on (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]{2}) "
    r"(?P<year>\d{4})\.$",
    re.DOTALL,
)


@register.filter
def short_date(date: datetime.date) -> str:
    """ "17 Apr 2025", "17 abr 2025": the form the date explanations use."""
    return pgettext("short date", "%(day)s %(month)s %(year)s") % {
        "day": date.day,
        "month": SHORT_MONTHS[date.month],
        "year": date.year,
    }


@register.filter
def date_explanation(text: str) -> str:
    """`{{ event.date_resolution|date_explanation }}`: the stored English sentence, translated.

    In English too it goes through the catalogue, so the quoted phrase gets typographic quotes
    (“on Monday”, as in Spanish «el lunes») instead of the stored apostrophes; text of any
    other shape passes through.
    """
    if not text:
        return text
    if text == NO_DATE_IN_TEXT:
        return gettext("No date in the text.")
    if match := SET_BY_EDITOR.match(text):
        day = _stored_short_date(match)
        if day is None:
            return text
        return pgettext("date explanation", "Set by an editor (%(name)s) on %(date)s.") % {
            "name": match["name"],
            "date": short_date(day),
        }
    match = PUBLISHED_IN_ARTICLE.match(text)
    if match:
        month = ENGLISH_SHORT_MONTHS.get(match["month"])
        try:
            published = datetime.date(int(match["year"]), month or 0, int(match["day"]))
        except ValueError:
            return text
        return pgettext("date explanation", "“%(phrase)s” in an article published %(date)s") % {
            "phrase": match["phrase"],
            "date": short_date(published),
        }
    for pattern, sentence in PHRASE_EXPLANATIONS:
        match = pattern.match(text)
        if match:
            return str(sentence) % {"phrase": match["phrase"]}
    return text


def _stored_short_date(match: re.Match) -> datetime.date | None:
    """The date of a stored explanation's "17 Apr 2025", if it is one."""
    try:
        month = ENGLISH_SHORT_MONTHS.get(match["month"]) or 0
        return datetime.date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None


@register.filter
def country_name(country, stored_name: str = "") -> str:
    """`{{ country|country_name }}` or `{{ code|country_name:stored_name }}` in the reader's
    language (see `timeline.country_names`)."""
    code = str(getattr(country, "code", country) or "")
    return localized_country_name(code, getattr(country, "name", None) or stored_name or code)


@register.filter
def translated(text: str) -> str:
    """Stored English text that the catalogue may know (the seeded actors' roles)."""
    return gettext(text) if text else text


@register.filter
def translated_list(items: list[str]) -> str:
    """["counts of people", "dates"] → "counts of people and dates", each item translated."""
    names = [gettext(item) for item in items]
    if not names:
        return ""
    joined = names[0]
    for name in names[1:]:
        joined = pgettext("joining a list", "%(items)s and %(last)s") % {
            "items": joined,
            "last": name,
        }
    return joined


@register.filter
def long_date(date: datetime.date | None) -> str:
    """A publication date in full: "17 April 2025", "17 de abril de 2025"."""
    return format_event_date(date, Event.Precision.DAY) if date else ""


@register.filter
def event_title(event: Event) -> str:
    """`{{ event|event_title }}`: a title the importer wrote, in the reader's language (see
    `timeline.event_titles`). Reads the event's actors and countries from the timeline list's
    `listed_actors` and `listed_countries`, or else from its (prefetched) relations."""
    actors = getattr(event, "listed_actors", None)
    countries = getattr(event, "listed_countries", None)
    if actors is None or countries is None:
        actors, countries = event.actors.all(), event.countries.all()
    return localized_title(
        event.title,
        {actor.name for actor in actors},
        {country.name: country.code for country in countries},
    )
