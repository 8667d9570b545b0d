"""Sources and their runs in the admin: what each poll brought in, skipped and why, failed;
polling now, cancelling a run and retrying its failed items as background jobs."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from ingest.models import ArticleSignature, RunEntry, Source, SourceRun

RECENT_RUNS = 10


def with_progress(queryset):
    """Runs annotated with their entries to import and those done, in the same query."""
    wanted = ~Q(entries__outcome__in=[RunEntry.Outcome.SKIPPED])
    return queryset.annotate(
        to_import=Count("entries", filter=wanted),
        still_queued=Count("entries", filter=Q(entries__outcome=RunEntry.Outcome.QUEUED)),
        imported=Count("entries", filter=Q(entries__outcome=RunEntry.Outcome.IMPORTED)),
        skipped=Count("entries", filter=Q(entries__outcome=RunEntry.Outcome.SKIPPED)),
        failed=Count("entries", filter=Q(entries__outcome=RunEntry.Outcome.FAILED)),
    )


def progress(run) -> str:
    done = run.to_import - run.still_queued
    return gettext("%(done)s of %(total)s") % {"done": done, "total": run.to_import}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "feed_url", "language", "poll_minutes", "active", "last_polled")
    list_filter = ("active", "language")
    search_fields = ("name", "feed_url")
    autocomplete_fields = ("actors", "countries")
    readonly_fields = ("last_polled", "recent_runs")
    fields = (
        "name",
        "feed_url",
        "language",
        "keywords",
        "actors",
        "countries",
        "poll_minutes",
        "active",
        "next_poll",
        "last_polled",
        "recent_runs",
    )
    actions = ["poll_now"]

    @admin.display(description=_("Recent runs"))
    def recent_runs(self, source: Source) -> str:
        if source.pk is None:
            return "—"
        runs = with_progress(source.runs.all())[:RECENT_RUNS]
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
            "<td>{}</td><td>{}</td></tr>",
            (
                (
                    reverse("admin:ingest_sourcerun_change", args=[run.pk]),
                    f"{run.started:%Y-%m-%d %H:%M}",
                    run.get_status_display(),
                    progress(run),
                    run.imported,
                    run.skipped,
                    run.failed,
                    run.error,
                )
                for run in runs
            ),
        )
        if not rows:
            return gettext("Not polled yet.")
        header = format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
            "<th>{}</th><th>{}</th></tr></thead><tbody>",
            gettext("Started"),
            gettext("Status"),
            gettext("Done"),
            gettext("Imported"),
            gettext("Skipped"),
            gettext("Failed"),
            gettext("Error"),
        )
        return header + rows + mark_safe("</tbody></table>")

    @admin.action(description=_("Poll the selected sources now"), permissions=["change"])
    def poll_now(self, request, queryset) -> None:
        from ingest.tasks import poll_source_task

        sources = list(queryset.filter(active=True))
        for source in sources:
            poll_source_task.enqueue(source.pk)
        self.message_user(
            request,
            ngettext(
                "%(count)s source queued for polling.",
                "%(count)s sources queued for polling.",
                len(sources),
            )
            % {"count": len(sources)},
        )


class RunEntryInline(admin.TabularInline):
    model = RunEntry
    fields = ("title", "url", "outcome", "reason", "article_link")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description=_("article"))
    def article_link(self, entry: RunEntry) -> str:
        if entry.article is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[entry.article.pk])
        return format_html('<a href="{}">{}</a>', url, entry.article)


@admin.register(SourceRun)
class SourceRunAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "status",
        "run_progress",
        "items_in_feed",
        "repeated",
        "imported_count",
        "skipped_count",
        "failed_count",
        "error",
    )
    list_filter = ("status", "source")
    list_select_related = ("source",)
    readonly_fields = ("source", "started", "finished", "status", "items_in_feed", "repeated")
    fields = (*readonly_fields, "error")
    inlines = [RunEntryInline]
    actions = ["cancel", "retry_failed"]

    def get_queryset(self, request):
        return with_progress(super().get_queryset(request))

    def has_add_permission(self, request) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    @admin.display(description=_("progress"))
    def run_progress(self, run: SourceRun) -> str:
        return progress(run)

    @admin.display(description=_("imported"), ordering="imported")
    def imported_count(self, run: SourceRun) -> int:
        return run.imported

    @admin.display(description=_("skipped"), ordering="skipped")
    def skipped_count(self, run: SourceRun) -> int:
        return run.skipped

    @admin.display(description=_("failed"), ordering="failed")
    def failed_count(self, run: SourceRun) -> int:
        return run.failed

    @admin.action(description=_("Cancel the selected runs"), permissions=["change"])
    def cancel(self, request, queryset) -> None:
        from ingest.jobs import cancel_runs

        count = cancel_runs(queryset)
        self.message_user(
            request,
            ngettext("%(count)s run cancelled.", "%(count)s runs cancelled.", count)
            % {"count": count},
        )

    @admin.action(
        description=_("Retry the failed items of the selected runs"), permissions=["change"]
    )
    def retry_failed(self, request, queryset) -> None:
        from ingest.jobs import retry_failed

        count = retry_failed(queryset)
        level = messages.SUCCESS if count else messages.WARNING
        self.message_user(
            request,
            ngettext("%(count)s item queued again.", "%(count)s items queued again.", count)
            % {"count": count},
            level=level,
        )


@admin.register(ArticleSignature)
class SyndicatedCopyAdmin(admin.ModelAdmin):
    """Articles found to be copies of an earlier one (the same wire story)."""

    list_display = ("article", "original", "similarity")
    list_select_related = ("article", "original")
    fields = ("article", "original", "similarity")
    readonly_fields = fields
    search_fields = ("article__title", "original__title")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(original__isnull=False)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class JobAdmin(DBTaskResultAdmin):
    """django-tasks-db's list of jobs (status, when, the traceback of a failure), plus retry."""

    actions = ["retry"]

    @admin.action(description=_("Run the selected failed jobs again"), permissions=["view"])
    def retry(self, request, queryset) -> None:
        failed = list(queryset.failed())
        for job in failed:
            job.task.enqueue(*job.args_kwargs["args"], **job.args_kwargs["kwargs"])
        self.message_user(
            request,
            ngettext("%(count)s job queued again.", "%(count)s jobs queued again.", len(failed))
            % {"count": len(failed)},
            level=messages.SUCCESS if failed else messages.WARNING,
        )
