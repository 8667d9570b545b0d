"""Run the load benchmark: a fresh PostgreSQL database, gunicorn, readers and editors, then a
check that every edit the editors saved is in the database exactly as they saved it."""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from threading import Thread

import psycopg

from bench.load.client import Client
from bench.load.traffic import Editor, Tally, reader_paths, readers_in_threads

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PASSWORD = "bench-editor-password-1"
READER_PROCESSES = 4


def parse_arguments():
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--readers", type=int, default=64)
    parser.add_argument("--editors", type=int, default=3)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--port", type=int, default=8041)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--postgres", default=f"postgresql://postgres@{HOST}:5432")
    parser.add_argument("--database", default="bench_load")
    parser.add_argument("--articles", type=int, default=100, help="generated besides seeds/")
    return parser.parse_args()


def environment(database_url: str) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": "bench-load-secret-key-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_EDITOR_PASSWORD": PASSWORD,
        "DJANGO_LOGIN_FAILURE_LIMIT": "5",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def fresh_database(arguments) -> str:
    with psycopg.connect(f"{arguments.postgres}/postgres", autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{arguments.database}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{arguments.database}"')
    return f"{arguments.postgres}/{arguments.database}"


def write_articles(folder: Path, count: int) -> None:
    """Seed articles made distinct by number, for a timeline of a realistic size."""
    seeds = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    for number in range(count):
        title, rest = seeds[number % len(seeds)].split("\n", 1)
        text = f"{title} (part {number})\n{rest}\nFollow-up number {number}.\n"
        (folder / f"bench-{number:04d}.txt").write_text(text, encoding="utf-8")


def sample_pages(database_url: str) -> dict:
    with psycopg.connect(database_url) as db:
        column = lambda sql: [row[0] for row in db.execute(sql)]  # noqa: E731
        return {
            "countries": column("SELECT code FROM timeline_country ORDER BY code LIMIT 6"),
            "actors": column("SELECT slug FROM timeline_actor ORDER BY slug LIMIT 6"),
            "articles": column("SELECT slug FROM articles_article ORDER BY id LIMIT 20"),
            "events": column("SELECT id FROM timeline_event ORDER BY id LIMIT 40"),
        }


def event_finder(database_url: str):
    def find_event(article_id: int) -> int | None:
        with psycopg.connect(database_url) as db:
            row = db.execute(
                "SELECT event_id FROM timeline_excerpt WHERE article_id = %s ORDER BY id LIMIT 1",
                [article_id],
            ).fetchone()
        return row[0] if row else None

    return find_event


def verify(database_url: str, editors: list[Editor]) -> dict:
    """Each article and event is stored exactly as its last save left it, and every saved
    article has its extracted excerpts: nothing lost, nothing half-written."""
    saves = sorted((edit for editor in editors for edit in editor.saved), key=lambda e: e.saved_at)
    last_saves = {(edit.kind, edit.pk): edit for edit in saves}
    lost = []
    with psycopg.connect(database_url) as db:
        for edit in last_saves.values():
            if edit.kind == "article":
                row = db.execute(
                    "SELECT title, body, (SELECT COUNT(*) FROM timeline_excerpt x "
                    "WHERE x.article_id = a.id) FROM articles_article a WHERE id = %s",
                    [edit.pk],
                ).fetchone()
                if row is None or row[:2] != (edit.title, edit.body) or row[2] == 0:
                    lost.append(f"article {edit.pk}")
            else:
                row = db.execute(
                    "SELECT title, status FROM timeline_event WHERE id = %s", [edit.pk]
                ).fetchone()
                if row != (edit.title, "reviewed"):
                    lost.append(f"event {edit.pk}: {row}")
    return {"saves": len(saves), "objects_checked": len(last_saves), "lost_or_half_written": lost}


def summary(tally: Tally, seconds: float) -> dict:
    latencies = sorted(tally.latencies) or [0.0]
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "requests": len(tally.latencies),
        "requests_per_second": round(len(tally.latencies) / seconds, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1),
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items(), key=str)},
        "5xx": sum(v for k, v in tally.statuses.items() if isinstance(k, int) and k >= 500),
        "failures": tally.failures[:10],
    }


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before answering")
        try:
            if Client(HOST, port, timeout=2).get("/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("gunicorn did not answer within 30 s")


def main() -> None:
    arguments = parse_arguments()
    database_url = fresh_database(arguments)
    env = environment(database_url)
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    with tempfile.TemporaryDirectory() as folder:
        write_articles(Path(folder), arguments.articles)
        manage(env, "import_articles", str(ROOT / "seeds"), folder)
    usernames = [f"bench-editor-{n}" for n in range(arguments.editors)]
    for username in usernames:
        manage(env, "create_editor", username)

    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"{HOST}:{arguments.port}",
         "--workers", str(arguments.workers), "--timeout", "30", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        wait_until_up(arguments.port, server)
        editors = [
            Editor(HOST, arguments.port, name, PASSWORD, event_finder(database_url), index)
            for index, name in enumerate(usernames)
        ]
        assert all(editor.log_in() for editor in editors), "an editor could not log in"
        paths = reader_paths(sample_pages(database_url))
        started = time.monotonic()
        deadline = started + arguments.duration
        editor_threads = [Thread(target=e.edit_until, args=(deadline,)) for e in editors]
        share = [arguments.readers // READER_PROCESSES + (n < arguments.readers % READER_PROCESSES)
                 for n in range(READER_PROCESSES)]  # fmt: skip
        with ProcessPoolExecutor(READER_PROCESSES) as pool:
            futures = [
                pool.submit(
                    readers_in_threads, HOST, arguments.port, paths, deadline, count, n * 1000
                )
                for n, count in enumerate(share)
                if count
            ]
            for thread in editor_threads:
                thread.start()
            readers = Tally()
            for future in futures:
                part = future.result(timeout=arguments.duration + 120)
                readers.statuses.update(part.statuses)
                readers.latencies += part.latencies
                readers.failures += part.failures
        for thread in editor_threads:
            thread.join(timeout=120)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    editing = Tally()
    for editor in editors:
        editing.statuses.update(editor.tally.statuses)
        editing.latencies += editor.tally.latencies
        editing.failures += editor.tally.failures
    report = {
        "machine": f"{platform.node()}: {os.cpu_count()} CPUs, {platform.platform()}",
        "setup": {k: v for k, v in vars(arguments).items() if k != "postgres"},
        "seconds": round(elapsed, 1),
        "readers": summary(readers, elapsed),
        "editors": summary(editing, elapsed)
        | {
            "saves_rejected": [r for e in editors for r in e.rejected][:10],
            "conflict_warnings_then_saved_again": sum(e.conflict_warnings for e in editors),
        },
        "verification": verify(database_url, editors),
    }
    print(json.dumps(report, indent=2))
    failed = report["readers"]["5xx"] or report["editors"]["5xx"]
    sys.exit(1 if failed or report["verification"]["lost_or_half_written"] else 0)


if __name__ == "__main__":
    main()
