"""A plan written out: as JSON (the schema in docs/plans-import-export.md) or as the tracker XLSX.

The XLSX is the tracker laid out as it was imported — its sheets, title rows, header row as
written, objective, aim and "how" rows, then the actions with every cell's original text — so
importing it again gives the same plan. What changed in Boardpack since the import is written
into the cells: a confirmed BRAG as its name, progress entries added here after the imported
log, one a line, as the trackers write them.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from boardpack.core.brag import Brag, parse_brag
from boardpack.lib.spreadsheets import set_value
from boardpack.plans.columns import COLUMNS, column_key, column_letter
from boardpack.plans.models import Action, Objective, Plan, ProgressEntry

FIELDS = {
    "ref": "ref",
    "parent_refs": "parent_refs",
    "activity": "activity",
    "evidence": "evidence",
    "metric": "metric",
    "current": "current_text",
    "target": "target_text",
    "responsible": "responsible",
    "timescale": "timescale_text",
}
"""Each column's Action field, for actions with no imported cell (added in Boardpack)."""
DEFAULT_SHEET = "Plan"


def _actions(plan: Plan) -> list[Action]:
    return list(
        plan.actions.select_related("objective")
        .prefetch_related("progress_entries")
        .order_by("order", "pk")
    )


def _label(brag: str) -> str | None:
    return Brag(brag).label if brag else None


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as plain data; four queries whatever its size."""
    plan = Plan.objects.select_related("parent", "board").get(pk=plan.pk)
    by_objective: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for action in _actions(plan):
        by_objective[action.objective_id].append(
            {
                "ref": action.ref,
                "parent_refs": action.parent_refs,
                "activity": action.activity,
                "brag": _label(action.brag),
                "timescale": action.timescale_text,
                "due_date": action.due_date.isoformat() if action.due_date else None,
                "ongoing": action.ongoing,
                "flags": list(action.flags),
                "responsible": action.responsible,
                "progress": [
                    {"date": e.date.isoformat() if e.date else None, "text": e.text}
                    for e in action.progress_entries.all()
                ],
            }
        )
    return {
        "plan": {
            "name": plan.name,
            "slug": plan.slug,
            "period": plan.period,
            "parent": plan.parent.name if plan.parent else None,
            "board": plan.board.name if plan.board else None,
        },
        "objectives": [
            {
                "number": o.number,
                "title": o.title,
                "aim": o.aim,
                "actions": by_objective[o.pk],
            }
            for o in plan.objectives.all()
        ],
    }


def _cell(action: Action, key: str | None, name: str) -> str:
    """A cell's text: as imported where there is one, with what changed here since."""
    written = action.source_cells.get(name)
    if key == "brag":
        unchanged = written is not None and (parse_brag(written).status or "") == action.brag
        return str(written) if unchanged else _label(action.brag) or ""
    if key == "progress":
        added = [
            e.raw for e in action.progress_entries.all() if e.source == ProgressEntry.Source.FORM
        ]
        return "\n".join(text for text in [written or "", *added] if text)
    if written is not None:
        return str(written)
    return str(getattr(action, FIELDS[key])) if key in FIELDS else ""


def _row(action: Action, header: list[str]) -> list[str]:
    names = {name.strip(): i for i, name in enumerate(header) if name.strip()}
    width = len(header)
    cells = [""] * width
    for name, index in names.items():
        cells[index] = _cell(action, column_key(name), name)
    for name, text in action.source_cells.items():
        if name not in names:
            index = _letter_index(name)
            if index is not None:
                cells += [""] * (index + 1 - len(cells))
                cells[index] = str(text)
    return cells


def _letter_index(name: str) -> int | None:
    """The column a letter names (`L` → 11), for cells kept from columns without a header."""
    if not name.isalpha() or not name.isupper() or len(name) > 3:
        return None
    index = 0
    for letter in name:
        index = index * 26 + ord(letter) - 64
    return index - 1


class _SheetWriter:
    def __init__(self, sheet: Worksheet, width: int) -> None:
        self.sheet, self.width, self.row = sheet, width, 0

    def write(self, cells: list[str], *, merge: bool = False, bold: bool = False) -> None:
        self.row += 1
        for index, text in enumerate(cells):
            if not text:
                continue
            cell = set_value(self.sheet.cell(row=self.row, column=index + 1), text)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if bold:
                cell.font = Font(bold=True)
        if merge and self.width > 1:
            self.sheet.merge_cells(f"A{self.row}:{column_letter(self.width - 1)}{self.row}")


def _objective_rows(objective: Objective, sheet_name: str) -> dict[str, Any]:
    written = objective.source_cells.get(sheet_name)
    if written:
        return written
    how = ["How will we Achieve this:", objective.how_achieve] if objective.how_achieve else []
    return {
        "heading": f"Objective {objective.number} – {objective.title}",
        "aim": [objective.aim] if objective.aim else [],
        "how": how,
    }


def _sheets(plan: Plan, actions: list[Action]) -> list[dict[str, Any]]:
    sheets = [dict(sheet) for sheet in plan.layout.get("sheets", [])]
    if not sheets:
        title = f"{plan.name} {plan.period}".strip()
        sheets = [{"name": DEFAULT_SHEET, "title_rows": [[title]], "header": [], "objectives": []}]
    known = {sheet["name"] for sheet in sheets}
    for sheet in sheets:
        sheet["header"] = sheet["header"] or [name for _, name in COLUMNS]
        sheet["actions"] = [a for a in actions if a.sheet == sheet["name"]]
    sheets[0]["actions"] += [a for a in actions if a.sheet not in known]
    sheets[0]["actions"].sort(key=lambda a: (a.order, a.pk))
    return sheets


def plan_xlsx(plan: Plan) -> bytes:
    """The tracker as an XLSX file's bytes, laid out as it was imported (see above)."""
    actions = _actions(plan)
    objectives = list(plan.objectives.all())
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for layout in _sheets(plan, actions):
        header = layout["header"]
        sheet = workbook.create_sheet(layout["name"] or DEFAULT_SHEET)
        writer = _SheetWriter(sheet, len(header))
        for title_row in layout["title_rows"]:
            writer.write(title_row)
        writer.write(header, bold=True)
        sheet.freeze_panes = sheet.cell(row=writer.row + 1, column=1)
        by_objective: dict[int | None, list[Action]] = defaultdict(list)
        for action in layout["actions"]:
            by_objective[action.objective_id].append(action)
        shown = [o for o in objectives if o.number in layout["objectives"] or by_objective[o.pk]]
        shown.sort(key=lambda o: _place(layout["objectives"], o.number))
        for objective in shown:
            rows = _objective_rows(objective, layout["name"])
            for text in [rows["heading"], *rows["aim"], *rows["how"]]:
                writer.write([text], merge=True)
            for action in by_objective[objective.pk]:
                writer.write(_row(action, header))
        for index in range(len(header)):
            sheet.column_dimensions[column_letter(index)].width = 24
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _place(order: list[int], number: int) -> tuple[int, int]:
    return (order.index(number), 0) if number in order else (len(order), number)
