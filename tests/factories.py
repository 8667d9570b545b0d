"""factory-boy factories for every model."""

import datetime
import hashlib

import factory
from factory.django import DjangoModelFactory

from articles.models import Article
from timeline.models import Actor, Country, Event, Excerpt


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(ord('Q') + n // 26 % 10)}{chr(ord('A') + n % 26)}")
    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    aliases = factory.LazyFunction(list)
    demonyms = factory.LazyFunction(list)


class ActorFactory(DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor Number{n}")
    slug = factory.Sequence(lambda n: f"actor-number{n}")
    role = "Minister"
    country = factory.SubFactory(CountryFactory)
    aliases = factory.LazyFunction(list)


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-number-{n}")
    body = factory.LazyAttribute(lambda o: f"{o.title}. Something happened on a day.")
    raw_text = factory.LazyAttribute(lambda o: f"{o.title}\n\n{o.body}")
    published = datetime.date(2025, 4, 17)
    published_source = Article.PublishedSource.TEXT
    outlet = "Example News"
    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.raw_text.encode()).hexdigest())
    source_file = factory.Sequence(lambda n: f"article-{n}.txt")


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event number {n}")
    date = datetime.date(2025, 4, 14)
    date_precision = Event.Precision.DAY
    event_type = Event.Type.MEETING
    status = Event.Status.EXTRACTED

    @factory.post_generation
    def actors(self, create, extracted, **kwargs):
        if create and extracted:
            self.actors.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


class ExcerptFactory(DjangoModelFactory):
    """An excerpt whose offsets slice its article's body to exactly its quote."""

    class Meta:
        model = Excerpt

    article = factory.SubFactory(ArticleFactory)
    event = factory.SubFactory(EventFactory)
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.article.body))
    quote = factory.LazyAttribute(lambda o: o.article.body[o.start : o.end])


def make_events_with_sources(count, *, actors, countries):
    """Events with actors, countries and two excerpts each, twenty days apart: enough
    related rows that a page doing a query per event shows it in its query count."""
    for number in range(count):
        created = EventFactory(
            title=f"Generated event {number}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number * 20),
            actors=actors,
            countries=countries,
        )
        ExcerptFactory.create_batch(2, event=created)
