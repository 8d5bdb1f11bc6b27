"""Stream an SSDA903 or CIN census XML into one CSV per table, line numbers kept.

The parser is expat, event by event, so memory stays flat whatever the size;
each row keeps the line of the element it came from, which is the "row" a
problem names. Entity declarations are refused (no entity expansion).

SSDA903: ``EXPSSDA903/CHILD``; a CHILD's leaves (in HEADER or anywhere not
inside a record element) make its header row and, where present, its UASC,
OC3 and AD1 rows; EPISODE, AREVIEW, AMISSING, OC2, PERMANENCE and AD_PLACED
elements make one row each. CIN: ``Message/Children/Child``; CINdetails,
Assessments, CINPlanDates, Section47 and ChildProtectionPlans make one row
each, every CPPreviewDate one review row. A record takes the values it lacks
(the child's ID, the referral's ID) from the records around it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final
from xml.parsers import expat

from boardpack.calc.tables import BY_NAME, CIN, SSDA903, Source, Table


@dataclass(frozen=True)
class Layout:
    top: str  # the element of one child: rows are written when it closes
    records: dict[str, str]  # element -> table
    leaf_records: dict[str, str]  # leaf element -> table: one row per occurrence
    derived: dict[str, tuple[str, ...]]  # table made from the top record when one of these is there
    multi: frozenset[str]  # leaves that repeat: joined with spaces
    tables: tuple[Table, ...]

    def key(self, table: Table, column: str) -> str:
        c = table.column(column)
        if c.tag:
            return c.tag
        return c.name.upper() if table.source == "ssda903" else c.name


LAYOUTS: Final[dict[str, Layout]] = {
    "ssda903": Layout(
        top="CHILD",
        records={
            "CHILD": "header",
            "EPISODE": "episodes",
            "AREVIEW": "reviews",
            "AMISSING": "missing",
            "OC2": "oc2",
            "PERMANENCE": "previous_permanence",
            "AD_PLACED": "placed_for_adoption",
        },
        leaf_records={},
        derived={
            "uasc": ("UASC", "DUC"),
            "oc3": ("IN_TOUCH", "ACTIV", "ACCOM"),
            "ad1": (
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ),
        },
        multi=frozenset(),
        tables=SSDA903,
    ),
    "cin": Layout(
        top="Child",
        records={
            "Child": "cin_child",
            "CINdetails": "cin_referrals",
            "Assessments": "cin_assessments",
            "CINPlanDates": "cin_plans",
            "Section47": "cin_s47",
            "ChildProtectionPlans": "cin_cpp",
        },
        leaf_records={"CPPreviewDate": "cin_cpp_reviews"},
        derived={},
        multi=frozenset({"Disability", "AssessmentFactors"}),
        tables=CIN,
    ),
}


@dataclass
class Record:
    table: str
    line: int
    parent: Record | None
    fields: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        record: Record | None = self
        while record is not None:
            if key in record.fields:
                return record.fields[key]
            record = record.parent
        return ""


@dataclass
class Result:
    year: int | None = None
    problems: list[tuple[int | None, str]] = field(default_factory=list)


class _Reader:
    def __init__(self, layout: Layout, out: Path) -> None:
        self.layout = layout
        self.out = out
        self.result = Result()
        self.files: dict[str, tuple[IO[str], Any, list[str]]] = {}
        self.open: list[Record] = []  # the records being read, innermost last
        self.done: list[Record] = []  # the records of the current child, in order
        self.text: list[str] = []
        self.leaf = False
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.chars
        self.parser.EntityDeclHandler = _refuse_entities

    def start(self, name: str, _attrs: dict[str, str]) -> None:
        if ":" in name:
            name = name.rsplit(":", 1)[1]
        self.leaf = True
        self.text = []
        table = self.layout.records.get(name)
        if table and (self.open or name == self.layout.top):
            parent = self.open[-1] if self.open else None
            self.open.append(Record(table, self.parser.CurrentLineNumber, parent))

    def end(self, name: str) -> None:
        if ":" in name:
            name = name.rsplit(":", 1)[1]
        leaf, self.leaf = self.leaf, False  # an element is a leaf if nothing opened inside it
        record = self.open[-1] if self.open else None
        if record is not None and self.layout.records.get(name) == record.table:
            self.open.pop()
            self.done.append(record)
            if name == self.layout.top:
                self.write_child()
            return
        if not leaf:
            return
        value = "".join(self.text).strip()
        if record is None:
            if name == "ReferenceDate" and value[:4].isdigit():
                self.result.year = int(value[:4])
            return
        leaf_table = self.layout.leaf_records.get(name)
        if leaf_table:
            self.done.append(
                Record(leaf_table, self.parser.CurrentLineNumber, record, {name: value})
            )
        elif name in self.layout.multi and record.fields.get(name):
            record.fields[name] += " " + value
        else:
            record.fields[name] = value

    def chars(self, data: str) -> None:
        self.text.append(data)

    def write_child(self) -> None:
        top = self.done[-1]
        rows = [r for r in self.done if r is not top]
        for table, triggers in self.layout.derived.items():
            if any(top.fields.get(t, "") not in ("", "0") for t in triggers):
                rows.append(Record(table, top.line, top))
        if self.layout.tables is CIN:
            _make_ids(top, self.done)
        self.write(top)
        for record in rows:
            self.write(record)
        self.done = []

    def write(self, record: Record) -> None:
        if record.table not in self.files:
            table = BY_NAME[record.table]
            fh = (self.out / table.file).open("w", encoding="utf-8", newline="")
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["_row", *(c.name for c in table.columns)])
            keys = [self.layout.key(table, c.name) for c in table.columns]
            self.files[record.table] = (fh, writer, keys)
        _fh, writer, keys = self.files[record.table]
        writer.writerow([record.line, *(record.get(k) for k in keys)])

    def run(self, path: Path) -> Result:
        parser = self.parser
        try:
            with path.open("rb") as source:
                parser.ParseFile(source)
        except expat.ExpatError as e:
            self.result.problems.append(
                (e.lineno, f"the XML is malformed: {expat.errors.messages[e.code]}")
            )
        except _EntityRefused:
            self.result.problems.append(
                (parser.CurrentLineNumber, "the XML declares entities: refused")
            )
        finally:
            for fh, _writer, _keys in self.files.values():
                fh.close()
        return self.result


class _EntityRefused(Exception):
    pass


def _refuse_entities(*_args: object) -> None:
    raise _EntityRefused


def _make_ids(child: Record, records: list[Record]) -> None:
    """Referral and plan IDs: the child's ID and the start date, made unique within the child."""
    seen: set[str] = set()

    def unique(base: str) -> str:
        n, name = 1, base
        while name in seen:
            n += 1
            name = f"{base}/{n}"
        seen.add(name)
        return name

    child_id = child.fields.get("LAchildID", "")
    for r in records:
        if r.table == "cin_referrals":
            r.fields["referral_id"] = unique(f"{child_id}/{r.fields.get('CINreferralDate', '')}")
    for r in records:
        if r.table == "cin_cpp":
            r.fields["cpp_id"] = unique(
                f"{r.get('referral_id')}/{r.fields.get('CPPstartDate', '')}"
            )


def to_csv(path: Path, source: Source, out: Path) -> Result:
    """Write ``out/<table>.csv`` for each table the XML holds; the year from its header, if any."""
    return _Reader(LAYOUTS[source], out).run(path)
