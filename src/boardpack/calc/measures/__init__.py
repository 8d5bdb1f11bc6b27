"""The measures: one SQL file each (``<id>.sql``), and the shared steps they build on
(``shared/<step>.sql``, run once per calculation before the measures that use them).

This module is the registry: each measure's stable id, unit, the steps and input tables it
needs, how much data before the period it looks back over, whether it counts working days, and
the DfE's published measure it corresponds to (its LAIT code). ``boardpack.calc.engine``
checks those needs and runs the SQL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final, Literal

Unit = Literal["percent", "rate per 10,000", "count", "days"]
Source = Literal["ssda903", "cin"]


@dataclass(frozen=True)
class Step:
    """A shared SQL step: temporary tables and macros some measures build on."""

    name: str
    tables: tuple[str, ...]
    after: tuple[str, ...] = ()

    def sql(self) -> str:
        return _read(f"shared/{self.name}.sql")


STEPS: Final[dict[str, Step]] = {
    step.name: step
    for step in (
        Step("common", ()),
        Step("population", ("population",), ("common",)),
        Step("ssda903", ("episodes", "header"), ("common",)),
        Step("care_leavers", ("oc3",), ("ssda903",)),
        Step("cin_referral", ("cin_referrals",), ("common",)),
        Step("cin_assessment", ("cin_assessments", "cin_referrals"), ("cin_referral",)),
        Step("cin_plan", ("cin_cpp",), ("common",)),
    )
}


def closure(names: Iterable[str]) -> list[str]:
    """The steps named and every step they come after, in the order they must run."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        for before in STEPS[name].after:
            visit(before)
        order.append(name)

    for name in names:
        visit(name)
    return order


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    unit: Unit
    source: Source
    steps: tuple[str, ...]
    tables: tuple[str, ...] = ()  # input tables the measure's own SQL reads
    ni: str | None = None
    lookback_months: int = 0  # data needed before the period's first day
    working_days: bool = False
    lait: str | None = None
    """The DfE's published measure it corresponds to: its code in LAIT (``Short Desc``), whose
    figure for the same collection year is shown beside the calculated one; None when the DfE
    publishes none (docs/measures.md, "Published equivalents")."""

    @property
    def needs(self) -> tuple[str, ...]:
        """Every input table, in a stable order."""
        found: list[str] = []
        for name in [*(t for s in closure(self.steps) for t in STEPS[s].tables), *self.tables]:
            if name not in found:
                found.append(name)
        return tuple(found)

    @property
    def uses_population(self) -> bool:
        return "population" in self.steps

    def sql(self) -> str:
        return _read(f"{self.id}.sql")


_LA: Final = ("ssda903",)
_CIN_REF: Final = ("cin_referral",)
MEASURES: Final[dict[str, Measure]] = {
    m.id: m
    for m in (
        Measure(
            "cla_count",
            "Children looked after at the period end",
            "count",
            "ssda903",
            _LA,
            lait="LACnum",
        ),
        Measure(
            "cla_starts",
            "Children who started to be looked after",
            "count",
            "ssda903",
            _LA,
            lait="LACnum_Start",
        ),
        Measure(
            "cla_ceased",
            "Children who ceased to be looked after",
            "count",
            "ssda903",
            _LA,
            lait="LACceased",
        ),
        Measure(
            "cla_rate",
            "Children looked after per 10,000 children",
            "rate per 10,000",
            "ssda903",
            ("ssda903", "population"),
            lait="LAC",
        ),
        Measure(
            "cpp_count",
            "Children on a child protection plan",
            "count",
            "cin",
            ("cin_plan",),
            lait="CPP_Num",
        ),
        Measure(
            "cpp_rate",
            "Children on a child protection plan per 10,000 children",
            "rate per 10,000",
            "cin",
            ("cin_plan", "population"),
            lait="CPP_rate",
        ),
        Measure(
            "cin_rate",
            "Children in need per 10,000 children",
            "rate per 10,000",
            "cin",
            ("cin_referral", "population"),
            lait="CIN",
        ),
        Measure(
            "placements_3plus",
            "Children looked after with three or more placements in the year",
            "percent",
            "ssda903",
            _LA,
            ni="NI 62",
            lait="LACStable_2016on",
        ),
        Measure(
            "long_term_stability",
            "Long-term placement stability",
            "percent",
            "ssda903",
            _LA,
            ni="NI 63",
            lookback_months=18,
            lait="LAC_LongStable%",
        ),
        Measure(
            "cpp_2years_plus",
            "Child protection plans lasting 2 years or more",
            "percent",
            "cin",
            ("cin_plan",),
            ni="NI 64",
            lait="CPPlans2yrs",
        ),
        Measure(
            "cpp_repeat",
            "Child protection plans that were a second or subsequent plan",
            "percent",
            "cin",
            ("cin_plan",),
            ni="NI 65",
            lait="PrevRegCPR",
        ),
        Measure(
            "cla_reviews_on_time",
            "Looked-after children reviewed within required timescales",
            "percent",
            "ssda903",
            _LA,
            tables=("reviews",),
            ni="NI 66",
            working_days=True,
        ),
        Measure(
            "cpp_reviews_on_time",
            "Child protection cases reviewed within required timescales",
            "percent",
            "cin",
            ("cin_plan",),
            tables=("cin_cpp_reviews",),
            ni="NI 67",
            lait="RevCP",
        ),
        Measure(
            "assessments_45wd",
            "Assessments completed within 45 working days of their start",
            "percent",
            "cin",
            ("cin_assessment",),
            working_days=True,
            lait="Continue_Assess_Comp",
        ),
        Measure(
            "assessments_45wd_from_referral",
            "Assessments completed within 45 working days of the referral",
            "percent",
            "cin",
            ("cin_assessment",),
            working_days=True,
        ),
        Measure(
            "icpc_15wd",
            "Initial child protection conferences within 15 working days",
            "percent",
            "cin",
            ("common",),
            tables=("cin_s47",),
            working_days=True,
            lait="CP_conf_15days",
        ),
        Measure(
            "referrals_to_assessment",
            "Referrals going on to an assessment",
            "percent",
            "cin",
            ("cin_referral", "cin_assessment"),
            ni="NI 68",
        ),
        Measure(
            "re_referrals",
            "Re-referrals within 12 months",
            "percent",
            "cin",
            _CIN_REF,
            lookback_months=12,
            lait="ReReferral",
        ),
        Measure(
            "care_leavers_suitable_accommodation",
            "Care leavers aged 19 to 21 in suitable accommodation",
            "percent",
            "ssda903",
            ("care_leavers",),
            lait="CareLeaverAcc",
        ),
        Measure(
            "care_leavers_eet",
            "Care leavers aged 19 to 21 in education, employment or training",
            "percent",
            "ssda903",
            ("care_leavers",),
            lait="CareLeaverEET",
        ),
        Measure(
            "adoption_a1",
            "Adoption A1: days from entering care to moving in with the adoptive family",
            "days",
            "ssda903",
            _LA,
            lookback_months=24,
        ),
        Measure(
            "adoption_a2",
            "Adoption A2: days from the court's authority to place to the match",
            "days",
            "ssda903",
            _LA,
            tables=("ad1",),
            lookback_months=24,
        ),
    )
}


@cache
def rules_digest() -> str:
    """A short digest of every measure and shared SQL file: it changes whenever a rule does, so
    a stored value can say which rules computed it (with the package version, its provenance)."""
    digest = hashlib.sha256()
    for name in [*(f"shared/{s}.sql" for s in STEPS), *(f"{m}.sql" for m in MEASURES)]:
        digest.update(name.encode())
        digest.update(_read(name).encode())
    return digest.hexdigest()[:12]


@cache
def _read(name: str) -> str:
    return resources.files("boardpack.calc.measures").joinpath(name).read_text("utf-8")
