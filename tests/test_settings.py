"""Settings come from the environment; each case runs in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRINT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.DEBUG, settings.DATABASES['default']['ENGINE'], settings.ALLOWED_HOSTS)"
)


def run_settings(**env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_SETTINGS}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_debug_is_off_and_a_secret_key_is_required_by_default():
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_local_development_runs_on_sqlite_with_debug():
    result = run_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["True", "newsroom.sqlite_backend"]


def test_production_settings_from_the_environment():
    result = run_settings(
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="timeline.example.org, www.example.org",
        DATABASE_URL="postgres://newsroom@db.example.org:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    debug, engine, hosts = result.stdout.split(" ", 2)
    assert debug == "False"
    assert engine == "django.db.backends.postgresql"
    assert hosts.strip() == "['timeline.example.org', 'www.example.org']"
