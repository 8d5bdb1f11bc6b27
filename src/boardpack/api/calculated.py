"""The calculated indicators' endpoint: each indicator's value calculated for a month from
child-level returns, with its provenance (calculation, engine, input files' hashes)."""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router
from pydantic import BaseModel

from boardpack.api.conditional import conditional
from boardpack.api.fields import Number
from boardpack.api.listing import ListParams, listing, page_schema
from boardpack.api.problems import invalid
from boardpack.api.responses import READS
from boardpack.calculated_indicators.models import CalculatedValue
from boardpack.calculated_indicators.selectors import calculated_in_month
from boardpack.core.periods import PeriodError, parse_period

router = Router(tags=["Calculated indicators"])


class CalculatedRow(BaseModel):
    indicator: str
    period: str
    measure: str
    numerator: int
    denominator: int | None
    value: Number
    stored_actual: Number | None
    calculation: int
    calculated_at: datetime
    engine_version: str
    inputs: dict[str, str]
    """Each input file's label and its SHA-256."""


def _row(value: CalculatedValue) -> CalculatedRow:
    calculation = value.calculation
    return CalculatedRow(
        indicator=value.indicator.code,
        period=f"{value.month:%Y-%m}",
        measure=value.measure_id,
        numerator=value.numerator,
        denominator=value.denominator,
        value=value.value,
        stored_actual=getattr(value, "stored", None),
        calculation=calculation.pk,
        calculated_at=calculation.at,
        engine_version=calculation.engine_version,
        inputs=dict(calculation.inputs),
    )


class CalculatedParams(ListParams):
    period: str = Field(description="The month, YYYY-MM.")


@router.get(
    "/calculated",
    summary="Calculated values of a month",
    response={200: page_schema(CalculatedRow), **READS},
)
@conditional(wide=True)
def calculated(request: HttpRequest, params: Query[CalculatedParams]) -> HttpResponse:
    """Each indicator's latest calculated value for the month, by code, beside the actual
    stored now (which a person may have changed since)."""
    try:
        month = parse_period(params.period)
    except PeriodError as error:
        raise invalid("query.period", str(error)) from None
    return listing(
        request,
        calculated_in_month(month),
        key=lambda v: (v.indicator.code,),
        item=CalculatedRow,
        make=_row,
        params=params,
    )
