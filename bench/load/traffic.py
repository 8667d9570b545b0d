"""What the benchmark's clients do: readers browse the public pages, editors add and change
articles and events through the admin forms and note what they saved, to be checked later."""

import datetime
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from bench.load.client import Client, form_fields, replace_fields

MAX_REQUESTS_PER_READER = 100_000
MAX_EDITS_PER_EDITOR = 1_000
FIRST_DAY = datetime.date(2015, 1, 1)
CONFLICT_WARNING = "Someone else saved this"
HTMX = {"HX-Request": "true", "HX-Target": "timeline-results"}


@dataclass
class Tally:
    """Statuses and latencies of one client; merged after the run."""

    statuses: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def record(self, path: str, status: int, seconds: float) -> None:
        self.statuses[status] += 1
        self.latencies.append(seconds)
        if status >= 500 and len(self.failures) < 20:
            self.failures.append(f"{status} {path}")


@dataclass
class SavedEdit:
    """What an editor's save should have left in the database."""

    kind: str  # article or event
    pk: int
    title: str
    body: str = ""
    saved_at: float = field(default_factory=time.monotonic)


def reader_paths(sample: dict) -> list[tuple[str, dict]]:
    """The reading pages, weighted towards the timeline and its filters as readers use them."""
    paths = [("/", {}), ("/", {}), ("/?sort=oldest", {}), ("/?page=2", {})]
    paths += [(f"/?country={code}", {}) for code in sample["countries"]]
    paths += [(f"/?country={code}", HTMX) for code in sample["countries"]]
    paths += [(f"/?actor={slug}&date_from=2024", {}) for slug in sample["actors"]]
    paths += [("/?q=prison&type=transfer", {}), ("/?date_from=March+2025&date_to=2025", {})]
    paths += [(f"/actors/{slug}/", {}) for slug in sample["actors"]]
    paths += [(f"/countries/{code}/", {}) for code in sample["countries"]]
    paths += [(f"/articles/{slug}/", {}) for slug in sample["articles"]]
    paths += [(f"/events/{pk}/", {}) for pk in sample["events"]]
    paths += [("/actors/", {}), ("/countries/", {}), ("/articles/", {})]
    return paths


def read(host: str, port: int, paths: list, deadline: float, seed: int) -> Tally:
    tally, chooser, client = Tally(), random.Random(seed), Client(host, port)
    for _ in range(MAX_REQUESTS_PER_READER):
        if time.monotonic() >= deadline:
            break
        path, headers = chooser.choice(paths)
        try:
            response = client.get(path, **headers)
            tally.record(path, response.status, response.seconds)
        except OSError as error:
            tally.statuses["connection error"] += 1
            tally.failures.append(f"{type(error).__name__} {path}")
    return tally


def readers_in_threads(host, port, paths, deadline, count, seed) -> Tally:
    """Run in a worker process: `count` reader threads, their tallies merged."""
    results: list[Tally] = []
    threads = [
        threading.Thread(
            target=lambda n=n: results.append(read(host, port, paths, deadline, seed + n))
        )
        for n in range(count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(deadline - time.monotonic(), 0) + 60)
    merged = Tally()
    for tally in results:
        merged.statuses.update(tally.statuses)
        merged.latencies += tally.latencies
        merged.failures += tally.failures[:5]
    return merged


ARTICLE_TEXT = (
    "Marco Rubio met Nayib Bukele in San Salvador on {date:%B %-d, %Y}, to discuss migration.\n\n"
    "Bukele offered to hold deportees from the United States in the CECOT prison, the "
    "Salvadoran president said on Monday. Edit {marker}."
)


class Editor:
    """One editor's session: log in, then add an article, change its text, retitle an event."""

    def __init__(self, host: str, port: int, username: str, password: str, find_event, index=0):
        self.index = index
        self.client = Client(host, port)
        self.username, self.password = username, password
        self.find_event = find_event  # article id -> one of its event ids, from the database
        self.tally = Tally()
        self.saved: list[SavedEdit] = []
        self.rejected: list[str] = []
        self.conflict_warnings = 0

    def _get(self, path: str):
        response = self.client.get(path)
        self.tally.record(path, response.status, response.seconds)
        return response

    def _submit(self, path: str, form_id: str, **values: str):
        """Open the form, change the fields, save; after a "someone else saved this" warning,
        do what the editor would: open the form again and save once more."""
        for _ in range(3):
            page = self._get(path)
            fields = replace_fields(form_fields(page.body, form_id), **values)
            response = self.client.post(path, fields)
            self.tally.record(path, response.status, response.seconds)
            if response.status == 200 and CONFLICT_WARNING in response.body:
                self.conflict_warnings += 1
                continue
            break
        if response.status != 302:
            self.rejected.append(f"{response.status} {path}")
        return response

    def log_in(self) -> bool:
        response = self._submit(
            "/admin/login/?next=/admin/",
            "login-form",
            username=self.username,
            password=self.password,
        )
        return response.status == 302

    def edit_until(self, deadline: float) -> None:
        for number in range(MAX_EDITS_PER_EDITOR):
            if time.monotonic() >= deadline:
                break
            marker = f"{self.username}-{number}-{random.randrange(10**9)}"
            title = f"Load test {marker}: Rubio meets Bukele"
            # A day of its own, so that corroboration does not merge editors' events into one.
            day = FIRST_DAY + datetime.timedelta(days=self.index * MAX_EDITS_PER_EDITOR + number)
            body = ARTICLE_TEXT.format(marker=marker, date=day)
            added = self._submit(
                "/admin/articles/article/add/",
                "article_form",
                title=title,
                body=body,
                outlet="Bench News",
                published=(day + datetime.timedelta(days=1)).isoformat(),
                _continue="1",
            )
            if added.status != 302:
                continue
            article_id = int(added.headers["location"].rstrip("/").split("/")[-2])
            self.saved.append(SavedEdit("article", article_id, title, body))
            changed_body = body + f"\n\nRubio praised Bukele on {day:%B %-d, %Y}. Change {marker}."
            changed = self._submit(
                f"/admin/articles/article/{article_id}/change/",
                "article_form",
                body=changed_body,
                _continue="1",
            )
            if changed.status == 302:
                self.saved[-1] = SavedEdit("article", article_id, title, changed_body)
            event_id = self.find_event(article_id)
            if event_id is None:
                continue
            event_title = f"Reviewed {marker}"
            retitled = self._submit(
                f"/admin/timeline/event/{event_id}/change/", "event_form", title=event_title
            )
            if retitled.status == 302:
                self.saved.append(SavedEdit("event", event_id, event_title))
