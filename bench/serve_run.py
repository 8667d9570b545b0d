"""Serve the app under gunicorn and Datasette over the same SQLite file; load both with wrk.

    bench/serve [--database /tmp/scale.sqlite3] [--postgres URL] [--duration 10]
        [--datasette /tmp/datasette-venv/bin/datasette] [--cold 40 --seed 1]

With `--cold N`, first requests only, for N distinct random filter combinations (see
bench/serve_cold.py); wrk is not needed then.

Each page is asked once first (the first reader pays for the summary: printed as "cold"),
checked (a 200 with events in it), then loaded by wrk at concurrency 1 and 16. Datasette is
asked the same questions as faceted HTML table pages of timeline_event: the same filters (as
`_where` over the link tables, `_search` over the titles' FTS index), 50 rows, newest first,
facets on its own columns (type, precision, status: Datasette's table facets cannot follow the
link tables to countries and actors). With `--postgres` our app reads PostgreSQL while
Datasette reads the SQLite file (`generate_corpus` writes the same corpus into both).

Prints a Markdown table for docs/performance.md, then the gunicorn workers' peak memory.
"""

import argparse
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import serve_cold

ROOT = Path(__file__).resolve().parent.parent
PAGE_ORDER = "_size=50&_sort_desc=date"
DATASETTE_FACETS = "&_facet=event_type&_facet=date_precision&_facet=status"


def link_filter(table: str, column: str, pk: int) -> str:
    return f"&_where=id+in+(select+event_id+from+{table}+where+{column}={pk})"


def pages(database: str) -> dict[str, tuple[str, str]]:
    """Our URL and Datasette's equivalent for each benchmarked page."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        ids = dict(db.execute("SELECT slug, id FROM timeline_actor WHERE slug = 'nayib-bukele'"))
        ids |= dict(db.execute("SELECT code, id FROM timeline_country WHERE code IN ('SV', 'MX')"))
        # Datasette pages by keyset: the token of page 1,000 is the sort value and id of the
        # last row of page 999.
        deep = db.execute(
            "SELECT date, id FROM timeline_event ORDER BY date DESC, id DESC LIMIT 1 OFFSET 49949"
        ).fetchone()
    table = f"/{Path(database).stem}/timeline_event?{PAGE_ORDER}"
    bukele = link_filter("timeline_event_actors", "actor_id", ids["nayib-bukele"])
    salvador = link_filter("timeline_event_countries", "country_id", ids["SV"])
    mexico = link_filter("timeline_event_countries", "country_id", ids["MX"])
    dates = "&date__gte=2020-01-01&date__lte=2024-12-31"
    return {
        "timeline": ("/", table),
        "country": ("/?country=MX", table + mexico),
        "actor+country+dates": (
            "/?actor=nayib-bukele&country=SV&date_from=2020&date_to=2024",
            table + dates + bukele + salvador,
        ),
        "search": ("/?q=prisons+garcia", table + "&_search=prisons+garcia"),
        "actor page": ("/actors/nayib-bukele/", table + bukele),
        "page 1000": ("/?page=1000", table + f"&_next={deep[0]},{deep[1]}"),
    }


def wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=60)
            return
        except Exception:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def fetch(url: str) -> tuple[float, str]:
    """Milliseconds and body; raises on anything but a 200."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:
        body = response.read().decode()
    return (time.perf_counter() - started) * 1000, body


def check_ours(url: str, body: str) -> None:
    if 'class="event' not in body:
        raise RuntimeError(f"{url} shows no events")


def check_datasette(url: str, body: str) -> None:
    """A rejected `_where` or a timed-out query is fast and wrong: refuse to time it."""
    rows = re.search(r"([\d,]+) rows?", body)
    if "<td" not in body or rows is None:
        raise RuntimeError(f"Datasette answered {url} without rows")
    if "timed out" in body.lower():
        print(f"  note: a Datasette facet timed out on {url}", file=sys.stderr)


def wrk(url: str, connections: int, duration: int) -> dict[str, float]:
    """p50, p95 (ms), requests per second and non-2xx responses, from wrk."""
    out = subprocess.run(
        ["wrk", "-t1" if connections == 1 else "-t2", f"-c{connections}", f"-d{duration}s",
         "--timeout", "10s", "-s", str(ROOT / "bench" / "serve_percentiles.lua"), url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.findall(r"^(p50|p95|rps) ([\d.]+)$", out, re.MULTILINE)
    numbers = {key: float(value) for key, value in found}
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: .*?timeout (\d+)", out)
    numbers["bad"] = (int(failed[1]) if failed else 0) + (int(errors[1]) if errors else 0)
    return numbers


def worker_peak_rss_mb(master: int) -> list[float]:
    """VmHWM of each gunicorn worker (children of the master), in MB."""
    peaks = []
    for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        status = Path(f"/proc/{child}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024)
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="/tmp/scale.sqlite3")
    parser.add_argument("--postgres", default="")
    parser.add_argument("--datasette", default="/tmp/datasette-venv/bin/datasette")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--port", type=int, default=8041)
    parser.add_argument("--cold", type=int, default=0, help="distinct combinations, first requests")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not Path(args.datasette).exists():
        sys.exit(
            f"{args.datasette} is missing: python3 -m venv /tmp/datasette-venv && "
            "/tmp/datasette-venv/bin/pip install datasette"
        )
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
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
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
    )  # fmt: skip
    processes.append(datasette)
    try:
        ours, theirs = f"http://127.0.0.1:{args.port}", f"http://127.0.0.1:{args.port + 1}"
        wait_for(ours + "/countries/")
        wait_for(theirs + "/-/versions.json")
        if args.cold:
            pairs = serve_cold.combinations(args.database, args.cold, args.seed)
            table = f"/{Path(args.database).stem}/timeline_event?{PAGE_ORDER}{DATASETTE_FACETS}"
            serve_cold.run(pairs, ours, theirs, table, fetch)
            peaks = worker_peak_rss_mb(app.pid)
            print(f"\ngunicorn workers' peak RSS: {', '.join(f'{p:.0f}' for p in peaks)} MB")
            return
        print(
            "| page | cold ms | c1 p50 | c1 p95 | c1 rps | c16 p50 | c16 p95 | c16 rps "
            "| Datasette cold ms | c1 p50 | c1 p95 | Datasette p95 ÷ ours (c1) |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        failures = 0
        for name, (path, datasette_path) in pages(args.database).items():
            first, body = fetch(ours + path)
            check_ours(path, body)
            one = wrk(ours + path, 1, args.duration)
            many = wrk(ours + path, 16, args.duration)
            their_url = theirs + datasette_path + DATASETTE_FACETS
            their_first, their_body = fetch(their_url)
            check_datasette(their_url, their_body)
            ds = wrk(their_url, 1, args.duration)
            failures += one["bad"] + many["bad"] + ds["bad"]
            print(f"| {name} | {first:.0f} | {one['p50']:.1f} | {one['p95']:.1f} | "
                  f"{one['rps']:.0f} | {many['p50']:.1f} | {many['p95']:.1f} | {many['rps']:.0f} "
                  f"| {their_first:.0f} | {ds['p50']:.1f} | {ds['p95']:.1f} "
                  f"| {ds['p95'] / one['p95']:.1f} |", flush=True)  # fmt: skip
        peaks = worker_peak_rss_mb(app.pid)
        print(f"\ngunicorn workers' peak RSS: {', '.join(f'{p:.0f}' for p in peaks)} MB")
        print(f"non-2xx responses or time-outs: {failures}")
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
