"""Throwaway databases for tests that run `manage.py` in another process: kill an import,
back up and restore, take the database away from a running server.

On the SQLite run they are files under the test's tmp_path; when the suite itself runs on
PostgreSQL they are fresh databases on the same server, dropped afterwards, so the fault
tests exercise the database the suite is checking.
"""

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def manage_env(database_url: str) -> dict[str, str]:
    """Production settings (debug off) pointed at the given database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DJANGO_SECRET_KEY="scratch-database-tests-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(
    database_url: str, *args: str, timeout: float = 300, **extra_env: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=manage_env(database_url) | extra_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_script(database_url: str, script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / "scripts" / script), *args],
        cwd=ROOT,
        env=manage_env(database_url),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@contextmanager
def scratch_database(tmp_path: Path, name: str = "scratch") -> Iterator[str]:
    """The URL of an empty database of the kind the suite runs on."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
        return
    import psycopg

    settings = connection.settings_dict
    database = f"scratch_{name}_{uuid.uuid4().hex[:10]}"
    server = dj_database_url.parse(os.environ["DATABASE_URL"])
    admin_url = (
        f"postgresql://{server['USER']}:{server['PASSWORD'] or ''}@"
        f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/postgres"
    )
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{database}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
