"""Who took part in an event, in roles: the agent (who acted), the others (with or on whom) and
the place, read around the event's trigger.

Names are found open-world, as runs of capitalised words ("Izkia Siches", "Cabinet Office",
"Instituto Nacional", "Board of Deputies of British Jews"), without titles ("la ministra",
"Mr"); known actors and countries come from the gazetteer's mentions, and a discovered-entity
finder can add more `Mention`s to those, which then take their place here.
"""

import re
from dataclasses import dataclass

from articles.extraction.lexicon import MONTHS_AND_DAYS, NOT_NAMES, STATEMENT, TITLES

_UPPER = "A-ZÁÉÍÓÚÑÜ"
NAME = re.compile(
    rf"(?<![\w@#/])[{_UPPER}][\w'’.-]*"
    rf"(?:\s+(?:(?:de|del|de la|de los|of|for|the)\s+)?[{_UPPER}][\w'’-]*)*"
)
# "en Santiago", "in Ramallah", "a Washington": a name after these is where, not who.
PLACE_BEFORE = re.compile(r"(?:\b(?:en|in|at|a|to|desde|from|hacia)\s+(?:la\s+|el\s+|the\s+)?)$")
# Between a verb of saying and its speaker: "dijo el ministro", "said Mr", "señaló la vocera".
SPEAKER_GAP = 40
CLAUSE_BREAK = re.compile(r"[;«»“”\"]|\s[—–-]\s")
SUBJECT_BREAK = re.compile(r";|\s[—–]\s")
# The speaker follows the verb after a quotation: «…», dijo el senador; "…," said Mr Thomas.
INVERSION = re.compile(r"[”\"»’']\s*,?\s*$|,\s*$")
# Verbs whose object is who was spoken to, not who spoke: "told BBC Wales", "wrote to Blair".
ADDRESSEE_VERB = re.compile(r"(?i)(?:told|tells|tell|wrote|writes|asked|asks)\b")
PRONOUN_SUBJECT = re.compile(r"(?i)\b(?:he|she|they|él|ella|ellos|ellas)\s+(?:\w+\s+)?$")


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    text: str


@dataclass
class Roles:
    agents: list[str]
    others: list[str]
    place: str | None


def _words(language: str, table: dict) -> frozenset[str]:
    return frozenset(table.get(language, "").split())


_SKIP = {
    language: _words(language, NOT_NAMES) | _words(language, TITLES) | set(MONTHS_AND_DAYS)
    for language in ("es", "en")
}


_TITLES = {language: _words(language, TITLES) for language in ("es", "en")}


def find_names(
    text: str, start: int, end: int, language: str, *, known: "KnownNames | None" = None
) -> list[Name]:
    """Names in text[start:end]. A single capitalised word that opens the sentence is a name
    only when the article also writes it capitalised inside a sentence (`known`)."""
    skip = _SKIP.get(language, _SKIP["en"])
    titles = _TITLES.get(language, _TITLES["en"])
    names = []
    for match in _name_runs(text, start, end):
        run = match.group()
        if " " not in run:  # one word, the usual case: no titles to trim inside it
            if _plain(run) in skip:
                continue
            tokens = [(0, len(run))]
        else:
            tokens = [(m.start(), m.end()) for m in TOKEN.finditer(run)]
        offset = match.start()
        while tokens and _plain(match.group()[tokens[0][0] : tokens[0][1]]) in skip:
            tokens.pop(0)
        while tokens and _plain(match.group()[tokens[-1][0] : tokens[-1][1]]) in skip:
            tokens.pop()
        # "Argentine Security Minister Patricia Bullrich": the name is after the last title.
        titled = [i for i, (a, b) in enumerate(tokens) if _plain(match.group()[a:b]) in titles]
        if titled and titled[-1] < len(tokens) - 1:
            tokens = tokens[titled[-1] + 1 :]
        if not tokens:
            continue
        name_start, name_end = offset + tokens[0][0], offset + tokens[-1][1]
        name = text[name_start:name_end].rstrip(".")
        name_end = name_start + len(name)
        if len(name) < 2 or name.isdigit():
            continue
        at_sentence_start = name_start - start < 6 and not text[start:name_start].strip(
            " \"'“‘«¿¡(-—"
        )
        if at_sentence_start and len(tokens) == 1 and (known is None or name not in known):
            continue
        names.append(Name(name_start, name_end, name))
    return names


POSSESSIVE = re.compile(r"['’]s\b")
TOKEN = re.compile(r"\S+")


def _name_runs(text: str, start: int, end: int):
    """Capitalised runs, cut after a possessive: "El Salvador’s President Nayib Bukele" is
    "El Salvador" and "President Nayib Bukele"."""
    for match in NAME.finditer(text, start, end):
        position = match.start()
        run = match.group()
        if "'" not in run and "’" not in run:
            yield match
            continue
        for possessive in POSSESSIVE.finditer(text, match.start(), match.end()):
            yield _Run(text, position, possessive.start())
            position = possessive.end()
        yield _Run(text, position, match.end())


class _Run:
    """A slice of text shaped like a regular-expression match (start, end, group)."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int):
        while start < end and text[start].isspace():
            start += 1
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


class KnownNames:
    """The words an article writes capitalised after another word: its names, not sentence
    openers ("Emplazado", "Desde"). Asked only of one-word names that open a sentence, so it is
    answered by one search a word, when asked, and remembered."""

    def __init__(self, body: str):
        self._body = body
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = self._inside_a_sentence(word)
        return answer

    def _inside_a_sentence(self, word: str) -> bool:
        """Some occurrence of word follows a word or a comma and a space (plain `find`s: a
        pattern opening with a character class would try every position of the body)."""
        body = self._body
        position = body.find(word)
        while position >= 0:
            end = position + len(word)
            after = body[end : end + 1]
            if (
                position >= 2
                and body[position - 1].isspace()
                and (body[position - 2].isalnum() or body[position - 2] == ",")
                and not (after.isalnum() or after == "-")
            ):
                return True
            position = body.find(word, end)
        return False


def assign_roles(
    text: str,
    names: list[Name],
    *,
    trigger_start: int,
    trigger_end: int,
    kind: str,
    sentence_start: int,
    actors: frozenset[str] = frozenset(),
) -> Roles:
    """The agent is the speaker of a statement ("dijo el senador Walker", "Mr Thomas said"),
    the doer named before an act ("Carabineros detuvieron…") or the owner of an event noun ("la
    visita del presidente Bukele"); a name after "en"/"in" is the place, unless it is one of
    the `actors` the article's entities resolved ("detuvo a Juan Pérez": Spanish's personal
    "a")."""
    place = None
    people = []
    for name in names:
        if name.text not in actors and PLACE_BEFORE.search(
            text, max(sentence_start, name.start - 12), name.start
        ):
            place = place or name.text
        else:
            people.append(name)
    inverted = kind == STATEMENT and INVERSION.search(
        text, max(sentence_start, trigger_start - 4), trigger_start
    )
    addressee = ADDRESSEE_VERB.match(text, trigger_start)
    agent = None
    if inverted or kind != STATEMENT:
        agent = _after_trigger(text, people, trigger_end, kind)
    if agent is None:
        agent = _before_trigger(text, people, trigger_start)
    if (
        agent is None
        and kind == STATEMENT
        and not addressee
        and not pronoun_subject(text, sentence_start, trigger_start)
    ):
        agent = _after_trigger(text, people, trigger_end, kind)
    agents = [agent.text] if agent else []
    others = list(dict.fromkeys(n.text for n in people if n is not agent and n.text not in agents))
    return Roles(agents=agents, others=others, place=place)


def _after_trigger(text: str, people: list[Name], trigger_end: int, kind: str) -> Name | None:
    """ "dijo el ministro Jackson", "said Mr Thomas", "la visita del presidente Bukele"."""
    for name in people:
        if name.start < trigger_end:
            continue
        gap = text[trigger_end : name.start]
        if len(gap) > SPEAKER_GAP or CLAUSE_BREAK.search(gap):
            return None
        words = re.findall(r"[\w']+", gap.lower())
        if words[:1] in (["a"], ["al"], ["to"]):
            return None  # "llamó a Yasna Provoste", "wrote to Tony Blair": who was addressed
        if kind == STATEMENT and all(word in _SKIP["es"] | _SKIP["en"] for word in words):
            return name
        if kind != STATEMENT and words[:1] in (["de"], ["del"], ["of"], ["by"], ["por"]):
            return name
        return None
    return None


def _before_trigger(text: str, people: list[Name], trigger_start: int) -> Name | None:
    before = [name for name in people if name.end <= trigger_start]
    if not before:
        return None
    nearest = before[-1]
    if SUBJECT_BREAK.search(text, nearest.end, trigger_start):
        return None
    return nearest


def _pronoun_subject(text: str, sentence_start: int, trigger_start: int) -> bool:
    return bool(
        PRONOUN_SUBJECT.search(text, max(sentence_start, trigger_start - 25), trigger_start)
    )


def pronoun_subject(text: str, sentence_start: int, trigger_start: int) -> bool:
    """ "He said", "ella afirmó": the speaker is whoever the article spoke of last."""
    return _pronoun_subject(text, sentence_start, trigger_start)


def _plain(token: str) -> str:
    return token.lower().strip(".,:;'’\"")
