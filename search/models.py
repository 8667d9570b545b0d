"""The SQLite article index as a model, so a search can join it instead of re-running it.

`search_article_text` is the FTS5 table `search.schema` keeps (SQLite only; it does not exist on
PostgreSQL, where `search.queries` reads a stored tsvector column instead). Joined to the
articles it is scanned once, as the outer loop of the join, and its hidden `rank` column gives
each row's bm25 score from that one scan. Ranking with a subquery per article instead ran the
full-text query once per matching article: quadratic in the matches, minutes for "a".

Unmanaged, so it has no table of its own to migrate, dump, load or flush; `DO_NOTHING`, so
deleting an article never reads it (the triggers keep it in step).
"""

from django.db import models


class ArticleText(models.Model):
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="fts5_text",
        db_constraint=False,
    )
    # FTS5's hidden column named after the table: `search_article_text = 'query'` is a MATCH.
    match = models.TextField(db_column="search_article_text")
    # bm25 with the weights `schema.ARTICLE_RANK` sets: lower is better.
    rank = models.FloatField(db_column="rank")

    class Meta:
        managed = False
        db_table = "search_article_text"

    def __str__(self) -> str:
        return f"search index of article {self.pk}"
