"""Row schemas of the benchmarks' reference files: the authority list and the measures'
dictionary. Each validates every row before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any, TypeVar

from boardpack.benchmarks.import_context import ImportContext
from boardpack.benchmarks.models import Area, Measure
from boardpack.core.comparators import published_polarity
from boardpack.core.status import Polarity
from boardpack.lib.importing import (
    ErrorCollector,
    ImportReport,
    SourceRow,
    Table,
    TableImporter,
    unique_keys,
)

Stored = TypeVar("Stored", Area, Measure)
NOT_GIVEN = {"", "na", "n/a"}
EXCEL_EPOCH = date(1899, 12, 30)
NEIGHBOURS = 10


def _text(row: SourceRow, column: str) -> str:
    value = row.get(column)
    return "" if value.lower() in NOT_GIVEN else value


def whole_number(text: str) -> int:
    """'888' or '888.0' (a spreadsheet's number) as 888."""
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None
    if not number.is_integer() or number < 0:
        raise ValueError(f"{text!r} is not a whole number")
    return int(number)


def _required(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not text:
            raise ValueError("is required")
        if len(text) > limit:
            raise ValueError(f"is longer than {limit} characters")
        return text

    return parse


def upsert(
    model: type[Stored],
    key: str,
    rows: dict[Any, dict[str, Any]],
    report: ImportReport,
) -> None:
    """Create the rows not stored yet and update the others by their key, counting each as
    created, updated or unchanged; the file they came from is recorded on every row."""
    stored = {getattr(found, key): found for found in model.objects.all()}
    new: list[Stored] = []
    changed: list[Stored] = []
    for value, given_fields in rows.items():
        found = stored.get(value)
        if found is None:
            new.append(model(**{key: value, **given_fields, "source_ref": report.file}))
            continue
        differs = any(getattr(found, name) != given for name, given in given_fields.items())
        for name, given in {**given_fields, "source_ref": report.file}.items():
            setattr(found, name, given)
        changed.append(found)
        report.count("updated" if differs else "unchanged")
    model.objects.bulk_create(new)
    if rows:
        names = [*next(iter(rows.values())), "source_ref"]
        model.objects.bulk_update(changed, names)
    report.created += len(new)


# --- the authority list (la_code_list.xlsx) -----------------------------------------------


@dataclass(frozen=True)
class AreaRow:
    row: int
    number: int
    name: str
    kind: str
    region_name: str
    authority_type: str


def area_kind(name: str, region: str, authority_type: str) -> str:
    """An authority has a type (UA, MD, SC, OLB, ILB); a row without one is an aggregate:
    England, another England total (such as 'England (discontinued)') or a region."""
    if authority_type.lower() not in NOT_GIVEN:
        return Area.Kind.AUTHORITY
    if name.strip().lower() == "england":
        return Area.Kind.ENGLAND
    if name.strip().lower().startswith("england"):
        return Area.Kind.OTHER
    return Area.Kind.REGION


def region_key(name: str) -> str:
    """Names of a region as the list and the figures spell them: 'Inner London' is the row
    'London (Inner)'; 'Yorkshire and The Humber' is 'Yorkshire and the Humber'."""
    key = " ".join(name.lower().split())
    for part in ("inner", "outer"):
        if key == f"{part} london":
            return f"london ({part})"
    return key


class AreaImporter(TableImporter[list[AreaRow]]):
    required = ("la number", "la name")
    optional = ("region", "type")

    def __init__(self, context: ImportContext) -> None:
        self.context = context

    def check(self, table: Table, errors: ErrorCollector) -> list[AreaRow]:
        rows = []
        for row in table.rows:
            before = len(errors.errors)
            number = errors.cell(row, "la number", whole_number)
            name = errors.cell(row, "la name", _required(200))
            if len(errors.errors) > before or number is None:
                continue
            region, kind_of = _text(row, "region"), _text(row, "type")
            rows.append(
                AreaRow(
                    row.number,
                    number,
                    str(name),
                    area_kind(str(name), region, kind_of),
                    region,
                    kind_of,
                )
            )
        unique_keys(((r, r.get("la number")) for r in table.rows), errors, "la number", "number")
        self.context.areas.update({r.number: r.kind for r in rows})
        self.context.area_names.update({r.number: r.name for r in rows})
        return rows

    def apply(self, plan: list[AreaRow], report: ImportReport) -> None:
        upsert(
            Area,
            "number",
            {
                row.number: {
                    "name": row.name,
                    "kind": row.kind,
                    "region_name": row.region_name,
                    "authority_type": row.authority_type,
                }
                for row in plan
            },
            report,
        )
        self._link_regions(plan, report)

    def _link_regions(self, plan: list[AreaRow], report: ImportReport) -> None:
        areas = {a.number: a for a in Area.objects.all()}
        regions = {region_key(a.name): a for a in areas.values() if a.kind == Area.Kind.REGION}
        linked = []
        for row in plan:
            area = areas[row.number]
            if row.kind != Area.Kind.AUTHORITY:
                continue
            area.region = regions.get(region_key(row.region_name))
            linked.append(area)
            if area.region is None:
                report.notes.append(
                    f"row {row.row}: {row.name}'s region {row.region_name!r} is not a region "
                    "of the list; its regional figures will be blank"
                )
        Area.objects.bulk_update(linked, ["region"])


# --- the measures' dictionary (lait_data_dictionary.csv) ------------------------------------

DICTIONARY_COLUMNS = {
    "measure_short": "code",
    "measure_code": "number",
    "measure": "name",
    "chart_title": "chart_title",
    "topic": "topic",
    "polarity": "published_polarity",
    "y_axis_name": "unit",
    "dps": "decimals",
    "description": "description",
    "methodology": "methodology",
    "data owner (do) /supplier and contact details": "source",
    "hyperlink(s)": "links",
    "year_type": "year_type",
    "no_quartile": "banded",
    "state_funded_flag": "state_funded",
    "table_status": "table_status",
    "last update": "last_update",
    "next update": "next_update",
}
LIMITS = {"code": 100, "number": 20, "name": 300, "chart_title": 300, "unit": 200}


@dataclass(frozen=True)
class MeasureRow:
    row: int
    code: str
    number: str = ""
    name: str = ""
    chart_title: str = ""
    topic: str = ""
    polarity: str = Polarity.NONE.value
    published_polarity: str = ""
    unit: str = ""
    decimals: int | None = None
    description: str = ""
    methodology: str = ""
    source: str = ""
    links: str = ""
    year_type: str = ""
    banded: bool = True
    state_funded: str = ""
    table_status: str = ""
    last_update: str = ""
    next_update: str = ""
    extra_topics: list[str] = field(default_factory=list)

    def stored(self) -> dict[str, object]:
        skip = {"row", "extra_topics", "topic"}
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}
        values["topic"] = "; ".join([self.topic, *self.extra_topics]) if self.topic else ""
        return values


def _decimals(text: str) -> int | None:
    if text.lower() in NOT_GIVEN:
        return None
    if not text.isdigit() or int(text) > 6:
        raise ValueError(f"{text!r} is not a number of decimal places (0 to 6, or NA)")
    return int(text)


def _banded(text: str) -> bool:
    """No_Quartile: 'N' marks a measure published without quartiles; NA or blank: banded."""
    if text.lower() in NOT_GIVEN:
        return True
    if text.upper() == "N":
        return False
    raise ValueError(f"{text!r} is not a No_Quartile flag: use N, or NA for quartiles")


def _update(text: str) -> str:
    """A spreadsheet's date serial (45809) as a date; other text ('TBC') as published."""
    if text.isdigit() and 20_000 <= int(text) <= 80_000:
        return (EXCEL_EPOCH + timedelta(days=int(text))).isoformat()
    return "" if text.lower() in NOT_GIVEN else text


def _polarity(text: str) -> Polarity:
    found = published_polarity(text)
    if found is None:
        raise ValueError(f"{text!r} is not a polarity: use High, Low, or - or NA for none")
    return found


DICTIONARY_REQUIRED = ("measure_short", "measure", "polarity")


class DictionaryImporter(TableImporter[list[MeasureRow]]):
    required = DICTIONARY_REQUIRED
    optional = tuple(c for c in DICTIONARY_COLUMNS if c not in DICTIONARY_REQUIRED)

    def __init__(self, context: ImportContext) -> None:
        self.context = context
        self.notes: list[str] = []

    def _row(self, row: SourceRow, errors: ErrorCollector) -> MeasureRow | None:
        before = len(errors.errors)
        values: dict[str, Any] = {
            DICTIONARY_COLUMNS[c]: _text(row, c) for c in DICTIONARY_COLUMNS if c != "polarity"
        }
        values["code"] = row.get("measure_short")
        values["published_polarity"] = row.get("polarity")
        values["polarity"] = errors.cell(row, "polarity", _polarity)
        values["decimals"] = errors.cell(row, "dps", _decimals)
        values["banded"] = errors.cell(row, "no_quartile", _banded)
        values["last_update"] = _update(row.get("last update"))
        values["next_update"] = _update(row.get("next update"))
        for name, limit in LIMITS.items():
            column = next(c for c, f in DICTIONARY_COLUMNS.items() if f == name)
            if name in ("code", "name") and not values[name]:
                errors.add(row.number, column, "is required")
            elif len(str(values[name])) > limit:
                errors.add(row.number, column, f"is longer than {limit} characters")
        if len(errors.errors) > before:
            return None
        return MeasureRow(row=row.number, **values)

    def check(self, table: Table, errors: ErrorCollector) -> list[MeasureRow]:
        found: dict[str, MeasureRow] = {}
        for row in table.rows:
            measure = self._row(row, errors)
            if measure is None:
                continue
            first = found.get(measure.code)
            if first is None:
                found[measure.code] = measure
            else:
                self._merge(first, measure, errors)
        self.context.measures.update(found)
        return list(found.values())

    def _merge(self, first: MeasureRow, again: MeasureRow, errors: ErrorCollector) -> None:
        """A measure listed under a second topic: one measure, both topics; the first row's
        definition is kept and any other difference is noted."""
        if again.polarity != first.polarity:
            errors.add(
                again.row,
                "polarity",
                f"{again.code} is also in row {first.row} with polarity "
                f"{first.published_polarity!r}: a measure has one polarity",
            )
            return
        if again.topic and again.topic != first.topic and again.topic not in first.extra_topics:
            first.extra_topics.append(again.topic)
        skip = {"row", "topic", "extra_topics", "last_update", "next_update"}
        differs = [
            name
            for name, value in replace(again, row=first.row).stored().items()
            if name not in skip and value != first.stored()[name]
        ]
        note = f"row {again.row}: {again.code} repeats row {first.row} under topic {again.topic!r}"
        if differs:
            note += f"; row {first.row}'s {', '.join(differs)} kept"
        self.notes.append(note)

    def apply(self, plan: list[MeasureRow], report: ImportReport) -> None:
        report.notes.extend(self.notes)
        values = {row.code: {k: v for k, v in row.stored().items() if k != "code"} for row in plan}
        upsert(Measure, "code", values, report)
