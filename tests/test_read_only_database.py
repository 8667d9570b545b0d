"""A SQLite database that cannot be written: readers still get pages, an import says why."""

import shutil
import subprocess

import pytest
from django.db import connection

from tests.scratch_databases import manage
from tests.seeds import SEEDS

READ_PAGES = """
from django.test import Client
client = Client(HTTP_HOST="localhost")
for url in ["/", "/articles/", "/actors/", "/countries/SV/", "/timeline.json"]:
    print(url, client.get(url).status_code)
"""


def set_immutable(path, on: bool) -> bool:
    """chattr +i: not even root may write the file or create one in the folder."""
    if shutil.which("chattr") is None:
        return False
    flag = "+i" if on else "-i"
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def read_only_database(tmp_path_factory):
    """Migrated and imported once for the module: it cannot change, being read-only."""
    if connection.vendor != "sqlite":
        pytest.skip("a read-only SQLite file")
    folder = tmp_path_factory.mktemp("read-only") / "data"
    folder.mkdir()
    database = folder / "db.sqlite3"
    url = f"sqlite:///{database}"
    for command in (("migrate", "-v0"), ("import_articles", str(SEEDS), "-v0")):
        result = manage(url, *command)
        assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in folder.iterdir()) == ["db.sqlite3"]  # WAL checkpointed
    if not (set_immutable(database, True) and set_immutable(folder, True)):
        set_immutable(database, False)
        pytest.skip("chattr +i is not permitted here")
    try:
        yield url
    finally:
        set_immutable(folder, False)
        set_immutable(database, False)


def test_readers_get_pages_from_a_read_only_database(read_only_database):
    result = manage(
        read_only_database,
        "shell",
        "-c",
        READ_PAGES,
        DJANGO_SETTINGS_MODULE="newsroom.settings_test",
    )

    assert result.returncode == 0, result.stderr
    statuses = dict(line.split() for line in result.stdout.splitlines() if line[:1] == "/")
    assert statuses == dict.fromkeys(
        ["/", "/articles/", "/actors/", "/countries/SV/", "/timeline.json"], "200"
    )


def test_an_import_into_a_read_only_database_says_so(read_only_database):
    result = manage(read_only_database, "import_articles", str(SEEDS))

    assert result.returncode != 0
    assert "is read-only: nothing can be imported" in result.stderr
    assert "Traceback" not in result.stderr
