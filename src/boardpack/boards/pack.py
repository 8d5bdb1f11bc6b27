"""A meeting's board pack: the chair's briefing, the quarterly performance report of the board's
scorecard selection and the delivery-plan reports of its plans, in the order the board sets,
as one document for the existing renderers (one PDF, one Word file)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from django.conf import settings
from django.utils.text import slugify

from boardpack.boards.briefing import Briefing, briefing
from boardpack.boards.models import Meeting, PackPart
from boardpack.boards.presenters import (
    BriefingPart,
    briefing_parts,
    briefing_summary,
    overdue_part,
    overdue_summary,
)
from boardpack.boards.selectors import board_indicators, board_plans, board_selections
from boardpack.reports.builders.combined import Part, combine
from boardpack.reports.builders.delivery_plan import PlanReportQuery, build_delivery_plan
from boardpack.reports.builders.quarterly import QuarterlyQuery, build_quarterly
from boardpack.reports.document import Cell, Document, Paragraph, Section, Table
from boardpack.scorecard.presenters import period_title
from boardpack.scorecard.selectors import current_scheme

PACK_FORMATS = ("pdf", "docx")
NO_SELECTION = "This board oversees no scorecard indicators: add a plan, director or service."
NO_PLANS = "This board oversees no plans."
PLAN_HEADING = "Delivery-plan report"


def _cover(meeting: Meeting) -> tuple[str, ...]:
    return (
        f"{meeting.board.name}",
        f"Meeting on {meeting.date:%d %B %Y}",
        f"Reviewing {period_title(meeting.month)}",
    )


def _section(part: BriefingPart, *, page_break: bool = False) -> Section:
    rows = tuple(tuple(Cell(text) for text in row) for row in part.rows)
    block = Table(part.heading, part.header, rows) if rows else Paragraph(part.empty)
    return Section(part.heading, 1, (block,), page_break=page_break)


def briefing_document(found: Briefing) -> Document:
    """The briefing as the pack prints it: the same parts as the briefing e-mail, the overdue
    actions summarised by plan on a page of their own, the detail after."""
    sections = [Section("Summary", 1, (Paragraph(briefing_summary(found), "lead"),))]
    overdue = overdue_part(found)
    for part in briefing_parts(found):
        if part != overdue or not part.rows:
            sections.append(_section(part))
            continue
        sections.append(_section(overdue_summary(found), page_break=True))
        sections.append(_section(replace(part, heading=f"{part.heading}: detail"), page_break=True))
    meeting = found.meeting
    return Document(
        title=f"Chair's briefing – {meeting.board.name}",
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=found.as_of,
        cover_lines=(*_cover(meeting)[1:], f"Covers updates to {found.as_of:%d %B %Y}"),
        sections=tuple(sections),
    )


def _briefing_part(meeting: Meeting, as_of: date) -> list[Part]:
    return [Part(PackPart.BRIEFING.label, briefing_document(briefing(meeting, as_of=as_of)))]


def _performance_part(meeting: Meeting, as_of: date) -> list[Part]:
    label = PackPart.PERFORMANCE.label
    selections = board_selections(meeting.board)
    if not selections:
        return [Part(label, note=NO_SELECTION)]
    query = QuarterlyQuery(
        month=meeting.month,
        indicators=board_indicators(meeting.board),
        selection="; ".join(str(s) for s in selections),
    )
    return [Part(label, build_quarterly(query, scheme=current_scheme()))]


def _plans_part(meeting: Meeting, as_of: date) -> list[Part]:
    """One chapter per plan the board oversees: its delivery-plan report."""
    plans = list(board_plans(meeting.board).select_related("board", "parent"))
    if not plans:
        return [Part(PackPart.PLANS.label, note=NO_PLANS)]
    return [
        Part(f"{PLAN_HEADING}: {plan.name}", build_delivery_plan(PlanReportQuery(plan)))
        for plan in plans
    ]


PARTS: dict[str, Callable[[Meeting, date], list[Part]]] = {
    PackPart.BRIEFING: _briefing_part,
    PackPart.PERFORMANCE: _performance_part,
    PackPart.PLANS: _plans_part,
}


def board_pack(meeting: Meeting, *, as_of: date) -> Document:
    """The pack, its parts in the board's order; `as_of` is the day the briefing covers (its
    updates and BRAG changes up to it, its overdue list on it). The pack is dated by its newest
    part's data."""
    order = [part for part in meeting.board.pack_order if part in PARTS]
    parts = [chapter for part in order for chapter in PARTS[part](meeting, as_of)]
    return combine(
        title=f"Board pack – {meeting.board.name}, {meeting.date:%d %B %Y}",
        authority=settings.BOARDPACK_AUTHORITY_NAME,
        data_date=max(
            [meeting.month.end, *(p.document.data_date for p in parts if p.document is not None)]
        ),
        cover_lines=(*_cover(meeting)[1:], *(str(PackPart(p).label) for p in order)),
        parts=parts,
        filename=pack_filename(meeting),
    )


def pack_filename(meeting: Meeting) -> str:
    """'board-pack-corporate-parenting-2027-01-14': the board's name without a closing "Board"
    (the name already says board pack), and the meeting's date."""
    name = slugify(meeting.board.name).removesuffix("-board")
    return f"board-pack-{name}-{meeting.date:%Y-%m-%d}"
