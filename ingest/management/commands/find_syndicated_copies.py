"""`manage.py find_syndicated_copies [--all]`: sign articles and link the copies of one story.

Pages imported from the web are signed as they come in; this signs the others (text files,
the admin's pasted texts), oldest first, so that a copy points at the earliest article.
"""

from django.core.management.base import BaseCommand

from articles.models import Article
from ingest.syndication import record_signature


class Command(BaseCommand):
    help = "Find the syndicated copies among the articles (MinHash near-duplicates)."

    def add_arguments(self, parser):
        parser.add_argument("--all", dest="everything", action="store_true", help="Sign all again.")

    def handle(self, *args, everything, **options):
        articles = Article.objects.order_by("created", "pk")
        if not everything:
            articles = articles.filter(signature__isnull=True)
        copies = 0
        for article in articles.iterator(chunk_size=500):
            copies += record_signature(article).original_id is not None
        self.stdout.write(f"{copies} syndicated copies found.")
