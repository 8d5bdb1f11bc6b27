"""One indicator's page: the scorecard's facts with the benchmark and calculated panels. Every
signed-in role may read it; edit links show only to who may edit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone

from boardpack.accounts.permissions import is_officer
from boardpack.benchmarks.panel import benchmark_panel
from boardpack.calculated_indicators.panel import provenance_panel
from boardpack.scorecard.indicators.presenters import indicator_page
from boardpack.scorecard.indicators.selectors import Years, indicator_facts, indicator_years
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.permissions import commentable_indicators, value_editable_indicators
from boardpack.scorecard.selectors import current_scheme
from boardpack.scorecard.spc.panel import spc_panel


def _year(request: HttpRequest, years: Years) -> int | None:
    """The financial year asked for (?year=2012), which must hold data; else the default."""
    text = request.GET.get("year", "")
    if not text:
        return years.default
    if not text.isdigit() or int(text) not in years.years:
        raise Http404
    return int(text)


def indicator_context(request: HttpRequest, chosen: Indicator) -> dict[str, Any]:
    """What the page shows of an indicator the user may read, and what they may do on it."""
    years = indicator_years(chosen)
    may_comment = commentable_indicators(request.user).filter(pk=chosen.pk).exists()
    officer = is_officer(request.user)
    facts = indicator_facts(
        chosen, years=years, year=_year(request, years), drafts=officer or may_comment
    )
    page = indicator_page(facts, scheme=current_scheme(), today=timezone.localdate())
    return {
        "page": page,
        "may_enter": page.milestone is None
        and value_editable_indicators(request.user).filter(pk=chosen.pk).exists(),
        "may_comment": may_comment,
        "may_review": officer,
        "benchmark": benchmark_panel(chosen) if page.milestone is None else None,
        "calculated": provenance_panel(chosen, page.year),
        **spc_panel(chosen, page.year, officer=officer),
    }
