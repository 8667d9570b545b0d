"""Sources and feeds: add_source, poll_sources --wait, new, changed and repeated items,
conditional GET, filters, failures and cancelled runs, against the tests' own server."""

import pytest
from django.core.management import call_command

from articles.models import Article
from ingest.feeds import poll_source
from ingest.models import RunEntry, Source, SourceRun
from tests.ingest.feeds import atom, english_page, rss, serve_feed
from tests.ingest.web_server import PAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_articles(web_server) -> list[dict]:
    rubio = web_server.add("/world/rubio", english_page("rubio", "Rubio visits San Salvador"))
    spanish = web_server.add_page("/internacional/bukele", "es-articulo.html")
    return [
        {"guid": "tag:test,1", "link": rubio, "title": "Rubio visits San Salvador"},
        {"guid": "tag:test,2", "link": spanish, "title": "Bukele se reúne con Trump"},
    ]


def add_source(feed_url: str, *extra: str) -> Source:
    call_command("add_source", "--name", "The Daily Test", "--feed", feed_url, *extra)
    return Source.objects.get(feed_url=feed_url)


def entries(run: SourceRun) -> dict[str, tuple[str, str]]:
    return {entry.title: (entry.outcome, entry.reason) for entry in run.entries.all()}


def test_add_source_then_poll_imports_the_new_items(web_server, two_articles, capsys):
    feed = serve_feed(web_server, "/feed.xml", rss(two_articles))
    source = add_source(feed, "--language", "es", "--every", "30")
    assert (source.language, source.poll_minutes) == ("es", 30)

    call_command("poll_sources", "--wait")

    out = capsys.readouterr().out
    assert "The Daily Test: Done; 2 imported, 0 updated, 0 unchanged, 0 skipped, 0 failed" in out
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Rubio visits San Salvador", "Bukele se reúne con Trump en la Casa Blanca"}
    assert set(Article.objects.values_list("outlet", "language")) == {("The Daily Test", "es")}
    source.refresh_from_db()
    assert source.etag == '"1"' and source.next_poll > source.last_polled


def test_a_source_not_due_is_not_polled(web_server, two_articles, capsys):
    source = add_source(serve_feed(web_server, "/feed.xml", rss(two_articles)))
    call_command("poll_sources")
    call_command("poll_sources")
    assert source.runs.count() == 1
    assert "0 source(s) queued" in capsys.readouterr().out


def test_an_unchanged_feed_is_not_read_again(web_server, two_articles):
    source = add_source(serve_feed(web_server, "/feed.xml", rss(two_articles)))
    poll_source(source)
    second = poll_source(source)

    assert second.status == SourceRun.Status.NOT_MODIFIED
    assert web_server.requests_to("/feed.xml")[1]["If-None-Match"] == '"1"'
    assert second.entries.count() == 0


def test_new_changed_and_repeated_items(web_server, two_articles):
    source = add_source(serve_feed(web_server, "/feed.xml", rss(two_articles)))
    poll_source(source)
    rubio = Article.objects.get(title="Rubio visits San Salvador")

    web_server.add(
        "/world/rubio",
        english_page("rubio", "Rubio visits San Salvador", "Rubio left for Costa Rica on Tuesday."),
    )
    third = web_server.add("/world/third", english_page("third", "Rubio lands in Costa Rica"))
    changed = [
        {**two_articles[0], "summary": "Updated with his departure."},
        two_articles[1],
        {"guid": "tag:test,3", "link": third, "title": "Rubio lands in Costa Rica"},
    ]
    serve_feed(web_server, "/feed.xml", rss(changed), version="2")
    run = poll_source(source)

    assert entries(run) == {
        "Rubio visits San Salvador": ("updated", ""),
        "Rubio lands in Costa Rica": ("imported", ""),
    }
    assert (run.items_in_feed, run.repeated, run.status) == (3, 1, SourceRun.Status.DONE)
    rubio.refresh_from_db()
    assert "Rubio left for Costa Rica on Tuesday." in rubio.body
    assert Article.objects.count() == 3


def test_the_filter_skips_items_naming_none_of_its_terms(web_server, two_articles):
    other = web_server.add("/world/storms", english_page("storms", "Storms expected"))
    items = [*two_articles, {"guid": "tag:test,9", "link": other, "title": "Storms expected"}]
    source = add_source(serve_feed(web_server, "/feed.xml", rss(items)), "--actor", "nayib-bukele")

    run = poll_source(source)

    outcome, reason = entries(run)["Storms expected"]
    assert outcome == "skipped"
    assert reason.startswith("names none of the source's filter (Nayib Bukele")
    assert entries(run)["Bukele se reúne con Trump"][0] == "imported"
    assert entries(run)["Rubio visits San Salvador"][0] == "skipped"
    assert web_server.requests_to("/world/storms") == []
    again = poll_source(source)  # the feed is unchanged: nothing is recorded twice
    assert again.entries.count() == 0


def test_keywords_filter_too(web_server, two_articles):
    feed = serve_feed(web_server, "/feed.xml", rss(two_articles))
    run = poll_source(add_source(feed, "--keyword", "Rubio"))
    assert entries(run)["Rubio visits San Salvador"][0] == "imported"
    assert entries(run)["Bukele se reúne con Trump"][0] == "skipped"


def test_an_atom_feed(web_server, two_articles):
    feed = serve_feed(
        web_server, "/atom.xml", atom(two_articles), content_type="application/atom+xml"
    )
    run = poll_source(add_source(feed))
    assert [outcome for outcome, _ in entries(run).values()] == ["imported", "imported"]


def test_items_that_are_not_articles_fail_with_the_reason(web_server):
    paywall = web_server.add_page("/premium", "paywall.html")
    items = [
        {"guid": "1", "link": paywall, "title": "Premium"},
        {"guid": "2", "link": web_server.url("/loop/a"), "title": "Loop"},
    ]
    run = poll_source(add_source(serve_feed(web_server, "/feed.xml", rss(items))))

    assert entries(run)["Premium"][0] == "failed"
    assert entries(run)["Premium"][1].startswith("a paywall")
    assert entries(run)["Loop"][1].startswith("redirect loop")
    assert run.status == SourceRun.Status.DONE


@pytest.mark.parametrize(
    ("path", "error"),
    [("/missing.xml", "the server answered 404"), ("/page.html", "not an RSS or Atom feed")],
)
def test_a_feed_that_cannot_be_read_fails_the_run(web_server, path, error):
    web_server.add_page("/page.html", "short.html")
    run = poll_source(add_source(web_server.url(path)))
    assert run.status == SourceRun.Status.FAILED
    assert error in run.error


def test_a_cancelled_run_imports_nothing_more(web_server, two_articles):
    from ingest.feeds import import_entry

    queued = []
    source = add_source(serve_feed(web_server, "/feed.xml", rss(two_articles)))
    run = poll_source(source, enqueue=queued.append)
    assert run.entries.filter(outcome=RunEntry.Outcome.QUEUED).count() == 2

    run.finish(SourceRun.Status.CANCELLED)
    for entry_id in queued:
        import_entry(entry_id)

    assert set(run.entries.values_list("outcome", flat=True)) == {"cancelled"}
    assert not Article.objects.exists()


def test_a_feed_in_windows_1252(web_server):
    page = web_server.add_page("/viejo.html", "cp1252.html", content_type="text/html")
    feed = rss([{"guid": "1", "link": page, "title": "Piñera decreta estado de emergencia"}])
    body = feed.replace('encoding="utf-8"', 'encoding="windows-1252"').encode("cp1252")
    web_server.add("/feed.xml", body, content_type="application/rss+xml")
    run = poll_source(add_source(web_server.url("/feed.xml")))
    assert entries(run) == {"Piñera decreta estado de emergencia": ("imported", "")}
    assert PAGES.exists()


def test_an_unexpected_error_fails_the_item_and_the_run_still_ends(
    web_server, two_articles, monkeypatch
):
    def broken(url):
        raise RuntimeError("the extractor choked")

    monkeypatch.setattr("ingest.feeds.read_url", broken)
    run = poll_source(add_source(serve_feed(web_server, "/feed.xml", rss(two_articles))))

    assert run.status == SourceRun.Status.DONE
    assert set(entries(run).values()) == {("failed", "RuntimeError: the extractor choked")}
