"""Articles per second from a local feed, imported by background workers.

A feed of N items (articles of the corpora dressed as pages by `bench/web_pages.py`, served by
the tests' web server on an ephemeral port of 127.0.0.1) is polled once with
`poll_sources --wait` while W `db_worker` processes import its items; for each W a fresh
database. Run: .venv/bin/python -m bench.ingest_feed --items 1000 --workers 1,2
[--postgres-url postgres://postgres@127.0.0.1:5432/NAME] (its schema `public` is emptied).
"""

import argparse
import itertools
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate_corpus import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
COUNT = (
    "from articles.models import Article; from timeline.models import Event; "
    "from ingest.models import RunEntry as R; "
    "print(Article.objects.count(), Event.objects.count(), "
    "R.objects.filter(outcome='failed').count())"
)


def corpus_files(items: int, scratch: Path) -> list[Path]:
    from bench.web_pages import CORPORA

    cson = sorted((CORPORA / "cson-chile-2019-2023").glob("*.txt"))
    bbc = sorted((CORPORA / "bbc-news-2005" / "bbc").glob("*/*.txt"))
    mixed = [path for pair in itertools.zip_longest(cson, bbc) for path in pair if path]
    if len(mixed) >= items:
        return mixed[:items]
    return generate_corpus(scratch / "generated", articles=items)


def build_site(server, items: int, scratch: Path) -> str:
    from bench.web_pages import STYLES, read_article
    from tests.ingest.feeds import rss

    styles = list(STYLES.values())
    entries, seen_titles = [], set()
    for index, path in enumerate(corpus_files(items, scratch)):
        article = read_article(path)
        html = styles[index % len(styles)](article)
        url = server.add(f"/a/{index}.html", html)
        title = article.title if article.title not in seen_titles else f"{article.title} {index}"
        seen_titles.add(title)
        entries.append({"guid": f"item-{index}", "link": url, "title": title})
    return server.add("/feed.xml", rss(entries), content_type="application/rss+xml")


def fresh_database(postgres_url: str, scratch: Path, label: str) -> str:
    if not postgres_url:
        return f"sqlite:///{scratch / f'{label}.sqlite3'}"
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return postgres_url


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout if capture else ""


def run(server, feed_url: str, workers: int, database_url: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "bench-only",
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_FETCH_ALLOWED_PRIVATE_HOSTS": server.host,
        "DJANGO_FETCH_HOST_DELAY": "0",
    }
    env.pop("DJANGO_DEBUG", None)
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "add_source", "--name", "Bench", "--feed", feed_url)
    started = time.monotonic()
    log = open(Path(tempfile.gettempdir()) / "ingest-bench-workers.log", "a")  # noqa: SIM115
    children = [
        subprocess.Popen(
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--no-startup-delay",
                "--no-reload",
                "--interval",
                "0.2",
                "-v0",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        for _ in range(workers)
    ]
    manage(env, "poll_sources", "--wait", "-v0")
    seconds = time.monotonic() - started
    cpu = 0.0
    for child in children:
        child.send_signal(signal.SIGTERM)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
    articles, events, failed = map(
        int, manage(env, "shell", "-c", COUNT, capture=True).split()[-3:]
    )
    return {
        "workers": workers,
        "articles": articles,
        "events": events,
        "failed": failed,
        "seconds": seconds,
        "worker_cpu": cpu,
    }


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
    import django

    django.setup()
    from tests.ingest.web_server import WebServer

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--postgres-url", default="")
    options = parser.parse_args()
    server = WebServer().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            scratch = Path(folder)
            feed_url = build_site(server, options.items, scratch)
            print(f"load average before: {os.getloadavg()[0]:.2f}")
            print(
                "| workers | items | articles | failed | events | wall s | articles/s |"
                " worker CPU s | articles per worker CPU-s |"
            )
            print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
            for workers in map(int, options.workers.split(",")):
                database = fresh_database(options.postgres_url, scratch, f"w{workers}")
                row = run(server, feed_url, workers, database)
                print(
                    f"| {workers} | {options.items} | {row['articles']} | {row['failed']} | "
                    f"{row['events']} | {row['seconds']:.1f} | "
                    f"{row['articles'] / row['seconds']:.1f} | {row['worker_cpu']:.1f} | "
                    f"{row['articles'] / max(row['worker_cpu'], 0.001):.1f} |",
                    flush=True,
                )
            print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
