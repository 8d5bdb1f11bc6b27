"""Deterministic scorecard import files for the benchmarks: indicators, values and comments.

The same size and seed always give byte-identical files. The data look like a council's
children's services scorecard: four directorates of five services each, mixed polarity, units
and frequency, some year-to-date (cumulative) indicators, and ten financial years of monthly
targets and actuals (a quarterly indicator has an actual at quarter ends only, an annual one in
March only; every row has a target).

    .venv/bin/python bench/generate.py OUT_DIR [--indicators 300] [--seed 2012]
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SEED = 2012
FIRST_YEAR = 2014  # the first financial year: April 2014 to March 2015
YEARS = 10
MONTHS = YEARS * 12

DIRECTORATES = {
    "Assistant Director – Children's Social Care": (
        "CS",
        (
            "Assessment and Intervention",
            "Looked After Children",
            "Child Protection and Review",
            "Fostering and Adoption",
            "Leaving Care",
        ),
    ),
    "Assistant Director – Education and Learning": (
        "ED",
        (
            "School Improvement",
            "Special Educational Needs",
            "Admissions and Transport",
            "Early Years",
            "Virtual School",
        ),
    ),
    "Assistant Director – Early Help and Prevention": (
        "EH",
        (
            "Early Help Hubs",
            "Youth Offending",
            "Children's Centres",
            "Family Support",
            "Youth Service",
        ),
    ),
    "Assistant Director – Commissioning and Performance": (
        "CP",
        (
            "Commissioning",
            "Performance and Intelligence",
            "Workforce Development",
            "Quality Assurance",
            "Business Support",
        ),
    ),
}
TAGS = ("CBP", "CYPP", "LAA", "OFSTED", "SEF")
SUBJECTS = ("Head of Service Commentary", "Action Being Taken", "Data Quality Note")
FREQUENCIES = (("monthly", 0.7), ("quarterly", 0.25), ("annual", 0.05))
POLARITY_WORDS = {
    "bigger": ("bigger", "Bigger is Better", "BIGGER"),
    "smaller": ("smaller", "Smaller is Better"),
    "none": ("none", ""),
}
TOLERANCES = ("", "0", "1%", "2%", "5%", "0.5", "1", "2.5")


@dataclass(frozen=True)
class UnitProfile:
    """How one kind of measure is written and how big its numbers are."""

    words: tuple[str, ...]
    title: str
    low: float
    high: float
    decimals: tuple[str, ...]  # what the decimals column says; blank takes the default
    places: int  # the places written in the values file
    flow: bool  # can be counted year-to-date (cumulative)


UNITS = (
    UnitProfile(
        ("%", "percent", "Percentage"), "Percentage of children", 40, 95, ("1", ""), 1, False
    ),
    UnitProfile(("number", "Number"), "Number of referrals", 20, 2400, ("0", ""), 0, True),
    UnitProfile(("per 10,000", "Number per 10000"), "Rate of children", 20, 90, ("2",), 2, False),
    UnitProfile(("ratio",), "Ratio of cases", 0.4, 2.5, ("2",), 2, False),
    UnitProfile(("days", "Days"), "Average days for cases", 10, 120, ("0", ""), 0, False),
    UnitProfile(("",), "Count of contacts", 5, 500, ("0",), 0, False),
)
TOPICS = (
    "completed within timescale",
    "with an up-to-date plan",
    "reviewed on time",
    "seen by a qualified social worker",
    "in education, employment or training",
    "with a stable placement",
    "re-referred within twelve months",
    "with an initial health assessment",
    "open to early help",
    "audited as good or better",
)


@dataclass(frozen=True)
class Spec:
    """One generated indicator: the indicators-file row and what drives its values."""

    row: dict[str, str]
    polarity: str
    unit: UnitProfile
    frequency: str
    cumulative: bool
    level: float
    trend: float  # change of level over the ten years, as a fraction


@dataclass(frozen=True)
class Dataset:
    """The files written and what importing them should create."""

    indicators_file: Path
    values_file: Path
    comments_file: Path
    indicators: int
    directorates: int
    services: int
    years: int
    value_rows: int
    values: int  # targets plus actuals: what a first import creates
    comments: int
    latest: str  # the last month, e.g. 2024-03


def month_key(index: int) -> str:
    """The month `index` months after April of FIRST_YEAR, as 2014-04."""
    absolute = FIRST_YEAR * 12 + 3 + index
    return f"{absolute // 12:04d}-{absolute % 12 + 1:02d}"


def _is_reported(frequency: str, fy_index: int) -> bool:
    """Whether an actual is due in this month of the financial year (0 is April)."""
    step = {"monthly": 1, "quarterly": 3, "annual": 12}[frequency]
    return fy_index % step == step - 1


def _spec(number: int, width: int, rng: random.Random) -> Spec:
    director = list(DIRECTORATES)[number % len(DIRECTORATES)]
    prefix, services = DIRECTORATES[director]
    service = rng.choice(services)
    unit = rng.choice(UNITS)
    polarity = rng.choices(("bigger", "smaller", "none"), weights=(5, 4, 1))[0]
    frequency = rng.choices([f for f, _ in FREQUENCIES], [w for _, w in FREQUENCIES])[0]
    cumulative = unit.flow and frequency != "annual" and rng.random() < 0.4
    topic = rng.choice(TOPICS)
    code = f"{prefix}{number + 1:0{width}d}"
    title = f"{unit.title} {topic}"
    row = {
        "code": code,
        "title": title,
        "director": director,
        "service": service if rng.random() < 0.9 else "",
        "owner": f"Head of {service}" if rng.random() < 0.85 else "Director of Children's Services",
        "polarity": rng.choice(POLARITY_WORDS[polarity]),
        "unit": rng.choice(unit.words),
        "decimals": rng.choice(unit.decimals),
        "frequency": frequency if frequency != "monthly" or rng.random() < 0.7 else "",
        "cumulative": "yes" if cumulative else rng.choice(("no", "")),
        "tolerance": rng.choice(TOLERANCES),
        "better_tolerance": rng.choice(TOLERANCES),
        "tags": ";".join(sorted(rng.sample(TAGS, rng.randint(0, 2)))),
        "definition": f"The {title.lower()}, {'year to date' if cumulative else 'at month end'}.",
    }
    level = rng.uniform(unit.low, unit.high)
    trend = rng.uniform(-0.3, 0.3)
    return Spec(row, polarity, unit, frequency, cumulative, level, trend)


def _number(value: float, unit: UnitProfile) -> str:
    """As a spreadsheet exports it: large counts with thousands separators."""
    if unit.places == 0 and value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{unit.places}f}"


def _values(spec: Spec, rng: random.Random) -> Iterator[dict[str, str]]:
    """Ten years of rows for one indicator: every month has a target, due months an actual."""
    ceiling = 100.0 if spec.unit.words[0] == "%" else float("inf")
    better = {"bigger": 1.0, "smaller": -1.0, "none": 0.0}[spec.polarity]
    total = 0.0
    for index in range(MONTHS):
        fy_index = index % 12
        level = spec.level * (1 + spec.trend * index / MONTHS)
        yearly_target = spec.level * (1 + spec.trend * (index - fy_index) / MONTHS)
        yearly_target *= 1 + better * 0.03
        if spec.cumulative:
            total = (0.0 if fy_index == 0 else total) + max(0.0, rng.gauss(level, level * 0.1))
            actual, target = total, yearly_target * (fy_index + 1)
        else:
            actual, target = max(0.0, rng.gauss(level, level * 0.06)), yearly_target
        reported = _is_reported(spec.frequency, fy_index)
        provisional = reported and index >= MONTHS - 2 and rng.random() < 0.3
        yield {
            "code": spec.row["code"],
            "period": month_key(index),
            "actual": _number(min(actual, ceiling), spec.unit) if reported else "",
            "target": _number(min(target, ceiling), spec.unit),
            "provisional": "yes" if provisional else rng.choice(("no", "")) if reported else "",
        }


def _comments(specs: list[Spec], count: int, rng: random.Random) -> Iterator[dict[str, str]]:
    """Commentary on reported months, weighted to the latest year as a live scorecard has."""
    seen: set[tuple[str, int, str]] = set()
    while len(seen) < count:
        spec = rng.choice(specs)
        index = MONTHS - 1 - min(int(rng.expovariate(1 / 8)), MONTHS - 1)
        subject = rng.choice(SUBJECTS)
        key = (spec.row["code"], index, subject)
        if not _is_reported(spec.frequency, index % 12) or key in seen:
            continue
        seen.add(key)
        yield {
            "code": spec.row["code"],
            "period": month_key(index),
            "author": spec.row["owner"],
            "subject": subject,
            "text": (
                f"Performance against {spec.row['title'].lower()} reflects "
                f"{rng.choice(('higher demand', 'staffing pressures', 'improved practice'))}. "
                f"{rng.choice(('A recovery plan is in place.', 'The service will review it.'))}"
            ),
        }


def _write(path: Path, rows: Iterator[dict[str, str]]) -> int:
    with path.open("w", newline="", encoding="utf-8") as handle:
        first = next(rows)
        writer = csv.DictWriter(handle, fieldnames=list(first))
        writer.writeheader()
        writer.writerow(first)
        written = 1
        for row in rows:
            writer.writerow(row)
            written += 1
    return written


def generate(directory: Path, indicators: int = 300, seed: int = SEED) -> Dataset:
    """Write indicators.csv, values.csv and comments.csv for `indicators` indicators."""
    rng = random.Random(seed)
    width = max(3, len(str(indicators)))
    specs = [_spec(number, width, rng) for number in range(indicators)]
    directory.mkdir(parents=True, exist_ok=True)
    files = [directory / name for name in ("indicators.csv", "values.csv", "comments.csv")]
    _write(files[0], (spec.row for spec in specs))
    value_rows = [row for spec in specs for row in _values(spec, rng)]
    _write(files[1], iter(value_rows))
    comments = _write(files[2], _comments(specs, indicators * 3 // 2, rng))
    return Dataset(
        indicators_file=files[0],
        values_file=files[1],
        comments_file=files[2],
        indicators=indicators,
        directorates=len({spec.row["director"] for spec in specs}),
        services=len({spec.row["service"] for spec in specs} - {""}),
        years=YEARS,
        value_rows=len(value_rows),
        values=sum(bool(row["actual"]) + bool(row["target"]) for row in value_rows),
        comments=comments,
        latest=month_key(MONTHS - 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    dataset = generate(args.directory, args.indicators, args.seed)
    print(
        f"{dataset.indicators} indicators, {dataset.value_rows} value rows "
        f"({dataset.values} values), {dataset.comments} comments in {args.directory}"
    )


if __name__ == "__main__":
    main()
