"""Profile one page with cProfile, rendered through Django's test client as the bench viewer.

For finding a slow page's hot spots by hand (the cache is emptied before each run, so a cached
page is profiled as it is built); `make bench` does not run it. DATABASE_URL names a
loaded database, for instance one that bench/run.py's data were imported into.

    DATABASE_URL=... .venv/bin/python bench/hotspots.py '/?period=2024-03' [--runs 5] [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import time
from collections.abc import Callable
from typing import Any

from page import setup, viewer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="the page's path and query, e.g. /indicators/4/")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=30, help="functions shown in each ordering")
    args = parser.parse_args()
    setup()

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    client = Client()
    client.force_login(viewer())
    response = client.get(args.path)  # warm up: templates compiled, content types cached
    if response.status_code != 200:
        raise SystemExit(f"{args.path}: status {response.status_code}")
    in_database: list[float] = []

    def timed(execute: Callable[..., Any], *query: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(*query)
        finally:
            in_database.append(time.perf_counter() - start)

    profiler = cProfile.Profile()
    with connection.execute_wrapper(timed):
        profiler.enable()
        for _ in range(args.runs):
            cache.clear()
            client.get(args.path)
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    for order in ("cumulative", "tottime"):
        stats.sort_stats(order).print_stats(args.top)
    print(out.getvalue())
    print(
        f"{args.runs} renders of {args.path}, profiled: {len(in_database) // args.runs} SQL "
        f"queries and {sum(in_database) / args.runs * 1000:.1f} ms in the database each"
    )


if __name__ == "__main__":
    main()
