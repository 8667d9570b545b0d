"""Articles as imported: the raw text kept verbatim, the clean body that excerpts point into."""

from typing import Self

from django.db import models
from django.urls import reverse


class ArticleQuerySet(models.QuerySet):
    def search(self, query: str) -> Self:
        """Full-text search over titles and bodies, annotated with `search_rank` (see `search`)."""
        from search.queries import search_articles

        return search_articles(self, query)


class Article(models.Model):
    class PublishedSource(models.TextChoices):
        FRONT_MATTER = "front_matter", "Front matter"
        TEXT = "text", "Date line in the text"
        EDITOR = "editor", "Set by an editor"
        UNKNOWN = "unknown", "Unknown"

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Spanish"

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=255, unique=True)
    body = models.TextField(help_text="Clean text: excerpts' offsets point into it.")
    raw_text = models.TextField(help_text="The text exactly as imported.")
    published = models.DateField(null=True, blank=True, db_index=True)
    published_source = models.CharField(
        max_length=20, choices=PublishedSource, default=PublishedSource.UNKNOWN
    )
    outlet = models.CharField(max_length=200, blank=True)
    byline = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    language = models.CharField(max_length=8, choices=Language, default=Language.ENGLISH)
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the imported text."
    )
    source_file = models.CharField(max_length=255, blank=True, db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        indexes = [
            models.Index(fields=["updated"], name="articles_article_updated"),
            models.Index(fields=["published", "title", "id"], name="articles_article_list_order"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})
