"""Why a page did not become an article; light, so the importer can catch these without
loading the HTTP client and the HTML extraction for a run of text files."""


class FetchError(Exception):
    """The page could not be fetched; the message says why, for the editor."""


class NotAnArticle(ValueError):
    """The page is not an article; the message says what it is, for the editor."""
