"""One file never aborts a batch; publication dates outside a plausible range are refused."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from articles.extraction import DocumentError
from articles.extraction.document import parse_document
from articles.extraction.published import publication_date_problem
from articles.models import Article
from editorial.accounts import make_editor
from tests.seeds import seed_text

STORY = (
    "Bukele meets Rubio in San Salvador\n\n"
    "Nayib Bukele met Marco Rubio in San Salvador last year, the government said.\n"
)


def with_front_matter(published: str, body: str = STORY) -> str:
    return f"---\npublished: {published}\n---\n{body}"


@pytest.mark.parametrize(
    ("date", "plausible"),
    [
        (datetime.date(1, 1, 3), False),
        (datetime.date(1799, 12, 31), False),
        (datetime.date(1800, 1, 1), True),
        (datetime.date(2025, 4, 21), True),
        (datetime.date(2026, 6, 2), True),  # tomorrow
        (datetime.date(2026, 6, 3), False),
        (datetime.date(9999, 12, 31), False),
    ],
)
def test_the_plausible_range_of_a_publication_date(date, plausible):
    problem = publication_date_problem(date, today=datetime.date(2026, 6, 1))
    assert (problem == "") is plausible
    if not plausible:
        assert "out of range" in problem and "1800-01-01" in problem


@pytest.mark.parametrize("published", ["0001-01-03", "9999-12-31", "1750-07-04"])
def test_front_matter_out_of_range_is_refused_with_a_message(published):
    with pytest.raises(DocumentError, match=f"publication date {published} is out of range"):
        parse_document(with_front_matter(published))


def test_a_date_line_out_of_range_is_refused_too():
    with pytest.raises(DocumentError, match="out of range"):
        parse_document("Bukele meets Rubio\n\n1776-07-04\n\nNayib Bukele met Marco Rubio.\n")


@pytest.mark.django_db
def test_one_bad_file_is_that_files_failure_and_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "1-year-zero.txt").write_text(with_front_matter("0001-01-03"), encoding="utf-8")
    (tmp_path / "2-far-future.txt").write_text(with_front_matter("9999-12-31"), encoding="utf-8")
    (tmp_path / "3-good.txt").write_text(seed_text("003"), encoding="utf-8")

    with pytest.raises(CommandError, match="2 of 3 files could not be imported"):
        call_command("import_articles", str(tmp_path))

    output = capsys.readouterr()
    assert "3 files: 1 imported, 0 updated, 0 unchanged, 2 failed." in output.out
    assert "1-year-zero.txt: publication date 0001-01-03 is out of range" in output.err
    assert "2-far-future.txt: publication date 9999-12-31 is out of range" in output.err
    assert "Traceback" not in output.err
    assert list(Article.objects.values_list("source_file", flat=True)) == ["3-good.txt"]


@pytest.mark.django_db
def test_an_unexpected_error_in_one_file_is_reported_and_the_run_goes_on(
    tmp_path, capsys, monkeypatch
):
    import articles.services

    real_extract = articles.services.extract_events

    def extract_or_fail(body, **kwargs):
        if "CECOT" not in body:
            raise ValueError("year 0 is out of range")
        return real_extract(body, **kwargs)

    monkeypatch.setattr(articles.services, "extract_events", extract_or_fail)
    (tmp_path / "1-breaks.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "2-good.txt").write_text(seed_text("001"), encoding="utf-8")

    with pytest.raises(CommandError, match="1 of 2 files could not be imported"):
        call_command("import_articles", str(tmp_path))

    output = capsys.readouterr()
    assert "1 imported, 0 updated, 0 unchanged, 1 failed." in output.out
    assert "1-breaks.txt: unexpected error: ValueError: year 0 is out of range" in output.err
    assert "Traceback" not in output.err  # only with -v 2
    assert list(Article.objects.values_list("source_file", flat=True)) == ["2-good.txt"]

    (tmp_path / "2-good.txt").unlink()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), verbosity=2)
    assert "Traceback" in capsys.readouterr().err


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


def add_article(client, follow=False, **fields):
    data = {"title": "", "body": STORY, "outlet": "", "url": "", "published": ""}
    data.update(fields)
    return client.post(reverse("admin:articles_article_add"), data, follow=follow)


@pytest.mark.parametrize(
    ("fields", "field_error"),
    [
        ({"published": "9999-12-31"}, "Publication date 9999-12-31 is out of range"),
        ({"body": with_front_matter("0001-01-03")}, "publication date 0001-01-03 is out of range"),
    ],
)
def test_the_admin_refuses_a_publication_date_out_of_range(editor_client, fields, field_error):
    response = add_article(editor_client, **fields)

    assert response.status_code == 200
    assertContains(response, field_error)
    assert not Article.objects.exists()


def test_the_admin_change_form_refuses_a_publication_date_out_of_range(editor_client):
    add_article(editor_client, published="2025-02-04")
    article = Article.objects.get()
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = {
        "title": article.title,
        "body": article.body,
        "published": "0001-01-03",
        "language": "en",
        "outlet": "",
        "byline": "",
        "url": "",
        "loaded_version": "",
    }

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assertContains(response, "Publication date 0001-01-03 is out of range")
    article.refresh_from_db()
    assert article.published == datetime.date(2025, 2, 4)


def test_an_error_while_extracting_in_the_admin_is_a_message_not_a_500(editor_client, monkeypatch):
    import articles.services

    def broken(body, **kwargs):
        raise ValueError("year 0 is out of range")

    monkeypatch.setattr(articles.services, "extract_events", broken)

    response = add_article(editor_client, published="2025-02-04", follow=True)

    assert response.status_code == 200
    assertContains(response, "its events could not be extracted")
    assertContains(response, "ValueError: year 0 is out of range")
    assert Article.objects.get().excerpts.count() == 0


def test_an_error_while_parsing_in_the_admin_is_a_form_error_not_a_500(editor_client, monkeypatch):
    import editorial.articles

    def broken(text):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(editorial.articles, "parse_document", broken)

    response = add_article(editor_client)

    assert response.status_code == 200
    assertContains(response, "This text could not be read (RuntimeError: parser bug)")
    assert not Article.objects.exists()
