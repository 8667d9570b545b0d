"""`manage.py generate_corpus --articles 100000 --events 1000000`: a large corpus for scale tests.

Adds to whatever is in the database (ids continue after the existing ones); meant for a
throwaway database: DATABASE_URL=sqlite:////tmp/scale.sqlite3 or its own PostgreSQL database.
"""

import time

from django.core.management.base import BaseCommand

from timeline.corpus import CorpusSize, CorpusWriter


class Command(BaseCommand):
    help = "Write a large, skewed, deterministic corpus of articles and events (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=1_000_000)
        parser.add_argument("--actors", type=int, default=2_000)
        parser.add_argument("--countries", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=2_000)

    def handle(self, *args, **options):
        size = CorpusSize(
            articles=options["articles"],
            events=options["events"],
            actors=options["actors"],
            countries=min(options["countries"], 26 * 26),
        )
        started = time.perf_counter()
        verbosity = options["verbosity"]

        def report(message: str) -> None:
            if verbosity > 1:
                self.stdout.write(f"{time.perf_counter() - started:7.1f}s {message}")

        writer = CorpusWriter(size, seed=options["seed"], batch_size=options["batch_size"],
                              report=report)  # fmt: skip
        writer.write()
        self.stdout.write(
            f"Wrote {size.articles} articles and {size.events} events "
            f"({size.actors} actors, {size.countries} countries) "
            f"in {time.perf_counter() - started:.1f}s."
        )
