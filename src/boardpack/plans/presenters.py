"""Turn plans, actions and their logs into what the plan pages show.

A BRAG status is always shown as a shape (glyph), a word and a colour, never colour alone; the
summary bar is a picture of counts that are also written out beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.paginator import Page
from django.urls import reverse

from boardpack.core.brag import BRAG_ORDER, Brag
from boardpack.lib.govuk import Tag
from boardpack.plans.models import Action, Objective, ProgressEntry
from boardpack.plans.resolutions import is_timescale_flag
from boardpack.plans.selectors import Horizon, PlanSummary

NO_STATUS = "No status"


@dataclass(frozen=True)
class BragView:
    key: str
    """The CSS modifier: red, amber, green, blue or none."""
    label: str
    glyph: str
    shape: str
    summary: str
    definition: str

    @property
    def tag(self) -> Tag:
        """The one tag of a BRAG status, on every page: its shape, its word and its colour."""
        return Tag(self.label, f"bp-brag bp-brag--{self.key}", self.glyph)


NONE_VIEW = BragView(
    "none", NO_STATUS, "–", "dash", "No status recorded", "No BRAG status has been confirmed."
)


def brag_view(value: str | Brag | None) -> BragView:
    """How a stored BRAG value is shown; blank is "No status"."""
    if not value:
        return NONE_VIEW
    status = Brag(value)
    style = status.style
    return BragView(
        status.value, style.label, style.glyph, style.shape, style.summary, style.definition
    )


BRAG_CHOICE_VIEWS = [brag_view(status) for status in BRAG_ORDER] + [NONE_VIEW]
"""Every status in display order, most urgent first, then none: for legends and filters."""


@dataclass(frozen=True)
class Segment:
    brag: BragView
    count: int
    percent: float
    """The share of the bar, for its width."""


@dataclass(frozen=True)
class SummaryRow:
    number: int | None
    title: str
    href: str
    counts: list[Segment]
    """Every status in display order, zeros included (the table's columns)."""
    total: int

    @property
    def segments(self) -> list[Segment]:
        """The non-empty parts of the bar."""
        return [segment for segment in self.counts if segment.count]


def _summary_row(number: int | None, title: str, href: str, counts: dict) -> SummaryRow:
    total = sum(counts.values())
    return SummaryRow(
        number=number,
        title=title,
        href=href,
        counts=[
            Segment(brag_view(status), counts.get(status, 0), _share(counts.get(status, 0), total))
            for status in (*BRAG_ORDER, None)
        ],
        total=total,
    )


def _share(count: int, total: int) -> float:
    return round(100 * count / total, 2) if total else 0.0


def group_anchor(objective: Objective | None) -> str:
    return f"actions-{objective.number}" if objective else "actions-none"


def summary_rows(summary: PlanSummary) -> tuple[list[SummaryRow], SummaryRow]:
    """One row per objective, and the plan's total."""
    rows = [
        _summary_row(
            s.objective.number if s.objective else None,
            s.objective.title if s.objective else "Actions without an objective",
            f"#{group_anchor(s.objective)}",
            dict(s.counts),
        )
        for s in summary.objectives
    ]
    return rows, _summary_row(None, "All objectives", "", dict(summary.totals))


@dataclass(frozen=True)
class Urgency:
    key: str
    """overdue or soon: the CSS modifier of the highlighted row and its tag."""
    label: str

    @property
    def tag(self) -> Tag:
        return Tag(self.label, f"bp-due--{self.key}")


def urgency(action: Action, *, as_of: date, horizon: Horizon) -> Urgency | None:
    """Overdue (due before today, not Blue, not ongoing) or due soon (by the horizon)."""
    due = action.due_date
    if due is None or action.brag == Brag.BLUE.value:
        return None
    if due < as_of and not action.ongoing:
        return Urgency("overdue", "Overdue")
    if as_of <= due <= horizon.date:
        return Urgency("soon", f"Due by {horizon_text(horizon)}")
    return None


def horizon_text(horizon: Horizon) -> str:
    if horizon.meeting is not None:
        return f"the board on {horizon.meeting:%-d %B %Y}"
    return f"{horizon.date:%-d %B %Y}"


def latest_entry(action: Action) -> ProgressEntry | None:
    """The newest entry of the progress log: the latest date, then the last written; an undated
    entry only where none is dated. Uses the prefetched log."""
    entries = list(action.progress_entries.all())
    if not entries:
        return None
    dated = [e for e in entries if e.date is not None]
    if dated:
        return max(dated, key=lambda e: (e.date, e.order, e.pk))
    return max(entries, key=lambda e: (e.order, e.pk))


def due_text(action: Action) -> str:
    parts = []
    if action.due_date:
        parts.append(f"{action.due_date:%d/%m/%Y}")
    if action.ongoing:
        parts.append("ongoing")
    return ", ".join(parts) or "No due date"


@dataclass(frozen=True)
class ActionRow:
    action: Action
    brag: BragView
    due: str
    urgency: Urgency | None
    latest: ProgressEntry | None
    flagged: bool


def action_rows(actions: list[Action], *, as_of: date, horizon: Horizon) -> list[ActionRow]:
    return [
        ActionRow(
            action=a,
            brag=brag_view(a.brag),
            due=due_text(a),
            urgency=urgency(a, as_of=as_of, horizon=horizon),
            latest=latest_entry(a),
            flagged=bool(a.flags),
        )
        for a in actions
    ]


@dataclass(frozen=True)
class ObjectiveGroup:
    number: int | None
    title: str
    anchor: str
    rows: list[ActionRow]


def grouped(rows: list[ActionRow]) -> list[ObjectiveGroup]:
    """Rows under their objective, in the plan's order."""
    groups: dict[int | None, ObjectiveGroup] = {}
    for row in rows:
        objective = row.action.objective
        key = objective.pk if objective else None
        if key not in groups:
            groups[key] = ObjectiveGroup(
                number=objective.number if objective else None,
                title=objective.title if objective else "Actions without an objective",
                anchor=group_anchor(objective),
                rows=[],
            )
        groups[key].rows.append(row)
    return list(groups.values())


@dataclass(frozen=True)
class PlanListRow:
    plan: object
    summary: SummaryRow


def plan_list_rows(plans: list) -> list[PlanListRow]:
    """Each plan with its BRAG counts (annotated by `plans_with_counts`)."""
    return [
        PlanListRow(
            plan=p,
            summary=_summary_row(
                None,
                p.name,
                reverse("plan", args=[p.slug]),
                {
                    **{status: getattr(p, f"n_{status.value}") for status in BRAG_ORDER},
                    None: p.n_none,
                },
            ),
        )
        for p in plans
    ]


@dataclass(frozen=True)
class FlagView:
    column: str
    reason: str
    timescale: bool
    """A flagged timescale, which can be resolved by hand on the needs-attention page."""


@dataclass(frozen=True)
class AttentionItem:
    action: Action
    brag: BragView
    flags: list[FlagView]

    @property
    def timescale_flagged(self) -> bool:
        return any(flag.timescale for flag in self.flags)


@dataclass(frozen=True)
class AttentionGroup:
    plan: object
    items: list[AttentionItem]


def flag_view(flag: str) -> FlagView:
    column, separator, reason = flag.partition(": ")
    if not separator:
        column, reason = "", flag
    return FlagView(column, reason, is_timescale_flag(flag))


def attention_groups(actions: list[Action]) -> list[AttentionGroup]:
    """Flagged actions per plan, in the plans' and the trackers' order."""
    groups: dict[int, AttentionGroup] = {}
    for action in actions:
        group = groups.setdefault(action.plan_id, AttentionGroup(action.plan, []))
        group.items.append(
            AttentionItem(action, brag_view(action.brag), [flag_view(f) for f in action.flags])
        )
    return list(groups.values())


def person_action_rows(
    actions: list[Action], *, as_of: date, horizons: dict[int, Horizon]
) -> list[ActionRow]:
    """A person's actions across plans, each judged by the horizon of its own plan."""
    return [
        row
        for action in actions
        for row in action_rows([action], as_of=as_of, horizon=horizons[action.plan_id])
    ]


def plan_context(
    summary: PlanSummary,
    filters: Any,
    page: Page[Action],
    *,
    horizon: Horizon,
    today: date,
) -> dict[str, Any]:
    """What a plan's page shows: its BRAG summary, the filters and one page of the actions they
    leave, grouped by objective."""
    rows, total = summary_rows(summary)
    actions = list(page.object_list)
    return {
        "plan": summary.plan,
        "summary": rows,
        "total": total,
        "legend": BRAG_CHOICE_VIEWS,
        "filters": filters,
        "groups": grouped(action_rows(actions, as_of=today, horizon=horizon)),
        "shown": page.paginator.count,
        "page": page,
        "pages": page_links(page),
        "horizon": horizon,
        "horizon_text": horizon_text(horizon),
    }


def page_links(page: Page[Action]) -> list[int | None]:
    """The page numbers to link to: the first, the last, and those beside the current one;
    None where numbers are left out (GOV.UK pagination's ellipsis)."""
    last = page.paginator.num_pages
    near = {1, last, page.number - 1, page.number, page.number + 1}
    shown = sorted(n for n in near if 1 <= n <= last)
    links: list[int | None] = []
    for number in shown:
        if links and number - (links[-1] or 0) > 1:
            links.append(None)
        links.append(number)
    return links
