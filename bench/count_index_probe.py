"""A probe of the design in docs/architecture.md ("Exact facets"): Roaring bitmaps over
date-ordered positions, built from a SQLite corpus, asked the same random filter combinations
as `bench/serve --cold`. Measures the build, the memory and, per combination, the exact total,
the exact top-10 country and actor facets, the type facet and the yearly axis; checks a few
combinations against SQL. Not used by the app.

    .venv/bin/python -m bench.count_index_probe --database /tmp/scale.sqlite3 --cold 40 --seed 1
"""

import argparse
import bisect
import resource
import sqlite3
import time
import urllib.parse
from collections import defaultdict

from pyroaring import BitMap

from bench import serve_cold
from search.terms import fts5_match, search_terms

FACET_SIZE = 10


class CountIndex:
    def __init__(self, db: sqlite3.Connection):
        rows = db.execute(
            "SELECT id, date, event_type FROM timeline_event WHERE status != 'rejected' "
            "ORDER BY date IS NULL, date, id"
        ).fetchall()
        self.ids = [row[0] for row in rows]
        self.position = {pk: n for n, pk in enumerate(self.ids)}
        self.dates = [row[1] for row in rows if row[1] is not None]
        self.all = BitMap(range(len(rows)))
        by_type = defaultdict(list)
        for n, (_, _, kind) in enumerate(rows):
            by_type[kind].append(n)
        self.types = {kind: BitMap(positions) for kind, positions in by_type.items()}
        self.countries = self._links(
            db, "timeline_event_countries", "country_id", "timeline_country", "code"
        )
        self.actors = self._links(db, "timeline_event_actors", "actor_id", "timeline_actor", "slug")
        self.db = db

    def _links(self, db, table, column, named, key) -> dict[str, BitMap]:
        names = dict(db.execute(f"SELECT id, {key} FROM {named}"))
        positions = defaultdict(list)
        position = self.position
        for event_id, value in db.execute(f"SELECT event_id, {column} FROM {table}"):
            n = position.get(event_id)
            if n is not None:
                positions[names[value]].append(n)
        return {name: BitMap(found) for name, found in positions.items()}

    def date_range(self, first: str | None, last: str | None) -> BitMap:
        start = bisect.bisect_left(self.dates, first) if first else 0
        stop = bisect.bisect_right(self.dates, last) if last else len(self.dates)
        return BitMap(range(start, stop))

    def matching(self, query: dict[str, list[str]]) -> BitMap:
        result = self.all
        for code in query.get("country", []):
            result = result & self.countries.get(code, BitMap())
        for slug in query.get("actor", []):
            result = result & self.actors.get(slug, BitMap())
        if "type" in query:
            result = result & self.types.get(query["type"][0], BitMap())
        if "date_from" in query:
            first, last = query["date_from"][0] + "-01-01", query["date_to"][0] + "-12-31"
            result = result & self.date_range(first, last)
        if "q" in query:
            result = result & self.search(query["q"][0])
        return result

    def search(self, text: str) -> BitMap:
        match = fts5_match(search_terms(text))
        ids = self.db.execute(
            "SELECT rowid FROM search_event_title WHERE search_event_title MATCH ? "
            "UNION SELECT event_id FROM timeline_excerpt WHERE id IN "
            "(SELECT rowid FROM search_excerpt_quote WHERE search_excerpt_quote MATCH ?)",
            [match, match],
        )
        position = self.position
        return BitMap(position[pk] for (pk,) in ids if pk in position)

    @staticmethod
    def top(result: BitMap, bitmaps: dict[str, BitMap]) -> list[tuple[str, int]]:
        """The exact top 10: values in order of their own size, stopping when a whole bitmap
        is smaller than the tenth-best intersection found so far."""
        best: list[tuple[int, str]] = []
        for name, bitmap in sorted(bitmaps.items(), key=lambda item: -len(item[1])):
            if len(best) == FACET_SIZE and len(bitmap) <= best[-1][0]:
                break
            n = result.intersection_cardinality(bitmap)
            if n:
                best = sorted([*best, (n, name)], key=lambda item: (-item[0], item[1]))
                best = best[:FACET_SIZE]
        return [(name, n) for n, name in best]

    def years(self, result: BitMap) -> dict[str, int]:
        counts, start = {}, 0
        while start < len(self.dates):
            year = self.dates[start][:4]
            stop = bisect.bisect_left(self.dates, f"{int(year) + 1:04d}")
            counts[year] = result.range_cardinality(start, stop)
            start = stop
        return counts


def sql_check(db, query: dict[str, list[str]], index: CountIndex, result: BitMap) -> None:
    """The total against SQL (the facets follow from the same bitmaps)."""
    ids = {index.ids[n] for n in result}
    where, params = ["status != 'rejected'"], []
    for code in query.get("country", []):
        where.append("id IN (SELECT event_id FROM timeline_event_countries l JOIN "
                     "timeline_country c ON c.id = l.country_id WHERE c.code = ?)")  # fmt: skip
        params.append(code)
    for slug in query.get("actor", []):
        where.append("id IN (SELECT event_id FROM timeline_event_actors l JOIN "
                     "timeline_actor a ON a.id = l.actor_id WHERE a.slug = ?)")  # fmt: skip
        params.append(slug)
    if "type" in query:
        where.append("event_type = ?")
        params.append(query["type"][0])
    if "date_from" in query:
        where.append("date BETWEEN ? AND ?")
        params += [query["date_from"][0] + "-01-01", query["date_to"][0] + "-12-31"]
    if "q" in query:
        return
    sql = f"SELECT id FROM timeline_event WHERE {' AND '.join(where)}"
    expected = {pk for (pk,) in db.execute(sql, params)}
    assert expected == ids, (query, len(expected), len(ids))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="/tmp/scale.sqlite3")
    parser.add_argument("--cold", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.database}?mode=ro", uri=True)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    index = CountIndex(db)
    built = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    groups = (index.types, index.countries, index.actors)
    sizes = sum(len(bitmap.serialize()) for group in groups for bitmap in group.values())
    print(
        f"built in {built:.1f} s; {len(index.ids)} events; bitmaps serialized "
        f"{sizes / 1e6:.1f} MB; peak RSS {before:.0f} → {after:.0f} MB (with the build's lists)"
    )
    times = []
    pairs = serve_cold.combinations(args.database, args.cold, args.seed)
    for number, (query_string, _) in enumerate(pairs):
        query = urllib.parse.parse_qs(query_string)
        started = time.perf_counter()
        result = index.matching(query)
        total = len(result)
        countries = index.top(result, index.countries)
        actors = index.top(result, index.actors)
        types = {kind: result.intersection_cardinality(b) for kind, b in index.types.items()}
        years = index.years(result)
        first_page = [index.ids[n] for n in list(result[-50:])] if total else []
        took = (time.perf_counter() - started) * 1000
        times.append(took)
        if number < 8:
            sql_check(db, query, index, result)
        assert sum(types.values()) == total and len(first_page) == min(total, 50)
        assert sum(years.values()) <= total
        print(f"  {took:7.1f} ms  {total:7d}  {countries[:1]} {actors[:1]}  ?{query_string}")
    stats = serve_cold.percentiles(times)
    print(
        f"\nexact total + facets + axis + first page ids: p50 {stats['p50']:.1f} ms, "
        f"p95 {stats['p95']:.1f} ms, max {stats['max']:.1f} ms over {len(times)} combinations"
    )


if __name__ == "__main__":
    main()
