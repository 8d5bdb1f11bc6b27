"""Render the scorecard page through Django's test client as a signed-in viewer.

Run by bench/run.py with DATABASE_URL naming a loaded database. Prints one JSON object: the
median time of the timed renders and the number of SQL queries one render makes.

    DATABASE_URL=... .venv/bin/python bench/page.py --period 2024-03 [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", required=True, help="the month shown, e.g. 2024-03")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"  # the test client's host name
    django.setup()

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from boardpack.scorecard.models import Indicator

    client = Client()
    client.force_login(get_user_model().objects.get_or_create(username="bench.viewer")[0])
    url = f"/?period={args.period}"
    client.get(url)  # warm up: templates compiled, content types cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # read now: the log is cleared when the next request starts
    html = response.content.decode()
    missing = [
        code for code in Indicator.objects.values_list("code", flat=True) if code not in html
    ]
    if response.status_code != 200 or missing:
        raise SystemExit(
            f"{url}: status {response.status_code}, {len(missing)} indicator(s) missing"
        )
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    print(json.dumps({"seconds": statistics.median(times), "queries": query_count}))


if __name__ == "__main__":
    main()
