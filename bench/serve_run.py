"""Serve the app under gunicorn and Datasette over the same SQLite file; load both with wrk.

    .venv/bin/python -m bench.serve_run --database /tmp/scale.sqlite3 [--postgres URL]
        [--datasette /tmp/datasette-venv/bin/datasette] [--duration 10]

Each page is asked first once (the first reader pays for counts and facets; printed as "cold"),
then loaded by wrk at concurrency 1 and 16. Datasette is asked the same questions as faceted
table views of timeline_event (facets on country and actor through the link tables, 50 rows).
Prints a Markdown table for docs/performance.md.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = "/timeline/timeline_event.json?_size=50&_sort_desc=date"
ACTOR_1 = "&_where=id+in+(select+event_id+from+timeline_event_actors+where+actor_id=1)"
COUNTRY_1 = "&_where=id+in+(select+event_id+from+timeline_event_countries+where+country_id=1)"
COUNTRY_8 = "&_where=id+in+(select+event_id+from+timeline_event_countries+where+country_id=8)"
DATES = "&date__gte=2020-01-01&date__lte=2024-12-31"
# Our page and Datasette's equivalent (actor 1 is nayib-bukele, country 1 SV, country 8 MX).
PAGES = {
    "timeline": ("/", TABLE),
    "country": ("/?country=MX", TABLE + COUNTRY_8),
    "actor+country+dates": (
        "/?actor=nayib-bukele&country=SV&date_from=2020&date_to=2024",
        TABLE + DATES + ACTOR_1 + COUNTRY_1,
    ),
    "search": ("/?q=prisons+garcia", TABLE + "&_search=prisons+garcia"),
    "actor page": ("/actors/nayib-bukele/", TABLE + ACTOR_1),
    "page 1000": ("/?page=1000", TABLE + "&_next=49950"),
}
DATASETTE_FACETS = "&_facet=event_type&_facet=status&_facet=date_precision"


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=60)
            return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def cold(url: str) -> float:
    started = time.perf_counter()
    urllib.request.urlopen(url, timeout=300).read()
    return (time.perf_counter() - started) * 1000


def wrk(url: str, connections: int, duration: int) -> dict[str, float]:
    """p50, p95 (ms) and requests per second from wrk's latency distribution."""
    out = subprocess.run(
        ["wrk", "-t1" if connections == 1 else "-t2", f"-c{connections}", f"-d{duration}s",
         "--latency", "-s", str(ROOT / "bench" / "serve_percentiles.lua"), url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    numbers = dict(re.findall(r"^(p50|p95|rps) ([\d.]+)$", out, re.MULTILINE))
    return {key: float(value) for key, value in numbers.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="/tmp/scale.sqlite3")
    parser.add_argument("--postgres", default="")
    parser.add_argument("--datasette", default="/tmp/datasette-venv/bin/datasette")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--port", type=int, default=8041)
    args = parser.parse_args()
    database_url = args.postgres or f"sqlite:///{args.database}"
    # A kill (not only Ctrl-C) still runs the `finally` below, which stops both servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    cache_dir = tempfile.TemporaryDirectory(prefix="newsroom-bench-cache-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        # A fresh shared cache, so the "cold" column is a first request indeed.
        "DJANGO_CACHE_DIR": cache_dir.name,
    }
    processes: list[subprocess.Popen] = []
    app = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "bench/serve_gunicorn.py"),
         "-b", f"127.0.0.1:{args.port}", "newsroom.wsgi"], cwd=ROOT, env=env,
    )  # fmt: skip
    processes.append(app)
    datasette = subprocess.Popen(
        [args.datasette, "serve", "--immutable", args.database, "-p", str(args.port + 1),
         "--setting", "facet_time_limit_ms", "10000", "--setting", "sql_time_limit_ms", "20000",
         "--setting", "num_sql_threads", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    ) if Path(args.datasette).exists() else None  # fmt: skip
    processes += [datasette] if datasette else []
    try:
        ours, theirs = f"http://127.0.0.1:{args.port}", f"http://127.0.0.1:{args.port + 1}"
        wait_for(ours + "/countries/")
        if datasette:
            wait_for(theirs + "/-/versions.json")
        print(
            "| page | cold ms | c1 p50 | c1 p95 | c1 rps | c16 p50 | c16 p95 | c16 rps "
            "| Datasette c1 p50 | c1 p95 | ours/Datasette (p50, c1) |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for name, (path, datasette_path) in PAGES.items():
            first = cold(ours + path)
            one = wrk(ours + path, 1, args.duration)
            many = wrk(ours + path, 16, args.duration)
            ds = (
                wrk(theirs + datasette_path + DATASETTE_FACETS, 1, args.duration)
                if datasette
                else {}
            )
            ratio = one["p50"] / ds["p50"] if ds.get("p50") else float("nan")
            print(f"| {name} | {first:.0f} | {one['p50']:.1f} | {one['p95']:.1f} | "
                  f"{one['rps']:.0f} | {many['p50']:.1f} | {many['p95']:.1f} | {many['rps']:.0f} "
                  f"| {ds.get('p50', 0):.1f} | {ds.get('p95', 0):.1f} | {ratio:.2f} |",
                  flush=True)  # fmt: skip
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        cache_dir.cleanup()


if __name__ == "__main__":
    main()
