"""The timeline: countries, actors, dated events and the excerpts that source them."""

import datetime
from typing import Self

from django.db import models
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    code = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    aliases = models.JSONField(
        _("aliases"),
        default=list,
        blank=True,
        help_text=_('Other names, e.g. "U.S.", "Estados Unidos".'),
    )
    demonyms = models.JSONField(
        _("demonyms"), default=list, blank=True, help_text=_('e.g. "Salvadoran", "salvadoreño".')
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        self.code = self.code.upper()
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:country", kwargs={"code": self.code})

    @property
    def names(self) -> list[str]:
        """Every form of the country's name that counts as a mention of it."""
        return [self.name, *self.aliases, *self.demonyms]


class ActorQuerySet(models.QuerySet):
    def visible(self) -> Self:
        """Every actor but those an editor rejected: rejected names are never shown again."""
        return self.exclude(status=Actor.Status.REJECTED)

    def discovered(self) -> Self:
        """Found by the extraction and waiting for an editor."""
        return self.filter(status=Actor.Status.DISCOVERED)


class Actor(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        DISCOVERED = "discovered", _("found by the extraction, not yet confirmed")
        REJECTED = "rejected", _("rejected")

    class Category(models.TextChoices):
        PERSON = "person", _("person")
        ORGANISATION = "organisation", _("organisation")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actors",
    )
    aliases = models.JSONField(
        _("aliases"),
        default=list,
        blank=True,
        help_text=_('e.g. "Bukele", "the Salvadoran president".'),
    )
    # Actors listed by editors are confirmed; the import adds the people and organisations it
    # discovers as DISCOVERED (shown at once, queued for an editor); a REJECTED name is kept
    # so that the extraction never offers it again.
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    category = models.CharField(
        _("category"), max_length=12, choices=Category.choices, default=Category.PERSON
    )
    role_seen_on = models.DateField(
        _("role seen on"),
        null=True,
        blank=True,
        help_text=_("The publication date of the article the role was read from."),
    )

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:actor", kwargs={"slug": self.slug})

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class DiscoveredActor(Actor):
    """The editors' queue of actors found by the extraction (the same rows, another admin)."""

    class Meta:
        proxy = True
        verbose_name = _("discovered actor")
        verbose_name_plural = _("discovered actors")


class EventQuerySet(models.QuerySet):
    def visible(self) -> Self:
        """Everything but events an editor rejected."""
        return self.exclude(status=Event.Status.REJECTED)

    def status_counts(self) -> dict[str, int]:
        """How many events each review status holds, in one grouped query."""
        rows = self.order_by().values_list("status").annotate(n=models.Count("id"))
        return dict(rows)

    def reported_by_several_articles(self) -> models.Exists:
        """A condition: the event has excerpts in at least two different articles."""
        first_article = Excerpt.objects.filter(event=models.OuterRef(models.OuterRef("pk")))
        return models.Exists(
            Excerpt.objects.filter(event=models.OuterRef("pk")).exclude(
                article_id=models.Subquery(first_article.values("article_id")[:1])
            )
        )

    def search(self, text: str) -> Self:
        """Full-text search over titles and excerpts (FTS5 or PostgreSQL; see `search`)."""
        from search.queries import search_events

        return search_events(self, text)

    def chronological(self, *, newest_first: bool = True) -> Self:
        """Dated events in date order, then the undated ones."""
        date = models.F("date")
        order = date.desc(nulls_last=True) if newest_first else date.asc(nulls_last=True)
        return self.order_by(order, "id" if not newest_first else "-id")

    def with_sources(self) -> Self:
        """Return a queryset optimized for listing events with actors, countries and sources."""
        return self.prefetch_related(
            "actors",
            "countries",
            models.Prefetch(
                "excerpts", queryset=Excerpt.objects.select_related("article").order_by("id")
            ),
        )


EDITOR_DATE_PREFIX = "Set by an editor ("


class Event(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")
        UNKNOWN = "unknown", _("Unknown")

    class Type(models.TextChoices):
        VISIT = "visit", _("Visit")
        MEETING = "meeting", _("Meeting")
        AGREEMENT = "agreement", _("Agreement")
        TRANSFER = "transfer", _("Transfer")
        STATEMENT = "statement", _("Statement")
        POLICY = "policy", _("Policy")
        LEGISLATION = "legislation", _("Legislation")
        COURT = "court", _("Court")
        ARREST = "arrest", _("Arrest")
        SANCTION = "sanction", _("Sanction")
        APPOINTMENT = "appointment", _("Appointment")
        ELECTION = "election", _("Election")
        ATTACK = "attack", _("Attack")
        PROTEST = "protest", _("Protest")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        EXTRACTED = "extracted", _("Extracted")
        REVIEWED = "reviewed", _("Reviewed")
        REJECTED = "rejected", _("Rejected")

    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("First day of the period it is known to."),
    )
    date_precision = models.CharField(
        _("date precision"), max_length=10, choices=Precision, default=Precision.UNKNOWN
    )
    scheduled = models.BooleanField(
        _("scheduled"),
        default=False,
        db_default=False,
        help_text=_(
            "Dated after its article's publication, told in the future tense: expected, "
            "not yet reported as having happened."
        ),
    )
    date_phrase = models.CharField(
        _("date phrase"),
        max_length=200,
        blank=True,
        help_text=_("The words the date was read from."),
    )
    date_resolution = models.CharField(
        _("date resolution"),
        max_length=300,
        blank=True,
        help_text=_("How the date was worked out."),
    )
    event_type = models.CharField(
        _("event type"), max_length=20, choices=Type, default=Type.OTHER, db_index=True
    )
    actors = models.ManyToManyField(
        Actor, verbose_name=_("actors"), blank=True, related_name="events"
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="events"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.EXTRACTED, db_index=True
    )
    is_disputed = models.BooleanField(
        _("disputed"),
        default=False,
        db_index=True,
        help_text=_("Its sources disagree on a figure or on the date."),
    )
    dispute_note = models.TextField(
        _("dispute note"),
        blank=True,
        help_text=_("An editor's word on the disagreement, shown to readers."),
    )
    merge_confirmed = models.BooleanField(
        _("merge confirmed"),
        default=False,
        help_text=_("An editor checked that its sources tell of one event."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # (date, id, status) serves every date filter and date order (and PostgreSQL's
        # newest-first pages have their own index, migration 0006): an index on (date) or
        # (date, id) as well would only cost every import its writes.
        indexes = [
            models.Index(fields=["date", "id", "status"], name="timeline_event_page_order"),
            models.Index(fields=["updated"], name="timeline_event_updated"),
            # The time axis counts matching events by (date, precision) (`timeline.axis`): with
            # the type and status beside them that GROUP BY reads this index alone.
            models.Index(
                fields=["date", "date_precision", "event_type", "status"],
                name="timeline_event_axis",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_display}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("timeline:event", kwargs={"pk": self.pk})

    @property
    def date_display(self) -> str:
        return format_event_date(self.date, self.date_precision, scheduled=self.scheduled)

    @property
    def date_set_by_editor(self) -> bool:
        return self.date_resolution.startswith(EDITOR_DATE_PREFIX)

    def set_date_resolution_by_editor(self, user, day: datetime.date) -> None:
        """An editor chose the date: say who and when instead of the words it was read from,
        which the history keeps (stored in English, like every explanation)."""
        name = (user.get_full_name() or user.get_username())[:100]
        self.date_resolution = f"{EDITOR_DATE_PREFIX}{name}) on {day.day} {day.strftime('%b %Y')}."

    @property
    def is_editor_owned(self) -> bool:
        """Re-extraction never overwrites what an editor reviewed or rejected."""
        return self.status != self.Status.EXTRACTED


def format_event_date(
    date: datetime.date | None, precision: str, *, scheduled: bool = False
) -> str:
    """A date only as precise as it is known, in the active language: "14 April 2025",
    "March 2022", "2022"; "14 de abril de 2025", "marzo de 2022" in Spanish; a scheduled
    event's as "expected on 18 May 2025"."""
    if date is None or precision == Event.Precision.UNKNOWN:
        return gettext("Date unknown")
    if precision == Event.Precision.YEAR:
        text = str(date.year)
    else:
        parts = {"day": date.day, "month": MONTHS[date.month], "year": date.year}
        if precision == Event.Precision.MONTH:
            text = pgettext("event date", "%(month)s %(year)s") % parts
        else:
            text = pgettext("event date", "%(day)s %(month)s %(year)s") % parts
    if not scheduled:
        return text
    if precision == Event.Precision.DAY:
        return pgettext("event date", "expected on %(date)s") % {"date": text}
    return pgettext("event date", "expected in %(date)s") % {"date": text}


class Excerpt(models.Model):
    """The words of an article that an event was read from, by character offsets into its body."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="excerpts",
    )
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="excerpts"
    )
    start = models.PositiveIntegerField(
        _("start"),
        null=True,
        blank=True,
        help_text=_("Empty when the quote is gone from a re-imported text."),
    )
    end = models.PositiveIntegerField(_("end"), null=True, blank=True)
    quote = models.TextField(
        _("quote"),
    )
    reported_date = models.DateField(
        _("reported date"),
        null=True,
        blank=True,
        help_text=_("The date this source gives for the event."),
    )
    reported_precision = models.CharField(
        _("reported precision"),
        max_length=10,
        choices=Event.Precision,
        default=Event.Precision.UNKNOWN,
    )

    class Meta:
        ordering = ["article_id", "start"]
        verbose_name = _("excerpt")
        verbose_name_plural = _("excerpts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start"))
                | models.Q(start__isnull=True, end__isnull=True),
                name="excerpt_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.quote[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#excerpt-{self.pk}"


class Figure(models.Model):
    """A number in an excerpt and what it counts: "238 members", "$200 million", "90%"."""

    class Unit(models.TextChoices):
        PEOPLE = "people", "People"
        MONEY = "usd", "US dollars"
        PERCENT = "percent", "Percent"

    excerpt = models.ForeignKey(Excerpt, on_delete=models.CASCADE, related_name="figures")
    value = models.DecimalField(max_digits=20, decimal_places=2)
    unit = models.CharField(max_length=10, choices=Unit)
    counts = models.CharField(max_length=100, blank=True, help_text='e.g. "migrants".')
    text = models.CharField(max_length=200, help_text="The words the figure was read from.")

    class Meta:
        ordering = ["excerpt_id", "id"]

    def __str__(self) -> str:
        return self.text


class EventRedirect(models.Model):
    """The address of an event merged into another: links already shared to it lead on.

    Merging re-points the redirects that led to a merged event, so every chain of merges is
    one step; recovering the event removes its redirect.
    """

    old_id = models.BigIntegerField(primary_key=True)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="redirects_from")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event redirect")
        verbose_name_plural = _("event redirects")

    def __str__(self) -> str:
        return f"#{self.old_id} → #{self.event_id}"
