"""`import_articles` given URLs, HTML files and text files together, through the import service."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.ingest.web_server import PAGES
from tests.seeds import SEEDS
from timeline.models import Event


def test_urls_html_files_and_text_files_together(db, web_server, tmp_path, capsys):
    en_url = web_server.add_page("/world/rubio", "en-article.html")
    es_url = web_server.add_page("/internacional/bukele", "es-articulo.html")
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(PAGES / "cp1252.html", folder / "pinera.htm")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / seed.name)

    call_command("import_articles", en_url, es_url, str(folder))

    assert "4 files: 4 imported" in capsys.readouterr().out
    rubio = Article.objects.get(url="https://news.example.org/world/rubio-san-salvador")
    assert rubio.title == "Rubio visits San Salvador to sign migration deal"
    assert (rubio.outlet, rubio.byline, rubio.language) == ("The Daily Test", "Jane Doe", "en")
    assert str(rubio.published) == "2025-02-03"
    assert rubio.source_file == "https://news.example.org/world/rubio-san-salvador"
    assert Event.objects.filter(excerpts__article=rubio).exists()
    bukele = Article.objects.get(title="Bukele se reúne con Trump en la Casa Blanca")
    assert (bukele.language, str(bukele.published)) == ("es", "2025-04-14")
    pinera = Article.objects.get(source_file="pinera.htm")
    assert pinera.title == "Piñera decreta estado de emergencia en Santiago"
    assert "“evasiones masivas”" in pinera.body


def test_the_same_page_again_is_unchanged_and_a_changed_page_updates(db, web_server, capsys):
    url = web_server.add_page("/world/rubio", "en-article.html")
    call_command("import_articles", url)
    call_command("import_articles", url)
    assert "1 files: 0 imported, 0 updated, 1 unchanged" in capsys.readouterr().out

    changed = (PAGES / "en-article.html").read_text().replace("lakeside", "seaside")
    web_server.add("/world/rubio", changed)
    call_command("import_articles", url)
    assert "0 imported, 1 updated" in capsys.readouterr().out
    assert Article.objects.get().body.count("seaside") == 1


def test_pages_that_cannot_be_imported_are_named_with_the_reason(db, web_server, capsys):
    paywall = web_server.add_page("/premium", "paywall.html")
    with pytest.raises(CommandError, match="2 of 2 files could not be imported"):
        call_command("import_articles", paywall, web_server.url("/loop/a"))
    errors = capsys.readouterr().err
    assert f"{paywall}: a paywall" in errors
    assert "redirect loop" in errors
    assert not Article.objects.exists()


def test_a_url_to_this_machine_is_refused_outside_the_allowed_hosts(db, web_server, settings):
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = []
    url = web_server.add_page("/world/rubio", "en-article.html")
    with pytest.raises(CommandError):
        call_command("import_articles", url)
    assert web_server.requests == []
