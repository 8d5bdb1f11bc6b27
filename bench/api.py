"""The API at scale (issue 18): `GET /api/v1/scorecard` for 300 indicators and a page of 1,000
values, with a viewer's token, through Django's test client (the whole stack but the socket:
middleware, the token, the rate limit, the selectors, JSON).

For each database (SQLite in a temporary directory; PostgreSQL `bp_api_bench`, dropped and
recreated, or BENCH_API_POSTGRES_URL) it loads bench/generate.py's 300 indicators with ten
years of values through `boardpack import` (bench/run.py's `load`), then runs itself with
`--measure` in a fresh process against that database, the rate limit lifted for it. The
generated indicators hold 120 months each; for a full page of 1,000 values the measuring
process adds one monthly indicator with 1,000 months of actuals and targets (through the
values service, as an import does). Every answer is checked: 301 rows, 1,000 values.

    .venv/bin/python bench/api.py   # rewrites this part of docs/PERFORMANCE.md
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

from common import BenchError, check, log, markdown_table, replace_section, run
from generate import generate
from page import setup, viewer
from run import PostgreSQL, SQLite, load

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- api:start -->", "<!-- api:end -->"
POSTGRES_URL = os.environ.get(
    "BENCH_API_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bp_api_bench"
)
INDICATORS, VALUES, RUNS = 300, 1000, 30
GOAL = 0.050
LONG = "BENCH-LONG"
"""The indicator with 1,000 months of values."""


def _median(get: Callable[[], Any], runs: int = RUNS, *, built: bool = False) -> float:
    """The median seconds of a request; `built`: with the answers' cache emptied before each,
    as after any write to what it shows."""
    from django.core.cache import caches

    times = []
    for _ in range(runs):
        if built:
            caches["api"].clear()
        start = time.perf_counter()
        response = get()
        times.append(time.perf_counter() - start)
        check(response.status_code in (200, 304), f"status {response.status_code}")
    return statistics.median(times)


def _long_indicator() -> None:
    """One monthly indicator with VALUES months of actuals and targets, to December 2024."""
    from boardpack.core.periods import Month
    from boardpack.scorecard.models import Indicator, Source
    from boardpack.scorecard.services import ValueEntry, values_record

    template = Indicator.objects.filter(frequency=Indicator.Frequency.MONTHLY).first()
    check(template is not None, "no monthly indicator to copy")
    assert template is not None
    Indicator.objects.create(
        code=LONG,
        title="A long series",
        directorate=template.directorate,
        polarity=template.polarity,
        unit=template.unit,
    )
    last = Month(2024, 12)
    entries = [
        ValueEntry(
            code=LONG,
            month=last.shift(-back),
            actual=None if back % 7 == 0 else Decimal(40 + back % 13),
            target=Decimal(45),
            provisional=False,
        )
        for back in range(VALUES)
    ]
    values_record(entries=entries, user=None, source=Source.IMPORT, source_ref="bench")


def measure_here(period: str) -> dict[str, float]:
    """In this process, against DATABASE_URL: the medians, in seconds. The rate limit is
    lifted: the requests are one client's, timed one after another."""
    os.environ["BOARDPACK_API_RATE"] = "1000000/min"
    setup()
    from django.test import Client

    from boardpack.api.services import token_create

    _long_indicator()
    secret = token_create(user=viewer(), name="bench", by=None).secret
    headers = {"Authorization": f"Bearer {secret}"}
    client = Client()
    scorecard = f"/api/v1/scorecard?period={period}&limit=1000"
    values = f"/api/v1/indicators/{LONG}/values?limit={VALUES}"
    decade = f"/api/v1/indicators/{LONG}/values?from=2015-01&to=2024-12&limit={VALUES}"
    rows = client.get(scorecard, headers=headers).json()["items"]
    check(len(rows) == INDICATORS + 1, f"the scorecard gave {len(rows)} rows")
    page = client.get(values, headers=headers)
    check(len(page.json()["items"]) == VALUES, "the values page is not full")
    held = {**headers, "If-None-Match": page["ETag"]}
    urls = {
        "scorecard": scorecard,
        "scorecard_csv": scorecard + "&format=csv",
        "values": values,
        "decade": decade,
    }
    found = {}
    for name, url in urls.items():
        found[f"{name}_built"] = _median(lambda u=url: client.get(u, headers=headers), built=True)
        found[name] = _median(lambda u=url: client.get(u, headers=headers))
    found["not_modified"] = _median(lambda: client.get(values, headers=held))
    return found


def measure(url: str, period: str) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__)), "--measure", "--period", period]
    found = json.loads(run(command, env={**os.environ, "DATABASE_URL": url})[1])
    return {name: float(value) for name, value in found.items()}


def _ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def _verdict(figures: dict[str, float], key: str) -> str:
    served, built = figures[key], figures[f"{key}_built"]
    return f"{'met' if served < GOAL else '**not met**'} ({_ms(served)}; built {_ms(built)})"


def section(results: dict[str, dict[str, float]], notes: list[str], period: str) -> list[str]:
    names = list(results)
    goals = [
        [f"`GET /api/v1/scorecard` of {INDICATORS} indicators: median under 50 ms"]
        + [_verdict(results[n], "scorecard") for n in names],
        [f"A page of {VALUES:,} values (`GET …/values?limit={VALUES}`): median under 50 ms"]
        + [_verdict(results[n], "values") for n in names],
    ]
    rows = [
        (f"`/api/v1/scorecard?period={period}&limit=1000`, JSON", "scorecard"),
        ("the same as CSV (`&format=csv`)", "scorecard_csv"),
        (f"`/api/v1/indicators/{LONG}/values?limit=1000`: 1,000 months", "values"),
        ("the same indicator, ten years (`from=2015-01&to=2024-12`): 120 months", "decade"),
    ]
    measurements = [
        [
            label,
            *(f"{_ms(results[n][key])}; built {_ms(results[n][f'{key}_built'])}" for n in names),
        ]
        for label, key in rows
    ]
    measurements.append(
        ["the 1,000 values with their ETag (`If-None-Match`): 304"]
        + [_ms(results[n]["not_modified"]) for n in names]
    )
    return [
        START,
        "## API",
        "",
        f"The API (docs/api.md) with a viewer's token on bench/generate.py's {INDICATORS} "
        "indicators with ten years of values, through Django's test client (middleware, token, "
        f"rate limit, selectors and JSON; no socket), median of {RUNS} requests. Command: "
        "`.venv/bin/python bench/api.py` (also run by `make bench`).",
        "",
        "An answer is built once for a data version (the ETag's) and served from the API's "
        "cache until a write changes what it shows (docs/api.md, ETags), as the scorecard page "
        "is (docs/scorecard-cache.md). Each figure is what a client asking again gets (served) "
        "and, after `built`, what the first request after a write costs (the cache emptied "
        "before each). The goals are judged on the served answers.",
        "",
        *markdown_table(["goal", *names], goals),
        "",
        *markdown_table(["request", *names], measurements),
        "",
        f"- The scorecard has {INDICATORS + 1} rows: the generated indicators and one more, "
        f"{LONG}, with {VALUES:,} months of actuals and targets (1941–2024), added by the "
        "measuring process through the values service for a full page of values (the "
        "generated indicators hold 120 months each).",
        f"- Load average at the end {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores.",
        *(f"- {note}" for note in notes),
        END,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true", help="measure DATABASE_URL, here")
    parser.add_argument("--period", help="the scorecard's month (with --measure)")
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "insecure-key-for-benchmarks-only")
    os.environ["DEBUG"] = "false"
    if args.measure:
        print(json.dumps(measure_here(args.period)))
        return
    results: dict[str, dict[str, float]] = {}
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="boardpack-bench-api-") as temp:
        data = generate(Path(temp) / "data", indicators=INDICATORS)
        for backend in (SQLite(Path(temp)), PostgreSQL(POSTGRES_URL)):
            log(f"{backend.name}: loading {INDICATORS} indicators, then measuring")
            try:
                url = backend.fresh()
            except psycopg.OperationalError as error:
                notes.append(f"{backend.name} was not measured: {str(error).splitlines()[0]}")
                continue
            load(url, data)
            results[backend.name] = measure(url, data.latest)
    if not results:
        raise BenchError("no database could be measured")
    lines = section(results, notes, data.latest)
    DOC.write_text(replace_section(DOC.read_text() if DOC.exists() else "", lines, START, END))
    log("\n".join(line for line in lines if line.startswith("| ")))


if __name__ == "__main__":
    main()
