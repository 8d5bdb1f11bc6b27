"""Reads: BRAG per objective, filters, my actions, needs attention; queries fixed in number."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from boardpack.accounts.models import OrgUnit, Person
from boardpack.core.brag import Brag
from boardpack.plans.exports import plan_json
from boardpack.plans.models import Objective, Plan
from boardpack.plans.selectors import (
    actions_filtered,
    my_actions,
    needs_attention,
    plan_get,
    plan_summary,
)
from tests.factories import PersonFactory
from tests.plans.trackers import HEADER, action, import_tracker

AS_OF = date(2020, 1, 15)


def _refs(actions) -> list[str]:
    return [a.ref for a in actions]


def test_plan_summary_counts_brag_per_objective(plan):
    summary = plan_summary(plan)
    one, two = summary.objectives
    assert one.objective.number == 1
    assert one.rows == [
        (Brag.RED, 0),
        (Brag.AMBER, 0),
        (Brag.GREEN, 1),
        (Brag.BLUE, 2),
        (None, 2),
    ]
    assert (two.counts[Brag.RED], two.counts[Brag.GREEN], two.counts[Brag.BLUE], two.total) == (
        1,
        1,
        1,
        3,
    )
    assert summary.totals[None] == 2


def test_actions_filtered_by_objective_brag_and_responsible(plan, lead):
    two = Objective.objects.get(number=2)
    assert _refs(actions_filtered(plan, objective=two)) == ["12b", "12d", "9"]
    assert _refs(actions_filtered(plan, brag=Brag.BLUE)) == ["7b", "12d", "16"]
    assert _refs(actions_filtered(plan, brag="")) == ["5a-c", "10b.i"]
    person = Person.objects.get(name="Strategic Lead for Participation")
    assert _refs(actions_filtered(plan, responsible=person)) == ["7b"]
    unit = OrgUnit.objects.get(name="Policy, Information & Commissioning")
    assert _refs(actions_filtered(plan, responsible=unit)) == ["7b"]
    assert _refs(actions_filtered(plan, responsible="improvement")) == ["1"]


def test_overdue_means_due_before_the_day_not_blue_and_not_ongoing(plan):
    # 1, 12b and 9 were due 30/11/2019; 5a-c and 10b.i are ongoing, 7b is Blue, 12d and 16
    # have no due date
    overdue = _refs(actions_filtered(plan, overdue=True, as_of=AS_OF))
    assert overdue == ["1", "12b", "9"]
    assert _refs(actions_filtered(plan, overdue=True, as_of=date(2019, 11, 30))) == []


def test_flagged_and_needs_attention(plan):
    assert _refs(actions_filtered(plan, flagged=True)) == ["10b.i", "12d"]
    assert _refs(needs_attention(plan)) == ["10b.i", "12d"]
    assert needs_attention(plan)[1].flags[1].startswith("Timescale: 31/04/19")


def test_my_actions_are_the_ones_a_person_leads(plan, lead):
    person = Person.objects.get(name="Strategic Lead for Participation")
    assert [(a.plan.name, a.ref) for a in my_actions(person)] == [(plan.name, "7b")]


def test_a_plan_is_found_by_slug_or_name(plan):
    assert plan_get(plan.slug) == plan_get(plan.name) == plan
    assert plan_get("nowhere") is None


def _plan_with(count: int, person: Person) -> Plan:
    rows = [HEADER, ["Objective 1 – One"]]
    for number in range(count):
        brag = ["Red", "Amber", "Green", "Blue", "Gren"][number % 5]
        timescale = ["Nov-19", "31/04/19", "Ongoing"][number % 3]
        progress = f"14.05.19 - update {number}\n15.06.19 - more"
        rows.append(
            action(
                str(number),
                activity="Work",
                progress=progress,
                responsible=person.name,
                timescale=timescale,
                brag=brag,
            )
        )
        if number == count // 2:
            rows.append(["Objective 2 – Two"])
    import_tracker({"Plan": rows}, plan=f"Plan of {count}")
    return Plan.objects.get(name=f"Plan of {count}")


def _queries(read) -> int:
    with CaptureQueriesContext(connection) as context:
        read()
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        (lambda plan, person: plan_summary(plan), 2),
        (lambda plan, person: actions_filtered(plan, overdue=True, as_of=AS_OF), 4),
        (lambda plan, person: actions_filtered(plan, responsible=person, flagged=True), 4),
        (lambda plan, person: needs_attention(plan), 4),
        (lambda plan, person: my_actions(person), 4),
        (lambda plan, person: plan_json(plan), 4),
    ],
)
def test_query_counts_do_not_grow_with_rows(db, read, expected):
    small_lead, large_lead = PersonFactory(name="Small lead"), PersonFactory(name="Large lead")
    small, large = _plan_with(3, small_lead), _plan_with(40, large_lead)
    assert large.actions.count() == 40
    counts = (_queries(lambda: read(small, small_lead)), _queries(lambda: read(large, large_lead)))
    assert counts == (expected, expected)
