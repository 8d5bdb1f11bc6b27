"""The scorecard's endpoints: indicators, their values, the scorecard of a month, and the two
writes (a value, commentary). Each calls the selectors and services the web pages call."""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from boardpack.accounts.models import OrgUnit
from boardpack.accounts.permissions import person_of
from boardpack.accounts.selectors import directorate_named
from boardpack.api.audit import recorded_as
from boardpack.api.conditional import conditional, matches, value_etag
from boardpack.api.fields import Number, UserText, UserTexts
from boardpack.api.listing import ListParams, listing, page_schema, respond
from boardpack.api.problems import ApiError, invalid
from boardpack.api.responses import READS, WRITES
from boardpack.core.commentary import TransitionError
from boardpack.core.periods import Month, PeriodError, parse_period
from boardpack.core.spc import BaselineError, check_baseline
from boardpack.core.status import Status
from boardpack.lib.importing import parse_decimal
from boardpack.scorecard import services
from boardpack.scorecard.commentary.forms import DEFAULT_SUBJECT
from boardpack.scorecard.commentary.selectors import writer_comment, writer_indicators
from boardpack.scorecard.indicators.selectors import readable_indicators
from boardpack.scorecard.models import Comment, Indicator, Source
from boardpack.scorecard.permissions import comment_actors, value_editable_indicators
from boardpack.scorecard.presenters import status_record
from boardpack.scorecard.selectors import (
    ScorecardQuery,
    StatusRow,
    current_scheme,
    judge,
    row_summaries,
    scorecard_rows,
)
from boardpack.scorecard.spc.presenters import spc_icons, spc_object
from boardpack.scorecard.spc.selectors import SpcSummary
from boardpack.scorecard.values.selectors import (
    Cell,
    latest_actual_month,
    stored_months,
    value_cells,
)

router = Router(tags=["Scorecard"])


class IndicatorOut(BaseModel):
    code: str
    title: UserText
    definition: UserText
    kind: str
    directorate: UserText
    service: UserText
    owner: UserText
    polarity: str
    unit: str
    decimals: int
    frequency: str
    cumulative: bool
    worse_tolerance: Number
    worse_tolerance_relative: bool
    better_tolerance: Number
    better_tolerance_relative: bool
    tags: UserTexts
    data_source: str
    due_date: date | None
    completed_date: date | None


class ValueOut(BaseModel):
    period: str = Field(description="The month, YYYY-MM.")
    actual: Number | None
    provisional: bool
    target: Number | None = Field(description="The target stored for this month.")
    applied_target: Number | None = Field(description="The target the status is judged by.")
    status: str
    etag: str = Field(description="Send as If-Match with a PUT to refuse a newer write (409).")


class ValueIn(Schema):
    actual: Decimal | None = Field(None, description="Blank (null) leaves the stored actual.")
    target: Decimal | None = Field(None, description="Blank (null) leaves the stored target.")
    provisional: bool = Field(False, description="Whether the actual may still change.")


class ScorecardRow(BaseModel):
    code: str
    title: UserText
    director: UserText
    owner: UserText
    period: str
    actual: str = Field(description="As `boardpack status` prints it, with its unit.")
    target: str = Field(description="The target that applies, as `boardpack status` prints it.")
    status: str
    symbol: str
    vs_previous: str
    vs_last_year: str
    commentary: str
    actual_value: Number | None
    target_value: Number | None
    provisional: bool
    variation: str = Field(description="The SPC variation icon's key (docs/spc.md).")
    variation_text: str
    assurance: str = Field(description="The SPC assurance icon's key (docs/spc.md).")
    assurance_text: str


class SpcPoint(BaseModel):
    period: str = Field(description="The month, YYYY-MM.")
    value: float
    type: str = Field(description="common_cause, improvement, concern or neutral.")
    rules: list[str] = Field(description="astronomical, shift, trend, two_in_three.")


class SpcOut(BaseModel):
    """The object `boardpack spc CODE --format json` prints; the limits are null with fewer
    than 12 points."""

    code: str
    mean: float | None
    upper_process_limit: float | None
    lower_process_limit: float | None
    upper_near_limit: float | None
    lower_near_limit: float | None
    variation: str = Field(description="The variation icon's key (docs/spc.md).")
    assurance: str = Field(description="The assurance icon's key (docs/spc.md).")
    points: list[SpcPoint]


class CommentIn(Schema):
    period: str = Field(description="The month, YYYY-MM.")
    text: str = Field(min_length=1, max_length=20000)
    subject: str | None = Field(
        None, max_length=200, description="Chosen with the first comment; yours is kept after."
    )
    submit: bool = Field(False, description="Submit for approval instead of saving a draft.")


class CommentOut(BaseModel):
    id: int
    indicator: str
    period: str
    author: UserText
    subject: UserText
    text: UserText
    state: str
    set_at: datetime


def _indicator(code: str) -> Indicator:
    found = readable_indicators().filter(code=code).first()
    if found is None:
        raise ApiError(404, f"No indicator has the code {code!r}")
    return found


def _month(field: str, text: str) -> Month:
    try:
        return parse_period(text)
    except PeriodError as error:
        raise invalid(field, str(error)) from None


def _indicator_out(indicator: Indicator) -> IndicatorOut:
    return IndicatorOut(
        code=indicator.code,
        title=indicator.title,
        definition=indicator.definition,
        kind=indicator.kind,
        directorate=indicator.directorate.name,
        service=indicator.service.name if indicator.service else "",
        owner=indicator.owner.name if indicator.owner else "",
        polarity=indicator.polarity,
        unit=indicator.unit,
        decimals=indicator.decimals,
        frequency=indicator.frequency,
        cumulative=indicator.cumulative,
        worse_tolerance=indicator.worse_tolerance,
        worse_tolerance_relative=indicator.worse_tolerance_relative,
        better_tolerance=indicator.better_tolerance,
        better_tolerance_relative=indicator.better_tolerance_relative,
        tags=[tag.code for tag in indicator.tags.all()],
        data_source=indicator.data_source,
        due_date=indicator.due_date,
        completed_date=indicator.completed_date,
    )


@router.get("/indicators", summary="Indicators", response={200: page_schema(IndicatorOut), **READS})
@conditional(wide=False)
def indicators(request: HttpRequest, params: Query[ListParams]) -> HttpResponse:
    """Every indicator, by code."""
    return listing(
        request,
        list(readable_indicators()),
        key=lambda i: (i.code,),
        item=IndicatorOut,
        make=_indicator_out,
        params=params,
    )


@router.get("/indicators/{code}", summary="An indicator", response={200: IndicatorOut, **READS})
@conditional(wide=False)
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    """One indicator's definition, owner, polarity, tolerances and plan tags."""
    return respond(request, _indicator_out(_indicator(code)))


def _cell_etag(cell: Cell) -> str:
    return value_etag(cell.indicator.pk, cell.month.key, cell.actual, cell.provisional, cell.target)


def _value_out(cell: Cell) -> ValueOut:
    applied, status = judge(cell.indicator, cell.month, cell.actual, cell.targets)
    return ValueOut(
        period=cell.month.key,
        actual=cell.actual,
        provisional=cell.provisional,
        target=cell.target,
        applied_target=applied,
        status=status.value,
        etag=_cell_etag(cell),
    )


class ValuesParams(ListParams):
    first: str | None = Field(None, alias="from", description="The first month, YYYY-MM.")
    last: str | None = Field(None, alias="to", description="The last month, YYYY-MM.")


@router.get(
    "/indicators/{code}/values",
    summary="An indicator's values",
    response={200: page_schema(ValueOut), **READS},
)
@conditional(wide=False)
def values(request: HttpRequest, code: str, params: Query[ValuesParams]) -> HttpResponse:
    """The months holding an actual or a target, oldest first, with the target that applies
    and the status."""
    chosen = _indicator(code)
    start = _month("query.from", params.first) if params.first else None
    end = _month("query.to", params.last) if params.last else None
    months = stored_months(chosen, start, end)
    return listing(
        request,
        value_cells([chosen], months) if months else [],
        key=lambda cell: (cell.month.key,),
        item=ValueOut,
        make=_value_out,
        params=params,
    )


@router.put(
    "/indicators/{code}/values/{period}",
    summary="Record a month's actual and target",
    response={200: ValueOut, **WRITES},
)
def value_put(request: HttpRequest, code: str, period: str, body: ValueIn) -> HttpResponse:
    """Record the month's actual and/or target, as the enter-values page does: officers for
    every indicator, owners for their own. With If-Match, refused (409) if it changed since."""
    chosen = _indicator(code)
    month = _month("path.period", period)
    if not value_editable_indicators(request.user).filter(pk=chosen.pk).exists():
        raise ApiError(403, f"You may not enter values for {chosen.code}")
    if chosen.kind == Indicator.Kind.MILESTONE:
        raise invalid("path.code", "is a milestone: its dates, not values, give its status")
    numbers = {}
    for field in ("actual", "target"):
        given = getattr(body, field)
        try:
            numbers[field] = parse_decimal(format(given, "f")) if given is not None else None
        except ValueError as error:
            raise invalid(f"body.{field}", str(error)) from None
    if numbers["actual"] is None and numbers["target"] is None:
        raise invalid("body", "give an actual, a target or both")
    asked = request.headers.get("If-Match")
    if asked and not matches(asked, _cell_etag(value_cells([chosen], [month])[0])):
        raise ApiError(409, f"{chosen.code} {month.key} has changed since you read it")
    entry = services.ValueEntry(
        code=chosen.code, month=month, provisional=body.provisional, **numbers
    )
    with recorded_as(request):
        services.values_record(entries=[entry], user=request.user, source=Source.API, source_ref="")
    saved = value_cells([chosen], [month])[0]
    request.api_etag = _cell_etag(saved)  # type: ignore[attr-defined]
    return respond(request, _value_out(saved))


class SpcParams(Schema):
    baseline: int | None = Field(
        None, description="Limits from the first N points (at least 12), not the indicator's own."
    )


@router.get("/indicators/{code}/spc", summary="An indicator's SPC", response={200: SpcOut, **READS})
@conditional(wide=False)
def spc(request: HttpRequest, code: str, params: Query[SpcParams]) -> HttpResponse:
    """The indicator's statistical process control (XmR) chart as `boardpack spc`: mean and
    limits, the variation and assurance icons, and each point's type and rules (docs/spc.md)."""
    chosen = _indicator(code)
    try:
        check_baseline(params.baseline)
    except BaselineError as error:
        raise invalid("query.baseline", str(error)) from None
    return respond(request, SpcOut(**spc_object(chosen, baseline=params.baseline)))


def _row_out(row: StatusRow, spc: SpcSummary) -> ScorecardRow:
    record = status_record(row)
    variation, assurance = spc_icons(spc)
    return ScorecardRow(
        **{name: record[name] for name in ScorecardRow.model_fields if name in record},
        actual_value=row.actual,
        target_value=row.target,
        provisional=row.provisional,
        variation=variation.key,
        variation_text=variation.text,
        assurance=assurance.key,
        assurance_text=assurance.text,
    )


def _directorate(name: str) -> OrgUnit:
    found = directorate_named(name)
    if found is None:
        raise invalid("query.director", f"no directorate is called {name!r}")
    return found


class ScorecardParams(ListParams):
    period: str | None = Field(None, description="YYYY-MM; the latest month with actuals.")
    director: str | None = Field(None, description="Only this directorate's (its name).")
    status: Status | None = Field(None, description="Only the rows of this status.")


@router.get(
    "/scorecard",
    summary="The scorecard of a month",
    response={200: page_schema(ScorecardRow), **READS},
)
@conditional(wide=False)
def scorecard(request: HttpRequest, params: Query[ScorecardParams]) -> HttpResponse:
    """One row per indicator for the month, by code: the same rows as `boardpack status`, with
    the SPC variation and assurance icons."""
    month = _month("query.period", params.period) if params.period else latest_actual_month()
    director = _directorate(params.director) if params.director else None
    rows = scorecard_rows(ScorecardQuery(month=month, director=director), scheme=current_scheme())
    if params.status is not None:
        rows = [row for row in rows if row.status == params.status]
    spc = row_summaries(rows)
    return listing(
        request,
        rows,
        key=lambda row: (row.indicator.code,),
        item=ScorecardRow,
        make=lambda row: _row_out(row, spc[row.indicator.pk]),
        params=params,
    )


def _comment_out(comment: Comment, indicator: Indicator) -> CommentOut:
    return CommentOut(
        id=comment.pk,
        indicator=indicator.code,
        period=Month.of(comment.period).key,
        author=comment.author.name,
        subject=comment.subject,
        text=comment.text,
        state=comment.state,
        set_at=comment.set_at,
    )


@router.post(
    "/indicators/{code}/comments", summary="Write commentary", response={201: CommentOut, **WRITES}
)
def comment_post(request: HttpRequest, code: str, body: CommentIn) -> HttpResponse:
    """Write commentary as the commentary page does: owners on their own indicators, delegates
    on those delegated to them; a draft, or submitted for approval. 409 when the workflow
    does not allow it (a submitted comment waits for its review)."""
    chosen = _indicator(code)
    month = _month("body.period", body.period)
    writer = person_of(request.user)
    if writer is None or not writer_indicators(request.user).filter(pk=chosen.pk).exists():
        raise ApiError(403, f"You may not write the commentary of {chosen.code}")
    text = body.text.strip()
    if not text:
        raise invalid("body.text", "enter the commentary")
    mine = writer_comment(chosen, month, writer)
    subject = mine.subject if mine else " ".join((body.subject or DEFAULT_SUBJECT).split())
    if not subject:
        raise invalid("body.subject", "enter a subject")
    try:
        with recorded_as(request):
            saved = services.comment_write(
                indicator=chosen,
                month=month,
                author=writer,
                subject=subject,
                text=text,
                submit=body.submit,
                user=request.user,
                actors=comment_actors(request.user, chosen),
            )
    except TransitionError as error:
        raise ApiError(409, str(error)) from None
    return respond(request, _comment_out(saved, chosen), status=201)
