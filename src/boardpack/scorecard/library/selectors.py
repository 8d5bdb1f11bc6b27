"""Reads and display texts of the indicator library: the list, the choices and the targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.periods import Month, fy_months
from boardpack.scorecard.models import Actual, Indicator, Target


def library_indicators(*, text: str = "") -> QuerySet[Indicator]:
    """Every indicator (codes or titles containing `text`), with what the list shows."""
    indicators = Indicator.objects.select_related("directorate", "service", "owner")
    if text:
        indicators = indicators.filter(Q(code__icontains=text) | Q(title__icontains=text))
    return indicators.prefetch_related("tags").order_by("code")


def tolerance_text(indicator: Indicator) -> str:
    worse, better = indicator.worse_band, indicator.better_band
    if not worse.amount and not better.amount:
        return "None"
    return f"Worse {worse}, better {better}"


@dataclass(frozen=True)
class LibraryRow:
    indicator: Indicator
    polarity: str
    unit: str
    frequency: str
    tolerance: str
    tags: str
    kind: str


def library_rows(indicators: QuerySet[Indicator]) -> list[LibraryRow]:
    return [
        LibraryRow(
            indicator=i,
            polarity=i.get_polarity_display(),
            unit=i.get_unit_display() if i.unit else "None",
            frequency=i.get_frequency_display(),
            tolerance=tolerance_text(i),
            tags=", ".join(tag.code for tag in i.tags.all()),
            kind=i.get_kind_display(),
        )
        for i in indicators
    ]


def director_names() -> list[str]:
    return list(
        OrgUnit.objects.filter(kind=OrgUnit.Kind.DIRECTORATE).values_list("name", flat=True)
    )


def service_names() -> list[str]:
    return list(OrgUnit.objects.filter(kind=OrgUnit.Kind.SERVICE).values_list("name", flat=True))


def person_names() -> list[str]:
    return list(Person.objects.values_list("name", flat=True))


def value_years(indicator: Indicator) -> list[int]:
    """Financial years (start years) with a target or actual for this indicator, oldest first."""
    periods = {
        *Target.objects.filter(indicator=indicator).values_list("period", flat=True),
        *Actual.objects.filter(indicator=indicator).values_list("period", flat=True),
    }
    return sorted({Month.of(period).fy_start_year for period in periods})


def year_choices(years: list[int], today: date) -> list[int]:
    """Every year from the first with values to next year, so coming targets can be set."""
    this_year = Month.of(today).fy_start_year
    return list(range(min([*years, this_year]), max([*years, this_year]) + 2))


def default_year(years: list[int], today: date) -> int:
    """The latest year with values; this year when there are none."""
    return years[-1] if years else Month.of(today).fy_start_year


def target_years(indicator: Indicator, year_text: str | None, today: date) -> tuple[list[int], int]:
    """The years whose targets may be set, and the one asked for (digits), else the default."""
    with_values = value_years(indicator)
    asked = year_text if year_text and year_text.isdigit() else None
    year = int(asked) if asked else default_year(with_values, today)
    return year_choices(with_values, today), year


@dataclass(frozen=True)
class YearValues:
    """One financial year's stored targets and actuals of an indicator, by month."""

    months: list[Month]
    targets: dict[Month, Decimal]
    actuals: dict[Month, Decimal]


def year_values(indicator: Indicator, year: int) -> YearValues:
    months = fy_months(year)
    span = {"indicator": indicator, "period__range": (months[0].end, months[-1].end)}
    return YearValues(
        months=months,
        targets={
            Month.of(p): v for p, v in Target.objects.filter(**span).values_list("period", "value")
        },
        actuals={
            Month.of(p): v for p, v in Actual.objects.filter(**span).values_list("period", "value")
        },
    )
