"""The scorecard page and its export: the scorecard's rows, narrowed to a quartile band of the
published benchmarks when asked. It sits above both apps, so the scorecard never knows the
benchmarks exist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.template.loader import render_to_string

from boardpack.benchmarks.selectors import indicators_in_band
from boardpack.core.periods import Month
from boardpack.core.symbols import Scheme
from boardpack.scorecard import forms as scorecard_forms
from boardpack.scorecard.default_period import PeriodMenu
from boardpack.scorecard.page_cache import Body
from boardpack.scorecard.presenters import scorecard_page, status_choices
from boardpack.scorecard.selectors import (
    SPARK_PERIODS,
    ScorecardQuery,
    StatusRow,
    current_scheme,
    recent_values,
    row_summaries,
    scorecard_rows,
)

SORT_COLUMNS = (
    ("code", "Code", False),
    ("title", "Indicator", False),
    ("owner", "Owner", False),
    ("actual", "Actual", True),
    ("target", "Target", True),
    ("status", "Status", False),
)
QUARTILES = [("A", "A (best)"), ("B", "B"), ("C", "C"), ("D", "D (worst)")]
NO_MONTH = Month(2000, 1)
"""The month an export is named after before any value is stored."""


class ScorecardFilter(scorecard_forms.ScorecardFilter):
    quartile = forms.ChoiceField(
        required=False,
        label="Quartile (latest published)",
        choices=[("", "All quartiles"), *QUARTILES],
    )


@dataclass(frozen=True)
class Asked:
    """What the request's filters ask for; no query before any value is stored."""

    form: ScorecardFilter
    query: ScorecardQuery | None
    quartile: str = ""
    """A quartile band (A to D) of the linked published measure's latest year."""

    @property
    def month(self) -> Month:
        return self.query.month if self.query else NO_MONTH


def asked(request: HttpRequest, default: Month | None) -> Asked:
    """The filters of the request; the period by default is the shared rule's
    (scorecard.default_period); invalid filters show that period unfiltered."""
    form = ScorecardFilter(request.GET or None, statuses=status_choices(current_scheme()))
    if default is None:
        return Asked(form, None)
    if request.GET and not form.is_valid():
        return Asked(form, ScorecardQuery(month=default))
    data: dict[str, Any] = form.cleaned_data if request.GET else {}
    query = ScorecardQuery(
        month=data.get("period") or default,
        director=data.get("director"),
        service=data.get("service"),
        tag=data.get("tag"),
        owner=data.get("owner"),
        status=data.get("status") or "",
        sort=data.get("sort") or "",
        special_cause=data.get("variation") == scorecard_forms.SPECIAL_CAUSE,
    )
    return Asked(form, query, data.get("quartile") or "")


def shown_rows(chosen: Asked, scheme: Scheme) -> list[StatusRow]:
    """The scorecard's rows for the filters, in its order, then only the quartile's if asked."""
    if chosen.query is None:
        return []
    rows = scorecard_rows(chosen.query, scheme=scheme)
    if chosen.quartile:
        banded = indicators_in_band((r.indicator.pk for r in rows), chosen.quartile)
        rows = [r for r in rows if r.indicator.pk in banded]
    return rows


def chosen_filters(chosen: Asked) -> list[tuple[str, str]]:
    """The filters in use besides the period, as (label, what was chosen), for the line that
    says what the table shows while the filters are folded away."""
    form = chosen.form
    if not form.is_bound or form.errors:
        return []
    shown = []
    for name, value in form.cleaned_data.items():
        if name in ("period", "sort") or not value:
            continue
        field = form.fields[name]
        text = str(value)
        if not isinstance(field, forms.ModelChoiceField) and isinstance(field, forms.ChoiceField):
            text = str(dict(field.choices).get(value, value))
        shown.append((str(form[name].label), text))
    return shown


def scorecard_body(request: HttpRequest, menu: PeriodMenu) -> tuple[Body, bool] | None:
    """The page's title and body for the request's filters, and whether they may be kept (not
    when the filters are invalid); none when there are no values yet."""
    chosen = asked(request, menu.default)
    if chosen.query is None:
        return None
    scheme = current_scheme()
    rows = shown_rows(chosen, scheme)
    page = scorecard_page(rows, chosen.query, scheme, row_summaries(rows), recent_values(rows))
    table = render_to_string(
        "scorecard/scorecard_table.html",
        {
            "page": page,
            "form": chosen.form,
            "filters": chosen_filters(chosen),
            "periods": menu.choices,
            "query_string": request.GET.urlencode(),
            "sort_columns": SORT_COLUMNS,
            "spark_periods": SPARK_PERIODS,
        },
        request=request,
    )
    return (page.title, table), not chosen.form.errors
