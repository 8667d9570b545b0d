"""The editors' desk for articles: add by pasting or uploading, review the events found."""

import logging

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from articles.models import Article
from articles.storing import insert_new_article
from editorial.admin import HistoryAdmin, public_link, quote_as_found
from editorial.article_forms import ArticleAddForm, ArticleChangeForm
from editorial.articles import RecoveryError, describe_extraction, recover_article, reextract
from timeline.models import Event, Excerpt

ADD_FIELDS = ("title", "body", "text_file", "outlet", "url", "published")
CHANGE_FIELDS = (
    "title",
    "body",
    ("published", "language"),
    ("outlet", "byline"),
    "url",
    "loaded_version",
)
RECORD_FIELDS = (
    "slug",
    "published_source",
    "source_file",
    "content_hash",
    "created",
    "updated",
    "raw_text",
)
EXTRACTION_INPUTS = {"body", "published", "language"}
logger = logging.getLogger(__name__)


class ArticleExcerptInline(admin.TabularInline):
    """The events found in the article, each with the words it was read from."""

    model = Excerpt
    fk_name = "article"
    extra = 0
    can_delete = False
    template = "admin/editorial/edit_inline/readonly_tabular.html"
    fields = readonly_fields = ("event_link", "event_date", "event_status", "quote_found")
    ordering = ("start", "pk")
    verbose_name = _("event")
    verbose_name_plural = _("Events found in this article, with their excerpts")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("Event"))
    def event_link(self, excerpt: Excerpt) -> str:
        url = reverse("admin:timeline_event_change", args=[excerpt.event_id])
        return format_html('<a href="{}">{}</a>', url, excerpt.event.title)

    @admin.display(description=_("Date"))
    def event_date(self, excerpt: Excerpt) -> str:
        return excerpt.event.date_display

    @admin.display(description=_("Status"))
    def event_status(self, excerpt: Excerpt) -> str:
        return excerpt.event.get_status_display()

    @admin.display(description=_("quote"))
    def quote_found(self, excerpt: Excerpt) -> str:
        return quote_as_found(excerpt)


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    list_display = (
        "title",
        "outlet",
        "published",
        "language",
        "event_count",
        "to_review",
        "view_on_site_link",
    )
    list_filter = ("published_source", "language", "outlet")
    search_fields = ("title", "outlet", "byline", "url", "source_file", "body")
    date_hierarchy = "published"
    inlines = (ArticleExcerptInline,)
    actions = ("reextract_selected",)
    list_per_page = 50
    ordering = ("-published", "title")  # Meta.ordering is dropped from the counting query

    def get_queryset(self, request):
        """Event counts in the rows' own query, not one query per article."""
        unreviewed = Q(excerpts__event__status=Event.Status.EXTRACTED)
        return (
            super()
            .get_queryset(request)
            .annotate(
                event_count=Count("excerpts__event", distinct=True),
                to_review_count=Count("excerpts__event", filter=unreviewed, distinct=True),
            )
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = ArticleChangeForm if obj else ArticleAddForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ADD_FIELDS})]
        return [
            (None, {"fields": CHANGE_FIELDS}),
            (_("As imported"), {"fields": RECORD_FIELDS, "classes": ("collapse",)}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return RECORD_FIELDS if obj else ()

    def get_inlines(self, request, obj):
        return self.inlines if obj else ()

    @admin.display(description=_("Events"), ordering="event_count")
    def event_count(self, article: Article) -> int:
        return article.event_count

    @admin.display(description=_("To review"), ordering="to_review_count")
    def to_review(self, article: Article) -> int:
        return article.to_review_count

    @admin.display(description=_("Public page"))
    def view_on_site_link(self, article: Article) -> str:
        return public_link(article)

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        """Save, then extract again whenever what extraction reads has changed."""
        changed = set(form.changed_data)
        if change and "published" in changed:
            obj.published_source = (
                Article.PublishedSource.EDITOR if obj.published else Article.PublishedSource.UNKNOWN
            )
        if change:
            super().save_model(request, obj, form, change)
        else:
            # An import may have taken the slug since the form chose it: choose again. (The
            # same text stored meanwhile raises, as the form checked it moments before.)
            save = super().save_model
            duplicate = insert_new_article(obj, lambda new: save(request, new, form, change))
            if duplicate is not None:
                raise IntegrityError(f"{duplicate.slug} was stored meanwhile with the same text")
        # A restored text or date is extracted again, like one typed in.
        if not change or changed & EXTRACTION_INPUTS or getattr(request, "reverting", False):
            try:
                with transaction.atomic():  # a failed extraction leaves the article saved
                    summary = reextract(obj)
            except Exception as error:  # a bug in extraction must not cost the editor a 500
                logger.exception("Extracting the events of article %s failed", obj.pk)
                self.report(
                    request,
                    gettext(
                        "The article was saved, but its events could not be extracted "
                        "(%(error)s). Try “Extract events again” later."
                    )
                    % {"error": f"{type(error).__name__}: {error}"},
                    level=messages.ERROR,
                )
                return
            self.report(request, describe_extraction(summary, obj))

    def recover_view(self, request, version_id, extra_context=None):
        """Bring back a deleted article with its reviewed events' excerpts, after a look."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(Article), pk=version_id)
        if request.method == "POST":
            try:
                article = recover_article(version=version, user=request.user)
            except RecoveryError as error:
                self.report(request, str(error), level=messages.ERROR)
                return HttpResponseRedirect(reverse("admin:articles_article_recoverlist"))
            self.report(request, gettext("Recovered “%(title)s”.") % {"title": article.title})
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        return self.confirmation_page(
            request,
            "admin/articles/article/recover_confirmation.html",
            {
                "title": gettext("Recover %(name)s") % {"name": version.object_repr},
                "version": version,
                "saved": version.field_dict,
            },
        )

    @admin.action(description=_("Extract events again"), permissions=["change"])
    def reextract_selected(self, request: HttpRequest, queryset) -> None:
        created = kept = 0
        for article in queryset:
            summary = reextract(article)
            created, kept = created + summary.created, kept + summary.kept
        self.report(
            request,
            gettext("Extracted %(created)s event(s); kept %(kept)s reviewed or rejected event(s).")
            % {"created": created, "kept": kept},
        )
