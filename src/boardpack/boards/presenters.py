"""Turn the cycle and the briefing into what pages, e-mails and the board pack show.

E-mails and the pack carry titles, refs, dates, statuses and links only: never the text of a
progress entry, a comment or a reason, which may name a child (no child-level data leaves the
site by e-mail).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from boardpack.boards.briefing import Briefing
from boardpack.boards.cycle import ACTION, Item, action_label
from boardpack.boards.models import PackPart
from boardpack.core.brag import Brag
from boardpack.core.cycle import PHASE_TEXT, CycleDates, phase
from boardpack.core.units import format_value
from boardpack.scorecard.presenters import period_title

KIND_HEADINGS = {ACTION: "Actions you lead", "commentary": "Indicator commentary"}
KIND_VERBS = {ACTION: "Add progress", "commentary": "Write commentary"}
NO_STATUS = "No status"


@dataclass(frozen=True)
class ItemGroup:
    heading: str
    verb: str
    items: list[dict[str, object]]


def item_groups(items: list[Item]) -> list[ItemGroup]:
    """Actions first, then commentary; each item as a delivery records it (with its link)."""
    return [
        ItemGroup(
            f"{KIND_HEADINGS[kind]} ({len(chosen)})",
            KIND_VERBS[kind],
            [item.record() for item in chosen],
        )
        for kind in KIND_HEADINGS
        if (chosen := [item for item in items if item.kind == kind])
    ]


@dataclass(frozen=True)
class BriefingPart:
    heading: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    empty: str


def _day(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = timezone.localtime(moment).date()
    return f"{moment:%d/%m/%Y}"


def _brag(value: str) -> str:
    return Brag(value).label if value else NO_STATUS


def briefing_summary(briefing: Briefing) -> str:
    state = briefing.state
    return (
        f"{state.returned} of {state.asked} items returned; updates were due "
        f"{briefing.meeting.dates.due:%d/%m/%Y}."
    )


def briefing_parts(briefing: Briefing) -> list[BriefingPart]:
    """The briefing's five parts, as rows of plain text."""
    return people_parts(briefing) + change_parts(briefing)


def people_parts(briefing: Briefing) -> list[BriefingPart]:
    """By person: what is still missing, and what came back."""
    return [
        BriefingPart(
            "Still missing",
            ("Person", "Item", "Detail"),
            [(p.person.name, i.label, i.detail) for p in briefing.missing for i in p.items],
            "Nothing is missing.",
        ),
        BriefingPart(
            "Updated",
            ("Person", "Item", "Returned on"),
            [
                (p.person.name, i.label, _day(i.returned_at))
                for p in briefing.updated
                for i in p.items
            ],
            "Nothing has come back yet.",
        ),
    ]


def change_parts(briefing: Briefing) -> list[BriefingPart]:
    """BRAG changes since the last meeting, indicators newly red, overdue actions."""
    return [
        BriefingPart(
            f"BRAG changes since {briefing.since:%d/%m/%Y}",
            ("Action", "Change", "Confirmed on"),
            [
                (
                    action_label(change.action),
                    f"{_brag(change.previous)} → {_brag(change.brag)}",
                    _day(change.confirmed_at),
                )
                for change in briefing.brag_changes
            ],
            "No BRAG status has changed.",
        ),
        BriefingPart(
            f"Indicators newly worse than target in {period_title(briefing.meeting.month)} "
            f"(compared with {period_title(briefing.compared_with)})",
            ("Indicator", "Actual", "Target"),
            [
                (
                    f"{row.indicator.code}: {row.indicator.title}",
                    format_value(row.actual, row.indicator.unit_rule, row.indicator.decimals),
                    format_value(row.target, row.indicator.unit_rule, row.indicator.decimals),
                )
                for row in briefing.newly_red
            ],
            "No indicator is newly worse than target.",
        ),
        overdue_part(briefing),
    ]


def overdue_summary(briefing: Briefing) -> BriefingPart:
    """Overdue actions by plan: how many, the earliest due and how long it is overdue."""
    by_plan: dict[str, list[date]] = {}
    for action in briefing.overdue:
        if action.due_date is not None:
            by_plan.setdefault(action.plan.name, []).append(action.due_date)
    return BriefingPart(
        f"Overdue actions on {briefing.as_of:%d/%m/%Y}: summary",
        ("Plan", "Overdue actions", "Earliest due", "Longest overdue"),
        [
            (
                plan,
                str(len(dues)),
                _day(min(dues)),
                f"{(briefing.as_of - min(dues)).days} days",
            )
            for plan, dues in sorted(by_plan.items())
        ],
        "No action is overdue.",
    )


def overdue_part(briefing: Briefing) -> BriefingPart:
    """Every overdue action, earliest due first."""
    return BriefingPart(
        f"Overdue actions on {briefing.as_of:%d/%m/%Y}",
        ("Action", "Due", "Leads"),
        [
            (
                action_label(action),
                _day(action.due_date),
                ", ".join(p.name for p in action.responsible_people.all()) or action.responsible,
            )
            for action in briefing.overdue
        ],
        "No action is overdue.",
    )


@dataclass(frozen=True)
class Step:
    label: str
    day: date


def cycle_steps(dates: CycleDates) -> list[Step]:
    return [
        Step("Requests go out", dates.request),
        Step("Reminders go out", dates.reminder),
        Step("Updates due", dates.due),
        Step("Chair briefed", dates.briefing),
        Step("Meeting", dates.meeting),
    ]


def phase_text(dates: CycleDates, today: date) -> str:
    return PHASE_TEXT[phase(dates, today)]


def pack_order_text(order: list[str]) -> str:
    labels = dict(PackPart.choices)
    return ", then ".join(str(labels.get(part, part)) for part in order)
