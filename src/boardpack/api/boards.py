"""The boards' endpoints: boards, meetings, and a meeting's update cycle (its dates, who was
asked for what, what is outstanding), through boards' selectors and its cycle."""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router
from pydantic import BaseModel

from boardpack.api.conditional import conditional
from boardpack.api.fields import UserText
from boardpack.api.listing import ListParams, listing, page_schema, respond
from boardpack.api.problems import ApiError
from boardpack.api.responses import READS
from boardpack.boards.cycle import Item, PersonItems, cycle_state
from boardpack.boards.links import absolute
from boardpack.boards.models import Board, Meeting
from boardpack.boards.presenters import phase_text
from boardpack.boards.selectors import boards_list, meetings_list

router = Router(tags=["Boards"])


class BoardOut(BaseModel):
    id: int
    name: UserText
    parent: UserText
    chair: UserText
    programme_manager: UserText
    plans: int
    meetings: int


class MeetingOut(BaseModel):
    id: int
    board: UserText
    date: date
    period: str
    request_date: date
    reminder_date: date
    due_date: date
    briefing_date: date


class ItemOut(BaseModel):
    kind: str
    label: UserText
    detail: UserText
    url: str
    returned: bool


class PersonOut(BaseModel):
    person: UserText
    asked: int
    outstanding: list[ItemOut]
    returned: list[ItemOut]


class MeetingDetail(MeetingOut):
    phase: str
    asked: int
    returned: int
    outstanding: int
    people: list[PersonOut]


def _name(person: object) -> str:
    return str(getattr(person, "name", "") or "")


def _board_out(board: Board) -> BoardOut:
    return BoardOut(
        id=board.pk,
        name=board.name,
        parent=_name(board.parent),
        chair=_name(board.chair),
        programme_manager=_name(board.programme_manager),
        plans=board.plan_count,  # type: ignore[attr-defined]
        meetings=board.meeting_count,  # type: ignore[attr-defined]
    )


@router.get("/boards", summary="Boards", response={200: page_schema(BoardOut), **READS})
@conditional(wide=True)
def boards(request: HttpRequest, params: Query[ListParams]) -> HttpResponse:
    """Every board, by name, with its people and how many plans and meetings it has."""
    return listing(
        request,
        list(boards_list()),
        key=lambda b: (b.name,),
        item=BoardOut,
        make=_board_out,
        params=params,
    )


def _meeting_fields(meeting: Meeting) -> dict[str, object]:
    dates = meeting.dates
    return {
        "id": meeting.pk,
        "board": meeting.board.name,
        "date": meeting.date,
        "period": meeting.month.key,
        "request_date": dates.request,
        "reminder_date": dates.reminder,
        "due_date": dates.due,
        "briefing_date": dates.briefing,
    }


@router.get("/meetings", summary="Meetings", response={200: page_schema(MeetingOut), **READS})
@conditional(wide=True)
def meetings(request: HttpRequest, params: Query[ListParams]) -> HttpResponse:
    """Every meeting, by date, with the dates of its update cycle."""
    return listing(
        request,
        list(meetings_list()),
        key=lambda m: (m.date.isoformat(), m.board.name),
        item=MeetingOut,
        make=lambda m: MeetingOut(**_meeting_fields(m)),
        params=params,
    )


def _item_out(item: Item) -> ItemOut:
    return ItemOut(
        kind=item.kind,
        label=item.label,
        detail=item.detail,
        url=absolute(item.path),
        returned=item.returned,
    )


def _person_out(asked: PersonItems) -> PersonOut:
    return PersonOut(
        person=asked.person.name,
        asked=len(asked.items),
        outstanding=[_item_out(i) for i in asked.outstanding],
        returned=[_item_out(i) for i in asked.returned],
    )


@router.get(
    "/meetings/{meeting_id}",
    summary="A meeting's update cycle",
    response={200: MeetingDetail, **READS},
)
@conditional(wide=True)
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """One meeting: its cycle's dates and phase, who was asked for what, what is outstanding."""
    found = meetings_list().filter(pk=meeting_id).first()
    if found is None:
        raise ApiError(404, f"No meeting has the id {meeting_id}")
    state = cycle_state(found)
    detail = MeetingDetail(
        **_meeting_fields(found),
        phase=phase_text(found.dates, timezone.localdate()),
        asked=state.asked,
        returned=state.returned,
        outstanding=state.asked - state.returned,
        people=[_person_out(p) for p in state.people],
    )
    return respond(request, detail)
