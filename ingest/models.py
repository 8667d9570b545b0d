"""Sources an editor follows (an outlet's RSS or Atom feed), each poll of one, and what it found.

A `FeedItem` is an entry of a feed as last seen (so a repeated entry is not fetched again and a
changed one is); a `SourceRun` is one poll, and its `RunEntry` rows say what came in, what was
skipped and why, and what failed.
"""

from datetime import timedelta
from typing import Self

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from timeline.models import Actor, Country


class SourceQuerySet(models.QuerySet):
    def due(self, now=None) -> Self:
        """Active sources whose next poll has come (or that were never polled)."""
        now = now or timezone.now()
        return self.filter(Q(next_poll__isnull=True) | Q(next_poll__lte=now), active=True)


class Source(models.Model):
    name = models.CharField(_("outlet"), max_length=200)
    feed_url = models.URLField(_("feed URL"), max_length=1000, unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Article.Language,
        blank=True,
        help_text=_("Leave empty to take each article's own language."),
    )
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_(
            "One word or phrase a line. With keywords, actors or countries, only the items "
            "whose title or summary names one of them are imported."
        ),
    )
    actors = models.ManyToManyField(Actor, verbose_name=_("actors"), blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True)
    poll_minutes = models.PositiveIntegerField(
        _("poll every (minutes)"), default=60, help_text=_("How often the feed is looked at.")
    )
    active = models.BooleanField(_("active"), default=True)
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_polled = models.DateTimeField(_("last polled"), null=True, blank=True, editable=False)
    next_poll = models.DateTimeField(_("next poll"), null=True, blank=True, db_index=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("admin:ingest_source_change", args=[self.pk])

    def schedule_next_poll(self, now=None) -> None:
        now = now or timezone.now()
        self.last_polled = now
        self.next_poll = now + timedelta(minutes=self.poll_minutes)

    @property
    def keyword_list(self) -> list[str]:
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]


class FeedItem(models.Model):
    """An entry of a source's feed, as last seen: its fingerprint tells a changed entry."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(_("id in the feed"), max_length=1000)
    url = models.URLField(_("URL"), max_length=1000)
    fingerprint = models.CharField(max_length=64)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL
    )
    first_seen = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        constraints = [
            models.UniqueConstraint(fields=["source", "guid"], name="ingest_feeditem_unique_guid")
        ]

    def __str__(self) -> str:
        return self.url


class SourceRun(models.Model):
    """One poll of a source; its entries are imported by background jobs after it."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        NOT_MODIFIED = "not_modified", _("Feed unchanged")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs"
    )
    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.RUNNING)
    error = models.TextField(_("error"), blank=True)
    items_in_feed = models.PositiveIntegerField(_("items in the feed"), default=0)
    repeated = models.PositiveIntegerField(
        _("already seen"), default=0, help_text=_("Items unchanged since an earlier run.")
    )

    class Meta:
        ordering = ["-started", "-id"]
        verbose_name = _("source run")
        verbose_name_plural = _("source runs")

    def __str__(self) -> str:
        return f"{self.source} · {self.started:%Y-%m-%d %H:%M}"

    def finish(self, status: str, error: str = "") -> None:
        self.status, self.error, self.finished = status, error, timezone.now()
        self.save(update_fields=["status", "error", "finished"])


class RunEntry(models.Model):
    """What a run did with one entry of the feed, and why."""

    class Outcome(models.TextChoices):
        QUEUED = "queued", _("Queued")
        IMPORTED = "imported", _("Imported")
        UPDATED = "updated", _("Updated")
        UNCHANGED = "unchanged", _("Unchanged")
        REPEATED = "repeated", _("Already seen")
        SKIPPED = "skipped", _("Skipped")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    run = models.ForeignKey(
        SourceRun, verbose_name=_("run"), on_delete=models.CASCADE, related_name="entries"
    )
    item = models.ForeignKey(FeedItem, null=True, blank=True, on_delete=models.SET_NULL)
    title = models.CharField(_("title"), max_length=500, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("run entry")
        verbose_name_plural = _("run entries")

    def __str__(self) -> str:
        return self.title or self.url


class ArticleSignature(models.Model):
    """An article's MinHash signature, and the earlier article it is a syndicated copy of.

    The same wire story (EFE, AP, Reuters, AFP) republished by several outlets is one report:
    `original` points every copy at the first one seen, so corroboration can count independent
    sources only (`ingest.syndication.independent_sources`).
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="signature")
    values = models.JSONField()
    original = models.ForeignKey(
        Article,
        verbose_name=_("copy of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndicated_copies",
    )
    similarity = models.FloatField(_("similarity"), null=True, blank=True)

    class Meta:
        verbose_name = _("syndicated copy")
        verbose_name_plural = _("syndicated copies")

    def __str__(self) -> str:
        return str(self.article)


class SignatureBand(models.Model):
    """One band of a signature (locality-sensitive hashing): articles sharing a band's value are
    the candidates compared, so finding copies is an index lookup, not a scan."""

    signature = models.ForeignKey(ArticleSignature, on_delete=models.CASCADE, related_name="bands")
    band = models.PositiveSmallIntegerField()
    value = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["band", "value"], name="ingest_band_lookup")]

    def __str__(self) -> str:
        return f"{self.band}:{self.value}"
