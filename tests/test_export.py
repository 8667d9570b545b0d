import csv
import io
import json

import pytest
from django.core.management import call_command

from tests.factories import (
    ActorFactory,
    ArticleFactory,
    CountryFactory,
    EventFactory,
    ExcerptFactory,
)
from tests.seeds import SEEDS
from timeline.models import Event

pytestmark = pytest.mark.django_db


def export(format):
    out = io.StringIO()
    call_command("export_timeline", "--format", format, stdout=out)
    return out.getvalue()


def test_json_export_of_the_seeds_has_the_event_schema():
    call_command("import_articles", str(SEEDS), verbosity=0)
    events = json.loads(export("json"))["events"]
    assert len(events) == Event.objects.count()
    meeting = next(e for e in events if e["title"].startswith("Nayib Bukele meets Donald Trump"))
    assert meeting["date"] == "2025-04-14"
    assert meeting["date_precision"] == "day"
    assert meeting["date_display"] == "14 April 2025"
    assert meeting["event_type"] == "meeting"
    assert {"name": "Donald Trump", "slug": "donald-trump"} in meeting["actors"]
    assert {"code": "SV", "name": "El Salvador"} in meeting["countries"]
    source = meeting["sources"][0]
    assert source["article_file"] == "003_61d77a5495a8d686.txt"
    assert source["article_url"].startswith("/articles/bukele-offers-us-help")
    assert source["excerpt_url"].startswith(source["article_url"] + "#excerpt-")
    assert "during a meeting at the White House on Monday" in source["excerpt"]
    emergency = next(e for e in events if e["title"] == "State of emergency in El Salvador")
    assert (emergency["date"], emergency["date_display"]) == ("2022-03-01", "March 2022")
    undated = [e for e in events if e["date_precision"] == "unknown"]
    assert undated and all(e["date"] is None for e in undated)
    assert all(e["date_display"] == "Date unknown" for e in undated)
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated, reverse=True)


def test_rejected_events_are_not_exported():
    EventFactory(title="Kept")
    EventFactory(title="Thrown out", status=Event.Status.REJECTED)
    titles = [e["title"] for e in json.loads(export("json"))["events"]]
    assert titles == ["Kept"]


def test_csv_export_matches_json_and_guards_against_formulas():
    country = CountryFactory(code="SV")
    actor = ActorFactory(name="Ana Example", slug="ana-example", country=country)
    event = EventFactory(title='=HYPERLINK("http://evil")', actors=[actor], countries=[country])
    excerpt = ExcerptFactory(
        event=event, article=ArticleFactory(title="Source", slug="source", outlet="", url="")
    )
    rows = list(csv.DictReader(io.StringIO(export("csv"))))
    (record,) = json.loads(export("json"))["events"]
    (row,) = rows
    assert row["id"] == str(record["id"])
    assert row["title"] == "'" + record["title"]
    assert row["actors"] == "Ana Example"
    assert row["countries"] == "SV"
    # Without DJANGO_SITE_URL the command has no address for the site: links stay relative.
    assert row["sources"] == f"Source — /articles/source/#excerpt-{excerpt.pk}"


def test_csv_sources_give_outlet_absolute_link_and_original_url(settings):
    settings.SITE_URL = "https://timeline.example.org"
    event = EventFactory(title="Meeting")
    first = ExcerptFactory(
        event=event,
        article=ArticleFactory(slug="one", outlet="El Faro", url="https://elfaro.net/story"),
    )
    second = ExcerptFactory(event=event, article=ArticleFactory(slug="two", title="Two", outlet=""))
    second.article.url = ""
    second.article.save()

    (row,) = csv.DictReader(io.StringIO(export("csv")))

    assert row["sources"] == (
        f"El Faro — https://timeline.example.org/articles/one/#excerpt-{first.pk} — "
        f"https://elfaro.net/story; Two — https://timeline.example.org/articles/two/#excerpt-"
        f"{second.pk}"
    )


def test_export_queries_do_not_grow_with_events(django_assert_num_queries):
    def make(n):
        for _ in range(n):
            ExcerptFactory(event=EventFactory(actors=[ActorFactory()]))

    # A batch of dated events with actors, countries and sources; the undated events' batch.
    make(3)
    with django_assert_num_queries(5):
        export("json")
    make(30)
    with django_assert_num_queries(5):
        export("json")


def test_csv_lines_stream_without_reading_every_record_first():
    from timeline.exports import csv_lines

    consumed = []

    def records():
        for number in range(1, 1_000_000):
            consumed.append(number)
            yield {
                "id": number,
                "title": "t",
                "date": None,
                "date_precision": "unknown",
                "date_display": "Date unknown",
                "event_type": "other",
                "actors": [],
                "countries": [],
                "sources": [],
            }

    lines = csv_lines(records())
    next(lines)  # the header
    next(lines)  # the first event
    assert len(consumed) == 1


def test_scheduled_events_say_expected_in_exports():
    EventFactory(date="2025-05-18", date_precision="day", scheduled=True, title="Elections")
    (record,) = json.loads(export("json"))["events"]
    assert record["scheduled"] is True
    assert record["date_display"] == "expected on 18 May 2025"
    header, row = list(csv.reader(io.StringIO(export("csv"))))
    assert row[header.index("scheduled")] == "yes"
