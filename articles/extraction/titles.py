"""Short event titles from the event's type and who took part: "Nayib Bukele visits Costa Rica".

A template over the recognised actors and countries reads better and misleads less than a
clipped sentence; the clipped sentence is the fallback when the template has too little to say.
"""

import re

from articles.extraction.gazetteer import Gazetteer, Mention

MAX_TITLE_WORDS = 12
COUNTED_PEOPLE = re.compile(
    r"\b(\d[\d,.]*)\s+(?:[\w-]+\s+){0,2}?(members|migrants|prisoners|inmates|deportees|detainees|"
    r"people|men|criminals|suspects|gang members|Venezuelans|Salvadorans|migrantes|presos|"
    r"reos|pandilleros|personas|venezolanos|miembros)\b",
    re.IGNORECASE,
)
PRISON = re.compile(r"\b(CECOT|Cecot)\b")
VENUE = re.compile(r"\b(?:the White House|the Oval Office|la Casa Blanca|Mar-a-Lago|Casa Rosada)\b")
EMERGENCY = re.compile(r"state of emergency|excepción", re.IGNORECASE)
ORIGIN = re.compile(r"\b(?:from|de|desde)\s+$")


def event_title(
    *,
    event_type: str,
    sentence: str,
    sentence_start: int,
    actors: list[str],
    country_mentions: list[Mention],
    gazetteer: Gazetteer,
) -> str:
    names = [gazetteer.actor_name(slug) for slug in actors]
    mentioned_countries = list(dict.fromkeys(mention.key for mention in country_mentions))
    if event_type == "visit" and names:
        home = gazetteer.actor_country(actors[0])
        destinations = [
            mention.key
            for mention in country_mentions
            if mention.key != home and not _is_origin(sentence, mention.start - sentence_start)
        ]
        if destinations:
            return f"{names[0]} visits {gazetteer.country_name(destinations[0])}"
    if event_type == "meeting" and len(names) >= 2:
        venue = VENUE.search(sentence)
        return f"{names[0]} meets {names[1]}" + (f" at {venue.group()}" if venue else "")
    if event_type == "agreement" and len(mentioned_countries) >= 2:
        first, second = (gazetteer.country_name(code) for code in mentioned_countries[:2])
        return f"{first}–{second} agreement"
    if event_type == "transfer":
        return _transfer_title(sentence, mentioned_countries, gazetteer)
    emergency = EMERGENCY.search(sentence)
    if event_type == "policy" and emergency and mentioned_countries:
        return f"State of emergency in {gazetteer.country_name(mentioned_countries[0])}"
    return clipped_sentence(sentence)


def _is_origin(sentence: str, offset: int) -> bool:
    """ "a visit from Argentina": the country the visitor comes from, not the one visited."""
    return bool(ORIGIN.search(sentence[max(0, offset - 40) : offset]))  # linear in a long text


def _transfer_title(sentence: str, countries: list[str], gazetteer: Gazetteer) -> str:
    counted = COUNTED_PEOPLE.search(sentence)
    what = f" of {counted.group(1)} {counted.group(2)}" if counted else ""
    if PRISON.search(sentence):
        where = " to CECOT"
    elif countries:
        where = f" to {gazetteer.country_name(countries[-1])}"
    else:
        where = ""
    if not what and not where:
        return clipped_sentence(sentence)
    return f"Transfer{what}{where}"


def clipped_sentence(sentence: str) -> str:
    """The sentence's first words, without quotation marks, cut at a word boundary."""
    text = sentence.strip().strip("\"'“”‘’«»-– ").rstrip(".:;,")
    words = text.split()
    if len(words) <= MAX_TITLE_WORDS:
        return text
    return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:") + "…"
