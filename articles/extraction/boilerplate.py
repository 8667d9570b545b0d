"""Lines that belong to the web page, not the story: they never reach the body nor an event."""

import re

# Whole lines that belong to the page, per language (a line is dropped when one matches all of
# it, case folded). Spanish from the CSON outlets (La Tercera, Emol, El País, Gamba, Ex-Ante…).
LINE_MARKERS = {
    "en": [
        r"table of contents|contents",
        r"(?:subscribe|sign up)\b.*",
        r"join (?:now|us|our)\b.*",
        r"(?:invalid|enter (?:a|your)|your) e-?mail(?: address)?\b.*",
        r"thanks?(?: you)? for (?:subscribing|signing up|reading)\b.*",
        r"we'?ll be sending you\b.*",
        r"something went wrong\b.*",
        r"you (?:may|might) also (?:be interested in|like)\b.*",
        r"(?:also )?read (?:more|also|next)\b.*",
        r"related(?: posts?| articles?| stories| news| content)?\b.*",
        r"\d* ?comments?",
        r"(?:leave|post|add|write) a (?:comment|reply)\b.*",
        r"please let us know if you'?re having issues with commenting\b.*",
        r"(?:share)(?: this| on| via| article| story)?\b.{0,40}",
        r"(?:follow us|you can follow (?:him|her|them|us|me))\b.*",
        r"advertisement|sponsored(?: content)?",
        r"click here\b.*",
        r"(?:photo|image|picture|credit|video|watch)s?(?: credit)?(?:\s+\w{2,12})?\s*[:/|].*",
        r"\(?(?:photo|picture|image)s? (?:by|courtesy of)\b.*",
        r"(?:©|copyright\b|all rights reserved).*",
        r"home|menu|search|log ?in|sign ?in|skip to (?:main )?content|back to top|print",
        r"(?:tags?|categor(?:y|ies))\s*:.*",
        r"play video|unable to load video|please try again later\.?|error code:.*",
        r"(?:get|download) (?:the|our) app\b.*|(?:our|the) (?:daily |weekly )?newsletter\b.*",
    ],
    "es": [
        r"índice|tabla de contenidos?",
        r"(?:suscr[ií]b[ea]te|suscr[ií]base|suscribirse|regístrate)\b.*",
        r"lee (?:también|más)\b.*|leer más\b.*|también\s*:.*|ver más|mira (?:también|aquí)\b.*",
        r"(?:también )?te puede(?:n)? interesar\b.*|tal vez (?:te )?pueda interesarte\b.*",
        r"más noticias\b.*|noticias? relacionadas?\b.*|contenido relacionado\b.*",
        r"comentarios?|deja (?:un|tu) comentario\b.*",
        r"(?:compartir|comparte)(?: en)?\b.{0,40}|síguenos\b.*",
        r"publicidad|anuncio",
        r"haz cl[ií]c aquí\b.*|.{0,80}\bcl[ií]c aquí\.?",
        # "Foto: Agencia Uno", "Foto EDH/ Jessica Orellana", "Foto/Video EDH/…", "VIDEO: …"
        r"(?:foto(?:grafía)?|imagen|crédito|video|vídeo)s?(?:\s*/\s*(?:foto|video)s?)?"
        r"(?:\s+\w{2,12})?\s*[:/|].*",
        r"todos los derechos reservados.*|imprimir",
        r"(?:etiquetas?|categorías?)\s*:.*",
        r"(?:descarga|baja) (?:la|nuestra) app\b.*|.{0,80}\bnewsletter\b.*",
    ],
}
BOILERPLATE = re.compile(
    rf"^(?:{'|'.join(p for patterns in LINE_MARKERS.values() for p in patterns)})[.!:…]?$",
    re.IGNORECASE,
)
# Embedded tweets: the tweet's text (with its pic.twitter.com or t.co link) and its signature
# line "— Name (@handle) March 8, 2023".
EMBEDDED_POST = re.compile(
    r"pic\.twitter\.com/|https?://t\.co/|^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*\w*",
    re.IGNORECASE,
)
# WordPress captions inside a paragraph: "[caption id=…] Foto: Agencia Uno.[/caption]".
INLINE_CAPTION = re.compile(r"\s*\[caption[^\]]*\].*?\[/caption\]\s*", re.IGNORECASE)
# A page that is only a video player's footer: "Title - YouTube".
VIDEO_PAGE_TITLE = re.compile(r"\s[-–|]\s*YouTube\s*$", re.IGNORECASE)

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
    return bool(
        BOILERPLATE.match(line)
        or PHOTO_CREDIT.match(line)
        or AUTHOR_BIO.search(line)
        or EMBEDDED_POST.search(line)
    )


def strip_inline_boilerplate(line: str) -> str:
    """A paragraph without the captions a page embeds in it."""
    if "[caption" not in line and "[CAPTION" not in line:
        return line
    return INLINE_CAPTION.sub(" ", line).strip()


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
