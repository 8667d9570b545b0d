"""Background jobs, through Django's Tasks framework (`django.tasks`): feed polls and the imports
they queue, and imports of URLs and files. The backend is a setting (`TASKS`): the database
backend of django-tasks-db runs them in `manage.py db_worker` processes; another backend needs
no code change. Arguments are ids and strings, so any backend can store them.
"""

from django.tasks import task

from articles.services import ImportContext
from ingest.feeds import import_entry, poll_source
from ingest.models import Source
from ingest.services import import_input, iter_inputs


@task
def poll_source_task(source_id: int) -> int:
    """Poll one source; returns its run's id."""
    source = Source.objects.filter(pk=source_id, active=True).first()
    if source is None:
        return 0
    return poll_source(source).pk


@task
def import_entry_task(entry_id: int) -> str:
    """Import one queued feed entry; returns what became of it."""
    return import_entry(entry_id)


@task
def import_inputs_task(inputs: list[str]) -> dict[str, int]:
    """Import URLs, files and folders (as `import_articles` does); returns the counts."""
    context = ImportContext.from_database()
    counts: dict[str, int] = {}
    for item in iter_inputs(inputs):
        outcome = import_input(item, context=context)
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return counts
