"""Reads of plans. Each runs a fixed number of queries, however many rows it returns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.brag import BRAG_ORDER, Brag
from boardpack.plans.models import Action, Objective, Plan
from boardpack.scorecard.models import Indicator

DEFAULT_HORIZON = timedelta(weeks=6)
"""How far ahead "due soon" looks when the plan's board has no meeting coming: the seeds'
boards meet every six weeks."""


def plan_get(name_or_slug: str) -> Plan | None:
    """The plan with this slug, or else this name (as the import prints them)."""
    plans = Plan.objects.select_related("parent", "board")
    return plans.filter(slug=name_or_slug).first() or plans.filter(name=name_or_slug).first()


@dataclass
class ObjectiveSummary:
    objective: Objective | None
    counts: Counter[Brag | None] = field(default_factory=Counter)
    """Actions per BRAG status; None counts the actions with no status."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rows(self) -> list[tuple[Brag | None, int]]:
        """(status, count) in display order, most urgent first, no status last."""
        return [(status, self.counts[status]) for status in (*BRAG_ORDER, None)]


@dataclass
class PlanSummary:
    plan: Plan
    objectives: list[ObjectiveSummary]

    @property
    def known_objectives(self) -> list[Objective]:
        """The plan's objectives, without the group of actions under none."""
        return [s.objective for s in self.objectives if s.objective is not None]

    @property
    def totals(self) -> Counter[Brag | None]:
        total: Counter[Brag | None] = Counter()
        for summary in self.objectives:
            total.update(summary.counts)
        return total


def plan_summary(plan: Plan) -> PlanSummary:
    """BRAG counts per objective (two queries)."""
    summaries = {o.pk: ObjectiveSummary(o) for o in plan.objectives.all()}
    counts = plan.actions.values("objective_id", "brag").annotate(n=Count("pk")).order_by()
    for row in counts:
        summary = summaries.setdefault(row["objective_id"], ObjectiveSummary(None))
        summary.counts[Brag(row["brag"]) if row["brag"] else None] += row["n"]
    return PlanSummary(plan, list(summaries.values()))


def _with_related(actions: QuerySet[Action]) -> QuerySet[Action]:
    return actions.select_related("plan", "objective", "duplicate_of").prefetch_related(
        "responsible_people", "responsible_units", "progress_entries"
    )


def overdue_q(as_of: date) -> Q:
    """Due before `as_of`, not complete (Blue) and not ongoing."""
    return Q(due_date__lt=as_of, ongoing=False) & ~Q(brag=Brag.BLUE.value)


def due_soon_q(as_of: date, horizon: date) -> Q:
    """Due from `as_of` up to and including `horizon`, not complete (Blue)."""
    return Q(due_date__gte=as_of, due_date__lte=horizon) & ~Q(brag=Brag.BLUE.value)


@dataclass(frozen=True)
class Horizon:
    """The date "due soon" looks up to: the next meeting of the plan's board, if one is set."""

    date: date
    meeting: date | None = None
    """The date of that meeting; none when the plan's board has none coming, or it has no board."""


def attention_horizons(
    plans: list[Plan], as_of: date, default: timedelta = DEFAULT_HORIZON
) -> dict[int, Horizon]:
    """For each plan, the date "due soon" looks up to: the next meeting (on or after `as_of`)
    of the board overseeing it; without one, `as_of` plus `default` (six weeks). One query
    however many plans, none when no plan has a board. The meetings are read through the plan's
    link to its board (the "boards.Board" the model names), so plans imports nothing of boards."""
    overseen = [p.pk for p in plans if p.board_id is not None]
    first: dict[int, date | None] = {}
    if overseen:
        coming = Q(board__meetings__date__gte=as_of)
        first = dict(
            Plan.objects.filter(pk__in=overseen)
            .annotate(meeting=Min("board__meetings__date", filter=coming))
            .values_list("pk", "meeting")
        )
    found = {}
    for plan in plans:
        meeting = first.get(plan.pk)
        found[plan.pk] = Horizon(meeting, meeting) if meeting else Horizon(as_of + default)
    return found


def attention_horizon(plan: Plan, as_of: date, default: timedelta = DEFAULT_HORIZON) -> Horizon:
    """`attention_horizons` for one plan."""
    return attention_horizons([plan], as_of, default)[plan.pk]


def actions_filtered(
    plan: Plan,
    *,
    objective: Objective | None = None,
    brag: Brag | str | None = None,
    responsible: Person | OrgUnit | str | None = None,
    overdue: bool = False,
    flagged: bool = False,
    due_soon: bool = False,
    as_of: date | None = None,
    horizon: date | None = None,
) -> list[Action]:
    """The plan's actions in order, filtered. `brag=""` means actions with no status;
    `responsible` is a person, a service, or words in the Responsible text. `overdue` and
    `due_soon` together keep the actions that are either; "soon" is up to `horizon` (see
    `attention_horizon`), from `as_of` (today by default)."""
    actions = plan.actions.all()
    if objective is not None:
        actions = actions.filter(objective=objective)
    if brag is not None:
        actions = actions.filter(brag=str(brag))
    if isinstance(responsible, Person):
        actions = actions.filter(responsible_people=responsible)
    elif isinstance(responsible, OrgUnit):
        actions = actions.filter(responsible_units=responsible)
    elif responsible:
        actions = actions.filter(responsible__icontains=responsible)
    as_of = as_of or timezone.localdate()
    if overdue or due_soon:
        wanted = Q(pk__in=[])
        if overdue:
            wanted |= overdue_q(as_of)
        if due_soon:
            wanted |= due_soon_q(as_of, horizon or as_of + DEFAULT_HORIZON)
        actions = actions.filter(wanted)
    if flagged:
        actions = actions.exclude(flags=[])
    return list(_with_related(actions).order_by("order", "pk"))


def my_actions(person: Person) -> list[Action]:
    """The actions a person leads, soonest due first (no due date last), across every plan."""
    actions = Action.objects.filter(responsible_people=person)
    soonest = F("due_date").asc(nulls_last=True)
    return list(_with_related(actions).order_by(soonest, "plan__name", "order"))


def needs_attention(plan: Plan | None = None) -> list[Action]:
    """Actions with a flagged cell (a timescale, a BRAG, a progress date, a ref) to resolve."""
    actions = Action.objects.exclude(flags=[])
    if plan is not None:
        actions = actions.filter(plan=plan)
    return list(_with_related(actions).order_by("plan__name", "order"))


def plans_with_counts() -> list[Plan]:
    """Every plan with its board and parent, and its actions counted per BRAG (one query):
    `n_actions`, `n_red`, `n_amber`, `n_green`, `n_blue`, `n_none`."""
    counts: dict[str, Any] = {"n_actions": Count("actions")}
    for status in Brag:
        counts[f"n_{status.value}"] = Count("actions", filter=Q(actions__brag=status.value))
    counts["n_none"] = Count("actions", filter=Q(actions__brag=""))
    return list(Plan.objects.select_related("board", "parent").annotate(**counts).order_by("name"))


def action_plan(pk: int) -> Plan | None:
    """The plan holding action `pk`, as `action_for_page` takes it; None for no such action."""
    return Plan.objects.select_related("board", "parent").filter(actions__pk=pk).first()


def action_for_page(plan: Plan, pk: int) -> Action | None:
    """One action of the plan with everything its page shows (a fixed number of queries)."""
    actions = plan.actions.filter(pk=pk).select_related(
        "objective", "duplicate_of", "metric_indicator"
    )
    return actions.prefetch_related(
        "responsible_people",
        "responsible_units",
        "progress_entries__created_by__person",
        "duplicates",
        "brag_changes__by__person",
        "brag_changes__confirmed_by__person",
        "timescale_resolutions__by__person",
    ).first()


HISTORY_FOREIGN_KEYS = ("objective", "metric_indicator", "duplicate_of")


@dataclass(frozen=True)
class ActionHistory:
    records: list[Any]
    """The action's history records, oldest first, with who made each."""
    names: dict[str, dict[int, str]]
    """For each foreign key a record holds, what its ids are called (`objective`: Objective 1)."""


def action_history(action: Action) -> ActionHistory:
    """The action's history and the names its foreign keys point to: four queries at most,
    however long the history."""
    history = action.history.select_related("history_user__person")  # type: ignore[attr-defined]
    records = list(history.order_by("history_date", "history_id"))
    ids: dict[str, set[int]] = {name: set() for name in HISTORY_FOREIGN_KEYS}
    for record in records:
        for name, found in ids.items():
            if (value := getattr(record, f"{name}_id")) is not None:
                found.add(value)
    names: dict[str, dict[int, str]] = {name: {} for name in ids}
    if ids["objective"]:
        for pk, number, title in Objective.objects.filter(pk__in=ids["objective"]).values_list(
            "pk", "number", "title"
        ):
            names["objective"][pk] = f"Objective {number} – {title}"
    if ids["metric_indicator"]:
        names["metric_indicator"] = dict(
            Indicator.objects.filter(pk__in=ids["metric_indicator"]).values_list("pk", "code")
        )
    if ids["duplicate_of"]:
        names["duplicate_of"] = dict(
            Action.objects.filter(pk__in=ids["duplicate_of"]).values_list("pk", "ref")
        )
    return ActionHistory(records, names)


def person_leading(user: Any) -> Person | None:
    """The signed-in user's person, with `leads`: whether any action names them responsible
    (one query: the person and the answer together; None for no person)."""
    if not user.is_authenticated:
        return None
    leads = Exists(Action.objects.filter(responsible_people=OuterRef("pk")))
    return Person.objects.filter(user=user).annotate(leads=leads).first()
