"""Rows per second of the full exports, over whatever database `DATABASE_URL` names.

    DATABASE_URL=sqlite:////tmp/scale.sqlite3 DJANGO_DEBUG=1 .venv/bin/python -m bench.export_bench

Fill the database first with `manage.py generate_corpus` (see docs/performance.md). Each
export is fetched in-process through Django's test client and read to its end, as a server
would send it, so the figure is the application's (Python and database) without the network.
It prints, per format: events sent, bytes, seconds and events per second (wall clock, and this
process's CPU time, the steadier figure on a shared machine; on SQLite it includes the database's
work, on PostgreSQL not the server's), the queries made and the process's peak RSS (which must
stay flat however many events there are).
"""

import argparse
import json
import os
import resource
import time

FORMATS = ["/timeline.csv", "/timeline.timelinejs.json", "/timeline.ics"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=FORMATS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from timeline.models import Event

    client = Client()
    print(json.dumps({"events": Event.objects.count(), "vendor": connection.vendor}))
    for path in args.paths:
        started, cpu_started, size, events = time.perf_counter(), time.process_time(), 0, 0
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            for chunk in response.streaming_content:
                size += len(chunk)
                events += chunk.count(b"BEGIN:VEVENT") if path.endswith(".ics") else 0
                events += chunk.count(b'"unique_id"') if "timelinejs" in path else 0
                events += chunk.count(b"\n") if path.endswith(".csv") else 0
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        if path.endswith(".csv"):
            events -= 1  # the header (the generated titles and excerpts hold no line breaks)
        figures = {
            "path": path,
            "status": response.status_code,
            "events": events,
            "bytes": size,
            "seconds": round(seconds, 1),
            "events_per_second": round(events / seconds),
            "cpu_seconds": round(cpu_seconds, 1),
            "events_per_cpu_second": round(events / cpu_seconds),
            "queries": len(queries.captured_queries),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
