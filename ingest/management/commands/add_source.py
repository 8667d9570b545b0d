"""`manage.py add_source --name … --feed URL [--language es]`: follow an outlet's feed."""

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from ingest.models import Source
from timeline.models import Actor, Country


class Command(BaseCommand):
    help = "Add a source (an outlet's RSS or Atom feed) to poll with poll_sources."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The outlet's name.")
        parser.add_argument("--feed", required=True, help="The feed's URL (RSS or Atom).")
        parser.add_argument("--language", choices=Article.Language.values, default="")
        parser.add_argument(
            "--keyword", action="append", default=[], help="Import only items naming it."
        )
        parser.add_argument("--actor", action="append", default=[], help="An actor's slug.")
        parser.add_argument("--country", action="append", default=[], help="An ISO code.")
        parser.add_argument("--every", type=int, default=60, help="Minutes between polls.")

    def handle(self, *args, name, feed, language, keyword, actor, country, every, **options):
        if not feed.startswith(("http://", "https://")):
            raise CommandError(f"Not a web address: {feed}")
        if Source.objects.filter(feed_url=feed).exists():
            raise CommandError(f"A source already polls {feed}.")
        actors = list(Actor.objects.filter(slug__in=actor))
        countries = list(Country.objects.filter(code__in=[code.upper() for code in country]))
        unknown = set(actor) - {a.slug for a in actors}
        unknown |= {code.upper() for code in country} - {c.code for c in countries}
        if unknown:
            raise CommandError(f"Unknown actor or country: {', '.join(sorted(unknown))}")
        source = Source.objects.create(
            name=name,
            feed_url=feed,
            language=language,
            keywords="\n".join(keyword),
            poll_minutes=every,
        )
        source.actors.set(actors)
        source.countries.set(countries)
        self.stdout.write(f"Added source {source.pk}: {name} ({feed}), polled every {every} min.")
