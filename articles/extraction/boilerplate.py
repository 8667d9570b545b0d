"""Lines that belong to the web page, not the story: they never reach the body nor an event."""

import re

_PATTERNS = [
    r"table of contents|contents|índice|tabla de contenidos?",
    r"(?:subscribe|suscr[ií]bete|suscribirse|sign up|regístrate)\b.*",
    r"join (?:now|us|our)\b.*",
    r"(?:invalid|enter (?:a|your)|your) e-?mail(?: address)?\b.*",
    r"thanks?(?: you)? for (?:subscribing|signing up|reading)\b.*",
    r"we'?ll be sending you\b.*",
    r"something went wrong\b.*",
    r"you (?:may|might) also (?:be interested in|like)\b.*",
    r"(?:also )?read (?:more|also|next)\b.*|lee (?:también|más)\b.*|leer más\b.*",
    r"(?:también )?te puede(?:n)? interesar\b.*|más noticias\b.*",
    r"related(?: posts?| articles?| stories| news| content)?\b.*|noticias relacionadas\b.*",
    r"\d* ?comments?|comentarios?",
    r"(?:leave|post|add|write) a (?:comment|reply)\b.*|deja (?:un|tu) comentario\b.*",
    r"please let us know if you'?re having issues with commenting\b.*",
    r"(?:share|compartir|comparte)(?: this| on| en| via| article| story)?\b.{0,40}",
    r"(?:follow us|you can follow (?:him|her|them|us|me)|síguenos)\b.*",
    r"advertisement|publicidad|sponsored(?: content)?|anuncio",
    r"click here\b.*|haz clic aquí\b.*",
    r"(?:photo|foto|image|imagen|picture|credit|crédito)s?(?: credit)?\s*[:/|].*",
    r"(?:©|copyright\b|all rights reserved|todos los derechos reservados).*",
    r"home|menu|search|log ?in|sign ?in|skip to (?:main )?content|back to top|print|imprimir",
    r"(?:tags?|etiquetas?|categor(?:y|ies|ías?))\s*:.*",
]
BOILERPLATE = re.compile(rf"^(?:{'|'.join(_PATTERNS)})[.!:]?$", re.IGNORECASE)

# "EL SALVADOR'S PRESIDENCY PRESS OFFICE/AFP", "Getty Images", "Reuters/John Doe".
PHOTO_CREDIT = re.compile(
    r"^(?:[^a-z]{0,120}/\s*(?:AFP|AP|REUTERS|EFE|GETTY(?: IMAGES)?|XINHUA|ANADOLU|DPA|"
    r"BLOOMBERG|EPA)\b[^a-z]*|(?:AFP|AP|Reuters|EFE|Getty Images|EPA)\s*(?:/.*|photo.*)?)$",
)
# An author's bio line ends with an invitation to follow them.
AUTHOR_BIO = re.compile(
    r"\b(?:you can follow (?:him|her|them) on|puede seguir(?:lo|la)s? en|follow (?:him|her) on)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…:\"”’»)]$")


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    return bool(BOILERPLATE.match(line) or PHOTO_CREDIT.match(line) or AUTHOR_BIO.search(line))


def is_navigation_like(line: str) -> bool:
    """A short line that is no sentence: a menu entry, a teaser, a section link."""
    return not SENTENCE_END.search(line) and len(line.split()) <= 10


def trailing_navigation_start(lines: list[str]) -> int:
    """Index where the page's closing block (menus, sign-up prompts, comments) begins.

    Walks back from the end over boilerplate and navigation-like lines; the story ends at the
    last line that reads as prose.
    """
    index = len(lines)
    while index > 0 and (is_boilerplate(lines[index - 1]) or is_navigation_like(lines[index - 1])):
        index -= 1
    if index == 0:  # nothing reads as prose: keep it all rather than lose the article
        return len(lines)
    return index
