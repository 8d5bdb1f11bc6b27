"""The plans' endpoints: plans, a plan with its objectives, its actions, one action with its
progress log, and adding progress (with a proposed BRAG), through plans' selectors and services."""

from datetime import date, datetime

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from boardpack.api.audit import recorded_as
from boardpack.api.conditional import conditional
from boardpack.api.fields import UserText, UserTexts
from boardpack.api.listing import ListParams, listing, page_schema, respond
from boardpack.api.problems import ApiError
from boardpack.api.responses import READS, WRITES
from boardpack.core.brag import Brag
from boardpack.plans import services
from boardpack.plans.models import Action, Plan, ProgressEntry
from boardpack.plans.presenters import latest_entry
from boardpack.plans.selectors import (
    action_for_page,
    action_plan,
    actions_filtered,
    plan_summary,
    plans_with_counts,
)

router = Router(tags=["Plans"])


class PlanOut(BaseModel):
    id: int
    name: UserText
    slug: str
    period: UserText
    parent: UserText
    board: UserText
    owner: UserText
    actions: int
    blue: int
    red: int
    amber: int
    green: int
    no_status: int


class ObjectiveOut(BaseModel):
    number: int | None
    title: UserText
    blue: int
    red: int
    amber: int
    green: int
    no_status: int


class PlanDetail(PlanOut):
    objectives: list[ObjectiveOut]


class ActionOut(BaseModel):
    id: int
    plan: UserText
    objective: int | None = Field(description="The objective's number.")
    ref: UserText
    activity: UserText
    responsible: UserText
    leads: UserTexts = Field(description="The people linked as responsible.")
    metric_indicator: str
    timescale: UserText
    due_date: date | None
    ongoing: bool
    brag: str
    flags: UserTexts
    latest_progress: UserText


class ProgressOut(BaseModel):
    date: date | None
    author: UserText
    text: UserText
    as_written: UserText
    added_at: datetime


class BragChangeOut(BaseModel):
    brag: str
    previous: str
    reason: UserText
    at: datetime
    confirmed: bool


class ActionDetail(ActionOut):
    progress: list[ProgressOut]
    brag_changes: list[BragChangeOut]


class ProgressIn(Schema):
    date: date
    text: str = Field(min_length=1, max_length=5000)
    brag: Brag | None = Field(None, description="A BRAG status to propose with the update.")
    reason: str | None = Field(
        None, max_length=2000, description="Why that status; the update's text by default."
    )


def _counts(counts: dict[str, int]) -> dict[str, int]:
    return {status.value: counts.get(status.value, 0) for status in Brag} | {
        "no_status": counts.get("", 0)
    }


def _plan_out(plan: Plan) -> dict[str, object]:
    found = {status.value: getattr(plan, f"n_{status.value}") for status in Brag}
    return {
        "id": plan.pk,
        "name": plan.name,
        "slug": plan.slug,
        "period": plan.period,
        "parent": plan.parent.name if plan.parent else "",
        "board": plan.board.name if plan.board else "",
        "owner": plan.owner.name if plan.owner else "",
        "actions": plan.n_actions,  # type: ignore[attr-defined]
        **_counts({**found, "": plan.n_none}),  # type: ignore[attr-defined]
    }


def _plan(pk: int) -> Plan:
    found = next((p for p in plans_with_counts() if p.pk == pk), None)
    if found is None:
        raise ApiError(404, f"No plan has the id {pk}")
    return found


@router.get("/plans", summary="Plans", response={200: page_schema(PlanOut), **READS})
@conditional(wide=True)
def plans(request: HttpRequest, params: Query[ListParams]) -> HttpResponse:
    """Every plan, by name, with its actions counted per BRAG status."""
    return listing(
        request,
        plans_with_counts(),
        key=lambda p: (p.name,),
        item=PlanOut,
        make=lambda p: PlanOut(**_plan_out(p)),
        params=params,
    )


@router.get(
    "/plans/{plan_id}", summary="A plan and its objectives", response={200: PlanDetail, **READS}
)
@conditional(wide=True)
def plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    """One plan with its objectives, each with its actions counted per BRAG status."""
    found = _plan(plan_id)
    objectives = [
        ObjectiveOut(
            number=s.objective.number if s.objective else None,
            title=s.objective.title if s.objective else "(no objective)",
            **_counts({(k.value if k else ""): n for k, n in s.counts.items()}),
        )
        for s in plan_summary(found).objectives
    ]
    return respond(request, PlanDetail(**_plan_out(found), objectives=objectives))


def _action_out(action: Action) -> dict[str, object]:
    latest = latest_entry(action)
    return {
        "id": action.pk,
        "plan": action.plan.name,
        "objective": action.objective.number if action.objective else None,
        "ref": action.ref,
        "activity": action.activity,
        "responsible": action.responsible,
        "leads": [person.name for person in action.responsible_people.all()],
        "metric_indicator": action.metric_indicator.code if action.metric_indicator else "",
        "timescale": action.timescale_text,
        "due_date": action.due_date,
        "ongoing": action.ongoing,
        "brag": action.brag,
        "flags": list(action.flags),
        "latest_progress": latest.raw if latest else "",
    }


@router.get(
    "/plans/{plan_id}/actions",
    summary="A plan's actions",
    response={200: page_schema(ActionOut), **READS},
)
@conditional(wide=True)
def plan_actions(request: HttpRequest, plan_id: int, params: Query[ListParams]) -> HttpResponse:
    """The plan's actions in the tracker's order."""
    return listing(
        request,
        actions_filtered(_plan(plan_id)),
        key=lambda a: (a.order, a.pk),
        item=ActionOut,
        make=lambda a: ActionOut(**_action_out(a)),
        params=params,
    )


def _action(pk: int) -> Action:
    found_plan = action_plan(pk)
    found = action_for_page(found_plan, pk) if found_plan is not None else None
    if found is None:
        raise ApiError(404, f"No action has the id {pk}")
    return found


def _progress_out(entry: ProgressEntry) -> ProgressOut:
    return ProgressOut(
        date=entry.date,
        author=entry.author,
        text=entry.text,
        as_written=entry.raw,
        added_at=entry.created_at,
    )


def _action_detail(action: Action) -> ActionDetail:
    return ActionDetail(
        **_action_out(action),
        progress=[_progress_out(e) for e in action.progress_entries.all()],
        brag_changes=[
            BragChangeOut(
                brag=c.brag, previous=c.previous, reason=c.reason, at=c.at, confirmed=c.confirmed
            )
            for c in action.brag_changes.all()
        ],
    )


@router.get(
    "/actions/{action_id}",
    summary="An action and its progress log",
    response={200: ActionDetail, **READS},
)
@conditional(wide=True)
def action(request: HttpRequest, action_id: int) -> HttpResponse:
    """One action with its progress log and its BRAG changes (proposed and confirmed)."""
    return respond(request, _action_detail(_action(action_id)))


@router.post(
    "/actions/{action_id}/progress",
    summary="Add progress to an action",
    response={201: ActionDetail, **WRITES},
)
def progress_post(request: HttpRequest, action_id: int, body: ProgressIn) -> HttpResponse:
    """Add a dated update to the progress log, as the action's page does (its leads, the
    programme manager of the plan's board, officers), with a BRAG status proposed if given:
    it counts once the programme manager confirms it."""
    found = _action(action_id)
    if not services.may_update(found, request.user):
        raise ApiError(403, "Only the action's leads, its programme manager or an officer")
    try:
        with transaction.atomic(), recorded_as(request):
            services.progress_add(action=found, day=body.date, text=body.text, user=request.user)
            if body.brag is not None:
                services.brag_propose(
                    action=found,
                    brag=body.brag,
                    reason=body.reason or body.text,
                    user=request.user,
                )
    except services.PlanError as error:
        raise ApiError(400, str(error), errors=[("body", str(error))]) from None
    return respond(request, _action_detail(_action(action_id)), status=201)
