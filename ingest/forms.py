"""The admin's article form reads a pasted URL or an uploaded HTML page into article text.

The text (front matter, title, body) is put back in the form's text box for the editor to
check and correct before saving; saving then goes the way of any pasted text.
"""

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ingest.errors import FetchError, NotAnArticle
from ingest.services import HTML_SUFFIXES, MAX_HTML_BYTES, read_html_bytes, read_url

if TYPE_CHECKING:
    from ingest.pages import ExtractedArticle

HTML_ACCEPT = ",".join(sorted(HTML_SUFFIXES)) + ",text/html"
PAGE_HELP = _(
    "Or give only the article's URL (or upload a saved .html page) and leave the text empty: "
    "the page is read into the text box for you to check, correct and save."
)


def is_html_upload(upload) -> bool:
    return any(upload.name.lower().endswith(suffix) for suffix in HTML_SUFFIXES)


def article_from_upload(upload) -> "ExtractedArticle":
    if upload.size > MAX_HTML_BYTES:
        raise forms.ValidationError(
            gettext("The page is %(size)s MB; the limit is 5 MB.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}"}
        )
    try:
        return read_html_bytes(upload.read())
    except NotAnArticle as error:
        raise forms.ValidationError(
            gettext("This page cannot become an article: %(reason)s.") % {"reason": error}
        ) from error


def article_from_url(url: str) -> "ExtractedArticle":
    try:
        return read_url(url)
    except (FetchError, NotAnArticle) as error:
        raise forms.ValidationError(
            gettext("This page cannot become an article: %(reason)s.") % {"reason": error}
        ) from error


def show_for_review(form: forms.Form, article: "ExtractedArticle") -> None:
    """Put the text read from the page in the form's text box (and its canonical address in the
    URL field), and say to check it and save."""
    form.data = form.data.copy()
    form.data["body"] = article.as_article_text()
    if article.url:
        form.data["url"] = article.url
    form.add_error(
        None,
        gettext(
            "The article below was read from the page: check its text, title, date and "
            "outlet (the lines between --- at the top), correct them if needed, and save."
        ),
    )
