"""Cancelling and retrying runs: what the admin's actions do, as services."""

from django.db import transaction

from ingest.models import RunEntry, SourceRun


def cancel_runs(runs) -> int:
    """Stop running runs: their queued items are not imported (a job already importing one
    finishes it, in its own transaction)."""
    with transaction.atomic():
        running = list(runs.filter(status=SourceRun.Status.RUNNING).values_list("pk", flat=True))
        RunEntry.objects.filter(run_id__in=running, outcome=RunEntry.Outcome.QUEUED).update(
            outcome=RunEntry.Outcome.CANCELLED
        )
        for run in SourceRun.objects.filter(pk__in=running):
            run.finish(SourceRun.Status.CANCELLED)
    return len(running)


def retry_failed(runs) -> int:
    """Queue the failed and cancelled items of these runs again; returns how many."""
    from ingest.tasks import import_entry_task

    retry = [RunEntry.Outcome.FAILED, RunEntry.Outcome.CANCELLED]
    with transaction.atomic():
        entries = RunEntry.objects.filter(run__in=runs, outcome__in=retry).exclude(url="")
        ids = list(entries.values_list("pk", flat=True))
        RunEntry.objects.filter(pk__in=ids).update(outcome=RunEntry.Outcome.QUEUED, reason="")
        SourceRun.objects.filter(entries__pk__in=ids).update(
            status=SourceRun.Status.RUNNING, finished=None
        )
    for entry_id in ids:
        import_entry_task.enqueue(entry_id)
    return len(ids)
