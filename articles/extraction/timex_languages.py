"""What the temporal tagger knows of each language: word tables and rules, no code.

HeidelTime-style: the engine (`articles.extraction.timex`) is language-blind; a language is
tables (month names, weekdays, number words, units, shift words, tense markers) and rules.
A rule is (regular expression template, kind): `{MONTH}`, `{WEEKDAY}`… expand to the table's
words; named groups carry the parts the engine normalises (`year`, `month`, `day`, `weekday`,
`shift`, `num`, `unit`, `part`, `hour`, `minute`, `ampm`, `season`, `quarter`, `decade`,
`deictic`, `ref`, `set`, `ago`, `later`). Rules are matched in lower-cased text; the groups
named in CAPITALISED must be capitalised in the text. Kinds: date, deictic, period
(last/this/next + unit), offset (n units ago/later), duration, set, ref, time. Every rule
has its examples as tests in `tests/test_timex.py`.
"""

MONTHS = {
    "en": {
        **dict.fromkeys(["January", "Jan."], 1),
        **dict.fromkeys(["February", "Feb."], 2),
        **dict.fromkeys(["March", "Mar."], 3),
        **dict.fromkeys(["April", "Apr."], 4),
        "May": 5,
        **dict.fromkeys(["June", "Jun."], 6),
        **dict.fromkeys(["July", "Jul."], 7),
        **dict.fromkeys(["August", "Aug."], 8),
        **dict.fromkeys(["September", "Sept.", "Sep."], 9),
        **dict.fromkeys(["October", "Oct."], 10),
        **dict.fromkeys(["November", "Nov."], 11),
        **dict.fromkeys(["December", "Dec."], 12),
    },
    "es": {
        **dict.fromkeys(["enero", "ene", "ene."], 1),
        **dict.fromkeys(["febrero", "feb", "feb."], 2),
        **dict.fromkeys(["marzo", "mar."], 3),
        **dict.fromkeys(["abril", "abr", "abr."], 4),
        "mayo": 5,
        **dict.fromkeys(["junio", "jun."], 6),
        **dict.fromkeys(["julio", "jul."], 7),
        **dict.fromkeys(["agosto", "ago."], 8),
        **dict.fromkeys(["septiembre", "setiembre", "sept", "sept.", "sep."], 9),
        **dict.fromkeys(["octubre", "oct", "oct."], 10),
        **dict.fromkeys(["noviembre", "nov", "nov."], 11),
        **dict.fromkeys(["diciembre", "dic", "dic."], 12),
    },
}
WEEKDAYS = {
    "en": {
        "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
        "Sunday": 6,
    },
    "es": {
        "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
        "sábado": 5, "sabado": 5, "domingo": 6,
    },
}  # fmt: skip
NUMBERS = {
    "en": {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
        "a couple of": 2, "a hundred": 100, "several": "X", "many": "X", "a few": "X", "few": "X",
        "some": "X",
    },
    "es": {
        "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
        "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
        "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
        "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
        "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "un par de": 2,
        "varios": "X", "varias": "X", "unos": "X", "unas": "X", "algunos": "X", "algunas": "X",
        "muchos": "X", "muchas": "X", "pocos": "X", "pocas": "X",
    },
}  # fmt: skip
# Unit word -> (TIMEX3 unit letter, whether it is a time unit written after "T").
UNITS = {
    "en": {
        **dict.fromkeys(["year", "years"], "Y"),
        **dict.fromkeys(["month", "months"], "M"),
        **dict.fromkeys(["week", "weeks"], "W"),
        **dict.fromkeys(["day", "days"], "D"),
        **dict.fromkeys(["hour", "hours"], "H"),
        **dict.fromkeys(["minute", "minutes"], "MIN"),
        **dict.fromkeys(["quarter", "quarters"], "Q"),
        **dict.fromkeys(["decade", "decades"], "DE"),
        **dict.fromkeys(["century", "centuries"], "CE"),
        **dict.fromkeys(["weekend", "weekends"], "WE"),
    },
    "es": {
        **dict.fromkeys(["año", "años"], "Y"),
        **dict.fromkeys(["mes", "meses"], "M"),
        **dict.fromkeys(["semana", "semanas"], "W"),
        **dict.fromkeys(["día", "días", "dia", "dias"], "D"),
        **dict.fromkeys(["hora", "horas"], "H"),
        **dict.fromkeys(["minuto", "minutos"], "MIN"),
        **dict.fromkeys(["trimestre", "trimestres"], "Q"),
        **dict.fromkeys(["década", "décadas", "decenio", "decenios"], "DE"),
        **dict.fromkeys(["siglo", "siglos"], "CE"),
        **dict.fromkeys(["fin de semana", "fines de semana"], "WE"),
    },
}
# Shift words: -1 the one before publication, 0 the current one, +1 the one after.
SHIFTS = {
    "en": {
        "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
        "upcoming": 1, "following": 1, "latest": -1, "most recent": -1,
    },
    "es": {
        "pasado": -1, "pasada": -1, "último": -1, "última": -1, "anterior": -1, "este": 0,
        "esta": 0, "actual": 0, "próximo": 1, "próxima": 1, "proximo": 1, "proxima": 1,
        "que viene": 1, "siguiente": 1, "entrante": 1,
    },
}  # fmt: skip
DEICTIC = {
    "en": {
        "today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
        "the day after tomorrow": 2, "tonight": 0, "last night": -1,
    },
    "es": {
        "hoy": 0, "ayer": -1, "mañana": 1, "anteayer": -2, "antier": -2, "antes de ayer": -2,
        "pasado mañana": 2, "anoche": -1, "esta noche": 0,
    },
}  # fmt: skip
PARTS_OF_DAY = {
    "en": {
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
        "last night": "NI",
    },
    "es": {
        "mañana": "MO", "tarde": "AF", "noche": "NI", "madrugada": "MO", "anoche": "NI",
        "esta noche": "NI",
    },
}  # fmt: skip
SEASONS = {
    "en": {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"},
    "es": {"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"},
}
ORDINALS = {
    "en": {
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    },
    "es": {
        "primer": 1, "primero": 1, "1er": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
    },
}  # fmt: skip
REFS = {
    "en": {
        "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF", "current": "PRESENT_REF", "these days": "PRESENT_REF",
        "recently": "PAST_REF", "the past": "PAST_REF", "lately": "PAST_REF",
        "in recent years": "PAST_REF", "the near future": "FUTURE_REF",
        "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "recent years": "PAST_REF",
        "the future": "FUTURE_REF",
    },
    "es": {
        "ahora": "PRESENT_REF", "actualmente": "PRESENT_REF", "la actualidad": "PRESENT_REF",
        "hoy en día": "PRESENT_REF", "hoy por hoy": "PRESENT_REF", "actual": "PRESENT_REF",
        "actuales": "PRESENT_REF", "estos días": "PRESENT_REF", "este momento": "PRESENT_REF",
        "recientemente": "PAST_REF", "recién": "PAST_REF", "reciente": "PAST_REF",
        "recientes": "PAST_REF", "el pasado": "PAST_REF", "del pasado": "PAST_REF",
        "anteriormente": "PAST_REF", "próximamente": "FUTURE_REF", "largo plazo": "FUTURE_REF",
        "el futuro": "FUTURE_REF",
    },
}  # fmt: skip
SETS = {
    "en": {
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "hourly": "PT1H",
    },
    "es": {
        "diaria": "P1D", "diarias": "P1D", "diariamente": "P1D", "semanal": "P1W",
        "semanales": "P1W", "mensual": "P1M", "mensuales": "P1M", "anual": "P1Y", "anuales": "P1Y",
        "anualmente": "P1Y", "trimestral": "P1Q", "trimestrales": "P1Q",
    },
}  # fmt: skip
# Words around an expression that put it after publication, or before it.
FUTURE = {
    "en": r"\bwill\b|'ll\b|\bshall\b|\b(?:is|are|was|were)\s+(?:expected|scheduled|set|due|"
    r"going|slated|planned)\s+to\b|\bexpected\s+to\b|\bscheduled\b|\bplans?\s+to\b|\bupcoming\b|\bnext\b|"
    r"\bwould\s+begin\b|\bforthcoming\b|\bplanned\s+to\b|\bas\s+(?:soon|early)\s+as\b|"
    r"\b(?:is|are)\s+to\b|\bset\s+to\b",
    "es": r"\b\w+(?:rá|rán|remos|réis)\b|\bva(?:n|mos)?\s+a\b|\bpróxim[oa]s?\b|\bprevé\b|"
    r"\bprevén\b|\bprevist[oa]s?\b|\ba\s+partir\s+del?\b|\bse\s+espera\b|\bplanea\b|"
    r"\bprogramad[oa]s?\b|\bentrante\b",
}
PAST = {
    "en": r"\b(?:said|last|earlier)\b|\b\w{3,}ed\b",
    "es": r"\b(?:dijo|pasad[oa])\b|\b\w{3,}(?:ó|aron|ieron)\b",
}
# The past said outright ("was", "fueron"): enough to put a month or a day of a month before
# publication; a past participle alone is not ("extended the offer to Nov. 16").
PAST_STRONG = {
    "en": r"\b(?:was|were|had|did|ago)\b",
    "es": r"\b(?:fue|fueron|había|habían|hubo|era|eran|hace)\b",
}
# "…, his office said": a reporting clause after the expression says nothing of its tense.
REPORTING = {
    "en": r",\s*(?:[\w'’]+\s+){0,3}(?:said|says|told|reported|announced|added)\b",
    "es": r",\s*(?:[\w'’]+\s+){0,3}(?:dijo|afirmó|aseguró|informó|señaló|explicó|indicó|"
    r"anunció|añadió)\b",
}
# Words in front of a four-digit number that make it a quantity, not a year.
QUANTITY = {
    "en": r"(?:\$|€|£|US\$|more\s+than|less\s+than|fewer\s+than|about|some|nearly|over|"
    r"under|almost|around|up\s+to|at\s+least|roughly|approximately|estimated|total\s+of)\s*$",
    "es": r"(?:\$|€|US\$|más\s+de|menos\s+de|unos|unas|cerca\s+de|casi|alrededor\s+de|"
    r"hasta|al\s+menos|aproximadamente|total\s+de)\s*$",
}
# Years below 1800 only after these words ("in 1798"; "a law from 1798" is a reference).
YEAR_PREPOSITIONS = {
    "en": r"(?:in|since|until|by|of\s+the\s+year|the\s+year|fiscal)\s+$",
    "es": r"(?:en|desde|hasta|del\s+año|el\s+año|de)\s+(?:el\s+)?$",
}

# English month names and weekdays only capitalised: "may" is a verb, "march" a noun.
CAPITALISED = {"en": ("month", "weekday"), "es": ()}
# Where month names and weekdays are lower-case, a capitalised one next to another capitalised
# word is part of a name: "Avenida 17 de Junio", "Domingo García".
LOWER_CASE_CALENDAR = {"en": False, "es": True}

_Y = r"(?P<year>1[0-9]\d\d|20\d\d)"
_D = r"(?P<day>3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
RULES = {
    "en": [
        (rf"(?:(?P<weekday>{{WEEKDAY}}),?\s+)?(?P<month>{{MONTH}})\s+{_D}{_ORD},?\s+{_Y}", "date"),
        (
            rf"(?:(?P<weekday>{{WEEKDAY}}),?\s+)?(?:the\s+)?{_D}{_ORD}\s+(?:of\s+)?(?P<month>{{MONTH}}),?\s+{_Y}",
            "date",
        ),
        (r"(?P<year>\d{4})-(?P<monthnumber>[01]\d)-(?P<day>[0-3]\d)", "date"),
        (r"(?P<day>\d{1,2})/(?P<monthnumber>\d{1,2})/(?P<year>\d{4})", "date"),
        (
            rf"(?:(?P<mod>early|late|mid-|the\s+end\s+of|the\s+beginning\s+of)\s*)?(?P<month>{{MONTH}}),?\s+(?:of\s+)?{_Y}",
            "date",
        ),
        (
            rf"(?:(?P<weekday>{{WEEKDAY}}),?\s+)?(?P<month>{{MONTH}})\s+{_D}{_ORD}(?![\d,]*\d)",
            "date",
        ),
        (rf"(?:the\s+)?{_D}{_ORD}\s+(?:of\s+)?(?P<month>{{MONTH}})", "date"),
        (r"(?P<shift>{SHIFT})\s+(?P<month>{MONTH})", "date"),
        (
            r"(?:(?P<mod>early|late|mid-)\s*)?(?P<month>{MONTH})\s+"
            r"(?P<yearshift>this|last|next)\s+year",
            "date",
        ),
        (
            r"(?:(?P<mod>early|late|mid-|the\s+end\s+of|the\s+beginning\s+of)\s*)?"
            r"(?P<month>(?!may){MONTHNAME})(?!\s+(?:for|of\s+the|to)\b)",
            "date",
        ),
        (
            r"(?:"
            + "|".join(
                rf"(?<=\b{w}\s)"
                for w in ("in", "since", "during", "until", "by", "of", "early", "late")
            )
            + r")(?P<month>may)",
            "date",
        ),
        (rf"(?:the\s+)?(?P<quarter>{{ORDINAL}})[-\s]quarter(?:\s+of\s+{_Y})?", "date"),
        (rf"(?P<season>{{SEASON}})\s+(?:of\s+)?{_Y}", "date"),
        (
            # "fall" alone is a verb: a season needs a determiner, a preposition or a year.
            rf"(?:(?P<shift>{{SHIFT}})\s+|the\s+|(?<=\bin\s)|(?<=\bduring\s))"
            rf"(?P<season>{{SEASON}})(?:\s+(?:of\s+)?{_Y})?",
            "date",
        ),
        (r"(?:the\s+)?(?:(?P<mod>early|late|mid-?)\s*)?(?P<decade>1[5-9]\d0|20[0-9]0)'?s", "date"),
        (
            rf"(?:(?P<fiscal>fiscal)\s+|the\s+year\s+|mid-)?{_Y}(?![\d%]|,\d|\.\d|\s*(?:%|percent|per\s+cent|million|billion))",
            "date",
        ),
        (
            r"(?:(?P<shift>{SHIFT})\s+)?(?P<weekday>{WEEKDAY})(?:\s+(?P<part>{PART}))?",
            "date",
        ),
        (
            r"(?:(?P<part2>{PART})\s+)?(?P<deictic>{DEICTIC})(?:\s+(?P<part>{PART}))?",
            "deictic",
        ),
        (
            r"(?:earlier\s+|later\s+)?(?P<shift>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening)",
            "time",
        ),
        (r"(?P<num>{NUMBER})[-\s](?P<unit>{UNIT})\s+(?P<ago>ago|earlier|before)", "offset"),
        (
            r"(?P<num>{NUMBER})[-\s](?P<unit>{UNIT})\s+(?P<later>later|from\s+now|hence)",
            "offset",
        ),
        (r"(?:over\s+|during\s+)?the\s+(?P<weekend>weekend)", "date"),
        # "for the year", "the fiscal year": a year's length (no count to say which one).
        (r"the\s+(?:full\s+|fiscal\s+|whole\s+|entire\s+)?(?P<unit>year)(?!['’-])", "duration"),
        # Years said in words in broadcast transcripts: "nineteen ninety-six", "two thousand".
        (
            r"(?:the\s+year\s+)?(?P<spelledyear>nineteen[-\s](?:(?:twenty|thirty|forty|fifty|"
            r"sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|"
            r"nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
            r"nineteen)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|"
            r"nine|ten))?)",
            "date",
        ),
        (r"(?:earlier\s+|later\s+|the\s+)?(?P<shift>{SHIFT})\s+(?P<unit>{UNIT})", "period"),
        (
            r"(?P<yearshift>this|last|next)\s+year['’]s\s+(?P<quarter>{ORDINAL})[-\s]quarter",
            "date",
        ),
        # "the quarter" of an earnings report: the one just ended.
        (r"the\s+(?:(?:latest|most\s+recent)\s+)?(?P<reported>quarter)(?!\s+of)", "period"),
        (
            r"(?:the\s+)?(?:comparable\s+)?(?P<unit>year)-(?P<ago>earlier|ago)"
            r"(?:\s+(?:quarter|period))?",
            "offset",
        ),
        (
            r"(?:(?<=\bfor\s)|(?P<num>several|many|(?:a\s+)?few)\s+|recent\s+|"
            r"the\s+(?:past|last|next|coming)\s+(?:few\s+)?)"
            r"(?P<plural>years|months|weeks|days|decades|hours|quarters)",
            "duration",
        ),
        (
            # "a quarter", "three-quarters" of something are fractions.
            r"(?!(?:a|one|three)[-\s]quarters?\b)"
            r"(?:the\s+(?:past|last|next|first|coming|previous)\s+)?(?P<num>{NUMBER}|\d{1,3}(?:\.\d+)?)(?:[-\s](?:and\s+a\s+half\s+)?)(?P<unit>{UNIT})(?:-long)?(?![-\s]+old\b)",
            "duration",
        ),
        (r"(?:every|each)\s+(?P<unit>{UNIT})", "set"),
        (r"(?:every|each)\s+(?P<weekday>{WEEKDAY})", "set"),
        (r"(?P<set>{SET})", "set"),
        (r"(?P<ref>{REF})", "ref"),
        (
            r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m\b)(?:\s+(?:EST|EDT|GMT|PST|CST|local\s+time))?(?:,?\s+(?:(?P<weekday>{WEEKDAY})|(?P<deictic>today|yesterday|tomorrow)))?",
            "time",
        ),
        (
            r"(?P<noon>noon|midnight)(?:\s+(?:(?P<weekday>{WEEKDAY})|(?P<deictic>today|yesterday|tomorrow)))?",
            "time",
        ),
    ],
    "es": [
        (
            rf"(?:(?:el|del|al)\s+)?(?:(?P<shift>{{SHIFT}})\s+)?(?:(?P<weekday>{{WEEKDAY}})\s*,?\s+)?(?:(?:el|del)\s+)?(?:día\s+)?(?P<day>3[01]|[12]\d|0?[1-9]|primero)\s+(?:de\s+)?(?P<month>{{MONTH}})(?:(?:,?\s+(?:de|del)\s+(?:año\s+)?|\s+){_Y})?",
            "date",
        ),
        (r"(?P<year>\d{4})-(?P<monthnumber>[01]\d)-(?P<day>[0-3]\d)", "date"),
        (r"(?P<day>\d{1,2})/(?P<monthnumber>\d{1,2})/(?P<year>\d{4})", "date"),
        (rf"(?P<month>{{MONTH}})\s+{_D},?\s+{_Y}", "date"),  # "Ene 19, 2024" on web pages
        (
            rf"(?:(?P<mod>(?:a\s+)?(?:principios|comienzos|inicios|mediados|finales|fines)\s+de)\s+)?(?P<month>{{MONTH}})\s+(?:de|del)\s+(?:año\s+)?{_Y}",
            "date",
        ),
        (r"(?:(?:el\s+)?(?:mes\s+de\s+))?(?P<month>{MONTH})\s+(?P<shift>{SHIFT})", "date"),
        (
            r"(?:(?:a\s+)?(?:principios|comienzos|mediados|finales|fines)\s+)?(?:del?|el)\s+"
            r"(?P<shift>{SHIFT})\s+mes\s+de\s+(?P<month>{MONTH})",
            "date",
        ),
        (
            r"(?:(?P<mod>(?:a\s+)?(?:principios|comienzos|inicios|mediados|finales|fines)\s+de)\s+|"
            + "|".join(rf"(?<=\b{w}\s)" for w in ("en", "desde", "hasta", "de", "durante"))
            + r")(?P<month>{MONTHNAME})",
            "date",
        ),
        (rf"(?:el\s+)?(?P<quarter>{{ORDINAL}})\s+trimestre(?:\s+(?:de|del)\s+{_Y})?", "date"),
        (
            rf"(?:(?:el|este|esta)\s+)?(?P<season>{{SEASON}})(?:\s+(?P<shift>{{SHIFT}}))?(?:\s+(?:de|del)\s+{_Y})?",
            "date",
        ),
        (
            r"(?:(?:los|las)\s+)?(?:años|década\s+de(?:\s+los)?)\s+(?P<decade>(?:1[5-9]|20)?[0-9]0)(?!\d)",
            "date",
        ),
        (
            rf"(?:(?:del|el|en\s+el)\s+)?(?:año\s+)?{_Y}(?![\d%]|,\d|\.\d|\s*(?:%|por\s+ciento|millones))",
            "date",
        ),
        (r"(?:el|del|al)\s+(?:mismo\s+)?día\s+(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)", "date"),
        (
            r"(?:(?:el|del|al|este|esta|ese)\s+)?(?:(?P<shift>{SHIFT})\s+)?(?P<weekday>{WEEKDAY})(?:\s+(?P<shift2>pasado|próximo))?(?:\s+(?:en\s+la|por\s+la|a\s+la|de\s+la)\s+(?P<part>{PART}))?",
            "date",
        ),
        (
            r"(?P<deictic>{DEICTIC})(?:\s*,?\s+(?P<weekday>{WEEKDAY}))?(?:\s+(?:en\s+la|por\s+la|a\s+la|de\s+la)\s+(?P<part>{PART}))?",
            "deictic",
        ),
        (r"(?:(?P<shift>esta)\s+)(?P<part>mañana|tarde|madrugada)", "time"),
        (
            r"hace\s+(?:(?:más|menos)\s+de\s+)?(?P<num>{NUMBER}|\d+)\s+(?P<unit>{UNIT})",
            "offset",
        ),
        (
            r"(?P<num>{NUMBER}|\d+)\s+(?P<unit>{UNIT})\s+(?P<later>después|más\s+tarde)",
            "duration",
        ),
        (
            r"(?:(?:el|la|los|las|este|esta)\s+)?(?P<shift>{SHIFT})\s+(?P<unit>{UNIT})(?!\s+(?:de|del)\b)",
            "period",
        ),
        (r"(?:el|la|este|esta)\s+(?P<unit>{UNIT})\s+(?P<shift>{SHIFT})", "period"),
        (r"(?:(?:el|la)\s+(?P<this>mismo|misma)\s+)(?P<unit>año|mes|semana|día)", "period"),
        (
            r"(?:(?:los|las)\s+(?P<several>últimos|últimas|próximos|próximas)\s+)(?:(?P<num>{NUMBER}|\d+)\s+)?(?P<unit>{UNIT})",
            "duration",
        ),
        (
            r"(?:(?:más|menos)\s+de\s+|(?:los|las)\s+)?(?P<num>{NUMBER}|\d+(?:[.,]\d+)?)\s+(?P<unit>{UNIT})(?:\s+más)?",
            "duration",
        ),
        (r"(?:cada|todos\s+los|todas\s+las)\s+(?P<unit>{UNIT})", "set"),
        (r"(?:al|por)\s+(?P<unit>año|mes|día|semana)", "set"),
        (r"(?:cada|todos\s+los)\s+(?P<weekday>{WEEKDAY})", "set"),
        (r"(?P<set>{SET})", "set"),
        (r"(?P<ref>{REF})", "ref"),
        (
            r"(?:a\s+)?las\s+(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?:horas|h\b|hs\b)",
            "time",
        ),
        (
            r"(?:a\s+)?las\s+(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s+de\s+la\s+(?P<part>{PART})",
            "time",
        ),
    ],
}
