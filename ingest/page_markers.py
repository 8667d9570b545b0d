"""What marks a page as something other than an article, per language (data, not code).

The engine in `ingest/pages.py` checks every language's markers, because pages often declare
the wrong language (a Spanish outlet's consent wall in English is common). Each marker is
matched lower-cased, as a substring of the page's extracted text and title.
"""

CONSENT_MARKERS = {
    "en": (
        "we value your privacy",
        "accept all cookies",
        "accept cookies",
        "manage cookies",
        "cookie settings",
        "we and our partners use cookies",
        "consent to the use of cookies",
        "before you continue",
    ),
    "es": (
        "valoramos tu privacidad",
        "aceptar todas las cookies",
        "aceptar cookies",
        "configurar cookies",
        "utilizamos cookies",
        "nosotros y nuestros socios",
        "antes de continuar",
    ),
}

PAYWALL_MARKERS = {
    "en": (
        "subscribe to continue reading",
        "subscribe to read",
        "for subscribers only",
        "is for subscribers only",
        "already a subscriber",
        "to continue reading, subscribe",
        "this content is exclusive to subscribers",
    ),
    "es": (
        "suscríbete para seguir leyendo",
        "suscríbete para continuar",
        "contenido exclusivo para suscriptores",
        "exclusivo para suscriptores",
        "¿ya eres suscriptor",
        "hazte suscriptor",
        "para seguir leyendo",
    ),
}

# Lines left behind when a page's date sat in a <time> element that the extraction drops.
DATELINE_LEFTOVERS = {
    "en": ("published", "published on", "posted", "posted on", "updated", "updated on"),
    "es": ("publicado", "publicado el", "actualizado", "actualizado el", "fecha"),
}

# A link to another story set inside the text ("Read also: …"), dropped when the paragraph
# starts with one of these and is short.
READ_ALSO_PREFIXES = {
    "en": ("read also", "also read", "read more:", "see also", "related:", "more on this story"),
    "es": (
        "lee también",
        "lea también",
        "te puede interesar",
        "leer más:",
        "ver también",
        "relacionado:",
        "relacionada:",
        "puedes leer",
    ),
}
READ_ALSO_MAX_LENGTH = 200

# og:type values and schema.org types of pages that are not articles.
VIDEO_PAGE_TYPES = ("video", "videoobject")
INDEX_PAGE_TYPES = ("collectionpage", "itemlist", "searchresultspage", "website", "webpage")


def all_markers(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(marker for markers in table.values() for marker in markers)
