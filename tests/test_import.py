"""The import pipeline and the import_articles command, against the database."""

import datetime
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.rows import RowInserter
from articles.services import ImportContext, extract_article_events, import_text
from tests.seeds import BBC_CORPUS, SEEDS, seed_text
from timeline.models import Event, Excerpt

pytestmark = pytest.mark.django_db


def import_seeds(*paths, **options):
    call_command("import_articles", *(paths or [str(SEEDS)]), verbosity=0, **options)


def test_seeds_import_into_a_timeline():
    import_seeds()
    assert Article.objects.count() == 5
    meeting = Event.objects.get(title="Nayib Bukele meets Donald Trump at the White House")
    assert meeting.date == datetime.date(2025, 4, 14)
    assert set(meeting.actors.values_list("slug", flat=True)) == {"nayib-bukele", "donald-trump"}
    assert set(meeting.countries.values_list("code", flat=True)) == {"SV", "US"}
    bullrich = Event.objects.get(title="Patricia Bullrich visits El Salvador")
    assert (bullrich.date, bullrich.date_precision) == (datetime.date(2024, 6, 9), "day")
    assert Event.objects.filter(title="Transfer of 238 members to CECOT").exists()
    article = Article.objects.get(source_file="004_c60c3b82339037ee.txt")
    assert article.published == datetime.date(2024, 6, 10)
    assert article.published_source == "front_matter"
    assert article.outlet == "Breitbart"


def test_every_stored_excerpt_slices_its_article_body():
    import_seeds()
    for excerpt in Excerpt.objects.select_related("article"):
        assert excerpt.article.body[excerpt.start : excerpt.end] == excerpt.quote


def test_import_is_idempotent(capsys):
    import_seeds()
    before = sorted(Event.objects.values_list("id", "title", "date"))
    call_command("import_articles", str(SEEDS))
    assert "5 unchanged" in capsys.readouterr().out
    assert sorted(Event.objects.values_list("id", "title", "date")) == before


def test_changed_text_updates_the_article_and_keeps_reviewed_events(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(seed_text("003"), encoding="utf-8")
    import_seeds(str(path))
    article = Article.objects.get()
    reviewed = Event.objects.get(title="Nayib Bukele meets Donald Trump at the White House")
    reviewed.title = "Bukele and Trump meet in the Oval Office"
    reviewed.status = Event.Status.REVIEWED
    reviewed.save()
    extracted_ids = set(Event.objects.exclude(pk=reviewed.pk).values_list("pk", flat=True))

    path.write_text("Breaking: " + seed_text("003").replace("Recently, ", ""), encoding="utf-8")
    import_seeds(str(path))

    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert article.title.startswith("Breaking: ")
    reviewed.refresh_from_db()
    assert reviewed.title == "Bukele and Trump meet in the Oval Office"
    assert reviewed.status == "reviewed"
    for excerpt in reviewed.excerpts.all():
        assert article.body[excerpt.start : excerpt.end] == excerpt.quote
    titles = list(Event.objects.values_list("title", flat=True))
    assert titles.count("Nayib Bukele meets Donald Trump at the White House") == 0
    assert not Event.objects.filter(pk__in=extracted_ids).exists()
    assert Event.objects.filter(title="Transfer of 232 migrants to CECOT").exists()


def test_reextraction_marks_a_vanished_quote_of_a_reviewed_event_instead_of_losing_it():
    import_text(seed_text("003"), source_file="003.txt")
    article = Article.objects.get()
    event = Event.objects.get(title="Transfer of 232 migrants to CECOT")
    event.status = Event.Status.REVIEWED
    event.save()
    article.body = article.body.replace("transferred a total of 232", "sent 232")
    article.save()
    summary = extract_article_events(article)
    assert summary.kept == 1
    (excerpt,) = event.excerpts.all()
    assert (excerpt.start, excerpt.end) == (None, None)
    assert "transferred a total of 232" in excerpt.quote


def write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


BAD_FILES = [
    ("latin1.txt", "Título\n\nEl café cuesta £3.".encode("latin-1"), "not UTF-8"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n\t\n", "empty"),
    ("title-only.txt", b"Just a headline\n", "empty"),
    ("huge.txt", b"Title\n\n" + b"word " * 450_000, "too large"),
    ("no-title.txt", b"x" * 400 + b"\n\nBody.", "no title"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES)
def test_bad_files_are_reported_and_change_nothing(tmp_path, capsys, name, content, reason):
    import_seeds()
    before = (Article.objects.count(), Event.objects.count(), Excerpt.objects.count())
    bad = write(tmp_path, name, content)
    good = tmp_path / "good.txt"
    good.write_text("A new story\n\nMarco Rubio visited Costa Rica on 3 February 2025.\n")
    with pytest.raises(CommandError, match="1 of 2 files could not be imported"):
        call_command("import_articles", str(bad), str(good))
    output = capsys.readouterr()
    assert f"{bad}: " in output.err
    assert reason in output.err
    assert "1 imported, 0 updated, 0 unchanged, 1 failed" in output.out
    assert Article.objects.count() == before[0] + 1  # the good file still went in
    assert Event.objects.count() > before[1]


def test_a_database_error_rolls_back_that_file_only(tmp_path, monkeypatch):
    import_seeds()
    before = (Article.objects.count(), Event.objects.count(), Excerpt.objects.count())

    real_insert = RowInserter.insert

    def fail_on_excerpts(self, rows, **kwargs):  # after the article and its events are written
        if self.model is Excerpt:
            raise __import__("django.db").db.IntegrityError("simulated failure")
        return real_insert(self, rows, **kwargs)

    monkeypatch.setattr(RowInserter, "insert", fail_on_excerpts)
    outcome = import_text("A story\n\nRubio visited Costa Rica on Monday.", source_file="x.txt")
    assert outcome.status == "failed"
    assert "simulated failure" in outcome.message
    assert (Article.objects.count(), Event.objects.count(), Excerpt.objects.count()) == before


def test_dry_run_saves_nothing(capsys):
    import_seeds(dry_run=True)
    assert "Dry run, nothing saved: 5 files: 5 imported" in capsys.readouterr().out
    assert Article.objects.count() == 0
    assert Event.objects.count() == 0


def test_missing_path_is_a_clear_error():
    with pytest.raises(CommandError, match=r"No such file or folder: nowhere\.txt"):
        call_command("import_articles", "nowhere.txt")


def test_same_text_under_another_name_is_unchanged(tmp_path):
    import_seeds()
    copy = tmp_path / "copy.txt"
    shutil.copy(next(SEEDS.glob("001_*.txt")), copy)
    outcome = import_text(copy.read_text(), source_file="copy.txt")
    assert outcome.status == "unchanged"
    assert "same text as" in outcome.message
    assert Article.objects.count() == 5


def test_slugs_are_unique():
    first = import_text("Same headline\n\nRubio visited Costa Rica.", source_file="a.txt")
    second = import_text("Same headline\n\nRubio visited Argentina.", source_file="b.txt")
    assert first.article.slug == "same-headline"
    assert second.article.slug == "same-headline-2"


def test_import_queries_do_not_grow_with_the_number_of_events():
    context = ImportContext.from_database()
    few = "Few events\n\nRubio visited Costa Rica on 3 February 2025."
    many = "Many events\n\n" + "\n\n".join(
        f"Milei visited Chile and met Bukele in San Salvador on {day} March 2025."
        for day in range(1, 25)
    )
    with CaptureQueriesContext(connection) as few_queries:
        assert import_text(few, source_file="few.txt", context=context).status == "imported"
    with CaptureQueriesContext(connection) as many_queries:
        outcome = import_text(many, source_file="many.txt", context=context)
    assert outcome.extraction.created == 24
    assert len(many_queries) == len(few_queries) <= 20


@pytest.mark.skipif(not BBC_CORPUS.exists(), reason="BBC corpus not beside the project")
def test_bbc_corpus_imports_without_crashing_and_reports_its_one_latin1_file(capsys):
    folders = [str(BBC_CORPUS / "politics"), str(BBC_CORPUS / "sport")]
    with pytest.raises(CommandError, match="1 of 928 files"):
        call_command("import_articles", *folders)
    err = capsys.readouterr().err
    assert "sport/199.txt: not UTF-8 (byte 0xa3" in err
    for excerpt in Excerpt.objects.select_related("article")[:500]:
        assert excerpt.article.body[excerpt.start : excerpt.end] == excerpt.quote
    assert not Event.objects.filter(date__gt=datetime.date(2006, 12, 31)).exists()


def test_a_new_article_is_saved_as_save_would_save_it():
    from django.db.models.signals import post_save

    saves = []

    def record(sender, instance, created: bool, **kwargs):
        saves.append((instance.pk, created))

    post_save.connect(record, sender=Article)
    try:
        outcome = import_text("A story\n\nRubio visited Costa Rica on Monday.", source_file="a.txt")
    finally:
        post_save.disconnect(record, sender=Article)
    article = outcome.article
    assert saves == [(article.pk, True)]
    assert not article._state.adding
    stored = Article.objects.get(pk=article.pk)
    assert stored.created == article.created and stored.updated == article.updated
    assert (stored.title, stored.slug, stored.body, stored.language, stored.source_file) == (
        "A story",
        "a-story",
        "Rubio visited Costa Rica on Monday.",
        "en",
        "a.txt",
    )


def test_the_import_refreshes_postgresql_statistics_as_the_events_grow(monkeypatch):
    """The candidate query's plan depends on them (see articles.services.keep_statistics_fresh)."""
    from articles import services

    monkeypatch.setattr(services, "STATISTICS_FIRST_AT", 1)
    if connection.vendor == "postgresql":
        # ANALYZE's row estimate outlives the earlier tests' rolled-back rows (an import of
        # the BBC corpus leaves hundreds): start from the empty table's own.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE timeline_event")
    context = ImportContext.from_database()
    import_text("A story\n\nRubio visited Costa Rica on Monday.", context=context)
    services.keep_statistics_fresh(context)
    if connection.vendor != "postgresql":
        assert context.statistics_basis is None
        return
    assert context.events_written == 1
    assert context.statistics_basis[0] == Event.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'timeline_event'::regclass")
        assert cursor.fetchone()[0] >= 0
