"""`bench/serve --cold N`: first requests only, for N distinct random filter combinations.

A journalist exploring the archive rarely asks the same question twice, and every editor's save
invalidates the caches, so what matters is the first request of a view. Each combination
(country, actor, type, date range, search word: one to three of them, drawn with a fixed seed
from the busiest countries and actors) is asked once of our app, with a fresh shared cache and
each worker warmed up first, and once of Datasette as the same faceted table page. Prints
p50/p95/max for both, and the ratio.
"""

import random
import re
import sqlite3
import statistics
import urllib.parse
from collections.abc import Callable

WORDS = ["prison", "visit", "agreement", "migrants", "security", "election", "police",
         "deportation", "gangs", "tariffs", "minister", "border"]  # fmt: skip
TYPES = ["visit", "meeting", "agreement", "transfer", "statement", "policy", "other"]


def combinations(database: str, count: int, seed: int) -> list[tuple[str, str]]:
    """`count` distinct (our query string, Datasette's filter string) pairs."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        countries = db.execute(
            "SELECT c.code, c.id FROM timeline_country c JOIN timeline_event_countries l "
            "ON l.country_id = c.id GROUP BY c.id ORDER BY COUNT(*) DESC LIMIT 60"
        ).fetchall()
        actors = db.execute(
            "SELECT a.slug, a.id FROM timeline_actor a JOIN timeline_event_actors l "
            "ON l.actor_id = a.id GROUP BY a.id ORDER BY COUNT(*) DESC LIMIT 200"
        ).fetchall()
        first, last = db.execute(
            "SELECT MIN(strftime('%Y', date)), MAX(strftime('%Y', date)) FROM timeline_event"
        ).fetchone()
    years = list(range(int(first), int(last) + 1))
    rng = random.Random(seed)
    chosen: dict[str, str] = {}
    while len(chosen) < count:
        dimensions = rng.sample(["country", "actor", "type", "dates", "q"], rng.randint(1, 3))
        ours: list[tuple[str, str]] = []
        theirs = []
        for dimension in sorted(dimensions):
            if dimension == "country":
                code, pk = rng.choice(countries)
                ours.append(("country", code))
                theirs.append(_link("timeline_event_countries", "country_id", pk))
            elif dimension == "actor":
                slug, pk = rng.choice(actors)
                ours.append(("actor", slug))
                theirs.append(_link("timeline_event_actors", "actor_id", pk))
            elif dimension == "type":
                kind = rng.choice(TYPES)
                ours.append(("type", kind))
                theirs.append(f"event_type={kind}")
            elif dimension == "dates":
                start = rng.choice(years)
                end = min(start + rng.randint(0, 3), years[-1])
                ours += [("date_from", str(start)), ("date_to", str(end))]
                theirs.append(f"date__gte={start}-01-01&date__lte={end}-12-31")
            else:
                word = rng.choice(WORDS)
                ours.append(("q", word))
                theirs.append(f"_search={word}")
        chosen.setdefault(urllib.parse.urlencode(ours), "&".join(theirs))
    return list(chosen.items())


def _link(table: str, column: str, pk: int) -> str:
    return f"_where=id+in+(select+event_id+from+{table}+where+{column}={pk})"


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "max": ordered[-1]}


def run(
    pairs: list[tuple[str, str]],
    ours: str,
    theirs: str,
    table_path: str,
    fetch: Callable[[str], tuple[float, str]],
) -> None:
    for _ in range(20):  # every gunicorn worker past its first request (imports, connection)
        fetch(ours + "/api/")
    our_times, their_times = [], []
    for query, datasette_filters in pairs:
        took, body = fetch(f"{ours}/?{query}")
        if 'class="summary' not in body:
            raise RuntimeError(f"/?{query} shows no summary")
        our_times.append(took)
        took, body = fetch(f"{theirs}{table_path}&{datasette_filters}")
        # A rejected `_where` is fast and wrong: it must say how many rows matched.
        if not re.search(r"[\d,]+ rows?", body):
            raise RuntimeError(f"Datasette answered {datasette_filters} without a row count")
        their_times.append(took)
        print(f"  {our_times[-1]:7.0f} ms  {their_times[-1]:7.0f} ms  /?{query}", flush=True)
    mine, datasette = percentiles(our_times), percentiles(their_times)
    print("\n| first requests | p50 ms | p95 ms | max ms |\n|---|---|---|---|")
    print(f"| ours ({len(pairs)} combinations) | {mine['p50']:.0f} | {mine['p95']:.0f} | "
          f"{mine['max']:.0f} |")  # fmt: skip
    print(f"| Datasette | {datasette['p50']:.0f} | {datasette['p95']:.0f} | "
          f"{datasette['max']:.0f} |")  # fmt: skip
    print(f"\nDatasette p95 ÷ ours: {datasette['p95'] / mine['p95']:.1f}")
