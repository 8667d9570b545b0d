"""`manage.py import_articles PATH…`: import article files and folders, one transaction a file."""

import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from articles.services import ImportContext, keep_statistics_fresh
from ingest.services import import_input, is_url, iter_inputs

STATUSES = ("imported", "updated", "unchanged", "failed")


class Command(BaseCommand):
    # The system checks (URL configuration, admin, security) are for serving; run here they
    # cost as much as importing fifteen articles (0.15 s), and `migrate` has run them already.
    requires_system_checks = []
    help = (
        "Import articles (web page URLs, HTML and plain-text files, or folders of them) and "
        "extract their events. Each is imported in its own transaction; the same text again "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="URLs, article files or folders.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be imported without changing the database.",
        )

    def handle(self, *args, paths, dry_run, **options):
        missing = [path for path in paths if not is_url(path) and not Path(path).exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        context = self._context()
        counts: Counter[str] = Counter()
        show_progress = self.stdout.isatty() and options["verbosity"] > 0
        # Files are walked lazily so memory does not grow with their number; the progress bar
        # alone needs the total, counted in a first walk.
        total = sum(1 for _ in iter_inputs(paths)) if show_progress else 0
        for number, item in enumerate(iter_inputs(paths), start=1):
            outcome = import_input(item, context=context, dry_run=dry_run)
            try:
                keep_statistics_fresh(context)
            except DatabaseError as error:  # only a planner's hint: the import goes on
                self.stderr.write(f"Could not refresh the database's statistics: {error}")
            counts[outcome.status] += 1
            if outcome.status == "failed":
                self._clear_progress(show_progress)
                self.stderr.write(f"{outcome.source}: {outcome.message}")
                if outcome.detail and options["verbosity"] > 1:
                    self.stderr.write(outcome.detail.rstrip())
            elif options["verbosity"] > 1:
                self.stdout.write(f"{outcome.source}: {outcome.status} {outcome.message}".rstrip())
            if show_progress:
                self._progress(number, total)
        self._clear_progress(show_progress)
        files = sum(counts.values())
        summary = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        prefix = "Dry run, nothing saved: " if dry_run else ""
        self.stdout.write(f"{prefix}{files} files: {summary}.")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} of {files} files could not be imported.")

    def _context(self) -> ImportContext:
        """The run's shared state, or a message (not a traceback) when the database cannot
        be read, or is a read-only SQLite file that nothing could be imported into."""
        try:
            context = ImportContext.from_database()
        except DatabaseError as error:
            raise CommandError(
                f"Cannot read the database ({error}): check DATABASE_URL, and run "
                "`manage.py migrate` first."
            ) from error
        if getattr(connection, "read_only", False):
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} is read-only: nothing can be "
                "imported. Make the file and its folder writable by this account."
            )
        return context

    def _progress(self, done: int, total: int, width: int = 30) -> None:
        filled = width * done // max(total, 1)
        bar = "█" * filled + "·" * (width - filled)
        sys.stdout.write(f"\r{bar} {done}/{total} files")
        sys.stdout.flush()

    def _clear_progress(self, show_progress: bool) -> None:
        if show_progress:
            sys.stdout.write("\r\033[K")
            sys.stdout.flush()
