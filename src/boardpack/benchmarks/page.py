"""The linked indicators as the benchmarks page lists them, each with its latest comparison."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from boardpack.benchmarks.forms import LinkForm, MeasureFilter
from boardpack.benchmarks.models import IndicatorLink
from boardpack.benchmarks.panel import polarity_text, series_for
from boardpack.benchmarks.presenters import ComparisonText, comparison_text
from boardpack.benchmarks.selectors import (
    link_polarity,
    links,
    overview,
    this_authority,
    unlinked_measures,
)


@dataclass(frozen=True)
class LinkRow:
    link: IndicatorLink
    polarity: str
    latest: ComparisonText | None


def link_rows() -> list[LinkRow]:
    """Every link, by indicator code; a fixed number of queries however many."""
    chosen = links()
    authority = this_authority()
    series = series_for(chosen, authority) if authority is not None and chosen else {}
    rows = []
    for link in chosen:
        found = series.get(link.indicator_id)  # type: ignore[attr-defined]
        latest = (
            comparison_text(found.comparisons[-1], found.decimals)
            if found and found.comparisons
            else None
        )
        rows.append(LinkRow(link, polarity_text(link, link_polarity(link)), latest))
    return rows


def page_context(
    chooser: MeasureFilter, form: LinkForm | None, *, may_edit: bool
) -> dict[str, Any]:
    """What is loaded, the links, and the unlinked measures the chooser's topic and words leave."""
    wanted: dict[str, Any] = chooser.cleaned_data if chooser.is_valid() else {}
    return {
        "overview": overview(),
        "authority": this_authority(),
        "links": link_rows(),
        "form": form,
        "chooser": chooser,
        "measures": unlinked_measures(topic=wanted.get("topic", ""), text=wanted.get("q", "")),
        "may_edit": may_edit,
    }
