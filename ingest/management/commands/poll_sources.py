"""`manage.py poll_sources [--wait]`: poll every due source once, as background jobs.

For cron and scripts. The polls and the imports they queue run in the task workers
(`manage.py db_worker`); `--wait` returns when they are all done and prints what came in.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q

from ingest.models import RunEntry, Source, SourceRun
from ingest.tasks import poll_source_task

OUTCOMES = ("imported", "updated", "unchanged", "skipped", "failed")


class Command(BaseCommand):
    help = "Poll every due source once (its new items are imported by the task workers)."

    def add_arguments(self, parser):
        parser.add_argument("--wait", action="store_true", help="Return when all is imported.")
        parser.add_argument(
            "--all", dest="poll_all", action="store_true", help="Poll active sources not due."
        )
        parser.add_argument(
            "--timeout", type=float, default=3600, help="Seconds --wait waits at most."
        )

    def handle(self, *args, wait, poll_all, timeout, **options):
        sources = list(Source.objects.filter(active=True) if poll_all else Source.objects.due())
        for source in sources:  # claimed now, so a second cron run does not queue it again
            source.schedule_next_poll()
            source.save(update_fields=["last_polled", "next_poll"])
        results = [poll_source_task.enqueue(source.pk) for source in sources]
        self.stdout.write(f"{len(results)} source(s) queued for polling.")
        if not wait or not results:
            return
        deadline = time.monotonic() + timeout
        run_ids = []
        for result in results:
            while not result.is_finished:
                self._sleep_until(deadline)
                result.refresh()
            if result.status == "SUCCESSFUL" and result.return_value:
                run_ids.append(result.return_value)
        queued = RunEntry.objects.filter(run_id__in=run_ids, outcome=RunEntry.Outcome.QUEUED)
        while queued.exists():
            self._sleep_until(deadline)
        self._report(run_ids)

    def _sleep_until(self, deadline: float) -> None:
        if time.monotonic() > deadline:
            raise CommandError(
                "Timed out waiting for the jobs: is a worker running (manage.py db_worker)?"
            )
        time.sleep(0.5)

    def _report(self, run_ids: list[int]) -> None:
        runs = SourceRun.objects.filter(pk__in=run_ids).select_related("source")
        runs = runs.annotate(
            **{name: Count("entries", filter=Q(entries__outcome=name)) for name in OUTCOMES}
        )
        for run in runs.order_by("source__name"):
            counts = ", ".join(f"{getattr(run, name)} {name}" for name in OUTCOMES)
            line = f"{run.source}: {run.get_status_display()}; {counts}, {run.repeated} repeated"
            self.stdout.write(f"{line}. {run.error}".rstrip())
