"""What the time axis's GROUP BY adds to a first request, beside the page's summary, for the
same random filter combinations as `bench/serve --cold` (no cache, no HTTP: the two reads alone).

    DATABASE_URL=sqlite:////tmp/scale.sqlite3 DJANGO_DEBUG=1 \
        .venv/bin/python -m bench.axis_cost --database /tmp/scale.sqlite3 --cold 40 --seed 1
"""

import argparse
import os
import time

import django


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="/tmp/scale.sqlite3")
    parser.add_argument("--cold", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    from django.http import QueryDict

    from bench import serve_cold
    from timeline.axis import date_counts
    from timeline.filters import parse_timeline_filters
    from timeline.selectors import exact_count_limit, matching_events, select, summarise

    summaries, axes = [], []
    for query, _ in serve_cold.combinations(args.database, args.cold, args.seed):
        filters = parse_timeline_filters(QueryDict(query))
        selection = select(filters, None, None)
        started = time.perf_counter()
        summary = summarise(filters, None, selection, exact_count_limit())
        middle = time.perf_counter()
        depth = max(selection.event_count, 1)
        rows = date_counts(matching_events(filters, None, selection, depth=depth))
        done = time.perf_counter()
        summaries.append((middle - started) * 1000)
        axes.append((done - middle) * 1000)
        total = sum(n for *_, n in rows)
        print(f"  summary {summaries[-1]:7.0f} ms  axis {axes[-1]:7.0f} ms  "
              f"{total:7d} events ({summary.total}{'+' if summary.total_is_lower_bound else ''})"
              f"  ?{query}", flush=True)  # fmt: skip
    for name, values in (("summary", summaries), ("axis GROUP BY", axes)):
        stats = serve_cold.percentiles(values)
        print(f"{name}: p50 {stats['p50']:.0f} ms, p95 {stats['p95']:.0f} ms, "
              f"max {stats['max']:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
