"""Articles as imported: the raw text kept verbatim, the clean body that excerpts point into."""

from typing import Self

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ArticleQuerySet(models.QuerySet):
    def search(self, query: str) -> Self:
        """Full-text search over titles and bodies, annotated with `search_rank` (see `search`)."""
        from search.queries import search_articles

        return search_articles(self, query)


class Article(models.Model):
    class PublishedSource(models.TextChoices):
        FRONT_MATTER = "front_matter", _("Front matter")
        TEXT = "text", _("Date line in the text")
        DATELINE = "dateline", _("Wire dateline")
        URL = "url", _("Date in the article's URL")
        EDITOR = "editor", _("Set by an editor")
        UNKNOWN = "unknown", _("Unknown")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    title = models.CharField(_("title"), max_length=500)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    body = models.TextField(_("body"), help_text=_("Clean text: excerpts' offsets point into it."))
    raw_text = models.TextField(_("raw text"), help_text=_("The text exactly as imported."))
    published = models.DateField(_("published"), null=True, blank=True, db_index=True)
    published_source = models.CharField(
        _("published source"),
        max_length=20,
        choices=PublishedSource,
        default=PublishedSource.UNKNOWN,
    )
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    byline = models.CharField(_("byline"), max_length=200, blank=True)
    url = models.URLField(_("url"), max_length=1000, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    content_hash = models.CharField(
        _("content hash"), max_length=64, unique=True, help_text=_("SHA-256 of the imported text.")
    )
    source_file = models.CharField(_("source file"), max_length=255, blank=True, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["updated"], name="articles_article_updated"),
            models.Index(fields=["published", "title", "id"], name="articles_article_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})
