"""A large, realistic, deterministic corpus written straight into the database for scale tests.

News is skewed: a handful of people and countries appear in most stories, a long tail once or
twice. Actors and countries are drawn from Zipf-like weights (the k-th most frequent with weight
1/k^1.1), dates cluster in recent years, most are known to the day and some only to the month
or year. Every excerpt is a sentence sliced out of a generated article body, with real offsets.

Rows go in with one prepared INSERT per batch (`executemany`), many-to-many rows straight into
the through tables, with ids assigned here so no row has to be read back.
"""

import datetime
import hashlib
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article
from search import schema
from timeline.models import Actor, Country, Event, Excerpt

FIRST_NAMES = """Ana Carlos María José Luis Carmen Jorge Lucía Miguel Elena Pedro Sofía Juan Laura
Diego Isabel Andrés Paula Ricardo Marta Fernando Rosa Javier Teresa Pablo Daniela Óscar Inés
Héctor Patricia Raúl Natalia Mario Beatriz Sergio Gabriela Tomás Adriana Rafael Claudia""".split()
LAST_NAMES = """García Rodríguez Martínez López González Pérez Sánchez Ramírez Torres Flores
Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Chávez Ramos Ruiz Herrera Medina Castillo
Jiménez Vargas Romero Peña Aguilar Mendoza Castro Vega Rojas Navarro Salazar Campos Guerrero
Molina Delgado Bukele Rubio Bullrich Milei Villatoro Fuentes Paredes Bravo Cortés Ibarra""".split()
ROLES = ["President", "Minister", "Ambassador", "Senator", "General", "Governor", "Spokesperson"]
VERBS = {
    Event.Type.VISIT: ["visits", "travels to", "tours"],
    Event.Type.MEETING: ["meets", "holds talks with", "receives"],
    Event.Type.AGREEMENT: ["signs an agreement with", "agrees with"],
    Event.Type.TRANSFER: ["hands over detainees to", "transfers prisoners to"],
    Event.Type.STATEMENT: ["praises", "criticises", "announces support for"],
    Event.Type.POLICY: ["extends the state of emergency with", "announces security measures with"],
    Event.Type.OTHER: ["appears with", "is mentioned alongside"],
}
TYPE_WEIGHTS = [12, 30, 10, 6, 25, 9, 8]
TOPICS = """prisons deportations security cooperation migration trade tariffs gangs elections
investment energy extradition border police drugs corruption courts press""".split()
OUTLETS = [
    "Diario Centro",
    "The Regional Post",
    "La Prensa Libre",
    "Hemisphere Wire",
    "El Faro Sur",
]
SENTENCES_PER_ARTICLE = 8
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2025, 6, 30)


def zipf_weights(count: int, exponent: float = 1.1) -> list[float]:
    return list(itertools.accumulate(1 / rank**exponent for rank in range(1, count + 1)))


def recent_date(rng: random.Random) -> datetime.date:
    """Skewed towards the present: news archives grow every year."""
    span = (LAST_DAY - FIRST_DAY).days
    return LAST_DAY - datetime.timedelta(days=int(span * rng.random() ** 2))


@dataclass
class CorpusSize:
    articles: int
    events: int
    actors: int
    countries: int


class CorpusWriter:
    def __init__(self, size: CorpusSize, *, seed: int, batch_size: int, report: Callable):
        self.size = size
        self.rng = random.Random(seed)
        self.batch_size = batch_size
        self.report = report

    def write(self) -> None:
        sqlite = connection.vendor == "sqlite"
        if sqlite:
            schema.drop_sqlite_triggers(connection)
        try:
            with transaction.atomic():
                countries = self._countries()
                actors = self._actors(countries)
                bodies = self._articles(countries, actors)
                self._events(countries, actors, bodies)
        finally:
            if sqlite:
                self.report("Rebuilding the full-text index…")
                schema.install_sqlite(connection)
                schema.rebuild_sqlite(connection)
        self.report("Updating the planner's statistics…")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _countries(self) -> list[Country]:
        """The gazetteer's countries first (the busiest), then made-up ones to the count."""
        existing = list(Country.objects.order_by("id"))
        taken = {country.code for country in existing}
        codes = (a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        new = []
        for code in codes:
            if len(existing) + len(new) >= self.size.countries:
                break
            if code not in taken:
                name = f"Republic of {code.title()}land"
                new.append(Country(code=code, name=name, slug=slugify(name)))
        Country.objects.bulk_create(new, batch_size=self.batch_size)
        return list(Country.objects.order_by("id"))[: self.size.countries]

    def _actors(self, countries: list[Country]) -> list[Actor]:
        existing = list(Actor.objects.order_by("id"))
        slugs = {actor.slug for actor in existing}
        country_weights = zipf_weights(len(countries))
        new = []
        for number in itertools.count():
            if len(existing) + len(new) >= self.size.actors:
                break
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            name = f"{first} {last}" if number < 500 else f"{first} {last} {number}"
            slug = slugify(name)
            if slug in slugs:
                continue
            slugs.add(slug)
            country = self.rng.choices(countries, cum_weights=country_weights)[0]
            role = f"{self.rng.choice(ROLES)} of {country.name}"
            new.append(Actor(name=name, slug=slug, role=role, country=country))
        Actor.objects.bulk_create(new, batch_size=self.batch_size)
        return list(Actor.objects.order_by("id"))[: self.size.actors]

    def _sentence(self, actors, countries) -> str:
        actor, other = self.rng.choice(actors[:200]).name, self.rng.choice(actors).name
        country = self.rng.choice(countries[:40]).name
        topic, verb = self.rng.choice(TOPICS), self.rng.choice(VERBS[Event.Type.MEETING])
        return (
            f"{actor} {verb} {other} in {country} to discuss {topic} and {self.rng.choice(TOPICS)}."
        )

    def _articles(self, countries, actors) -> list[tuple[int, str, list[tuple[int, int]]]]:
        """Write the articles; return (id, body, sentence spans) for slicing excerpts."""
        next_id = (Article.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        written, batch = [], []
        ops = connection.ops
        now = ops.adapt_datetimefield_value(timezone.now())
        for number in range(self.size.articles):
            sentences = [self._sentence(actors, countries) for _ in range(SENTENCES_PER_ARTICLE)]
            body, spans = "", []
            for sentence in sentences:
                start = len(body)
                body += sentence + " "
                spans.append((start, start + len(sentence)))
            title = sentences[0].split(" to discuss")[0]
            raw = f"{title}\n\n{body}"
            article_id = next_id + number
            published = ops.adapt_datefield_value(recent_date(self.rng))
            content_hash = hashlib.sha256(f"{article_id}:{raw}".encode()).hexdigest()
            batch.append(
                (article_id, title, f"corpus-{article_id}", body, raw, published,
                 Article.PublishedSource.TEXT.value, self.rng.choice(OUTLETS), "", "",
                 Article.Language.ENGLISH.value, content_hash, f"corpus/{article_id}.txt",
                 now, now)
            )  # fmt: skip
            written.append((article_id, body, spans))
            if len(batch) >= self.batch_size:
                insert_rows(Article, ARTICLE_COLUMNS, batch)
                batch = []
                self.report(f"  {number + 1} articles")
        insert_rows(Article, ARTICLE_COLUMNS, batch)
        return written

    def _events(self, countries, actors, articles) -> None:
        actor_weights, country_weights = zipf_weights(len(actors)), zipf_weights(len(countries))
        types, precisions = list(VERBS), list(Event.Precision)  # the types VERBS can title
        ops = connection.ops
        now = ops.adapt_datetimefield_value(timezone.now())
        next_id = (Event.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        events, excerpts, actor_links, country_links = [], [], [], []
        for number in range(self.size.events):
            event_id = next_id + number
            involved = {
                a.pk: a
                for a in self.rng.choices(
                    actors, cum_weights=actor_weights, k=self.rng.choice((1, 2, 2, 3))
                )
            }
            places = {
                c.pk: c
                for c in self.rng.choices(
                    countries, cum_weights=country_weights, k=self.rng.choice((1, 1, 2))
                )
            }
            event_type = self.rng.choices(types, weights=TYPE_WEIGHTS)[0]
            precision = self.rng.choices(precisions, weights=(80, 10, 5, 5))[0]
            date = None if precision == Event.Precision.UNKNOWN else recent_date(self.rng)
            if precision == Event.Precision.MONTH:
                date = date.replace(day=1)
            elif precision == Event.Precision.YEAR:
                date = date.replace(month=1, day=1)
            names = [a.name for a in involved.values()]
            place = next(iter(places.values())).name
            verb = self.rng.choice(VERBS[event_type])
            title = f"{names[0]} {verb} {' and '.join(names[1:]) or place}"
            if len(names) > 1:
                title += f" in {place}"
            status = self.rng.choices(list(Event.Status), weights=(88, 10, 2))[0]
            day = ops.adapt_datefield_value(date)
            events.append(
                (event_id, title[:300], day, precision.value, "", "", event_type.value,
                 status.value, False, "", False, now, now)
            )  # fmt: skip
            for _ in range(self.rng.choice((1, 1, 1, 2))):
                article_id, body, spans = self.rng.choice(articles)
                start, end = self.rng.choice(spans)
                excerpts.append(
                    (article_id, event_id, start, end, body[start:end], day, precision.value)
                )
            actor_links += [(event_id, pk) for pk in involved]
            country_links += [(event_id, pk) for pk in places]
            if len(events) >= self.batch_size * 4:
                self._flush(events, excerpts, actor_links, country_links)
                events, excerpts, actor_links, country_links = [], [], [], []
                self.report(f"  {number + 1} events")
        self._flush(events, excerpts, actor_links, country_links)

    def _flush(self, events, excerpts, actor_links, country_links) -> None:
        insert_rows(Event, EVENT_COLUMNS, events)
        insert_rows(Excerpt, EXCERPT_COLUMNS, excerpts)
        insert_rows(Event.actors.through, ("event_id", "actor_id"), actor_links)
        insert_rows(Event.countries.through, ("event_id", "country_id"), country_links)


ARTICLE_COLUMNS = (
    "id", "title", "slug", "body", "raw_text", "published", "published_source", "outlet",
    "byline", "url", "language", "content_hash", "source_file", "created", "updated",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "title", "date", "date_precision", "date_phrase", "date_resolution", "event_type",
    "status", "is_disputed", "dispute_note", "merge_confirmed", "created", "updated",
)  # fmt: skip
EXCERPT_COLUMNS = (
    "article_id", "event_id", "start", "end", "quote", "reported_date", "reported_precision",
)  # fmt: skip


def insert_rows(model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One prepared INSERT run over the rows: several times faster than `bulk_create`, which
    builds a model instance and compiles SQL for every row."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
