"""People for the plan tests: a lead named on an action, and the plan's programme manager."""

import pytest

from boardpack.accounts.models import Person, Role
from boardpack.boards.services import board_save, plan_board_set
from boardpack.plans.models import Plan
from boardpack.plans.services import plan_save
from tests.factories import login
from tests.plans.trackers import import_tracker, names_to_link


@pytest.fixture
def lead(db):
    """Leads action 7b: the tracker names them on a line of its Responsible cell."""
    return login("lead", "Strategic Lead for Participation", Role.INDICATOR_OWNER)


@pytest.fixture
def manager(db):
    return login("manager", "Project Manager")


@pytest.fixture
def plan(lead, manager) -> Plan:
    names_to_link()
    import_tracker()
    board = board_save(
        name="Corporate Parenting Board",
        programme_manager=Person.objects.get(name="Project Manager"),
        user=None,
        reason="test",
    )
    plan = plan_save(name="Corporate Parenting Strategy Delivery Plan", user=None, reason="test")
    return plan_board_set(plan=plan, board=board, user=None, reason="test")
