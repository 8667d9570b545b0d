"""The admin's article forms: paste or upload a text, or change one; bad input says why."""

import logging
from pathlib import Path

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.extraction.document import DocumentError
from articles.extraction.published import publication_date_problem
from articles.models import Article
from articles.services import MAX_FILE_BYTES, ImportFailure, decode_article_bytes
from articles.storing import WEB_ADDRESS, document_problem, unique_slug
from editorial.articles import content_hash, normalise_newlines, parse_submission
from editorial.forms import EditConflictGuard
from ingest.forms import (
    HTML_ACCEPT,
    PAGE_HELP,
    article_from_upload,
    article_from_url,
    is_html_upload,
    show_for_review,
)

UPLOAD_SUFFIXES = {".txt", ".text", ".md"}
logger = logging.getLogger(__name__)


class TextareaField(forms.CharField):
    """Text as typed: browsers send a textarea's line breaks as CRLF, which is not a change."""

    widget = forms.Textarea(attrs={"rows": 20})

    def to_python(self, value) -> str:
        return normalise_newlines(super().to_python(value))


class ArticleMetadataRules:
    """What an editor types is held to the importer's rules: a plausible publication date, a
    web address (http or https only: it becomes a link on public pages and in exports)."""

    def clean_url(self):
        url = self.cleaned_data.get("url")
        if url:
            try:
                WEB_ADDRESS(url)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    gettext("Enter a web address starting with http:// or https://.")
                ) from error
        return url

    def clean_published(self):
        published = self.cleaned_data.get("published")
        if problem := publication_date_problem(published):
            raise forms.ValidationError(problem[:1].upper() + problem[1:] + ".")
        return published


class ArticleAddForm(ArticleMetadataRules, forms.ModelForm):
    """Title and text pasted, or a .txt file: parsed and fingerprinted like an imported file."""

    title = forms.CharField(
        max_length=500,
        required=False,
        help_text=_("Leave empty to use the first line of the text."),
    )
    body = TextareaField(
        label=_("Text"),
        required=False,
        strip=False,
        help_text=_("Paste the article's text. A date line or a byline at the top is recognised."),
    )
    text_file = forms.FileField(
        label=_("Or upload a .txt or .html file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": f".txt,.text,.md,text/plain,{HTML_ACCEPT}"}),
        help_text=_("UTF-8 plain text, at most 2 MB; the file may start with front matter."),
    )

    page = None  # an uploaded .html file, read

    class Meta:
        model = Article
        fields = ["title", "body", "outlet", "url", "published"]
        help_texts = {
            "published": _("Leave empty to take the date line or the front matter's date."),
            "url": PAGE_HELP,
        }

    def clean_text_file(self) -> str:
        upload = self.cleaned_data.get("text_file")
        if not upload:
            return ""
        if is_html_upload(upload):
            self.page = article_from_upload(upload)
            return ""
        if Path(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
            raise forms.ValidationError(gettext("Upload a plain-text .txt file."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                gettext("The file is %(size)s MB; the limit is 2 MB.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}"}
            )
        try:
            return decode_article_bytes(upload.read())
        except ImportFailure as failure:
            raise forms.ValidationError(
                gettext("This file cannot be read: %(reason)s.") % {"reason": failure}
            ) from failure

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        uploaded, pasted = cleaned.get("text_file", ""), cleaned.get("body") or ""
        if not pasted.strip() and not uploaded and (self.page or cleaned.get("url")):
            try:  # a page (a URL or an .html file): its text goes back to the editor first
                show_for_review(self, self.page or article_from_url(cleaned["url"]))
            except forms.ValidationError as error:
                self.add_error("url", error)
            return cleaned
        if uploaded and pasted.strip():
            raise forms.ValidationError(
                gettext(
                    "Paste the text or upload a file, not both: clear the text box to use the file."
                )
            )
        if not uploaded and not pasted.strip():
            self.add_error("body", gettext("Paste the article's text here, or upload a .txt file."))
            return cleaned
        text_field = "text_file" if uploaded else "body"
        text = uploaded or pasted
        try:
            document = parse_submission(text, title=cleaned.get("title", ""))
        except DocumentError as error:
            self.add_error(
                text_field,
                gettext("This text cannot become an article: %(reason)s.") % {"reason": error},
            )
            return cleaned
        except Exception as error:  # a bug in parsing must not cost the editor a 500
            logger.exception("Parsing a submitted article failed")
            self.add_error(
                text_field,
                gettext("This text could not be read (%(error)s); nothing was saved.")
                % {"error": f"{type(error).__name__}: {error}"},
            )
            return cleaned
        source_file = self.files["text_file"].name if uploaded else ""
        typed = {name: cleaned.get(name) for name in ("url", "outlet")}
        document.url = typed["url"] or document.url
        document.outlet = typed["outlet"] or document.outlet
        if problem := document_problem(document, source_file):
            field, reason = problem
            self.add_error(
                field if typed.get(field) else text_field,
                gettext("This article cannot be saved: %(reason)s.") % {"reason": reason},
            )
            return cleaned
        fingerprint = content_hash(text)
        duplicate = Article.objects.filter(content_hash=fingerprint).first()
        if duplicate is not None:
            url = reverse("admin:articles_article_change", args=[duplicate.pk])
            self.add_error(
                text_field,
                format_html(
                    gettext('This text is already here: <a href="{url}">{title}</a>.'),
                    url=url,
                    title=duplicate,
                ),
            )
            return cleaned
        if source_file and Article.objects.filter(source_file=source_file).exists():
            self.add_error(
                "text_file",
                gettext(
                    "An article was already imported from a file named %(file)s: open it "
                    "and paste the new text there, or rename the file."
                )
                % {"file": source_file},
            )
            return cleaned

        article = self.instance
        article.raw_text = text
        article.content_hash = fingerprint
        article.source_file = source_file
        article.language = document.language
        article.byline = document.byline
        article.slug = unique_slug(cleaned.get("title") or document.title)
        cleaned["title"] = cleaned.get("title") or document.title
        cleaned["body"] = document.body
        cleaned["outlet"] = cleaned.get("outlet") or document.outlet
        cleaned["url"] = cleaned.get("url") or document.url
        if cleaned.get("published"):
            article.published_source = Article.PublishedSource.EDITOR
        else:
            cleaned["published"] = document.published
            article.published_source = document.published_source
        return cleaned


class ArticleChangeForm(ArticleMetadataRules, EditConflictGuard):
    """The body is the clean text excerpts point into: changing it (or the date) re-extracts."""

    body = TextareaField(
        label=_("Text"),
        help_text=_(
            "Changing the text or the date re-extracts the events; events you reviewed, "
            "rejected or edited are kept."
        ),
    )

    class Meta:
        model = Article
        fields = ["title", "body", "outlet", "byline", "url", "published", "language"]
