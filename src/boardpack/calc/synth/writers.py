"""Write synthetic rows as the returns are written: CSV per table, or one XML a year.

CSV dates are dd/mm/yyyy, XML dates ISO. Each year's folder gets every table
of its source (a CSV with only its header where there are no rows). The XML
carries the same rows the CSV would, nested as the returns nest them (the
readers rebuild the referral and plan IDs from the child and the dates).
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any, Literal
from xml.sax.saxutils import escape

from boardpack.calc.synth.common import Row, Rows, Value
from boardpack.calc.tables import BY_NAME, CIN, SSDA903, Table
from boardpack.calc.xml import LAYOUTS

Form = Literal["csv", "xml"]
WRAPPERS = {"Disability": "Disabilities", "AssessmentFactors": "FactorsIdentifiedAtAssessment"}


@cache
def _dmy(o: int) -> str:
    d = date.fromordinal(o)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@cache
def _iso(o: int) -> str:
    return date.fromordinal(o).isoformat()


@cache
def _dates(table: Table) -> frozenset[str]:
    return frozenset(c.name for c in table.columns if c.type == "DATE")


def _text(table: Table, column: str, value: Value, iso: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and column in _dates(table):
        return _iso(value) if iso else _dmy(value)
    return str(value)


class CsvWriter:
    def __init__(self, root: Path, tables: tuple[Table, ...], years: tuple[int, ...]) -> None:
        self.tables = tables
        self.handles: list[IO[str]] = []
        self.writers: dict[tuple[int, str], Any] = {}
        for y in years:
            folder = root / str(y)
            folder.mkdir(parents=True, exist_ok=True)
            for t in tables:
                fh = (folder / t.file).open("w", encoding="utf-8", newline="")
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow([t.header(c) for c in t.columns])
                self.handles.append(fh)
                self.writers[(y, t.name)] = writer

    def write(self, rows: Rows) -> None:
        for y, tables in sorted(rows.items()):
            for t in self.tables:
                rows_of = tables.get(t.name)
                if not rows_of:
                    continue
                dates, names = _dates(t), [c.name for c in t.columns]
                write = self.writers[(y, t.name)].writerow
                for row in rows_of:
                    write(
                        [
                            ""
                            if (v := row.get(n)) is None
                            else _dmy(v)
                            if n in dates and isinstance(v, int)
                            else v
                            for n in names
                        ]
                    )

    def close(self) -> None:
        for fh in self.handles:
            fh.close()


class XmlWriter:
    """One XML a year: ``EXPSSDA903/CHILD`` or ``Message/Children/Child``."""

    def __init__(self, root: Path, source: Literal["ssda903", "cin"], years: tuple[int, ...]):
        self.source = source
        self.layout = LAYOUTS[source]
        self.files: dict[int, IO[str]] = {}
        for y in years:
            folder = root / str(y)
            folder.mkdir(parents=True, exist_ok=True)
            fh = (folder / f"{source}.xml").open("w", encoding="utf-8", newline="\n")
            fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            if source == "ssda903":
                fh.write("<EXPSSDA903>\n")
            else:
                fh.write(
                    "<Message>\n<Header><CollectionDetails><Collection>CIN</Collection>"
                    f"<Year>{y - 1}</Year><ReferenceDate>{y}-03-31</ReferenceDate>"
                    "</CollectionDetails></Header>\n<Children>\n"
                )
            self.files[y] = fh

    def close(self) -> None:
        end = "</EXPSSDA903>\n" if self.source == "ssda903" else "</Children>\n</Message>\n"
        for fh in self.files.values():
            fh.write(end)
            fh.close()

    def write(self, rows: Rows) -> None:
        for y, tables in sorted(rows.items()):
            child = self._child_903(tables) if self.source == "ssda903" else self._child_cin(tables)
            self.files[y].write(child + "\n")

    def _fields(self, table: str, row: Row, skip: tuple[str, ...] = ()) -> str:
        t = BY_NAME[table]
        out = []
        for c in t.columns:
            if c.name in skip or row.get(c.name) is None:
                continue
            tag = self.layout.key(t, c.name)
            value = _text(t, c.name, row[c.name], iso=True)
            if tag in self.layout.multi:
                items = "".join(f"<{tag}>{escape(v)}</{tag}>" for v in value.split())
                out.append(f"<{WRAPPERS[tag]}>{items}</{WRAPPERS[tag]}>")
            else:
                out.append(f"<{tag}>{escape(value)}</{tag}>")
        return "".join(out)

    def _child_903(self, tables: dict[str, list[Row]]) -> str:
        parts = [self._fields("header", tables["header"][0])]
        if tables.get("uasc"):
            parts.append(
                "<UASC>1</UASC>" + self._fields("uasc", tables["uasc"][0], ("child", "sex", "dob"))
            )
        for derived in ("oc3", "ad1"):
            for row in tables.get(derived, ()):
                parts.append(self._fields(derived, row, ("child", "dob")))
        for element, table in self.layout.records.items():
            if element in ("CHILD", "EPISODE"):
                continue
            for row in tables.get(table, ()):
                parts.append(f"<{element}>{self._fields(table, row, ('child', 'dob'))}</{element}>")
        episodes = "".join(
            f"<EPISODE>{self._fields('episodes', row, ('child',))}</EPISODE>"
            for row in tables.get("episodes", ())
        )
        return f"<CHILD><HEADER>{''.join(parts)}</HEADER>{episodes}</CHILD>"

    def _child_cin(self, tables: dict[str, list[Row]]) -> str:
        child = tables["cin_child"][0]
        ids = (
            "lachildid",
            "upn",
            "former_upn",
            "upn_unknown",
            "dob",
            "expected_dob",
            "sex",
            "death_date",
        )
        identifiers = self._fields("cin_child", {k: v for k, v in child.items() if k in ids})
        characteristics = self._fields(
            "cin_child", {k: v for k, v in child.items() if k not in ids}
        )
        parts = [
            f"<ChildIdentifiers>{identifiers}</ChildIdentifiers>",
            f"<ChildCharacteristics>{characteristics}</ChildCharacteristics>",
        ]
        for r in tables.get("cin_referrals", ()):
            parts.append(f"<CINdetails>{self._referral(r, tables)}</CINdetails>")
        return f"<Child>{''.join(parts)}</Child>"

    def _referral(self, r: Row, tables: dict[str, list[Row]]) -> str:
        skip = ("lachildid", "referral_id", "cpp_id")
        own = dict(r)
        nfa = own.pop("referral_nfa")
        parts = [self._fields("cin_referrals", own, skip)]
        nested = (
            ("cin_assessments", "Assessments"),
            ("cin_plans", "CINPlanDates"),
            ("cin_s47", "Section47"),
        )
        for table, element in nested:
            for row in tables.get(table, ()):
                if row["referral_id"] == r["referral_id"]:
                    inner = self._fields(table, row, skip)
                    parts.append(f"<{element}>{inner}</{element}>")
        parts.append(f"<ReferralNFA>{nfa}</ReferralNFA>")
        for plan in tables.get("cin_cpp", ()):
            if plan["referral_id"] == r["referral_id"]:
                reviews = "".join(
                    f"<CPPreviewDate>{_iso(int(v['review_date'] or 0))}</CPPreviewDate>"
                    for v in tables.get("cin_cpp_reviews", ())
                    if v["cpp_id"] == plan["cpp_id"]
                )
                inner = self._fields("cin_cpp", plan, skip)
                parts.append(
                    f"<ChildProtectionPlans>{inner}<Reviews>{reviews}</Reviews></ChildProtectionPlans>"
                )
        return "".join(parts)


Writer = CsvWriter | XmlWriter


def writer(
    root: Path, source: Literal["ssda903", "cin"], form: Form, years: tuple[int, ...]
) -> Writer:
    if form == "xml":
        return XmlWriter(root, source, years)
    return CsvWriter(root, SSDA903 if source == "ssda903" else CIN, years)
