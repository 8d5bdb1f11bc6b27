"""Row schemas of the scorecard's import files: indicators, values and comments.

Formats are documented in docs/import-formats.md. Each importer runs through the one pipeline
in boardpack.lib.importing: every row is checked before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser

from boardpack.core.periods import parse_date, parse_period
from boardpack.core.status import Polarity, Tolerance
from boardpack.core.units import Unit
from boardpack.lib.importing import (
    YES_NO,
    ErrorCollector,
    ImportReport,
    Pipeline,
    SourceRow,
    Table,
    parse_choice,
    parse_decimal,
    unique_keys,
)
from boardpack.scorecard.models import Indicator, Source
from boardpack.scorecard.services import (
    CommentEntry,
    IndicatorSpec,
    ValueEntry,
    comment_record,
    indicator_save,
    values_record,
)

POLARITIES = {
    "bigger": Polarity.BIGGER,
    "bigger is better": Polarity.BIGGER,
    "smaller": Polarity.SMALLER,
    "smaller is better": Polarity.SMALLER,
    "none": Polarity.NONE,
    "": Polarity.NONE,
}
UNITS = {
    "%": Unit.PERCENT,
    "percent": Unit.PERCENT,
    "percentage": Unit.PERCENT,
    "number": Unit.NUMBER,
    "per 10,000": Unit.RATE_PER_10K,
    "per 10000": Unit.RATE_PER_10K,
    "number per 10,000": Unit.RATE_PER_10K,
    "number per 10000": Unit.RATE_PER_10K,
    "rate per 10,000": Unit.RATE_PER_10K,
    "ratio": Unit.RATIO,
    "days": Unit.DAYS,
    "": Unit.NONE,
}
FREQUENCIES = {name: name for name in ("monthly", "quarterly", "annual")}
KINDS = {"measure": "measure", "milestone": "milestone"}
DEFAULT_DECIMALS = {Unit.NUMBER: 0, Unit.DAYS: 0}
MAX_DECIMALS = 6


def _required(text: str, limit: int) -> str:
    if not text:
        raise ValueError("is required")
    if len(text) > limit:
        raise ValueError(f"is longer than {limit} characters")
    return text


def _limited(limit: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if len(text) > limit:
            raise ValueError(f"is longer than {limit} characters")
        return text

    return parse


def _decimals(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) > MAX_DECIMALS:
        raise ValueError(f"{text!r} is not a number of decimal places from 0 to {MAX_DECIMALS}")
    return int(text)


def _optional_date(text: str) -> date | None:
    return parse_date(text) if text else None


def _tags(text: str) -> tuple[str, ...]:
    tags = tuple(dict.fromkeys(t.strip() for t in text.split(";") if t.strip()))
    for tag in tags:
        if len(tag) > 30:
            raise ValueError(f"tag {tag!r} is longer than 30 characters")
    return tags


class IndicatorImporter:
    required = ("code", "title", "director", "polarity")
    optional = (
        "service",
        "owner",
        "unit",
        "decimals",
        "frequency",
        "cumulative",
        "tolerance",
        "better_tolerance",
        "tags",
        "definition",
        "type",
        "due",
        "completed",
    )

    def __init__(self, *, user: AbstractBaseUser | None) -> None:
        self.user = user

    def validate(self, table: Table, errors: ErrorCollector) -> list[IndicatorSpec]:
        specs = []
        for row in table.rows:
            spec = self._spec(row, errors)
            if spec is not None:
                specs.append(spec)
        unique_keys(((r, r.get("code").upper()) for r in table.rows), errors, "code", "code")
        return specs

    def _spec(self, row: SourceRow, errors: ErrorCollector) -> IndicatorSpec | None:
        before = len(errors.errors)
        c = errors.cell
        code = c(row, "code", lambda t: _required(t, 30))
        title = c(row, "title", lambda t: _required(t, 500))
        director = c(row, "director", lambda t: _required(t, 200))
        kind = c(row, "type", lambda t: parse_choice(t, KINDS, "type", default="measure"))
        polarity = c(row, "polarity", lambda t: parse_choice(t, POLARITIES, "polarity"))
        unit = c(row, "unit", lambda t: parse_choice(t, UNITS, "unit"))
        decimals = c(row, "decimals", _decimals)
        frequency = c(
            row, "frequency", lambda t: parse_choice(t, FREQUENCIES, "frequency", "monthly")
        )
        cumulative = c(row, "cumulative", lambda t: parse_choice(t, YES_NO, "yes or no", False))
        worse = c(row, "tolerance", Tolerance.parse)
        better = c(row, "better_tolerance", Tolerance.parse)
        tags = c(row, "tags", _tags)
        due = c(row, "due", _optional_date)
        completed = c(row, "completed", _optional_date)
        service = c(row, "service", _limited(200))
        owner = c(row, "owner", _limited(200))
        if kind == "milestone" and due is None and row.get("due") == "":
            errors.add(row.number, "due", "is required for a milestone")
        if kind == "measure" and (row.get("due") or row.get("completed")):
            column = "due" if row.get("due") else "completed"
            errors.add(row.number, column, "is only for milestones (set type to milestone)")
        if len(errors.errors) > before:
            return None
        return IndicatorSpec(
            code=str(code),
            title=str(title),
            director=str(director),
            service=str(service),
            owner=str(owner),
            polarity=Polarity(polarity),
            unit=Unit(unit),
            decimals=decimals if decimals is not None else DEFAULT_DECIMALS.get(Unit(unit), 2),
            frequency=str(frequency),
            cumulative=bool(cumulative),
            worse=worse or Tolerance(),
            better=better or Tolerance(),
            tags=tags or (),
            definition=row.get("definition"),
            kind=str(kind),
            due_date=due,
            completed_date=completed,
        )

    def write(self, plan: list[IndicatorSpec], report: ImportReport) -> None:
        for spec in plan:
            report.count(
                indicator_save(
                    spec=spec,
                    data_source=Indicator.DataSource.IMPORTED,
                    user=self.user,
                    reason=f"import: {report.file}",
                )
            )


def _known_codes(table: Table, errors: ErrorCollector) -> dict[str, str]:
    """Map each row's code to the stored code (case-insensitive), reporting unknown codes."""
    stored = {code.upper(): code for code in Indicator.objects.values_list("code", flat=True)}
    milestones = set(
        Indicator.objects.filter(kind=Indicator.Kind.MILESTONE).values_list("code", flat=True)
    )
    found = {}
    for row in table.rows:
        given = row.get("code")
        if not given:
            errors.add(row.number, "code", "is required")
        elif given.upper() not in stored:
            errors.add(row.number, "code", f"{given!r} is not a known indicator code")
        elif stored[given.upper()] in milestones:
            errors.add(row.number, "code", f"{given!r} is a milestone: it has no monthly values")
        else:
            found[given] = stored[given.upper()]
    return found


class ValueImporter:
    required = ("code", "period")
    optional = ("actual", "target", "provisional")

    def __init__(self, *, user: AbstractBaseUser | None) -> None:
        self.user = user

    def validate(self, table: Table, errors: ErrorCollector) -> list[ValueEntry]:
        codes = _known_codes(table, errors)
        entries = []
        keyed = []
        for row in table.rows:
            before = len(errors.errors)
            month = errors.cell(row, "period", parse_period)
            actual = errors.cell(row, "actual", parse_decimal)
            target = errors.cell(row, "target", parse_decimal)
            provisional = errors.cell(
                row, "provisional", lambda t: parse_choice(t, YES_NO, "yes or no", False)
            )
            if month is not None:
                keyed.append((row, (row.get("code").upper(), month)))
            if month is None or len(errors.errors) > before or row.get("code") not in codes:
                continue
            entries.append(
                ValueEntry(
                    code=codes[row.get("code")],
                    month=month,
                    actual=actual,
                    target=target,
                    provisional=bool(provisional),
                )
            )
        unique_keys(keyed, errors, "period", "a value for this code and period is")
        return entries

    def write(self, plan: list[ValueEntry], report: ImportReport) -> None:
        counts = values_record(
            entries=plan, user=self.user, source=Source.IMPORT, source_ref=report.file
        )
        for outcome, number in counts.items():
            setattr(report, outcome, number)


class CommentImporter:
    required = ("code", "period", "author", "subject", "text")
    optional = ()

    def __init__(self, *, user: AbstractBaseUser | None) -> None:
        self.user = user

    def validate(self, table: Table, errors: ErrorCollector) -> list[CommentEntry]:
        codes = _known_codes(table, errors)
        entries = []
        keyed = []
        for row in table.rows:
            before = len(errors.errors)
            month = errors.cell(row, "period", parse_period)
            author = errors.cell(row, "author", lambda t: _required(t, 200))
            subject = errors.cell(row, "subject", lambda t: _required(t, 200))
            text = errors.cell(row, "text", lambda t: _required(t, 20_000))
            if month is not None:
                keyed.append(
                    (row, (row.get("code").upper(), month, row.get("author"), row.get("subject")))
                )
            if month is None or len(errors.errors) > before or row.get("code") not in codes:
                continue
            entries.append(
                CommentEntry(
                    code=codes[row.get("code")],
                    month=month,
                    author=str(author),
                    subject=str(subject),
                    text=str(text),
                )
            )
        unique_keys(keyed, errors, "subject", "a comment by this author with this subject is")
        return entries

    def write(self, plan: list[CommentEntry], report: ImportReport) -> None:
        for entry in plan:
            report.count(
                comment_record(
                    entry=entry, user=self.user, source=Source.IMPORT, source_ref=report.file
                )
            )


IMPORTERS = {
    "indicators": IndicatorImporter,
    "values": ValueImporter,
    "comments": CommentImporter,
}


def import_file(
    kind: str, *, name: str, data: bytes, user: AbstractBaseUser | None
) -> ImportReport:
    """The one way in for scorecard files: the CLI, the web upload and the API call this."""
    importer = IMPORTERS[kind](user=user)
    return Pipeline(importer).run(name, data)  # type: ignore[arg-type]
