"""`make backup` and `make restore` (scripts/backup, scripts/restore) round-trip the whole
database: the export, the editors' accounts and every row of history come back the same."""

import gzip
import json

import pytest

from tests.scratch_databases import manage, run_script, scratch_database
from tests.seeds import SEEDS

MARK_ONE_REVIEWED_AND_ONE_REJECTED = """
from timeline.models import Event
first, second = Event.objects.order_by("pk")[:2]
Event.objects.filter(pk=first.pk).update(status=Event.Status.REVIEWED, title="Edited <title>")
Event.objects.filter(pk=second.pk).update(status=Event.Status.REJECTED)
"""


def export(database_url: str) -> dict:
    result = manage(database_url, "export_timeline", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def backup(database_url: str, file) -> list[dict]:
    result = run_script(database_url, "backup", str(file))
    assert result.returncode == 0, result.stderr
    with gzip.open(file, "rt", encoding="utf-8") as dump:
        return json.load(dump)


def restore(database_url: str, file) -> None:
    result = run_script(database_url, "restore", str(file))
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def newsroom_database(tmp_path_factory):
    """Seeds imported, an editor's account, one event reviewed and one rejected. Shared by the
    tests below: each leaves it as it found it (that is what they check)."""
    with scratch_database(tmp_path_factory.mktemp("backup"), "source") as database_url:
        assert manage(database_url, "migrate", "--no-input").returncode == 0
        assert manage(database_url, "import_articles", str(SEEDS)).returncode == 0
        editor = manage(
            database_url, "create_editor", "ana", DJANGO_EDITOR_PASSWORD="a-long-editor-password"
        )
        assert editor.returncode == 0, editor.stderr
        edited = manage(
            database_url, "shell", "--no-imports", "-c", MARK_ONE_REVIEWED_AND_ONE_REJECTED
        )
        assert edited.returncode == 0, edited.stderr
        yield database_url


def test_backup_flush_and_restore_give_back_the_same_timeline(newsroom_database, tmp_path):
    before = export(newsroom_database)
    dump = backup(newsroom_database, tmp_path / "newsroom.json.gz")
    assert manage(newsroom_database, "flush", "--no-input").returncode == 0
    assert export(newsroom_database) == {"events": []}

    restore(newsroom_database, tmp_path / "newsroom.json.gz")

    assert export(newsroom_database) == before
    assert backup(newsroom_database, tmp_path / "again.json.gz") == dump
    assert any(event["title"] == "Edited <title>" for event in before["events"])


def test_restore_replaces_another_database_entirely(newsroom_database, tmp_path):
    before = export(newsroom_database)
    dump = backup(newsroom_database, tmp_path / "newsroom.json.gz")
    with scratch_database(tmp_path, "target") as target:
        assert manage(target, "migrate", "--no-input").returncode == 0
        (one_seed, *_) = sorted(SEEDS.glob("*.txt"))
        (tmp_path / "other.txt").write_text(
            "A different story\n" + one_seed.read_text(encoding="utf-8"), encoding="utf-8"
        )
        assert manage(target, "import_articles", str(tmp_path / "other.txt")).returncode == 0

        restore(target, tmp_path / "newsroom.json.gz")

        assert export(target) == before
        assert backup(target, tmp_path / "target.json.gz") == dump
        login = manage(
            target,
            "shell",
            "--no-imports",
            "-c",
            "from django.contrib.auth import authenticate; from django.test import RequestFactory;"
            "print(authenticate(RequestFactory().post('/admin/login/'), username='ana',"
            " password='a-long-editor-password'))",
        )
        assert login.stdout.strip() == "ana"


def test_a_broken_backup_leaves_the_database_as_it_was(newsroom_database, tmp_path):
    before = export(newsroom_database)
    broken = tmp_path / "broken.json"
    broken.write_text('[{"model": "articles.article", "pk": 1, "fields": {"title": ', "utf-8")

    result = run_script(newsroom_database, "restore", str(broken))

    assert result.returncode != 0
    assert export(newsroom_database) == before
