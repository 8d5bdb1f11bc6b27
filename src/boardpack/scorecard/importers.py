"""Row schemas of the scorecard's import files: indicators, values and comments.

Formats are documented in docs/import-formats.md. Each is a kind of the one pipeline in
boardpack.lib.importing (registered by ScorecardConfig.ready): every row is checked before
anything is written.
"""

from __future__ import annotations

from typing import Any, TypeVar

from boardpack.core.periods import parse_period
from boardpack.lib.importing import (
    YES_NO,
    ErrorCollector,
    ImportReport,
    ImportRun,
    Kind,
    SourceRow,
    Table,
    TableImporter,
    parse_choice,
    parse_decimal,
    unique_keys,
)
from boardpack.scorecard.indicators.specs import FIELDS, required_text, spec_from_fields
from boardpack.scorecard.models import Indicator, Source
from boardpack.scorecard.services import (
    CommentEntry,
    IndicatorSpec,
    ValueEntry,
    comment_record,
    indicator_save,
    values_record,
)

INDICATOR_COLUMNS = ("code", "title", "director", "polarity")
Plan = TypeVar("Plan")


class ScorecardImporter(TableImporter[Plan]):
    """A scorecard file, written in the name of the user who runs the import."""

    def __init__(self, run: ImportRun) -> None:
        self.user = run.user


class IndicatorImporter(ScorecardImporter[list[IndicatorSpec]]):
    required = INDICATOR_COLUMNS
    optional = tuple(name for name in FIELDS if name not in INDICATOR_COLUMNS)

    def check(self, table: Table, errors: ErrorCollector) -> list[IndicatorSpec]:
        specs = []
        for row in table.rows:
            spec = self._spec(row, errors)
            if spec is not None:
                specs.append(spec)
        unique_keys(((r, r.get("code").upper()) for r in table.rows), errors, "code", "code")
        return specs

    def _spec(self, row: SourceRow, errors: ErrorCollector) -> IndicatorSpec | None:
        spec, problems = spec_from_fields(row.cells)
        for column, reason in problems:
            errors.add(row.number, column, reason)
        return spec

    def apply(self, plan: list[IndicatorSpec], report: ImportReport) -> None:
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


class ValueImporter(ScorecardImporter[list[ValueEntry]]):
    required = ("code", "period")
    optional = ("actual", "target", "provisional")

    def check(self, table: Table, errors: ErrorCollector) -> list[ValueEntry]:
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

    def apply(self, plan: list[ValueEntry], report: ImportReport) -> None:
        counts = values_record(
            entries=plan, user=self.user, source=Source.IMPORT, source_ref=report.file
        )
        for outcome, number in counts.items():
            setattr(report, outcome, number)


class CommentImporter(ScorecardImporter[list[CommentEntry]]):
    required = ("code", "period", "author", "subject", "text")
    optional = ()

    def check(self, table: Table, errors: ErrorCollector) -> list[CommentEntry]:
        codes = _known_codes(table, errors)
        entries = []
        keyed = []
        for row in table.rows:
            before = len(errors.errors)
            month = errors.cell(row, "period", parse_period)
            author = errors.cell(row, "author", lambda t: required_text(t, 200))
            subject = errors.cell(row, "subject", lambda t: required_text(t, 200))
            text = errors.cell(row, "text", lambda t: required_text(t, 20_000))
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

    def apply(self, plan: list[CommentEntry], report: ImportReport) -> None:
        for entry in plan:
            report.count(
                comment_record(
                    entry=entry, user=self.user, source=Source.IMPORT, source_ref=report.file
                )
            )


SCORECARD_IMPORTERS: tuple[tuple[str, str, type[ScorecardImporter[Any]]], ...] = (
    ("indicators", "Indicators (the indicator library)", IndicatorImporter),
    ("values", "Values (actuals and targets)", ValueImporter),
    ("comments", "Commentary (published comments)", CommentImporter),
)
KINDS = tuple(
    Kind(name, label, importer, columns=(importer.required, importer.optional), upload=True)
    for name, label, importer in SCORECARD_IMPORTERS
)
