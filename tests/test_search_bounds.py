"""Every search is bounded: a one-letter or stop-word search queries nothing, and a word in
every row is one pass over stored index data, never a search re-run per row nor vectors made
at query time. Asserted on the query plans (`EXPLAIN`), on SQLite and on PostgreSQL.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from search.limits import SearchTimeLimitMiddleware, is_time_limit, statement_time_limit

pytestmark = pytest.mark.django_db

PAGES = ["/articles/", "/", "/actors/nayib-bukele/"]
FTS_TABLES = ("search_article_text", "search_event_title", "search_excerpt_quote")


@pytest.fixture
def archive():
    """Thousands of rows; every generated article and excerpt says "to discuss"."""
    cache.clear()
    call_command("generate_corpus", articles=2000, events=3000, actors=60, countries=30)
    yield
    cache.clear()


def search_statements(client, url: str, q: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"q": q})
    assert response.status_code == 200
    return [
        query["sql"]
        for query in queries.captured_queries
        if any(marker in query["sql"] for marker in (*FTS_TABLES, "search_vector", "@@"))
    ]


def fts_scans_run_per_row(sql: str) -> list[str]:
    """SQLite: the FTS5 scans that run once per row of an outer query, inside a correlated
    subquery or as the inner loop of a join (probed by rowid: `=` in FTS5's index string)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        nodes = {node_id: (parent, detail) for node_id, parent, _, detail in cursor.fetchall()}
    per_row = []
    for parent, detail in nodes.values():
        if not any(table in detail for table in FTS_TABLES):
            continue
        if "=" in detail.partition(" INDEX ")[2]:
            per_row.append(detail)
        while parent in nodes:
            parent, ancestor = nodes[parent]
            if ancestor.startswith("CORRELATED"):
                per_row.append(detail)
    return per_row


def postgresql_plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (VERBOSE) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("q", ["a", "the", "The A of y"])
def test_one_letter_and_stop_word_searches_read_no_index(archive, client, url, q):
    assert search_statements(client, url, q) == []


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("q", ["discuss", "dis", "to discuss"])
def test_a_search_matching_every_row_is_one_pass_over_stored_index_data(archive, client, url, q):
    statements = search_statements(client, url, q)

    assert statements
    for sql in statements:
        if connection.vendor == "sqlite":
            assert fts_scans_run_per_row(sql) == [], sql
        else:
            plan = postgresql_plan(sql)
            assert "to_tsvector" not in plan, plan
            assert "search_vector" in plan, plan


def test_the_article_search_still_ranks_and_pages(archive, client):
    response = client.get("/articles/", {"q": "discuss"})

    page = response.context["page_obj"]
    assert page.paginator.count == 2000
    ranks = [article.search_rank for article in page]
    assert ranks == sorted(ranks, reverse=True)


def slow_statement() -> str:
    if connection.vendor == "postgresql":
        return "SELECT pg_sleep(2)"
    return (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
        "SELECT count(*) FROM n"
    )


def test_a_statement_past_the_limit_is_stopped():
    with (
        pytest.raises(OperationalError) as error,
        statement_time_limit(50),
        connection.cursor() as cursor,
    ):
        cursor.execute(slow_statement())

    assert is_time_limit(error.value)


def test_a_search_past_the_limit_answers_a_page_saying_so(settings):
    settings.SEARCH_TIME_LIMIT_MS = 50

    def slow_view(request):
        with connection.cursor() as cursor:
            cursor.execute(slow_statement())

    middleware = SearchTimeLimitMiddleware(slow_view)
    request = RequestFactory().get("/articles/", {"q": "prisons"})
    with pytest.raises(OperationalError) as error:
        middleware(request)
    response = middleware.process_exception(request, error.value)

    assert response.status_code == 503
    assert b"took too long" in response.content
    assert "no-cache" in response["Cache-Control"]


def test_requests_without_a_search_have_no_limit(settings):
    settings.SEARCH_TIME_LIMIT_MS = 1

    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()

    assert SearchTimeLimitMiddleware(view)(RequestFactory().get("/")) == (1,)
