"""Render the scorecard page through Django's test client as a signed-in viewer.

Run by bench/run.py with DATABASE_URL naming a loaded database. Prints one JSON object: the
median time of the timed renders and the number of SQL queries one render makes (each with
the page's cache emptied first, so the page is built from the database), the median time with
the kept SPC summaries emptied too (as the first page after an import), and a monthly
indicator (its pk and code) for bench/web.py's indicator page. The viewer is a User linked to a
Person with the viewer role; with BENCH_VIEWER_PASSWORD set it gets that password, so that
bench/web.py can sign in over HTTP.

    DATABASE_URL=... .venv/bin/python bench/page.py --period 2024-03 [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from typing import TYPE_CHECKING

import django

if TYPE_CHECKING:
    from django.contrib.auth.models import User

VIEWER = "bench.viewer"
PASSWORD_VARIABLE = "BENCH_VIEWER_PASSWORD"


def setup() -> None:
    """Django, configured for the test client against the database named by DATABASE_URL."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"  # the test client's host name
    os.environ.setdefault("BOARDPACK_LOG_LEVEL", "WARNING")  # no sign-in log among the figures
    django.setup()


def viewer() -> User:
    """The benchmarks' user: a viewer, as a councillor reading the board pack is."""
    from django.contrib.auth.models import User

    from boardpack.accounts.models import Person, Role

    user = User.objects.get_or_create(username=VIEWER)[0]
    Person.objects.update_or_create(
        user=user, defaults={"name": "Benchmark viewer", "role": Role.VIEWER}
    )
    password = os.environ.get(PASSWORD_VARIABLE)
    if password:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", required=True, help="the month shown, e.g. 2024-03")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup()

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from boardpack.scorecard.models import Indicator, StoredSpcSummary

    client = Client()
    client.force_login(viewer())
    url = f"/?period={args.period}"
    client.get(url)  # warm up: templates compiled, content types cached
    cache.clear()  # the page is built from the database, as after any write to its data
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
        cache.clear()
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    spc_times = []
    for _ in range(args.runs):
        cache.clear()
        StoredSpcSummary.objects.all().delete()
        start = time.perf_counter()
        client.get(url)
        spc_times.append(time.perf_counter() - start)
    monthly = Indicator.objects.filter(frequency=Indicator.Frequency.MONTHLY).first()
    if monthly is None:
        raise SystemExit("no monthly indicator for the indicator page")
    print(
        json.dumps(
            {
                "seconds": statistics.median(times),
                "spc_cold_seconds": statistics.median(spc_times),
                "queries": query_count,
                "indicator": {"pk": monthly.pk, "code": monthly.code},
            }
        )
    )


if __name__ == "__main__":
    main()
