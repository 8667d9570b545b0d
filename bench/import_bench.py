"""Articles per second and peak memory of `manage.py import_articles`, run by `bench/import`.

Each run imports a generated corpus into a fresh database, in a child process pinned to one
core, and reads the child's peak RSS from the kernel (os.wait4: the number `/usr/bin/time -v`
prints). Two corpus sizes show whether memory grows with the number of files. The BBC corpus
gives a figure on real text, and dateparser's search_dates the baseline we are measured against.
An import still running after --time-limit seconds is stopped and measured on what it finished,
so that a slow pipeline still gives figures within a few minutes.

Wall-clock seconds include starting Python and Django (about 0.7 s). CPU seconds are the
child's own (user + sys): on a shared machine they are the steadier figure, and on SQLite they
include the database writes; on PostgreSQL the server's share is not in them.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench.generate_corpus import generate_corpus

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
BBC_CORPUS = Path("/work/shared/corpora/bbc-news-2005/bbc")
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/bench_import"
PIN = ["taskset", "-c", "0"] if shutil.which("taskset") else []
COUNT_ROWS = (
    "from articles.models import Article; from timeline.models import Event; "
    "print(Article.objects.count(), Event.objects.count())"
)


@dataclass
class ImportRun:
    label: str
    files: int
    failed: int
    articles: int
    events: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float

    @property
    def per_second(self) -> float:
        return self.files / self.seconds

    @property
    def per_cpu_second(self) -> float:
        return self.files / self.cpu_seconds


def main() -> None:
    options = parse_arguments()
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    backend = "PostgreSQL" if options.postgres else "SQLite"
    print(machine_summary(options.postgres_url if options.postgres else None))
    print(code_version())
    print(f"Pinned to one core: {'taskset -c 0' if PIN else 'no (taskset not found)'}")
    print(f"Load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")

    try:
        runs, baseline = run_all(options, work, backend)
    finally:
        shutil.rmtree(work)
    print()
    print(markdown_report(runs, baseline))


def run_all(options: argparse.Namespace, work: Path, backend: str):
    runs = []
    for size in options.sizes:
        corpus = work / f"corpus-{size}"
        generate_corpus(corpus, articles=size, seed=options.seed)
        label = f"{backend}, {size:,} generated articles"
        url = database_url(options, work, size)
        runs.append(import_corpus(corpus, label, url, time_limit=options.time_limit))
        print(format_run(runs[-1]))
    if options.bbc and options.bbc.is_dir():
        label = f"{backend}, BBC News 2005 (real, 1-5 KB)"
        url = database_url(options, work, "bbc")
        runs.append(import_corpus(options.bbc, label, url, time_limit=options.time_limit))
        print(format_run(runs[-1]))
    elif options.bbc:
        print(f"BBC corpus not found at {options.bbc}; skipped.")
    baseline = None
    if options.baseline_sample:
        baseline = dateparser_baseline(work / f"corpus-{options.sizes[-1]}", options)
    return runs, baseline


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/import",
        description="Articles per second and peak memory of manage.py import_articles.",
    )
    parser.add_argument("--articles", type=int, default=3000, help="corpus size (3000)")
    parser.add_argument(
        "--sizes",
        help="comma-separated corpus sizes to compare peak memory across "
        "(default: a third of --articles, and --articles)",
    )
    parser.add_argument("--postgres", action="store_true", help="import into PostgreSQL")
    parser.add_argument("--postgres-url", default=POSTGRES_URL, help=f"default: {POSTGRES_URL}")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=90,
        help="seconds after which an import is stopped and measured as far as it got (90)",
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument(
        "--bbc", type=Path, default=BBC_CORPUS, help="BBC corpus folder ('' to skip)"
    )
    parser.add_argument(
        "--baseline-sample", type=int, default=200, help="articles for dateparser (0 to skip)"
    )
    options = parser.parse_args()
    sizes = options.sizes or f"{max(1, options.articles // 3)},{options.articles}"
    options.sizes = sorted({int(size) for size in sizes.split(",")})
    options.bbc = Path(options.bbc).resolve() if str(options.bbc) not in {"", "."} else None
    return options


def database_url(options: argparse.Namespace, work: Path, name: object) -> str:
    """A fresh, migrated, empty database for one run."""
    if options.postgres:
        url = options.postgres_url
        recreate_postgres_database(url)
    else:
        url = f"sqlite:///{work / f'db-{name}.sqlite3'}"
    manage(["migrate", "--no-input", "-v", "0"], url)
    return url


def recreate_postgres_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    maintenance = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def import_corpus(folder: Path, label: str, url: str, *, time_limit: float) -> ImportRun:
    """Import a folder in a child pinned to one core, stopped once time_limit seconds are up."""
    command = [*PIN, PYTHON, "manage.py", "import_articles", "-v", "2", str(folder)]
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=ROOT, env=child_env(url), stdout=stdout, stderr=stderr
        )
        usage, stopped = wait_for(child, deadline=started + time_limit)
        seconds = time.perf_counter() - started
        stdout.seek(0)
        stderr.seek(0)
        output, errors = stdout.read().decode(), stderr.read().decode()
    # With -v 2 the command says "path: status" for each file, on stderr when it failed.
    done = [line for line in output.splitlines() if line.startswith(str(folder))]
    failed = [line for line in errors.splitlines() if line.startswith(str(folder))]
    if child.returncode and not stopped and not failed:
        sys.exit(f"import_articles failed:\n{errors}")
    counts = manage(["shell", "-v", "0", "-c", COUNT_ROWS], url).split()
    return ImportRun(
        label=label + (f" (stopped at the {time_limit:.0f} s limit)" if stopped else ""),
        files=len(done) + len(failed),
        failed=len(failed),
        articles=int(counts[0]),
        events=int(counts[1]),
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mb=usage.ru_maxrss / 1024,
    )


def wait_for(child: subprocess.Popen, *, deadline: float) -> tuple[resource.struct_rusage, bool]:
    """Reap the child with wait4, which gives its own peak RSS (as /usr/bin/time -v does)."""
    stopped = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return usage, stopped
        if not stopped and time.perf_counter() > deadline:
            child.terminate()
            stopped = True
        time.sleep(0.05)


def manage(arguments: list[str], url: str) -> str:
    completed = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=child_env(url),
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout


def child_env(url: str) -> dict[str, str]:
    """Production-like settings: DEBUG off, so Django does not keep every query in memory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return env | {"DATABASE_URL": url, "DJANGO_SECRET_KEY": "bench-import-only"}


def dateparser_baseline(corpus: Path, options: argparse.Namespace) -> dict:
    command = [*PIN, PYTHON, "-m", "bench.dateparser_baseline", str(corpus)]
    command += ["--sample", str(options.baseline_sample)]
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


def machine_summary(postgres_url: str | None) -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        platform.processor() or "unknown",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    versions = [
        f"Python {platform.python_version()}",
        f"SQLite {sqlite3.sqlite_version}",
        f"dateparser {package_version('dateparser')}",
        f"Django {package_version('django')}",
    ]
    if postgres_url:
        versions.append(f"PostgreSQL {postgres_version(postgres_url)}")
    return (
        f"Machine: {os.cpu_count()} cores ({model}), {memory_kb / 1024**2:.0f} GiB RAM, "
        f"{platform.system()} {platform.release()}\n" + ", ".join(versions)
    )


def code_version() -> str:
    """The commit measured, and whether the pipeline's code has uncommitted changes on top."""
    commit = git("log", "-1", "--format=%h %ad %s", "--date=format:%Y-%m-%d %H:%M")
    if not commit:
        return f"Code: {ROOT} (not a git checkout)"
    changed = git("status", "--porcelain", "--", "articles", "timeline", "newsroom").splitlines()
    note = f" + uncommitted changes in {len(changed)} files" if changed else ""
    return f"Code: {commit}{note}"


def git(*arguments: str) -> str:
    completed = subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)
    return completed.stdout.strip()


def package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def postgres_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres") as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def format_run(run: ImportRun) -> str:
    return (
        f"{run.label}: {run.files} files ({run.failed} failed) in {run.seconds:.1f} s "
        f"= {run.per_second:.0f} articles/s ({run.per_cpu_second:.0f}/CPU-s), "
        f"{run.events:,} events, peak RSS {run.peak_rss_mb:.0f} MB"
    )


def markdown_report(runs: list[ImportRun], baseline: dict | None) -> str:
    lines = [
        "| corpus | files | seconds | articles/s | articles/CPU-s | articles | events | peak RSS |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {run.label} | {run.files:,} | {run.seconds:.1f} | {run.per_second:.0f} "
        f"| {run.per_cpu_second:.0f} | {run.articles:,} | {run.events:,} "
        f"| {run.peak_rss_mb:.0f} MB |"
        for run in runs
    ]
    if baseline:
        for name, key in [
            ("told en and es", "with_languages"),
            ("detecting the language", "detecting_language"),
        ]:
            speed = baseline[key]
            lines.append(
                f"\ndateparser.search.search_dates, {name}: {speed['articles']} articles in "
                f"{speed['cpu_seconds']} CPU s = {speed['articles_per_second']} articles/s, "
                f"{speed['dates_per_article']} 'dates' an article."
            )
        lines.append("\n| distractor phrase | search_dates finds | our patterns find |")
        lines.append("| --- | --- | --- |")
        lines += [
            f"| {row['phrase']} | {'; '.join(row['dateparser']) or '—'} "
            f"| {'; '.join(row['ours']) or '—'} |"
            for row in baseline["distractors"]
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
