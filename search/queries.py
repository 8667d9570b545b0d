"""Full-text search as QuerySet filters, one implementation per database vendor.

`EventQuerySet.search()` and `ArticleQuerySet.search()` call these, so views never see the
difference. An event matches when every term is in its title or every term is in one of its
excerpts; an article when every term is in its title and body together. Both databases tokenise
the same way (letters and digits, case and accents ignored, no stemming), so the same searches
find the same rows on both.

Every search is one pass over an index, however many rows it matches: the terms are bounded
first (`search.terms`: no stop words, no one-letter words, prefixes from three letters), then
SQLite scans each FTS5 table once (the article rank comes from that scan, by a join; it
ran the search again per article from a correlated subquery before) and
PostgreSQL reads the stored vectors through their GIN indexes (`search.schema`). A search that
still runs long is cut off by `search.limits`.
"""

from django.db import connections
from django.db.models import BooleanField, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from search.schema import SEARCH_CONFIG, VECTOR_COLUMN
from search.terms import fts5_match, search_terms, tsquery_text

TSQUERY = f"to_tsquery('{SEARCH_CONFIG}'::regconfig, %s)"


class RowExpression(RawSQL):
    """SQL over the row's own columns: functionally dependent on its primary key, so a GROUP
    BY (an annotated count) need not group by it, nor compute it once per joined row."""

    def get_group_by_cols(self):
        return []


def title_vector():
    """Migration 0001's index expression (kept so that migration can still run and reverse)."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", config=SEARCH_CONFIG)


def excerpt_vector():
    from django.contrib.postgres.search import SearchVector

    return SearchVector("quote", config=SEARCH_CONFIG)


def article_vector():
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", config=SEARCH_CONFIG, weight="A") + SearchVector(
        "body", config=SEARCH_CONFIG, weight="B"
    )


def search_events(events: QuerySet, text: str) -> QuerySet:
    """Events matching every term in their title or in one excerpt, in any order.

    One uncorrelated subquery: a union of two index scans, read once whatever the outer query
    (an OR across tables would read every event instead).
    """
    terms = search_terms(text)
    if not terms:
        return events if not text.strip() else events.none()
    if connections[events.db].vendor == "postgresql":
        query = tsquery_text(terms)
        matching_ids = RawSQL(
            f"SELECT id FROM timeline_event WHERE {VECTOR_COLUMN} @@ {TSQUERY} "
            f"UNION SELECT event_id FROM timeline_excerpt WHERE {VECTOR_COLUMN} @@ {TSQUERY}",
            [query, query],
        )
        return events.filter(pk__in=matching_ids)
    match = fts5_match(terms)
    matching_ids = RawSQL(
        "SELECT rowid FROM search_event_title WHERE search_event_title MATCH %s "
        "UNION SELECT event_id FROM timeline_excerpt WHERE id IN "
        "(SELECT rowid FROM search_excerpt_quote WHERE search_excerpt_quote MATCH %s)",
        [match, match],
    )
    return events.filter(pk__in=matching_ids)


def search_articles(articles: QuerySet, text: str) -> QuerySet:
    """Matching articles annotated with `search_rank` (higher is better; titles weigh more).

    The rank is read with the match, never by re-running the search for each article.
    """
    terms = search_terms(text)
    if not terms:
        unranked = articles.annotate(search_rank=Value(0.0, output_field=FloatField()))
        return unranked if not text.strip() else unranked.none()
    if connections[articles.db].vendor == "postgresql":
        vector = f'"{articles.model._meta.db_table}"."{VECTOR_COLUMN}"'
        query = tsquery_text(terms)
        return articles.filter(
            RawSQL(f"{vector} @@ {TSQUERY}", [query], output_field=BooleanField())
        ).annotate(
            search_rank=RowExpression(
                f"ts_rank({vector}, {TSQUERY})", [query], output_field=FloatField()
            )
        )
    # The FTS5 table joined once (the outer loop of the join: `tests/test_search_bounds.py`
    # checks the plan), its `rank` column the weighted bm25 of `schema.ARTICLE_RANK`, lower is
    # better. A join, so `extra()`: a model for the FTS table would be dumped by `dumpdata`.
    table = articles.model._meta.db_table
    return articles.extra(
        tables=["search_article_text"],
        where=[f'search_article_text.rowid = "{table}"."id"', "search_article_text MATCH %s"],
        params=[fts5_match(terms)],
        select={"search_rank": "-search_article_text.rank"},
    )
