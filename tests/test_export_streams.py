"""The full exports (CSV, TimelineJS, iCalendar) stream every event in keyset batches, in the
pages' order, with a fixed number of queries per batch; a stream that fails part way never
looks like a whole file. (Speed is measured by hand: docs/performance.md, "Exports".)"""

import csv
import datetime
import io
import json

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EventFactory, ExcerptFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

STREAMS = ["/timeline.csv", "/timeline.timelinejs.json", "/timeline.ics"]


@pytest.fixture
def events(sv):
    """Same-day ties (the keyset must break them by id), other days, and undated events."""
    day = datetime.date(2024, 5, 1)
    made = []
    for number in range(9):
        date = day if number < 4 else day + datetime.timedelta(days=number)
        made.append(EventFactory(title=f"Dated {number}", date=date, countries=[sv]))
    for number in range(3):
        made.append(
            EventFactory(
                title=f"Undated {number}", date=None, date_precision=Event.Precision.UNKNOWN
            )
        )
    for event in made:
        ExcerptFactory(event=event)
    return made


def csv_ids(client, url) -> list[int]:
    response = client.get(url)
    text = b"".join(response.streaming_content).decode()
    return [int(row["id"]) for row in csv.DictReader(io.StringIO(text))]


@pytest.mark.parametrize("batch_size", [2, 5, 1000])
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_the_csv_holds_every_event_once_in_the_pages_order(
    client, events, monkeypatch, batch_size, sort
):
    monkeypatch.setattr("timeline.export_batches.BATCH_SIZE", batch_size)
    expected = list(
        Event.objects.visible()
        .chronological(newest_first=sort == "newest")
        .values_list("id", flat=True)
    )

    assert csv_ids(client, f"/timeline.csv?sort={sort}") == expected


@pytest.mark.parametrize(
    ("url", "more_batches"),
    [
        # Nine dated events: five batches of two instead of one; three undated: two, not one.
        ("/timeline.csv", 4 + 1),
        # These two leave the undated events out (their one query finds none either way).
        ("/timeline.timelinejs.json", 4),
        ("/timeline.ics", 4),
    ],
)
def test_queries_grow_with_the_batches_not_the_events_and_never_use_offset(
    client, events, monkeypatch, url, more_batches
):
    def run(batch_size: int) -> list[str]:
        monkeypatch.setattr("timeline.export_batches.BATCH_SIZE", batch_size)
        with CaptureQueriesContext(connection) as queries:
            b"".join(client.get(url).streaming_content)
        return [query["sql"] for query in queries.captured_queries]

    one_batch, batches_of_two = run(1000), run(2)

    # Each batch: its events, then their actors, countries and sources.
    assert len(batches_of_two) - len(one_batch) == 4 * more_batches
    assert not any("OFFSET" in sql.upper() for sql in batches_of_two)


def fail_on_second_batch(monkeypatch):
    from timeline import export_batches

    real = export_batches.export_events
    calls = []

    def flaky(rows, links=None):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("the database went away")
        return real(rows, links)

    monkeypatch.setattr(export_batches, "export_events", flaky)
    monkeypatch.setattr(export_batches, "BATCH_SIZE", 3)


def read_until_failure(client, url) -> str:
    chunks = []
    stream = iter(client.get(url).streaming_content)
    with pytest.raises(OperationalError):
        for chunk in stream:
            chunks.append(chunk)
    return b"".join(chunks).decode()


def test_a_failed_csv_ends_with_an_error_row_and_an_aborted_response(client, events, monkeypatch):
    fail_on_second_batch(monkeypatch)

    text = read_until_failure(client, "/timeline.csv")

    rows = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in rows[1:4]] == [str(event.pk) for event in events[8:5:-1]]
    assert rows[4:] == [["#ERROR", "The export failed part way; this file is incomplete."]]


def test_a_failed_timelinejs_file_is_not_valid_json(client, events, monkeypatch):
    fail_on_second_batch(monkeypatch)

    text = read_until_failure(client, "/timeline.timelinejs.json")

    assert '"error": "The export failed part way' in text
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


def test_a_failed_calendar_has_an_error_and_no_end(client, events, monkeypatch):
    fail_on_second_batch(monkeypatch)

    text = read_until_failure(client, "/timeline.ics")

    assert "X-NEWSROOM-ERROR:The export failed part way" in text
    assert "END:VCALENDAR" not in text
    assert text.count("BEGIN:VEVENT") == 3


def test_the_failure_line_is_in_the_readers_language(client, events, monkeypatch):
    fail_on_second_batch(monkeypatch)
    chunks = []
    stream = iter(client.get("/timeline.csv", HTTP_ACCEPT_LANGUAGE="es").streaming_content)
    with pytest.raises(OperationalError):
        for chunk in stream:
            chunks.append(chunk)

    assert (
        b"".join(chunks)
        .decode()
        .endswith("#ERROR,La exportación falló a medio camino; este archivo está incompleto.\r\n")
    )
