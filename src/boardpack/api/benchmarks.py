"""The published benchmarks' endpoint: one measure and year for this authority, one other or all
of them, as `boardpack benchmark --format json` prints it (the same records)."""

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router
from pydantic import BaseModel

from boardpack.api.conditional import conditional
from boardpack.api.listing import ListParams, listing, page_schema
from boardpack.api.problems import ApiError
from boardpack.api.responses import READS
from boardpack.benchmarks.records import (
    BenchmarkQueryError,
    as_json,
    find_authorities,
    find_measure,
    find_year,
    records,
)

router = Router(tags=["Benchmarks"])
Figure = int | float | str | None
"""A published number, a marker as published (`c`, `x`), or null for nothing published."""


class BenchmarkRow(BaseModel):
    authority: str
    value: Figure
    england: Figure
    region: Figure
    neighbours_mean: Figure
    neighbours_counted: int
    rank: int | None
    ranked_of: int
    quartile: str | None


def _problem(error: BenchmarkQueryError) -> ApiError:
    """The command's message names its option (`--measure: …`): the field is the parameter."""
    option, _, reason = str(error).partition(": ")
    if option.startswith("--"):
        field = f"query.{option.removeprefix('--')}"
        return ApiError(400, f"{field}: {reason}", errors=[(field, reason)])
    return ApiError(400, str(error), errors=[("query.authority", str(error))])


class BenchmarkParams(ListParams):
    measure: str = Field(description="The published code, e.g. LAC.")
    year: str = Field(description="As published (2023/24) or the year it ends (2024).")
    authority: str | None = Field(
        None, description="An authority's number, or all; this installation's by default."
    )


@router.get(
    "/benchmarks",
    summary="A published measure compared",
    response={200: page_schema(BenchmarkRow), **READS},
)
@conditional(wide=True)
def benchmarks(request: HttpRequest, params: Query[BenchmarkParams]) -> HttpResponse:
    """The figure beside England, the region and the statistical neighbours, with rank and
    quartile band."""
    try:
        found = find_measure(params.measure)
        rows = records(found, find_year(found, params.year), find_authorities(params.authority))
    except BenchmarkQueryError as error:
        raise _problem(error) from None
    return listing(
        request,
        rows,
        key=lambda r: (r.authority.number,),
        item=BenchmarkRow,
        make=lambda r: BenchmarkRow(**as_json(r)),
        params=params,
    )
