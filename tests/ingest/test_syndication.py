"""Syndicated copies: one wire story republished by several outlets is one independent source."""

import pytest
from django.core.management import call_command

from articles.models import Article
from ingest.models import ArticleSignature
from ingest.syndication import independent_sources, record_signature, signature, similarity
from tests.ingest.feeds import english_page

pytestmark = pytest.mark.django_db

WIRE = (
    "SAN SALVADOR (EFE) — El Salvador's Congress approved on Tuesday a reform that allows "
    "President Nayib Bukele to run for a third consecutive term, in a session that lasted less "
    "than an hour and that the opposition called an attack on the constitution. The reform, "
    "backed by 57 of the 60 deputies, also extends the presidential term from five to six years "
    "and brings the next election forward to 2027. Human rights groups said the vote removed "
    "the last limit on the president's power, while government deputies said the people had "
    "asked for it at the polls."
)


def test_near_identical_texts_are_alike_and_different_ones_are_not():
    edited = WIRE.replace("(EFE) —", "(EFE/Diario) —") + " Updated at 10:00."
    other = english_page("x", "y")
    assert similarity(signature(WIRE), signature(edited)) >= 0.8
    assert similarity(signature(WIRE), signature(other)) < 0.2


def test_the_same_wire_story_from_three_outlets_is_one_independent_source(web_server):
    urls = []
    for outlet in ("Diario Uno", "Diario Dos", "Tres Noticias"):
        slug = outlet.lower().replace(" ", "-")
        page = english_page(slug, f"{outlet}: Congress lets Bukele run again")
        page = page.replace("The Daily Test", outlet)
        body = "".join(f"<p>{sentence}.</p>" for sentence in WIRE.split(". "))
        start, end = page.index("<p>US Secretary"), page.index("</article>")
        urls.append(web_server.add(f"/{len(urls)}", page[:start] + body + page[end:]))
    own = web_server.add("/own", english_page("own", "Rubio visits San Salvador"))

    call_command("import_articles", *urls, own, verbosity=0)

    first, *copies = Article.objects.filter(outlet__startswith="Diario").order_by("pk")
    copies += list(Article.objects.filter(outlet="Tres Noticias"))
    assert [c.signature.original for c in copies] == [first, first]
    assert all(c.signature.similarity >= 0.8 for c in copies)
    assert ArticleSignature.objects.get(article=first).original is None
    assert independent_sources(Article.objects.values_list("pk", flat=True)) == 2


def test_articles_imported_from_text_files_are_signed_by_the_command(web_server, tmp_path):
    for number in (1, 2):
        (tmp_path / f"{number}.txt").write_text(f"Copy {number} of the wire story\n\n{WIRE}\n")
    call_command("import_articles", str(tmp_path), verbosity=0)
    assert not ArticleSignature.objects.exists()

    call_command("find_syndicated_copies", verbosity=0)

    first, second = Article.objects.order_by("created", "pk")
    assert second.signature.original == first
    assert record_signature(first).original is None
