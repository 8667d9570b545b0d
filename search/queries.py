"""Full-text search as QuerySet filters, one implementation per database vendor.

`EventQuerySet.search()` and `ArticleQuerySet.search()` call these, so views never see the
difference. An event matches when every term is in its title or every term is in one of its
excerpts; an article when every term is in its title and body together. Both databases tokenise
the same way (letters and digits, case and accents ignored, no stemming), so the same searches
find the same rows on both.
"""

from django.db import connections
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from search.schema import SEARCH_CONFIG
from search.terms import fts5_match, search_terms, tsquery_text


def title_vector():
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


def _tsquery(terms: list[str]):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(tsquery_text(terms), search_type="raw", config=SEARCH_CONFIG)


def search_events(events: QuerySet, text: str) -> QuerySet:
    """Events matching every term in their title or in one excerpt, in any order."""
    terms = search_terms(text)
    if not terms:
        return events if not text.strip() else events.none()
    if connections[events.db].vendor == "postgresql":
        return _search_events_postgresql(events, terms)
    match = fts5_match(terms)
    matching_ids = RawSQL(
        "SELECT rowid FROM search_event_title WHERE search_event_title MATCH %s "
        "UNION SELECT event_id FROM timeline_excerpt WHERE id IN "
        "(SELECT rowid FROM search_excerpt_quote WHERE search_excerpt_quote MATCH %s)",
        [match, match],
    )
    return events.filter(pk__in=matching_ids)


def _search_events_postgresql(events: QuerySet, terms: list[str]) -> QuerySet:
    """A union of two GIN index scans: an OR across tables would read every event instead."""
    from timeline.models import Event, Excerpt

    query = _tsquery(terms)
    by_title = (
        Event.objects.annotate(vector=title_vector()).filter(vector=query).values("pk").order_by()
    )
    by_excerpt = (
        Excerpt.objects.annotate(vector=excerpt_vector())
        .filter(vector=query)
        .values("event_id")
        .order_by()
    )
    return events.filter(pk__in=by_title.union(by_excerpt))


def search_articles(articles: QuerySet, text: str) -> QuerySet:
    """Matching articles annotated with `search_rank` (higher is better; titles weigh more)."""
    terms = search_terms(text)
    if not terms:
        unranked = articles.annotate(search_rank=Value(0.0, output_field=FloatField()))
        return unranked if not text.strip() else unranked.none()
    if connections[articles.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        query = _tsquery(terms)
        return (
            articles.annotate(search_vector=article_vector())
            .filter(search_vector=query)
            .annotate(search_rank=SearchRank(F("search_vector"), query))
        )
    match = fts5_match(terms)
    table = articles.model._meta.db_table
    matching_ids = RawSQL(
        "SELECT rowid FROM search_article_text WHERE search_article_text MATCH %s", [match]
    )
    rank = RawSQL(
        "SELECT -bm25(search_article_text, 4.0, 1.0) FROM search_article_text "
        f'WHERE search_article_text MATCH %s AND rowid = "{table}"."id"',
        [match],
        output_field=FloatField(),
    )
    return articles.filter(pk__in=matching_ids).annotate(search_rank=rank)
