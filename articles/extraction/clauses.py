"""Which events a sentence tells, clause by clause: the triggers it tells itself (not those a
speaker quotes), the act told by a verb or only named by a noun, and the statement that reports
it. Language knowledge stays in `lexicon.py`; these are the few shapes of both languages."""

import re
from bisect import bisect_left
from functools import cache

from articles.extraction.lexicon import MODALS, STATEMENT
from articles.extraction.triggers import Trigger

# Word endings that are nouns in both languages: "deportations", "movilizaciones", "allanamiento".
NOUN_ENDING = re.compile(r"(?:tions?|sions?|ments?|ción|ciones|sión|siones|mientos?)$")
# Verbs that tell the act their object names: "held a meeting", "declared a state of emergency".
LIGHT_VERB = re.compile(
    r"\b(?:held|holds?|made|makes|staged|led|declared|declares|announced|announces|imposed|"
    r"sostuvo|sostuvieron|realizó|realizaron|celebró|encabezó|convocó|protagonizó|hizo|"
    r"hicieron|decretó|declaró|anunció|impuso)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Past and future verb forms in both languages ("visited", "anunció", "aprobaron", "detendrá").
VERB_FORM = re.compile(r"(?:ed|ó|aron|ieron|ió|ará|arán|erá|erán|irá|irán|ado|ido)$")
IRREGULAR_VERBS = frozenset(
    """met meets told wrote shot sworn detuvo detuvieron eligió eligieron dijo dijeron
    sostuvo hizo""".split()
)
# Acts that a speaker's words only announce, argue or report when a verb of saying governs
# them ("Morgan told BBC Wales he had agreed with Ms Hutt"): the statement is the news. Arrests,
# attacks, rulings and the like stay the news whoever reports them.
REPORTABLE = frozenset({"agreement", "meeting", "visit", "legislation", "policy", "protest"})
# Verbs that perform what they name: "declared a state of emergency", "anunció una reunión".
PERFORMATIVE = re.compile(r"(?i)(?:announc|declar|anunci|decret|confirm)")
# A quotation: "…", “…”, «…» (an unclosed one runs to the sentence's end).
QUOTATION = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|«[^»]*(?:»|$)', re.MULTILINE)
QUOTE_MARK = re.compile(r'["“«]')
# A trigger used as a noun: "the meeting", "su visita", "Bullrich’s visit".
NOUN_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an|this|that|these|those|his|her|their|its|our|la|las|el|los|una|un|unas"
    r"|unos|su|sus|esta|este|estas|estos|del|al|nuestra|nuestro)"
    r"|['’]s)\s+(?:(?:[A-Z]{2,}|[a-záéíóúñü]+(?:al|ic|ive|ous|ary|ada|ado|iva|ivo)|first|new|"
    r"brief|recent|historic|second|last|planned|private|surprise|primera|primer|nueva|nuevo|"
    r"breve|reciente|segunda|última|privada|gran)\s+){0,2}$"
)
# "dijo … en la visita del presidente Bukele", "said during the meeting": an event noun in a
# prepositional phrase after a verb of saying is the occasion of the statement, and an event
# of its own.
OCCASION = re.compile(
    r"\b(?:en|durante|tras|antes de|después de|at|during|after|before|ahead of)\s+"
    r"(?:la|el|su|una|un|the|a|an|his|her|their)\s+$",
    re.IGNORECASE,
)


def holds(positions: list[int], sentence) -> bool:
    index = bisect_left(positions, sentence.start)
    return index < len(positions) and positions[index] < sentence.end


def outside_quotes(body: str, names: list) -> list:
    """Names a speaker quotes are what they speak of, not who takes part."""
    if not names:
        return names
    start, end = names[0].start, names[-1].end
    line_start = _line_start(body, start)
    if not QUOTE_MARK.search(body, line_start, end):
        return names
    quoted = [(m.start(), m.end()) for m in QUOTATION.finditer(body, line_start, end)]
    return [n for n in names if not any(a < n.start < b for a, b in quoted)]


def _line_start(body: str, position: int) -> int:
    return body.rfind("\n", 0, position) + 1


def told_triggers(body: str, triggers: list[Trigger], sentence) -> list[Trigger]:
    """The triggers the sentence itself tells: not those inside a quotation (what a speaker
    says is the statement's content, the statement is the event), and not a noun of saying
    ("las declaraciones", "the statement")."""
    if not triggers:
        return triggers
    quoted = []
    if QUOTE_MARK.search(sentence.text):
        quoted = [
            (m.start(), m.end()) for m in QUOTATION.finditer(body, sentence.start, sentence.end)
        ]
    return [
        trigger
        for trigger in triggers
        if not any(start < trigger.start < end for start, end in quoted)
        and not (
            trigger.kind == STATEMENT
            and NOUN_BEFORE.search(body, max(0, trigger.start - 25), trigger.start)
        )
    ]


def clause_events(body: str, triggers: list[Trigger]) -> list[tuple[Trigger, str]]:
    """The events a sentence tells. Its act is the first told by a verb ("Bukele met Trump to
    discuss the CECOT agreement" is a meeting; but a meeting, visit, agreement, vote, measure
    or protest that a verb of saying before it only reports is the speaker's statement), else
    the first told by a noun ("a
    meeting …, talking about the deportations"). When a verb of saying tells only of an act's
    noun ("Villatoro said that Bullrich's visit is the result of the meeting"), the statement
    is the event, and both are when the noun is the statement's occasion ("Trump dijo esta
    mañana en la visita del presidente Bukele"). Declaring and announcing perform the act
    they name ("declared a state of emergency" is the policy)."""
    acts = [t for t in triggers if t.kind != STATEMENT]
    sayings = [t for t in triggers if t.kind == STATEMENT]
    if not acts:
        return [(sayings[0], STATEMENT)]
    reporting = [t for t in sayings if not PERFORMATIVE.match(t.word)]
    verbs = [t for t in acts if _verb_use(body, t)]
    if verbs:
        main = verbs[0]
        saying = next((t for t in reporting if t.end <= main.start), None)
        if saying is not None and main.kind in REPORTABLE:
            return [(saying, STATEMENT)]  # "Leigh warned the government would have to agree…"
        return [(main, main.kind)]
    main = acts[0]
    if not reporting or not _noun_use(body, main):
        return [(main, main.kind)]
    if OCCASION.search(body, max(0, main.start - 30), main.start):
        return [(reporting[0], STATEMENT), (main, main.kind)]
    return [(reporting[0], STATEMENT)]


def _verb_use(body: str, trigger: Trigger) -> bool:
    """A trigger that tells the act: a past or future verb form ("met", "detuvo", "visited",
    "aprobaron"), or a noun after a light or performative verb ("held a meeting", "declared a
    state of emergency", "sostuvo una reunión")."""
    if VERB_FORM.search(trigger.word) or trigger.word.lower() in IRREGULAR_VERBS:
        return not _noun_use(body, trigger)
    return bool(LIGHT_VERB.search(body[max(0, trigger.start - 40) : trigger.start]))


def _noun_use(body: str, trigger: Trigger) -> bool:
    """A trigger that names the act ("the visit", "deportations", "su visita")."""
    window = body[max(0, trigger.start - 40) : trigger.start]
    return bool(NOUN_ENDING.search(trigger.word) or NOUN_BEFORE.search(window))


def hypothetical(body: str, trigger: Trigger, language: str) -> bool:
    """The act is only wished, owed or guessed: a modal verb just before it ("debe resolver",
    "would be elected", "could sign")."""
    return bool(_modal_pattern(language).search(body, max(0, trigger.start - 30), trigger.start))


def is_question(text: str) -> bool:
    """An interviewer's question tells no event: "¿En la Constitución o en el escenario?"."""
    return text.lstrip("\"'“«").startswith("¿") or text.rstrip("\"'”»").endswith("?")


@cache
def _modal_pattern(language: str) -> re.Pattern:
    words = MODALS.get(language, MODALS["en"]).split()
    return re.compile(
        r"\b(?:" + "|".join(words) + r")\b(?:\s+(?:not|no|be|have|been|haber|ser))?\s+"
        r"(?:\w+\s+){0,2}$",
        re.IGNORECASE,
    )


# The writer's own voice: "reconocemos", "hemos planteado", "we believe", "I think".
FIRST_PERSON = re.compile(r"(?i)\b(?:we|i|hemos|habíamos|vamos|nosotros)\s+(?:\w+\s+)?$")


def authorial(body: str, trigger: Trigger) -> bool:
    """Outside quotation marks, a first-person act is the writer's own (a column, an
    organisation's communiqué written as "we"), not a reported event."""
    if trigger.word.lower().endswith("mos"):
        return True
    return bool(FIRST_PERSON.search(body, max(0, trigger.start - 25), trigger.start))
