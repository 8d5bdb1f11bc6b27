"""The one audit helper: every app's service records who and why through it, with the channel."""

import getpass

import pytest

from boardpack.accounts.models import Person, Role
from boardpack.accounts.services import person_save
from boardpack.benchmarks.models import Measure
from boardpack.benchmarks.services import link_save
from boardpack.boards.models import Board
from boardpack.boards.services import board_save
from boardpack.calculated_indicators.models import MeasureLink
from boardpack.calculated_indicators.services import measure_link_save
from boardpack.lib import audit
from boardpack.lib.audit import COMMAND_LINE, REASON_LENGTH, WEB, Actor, Channel
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.plans.models import Plan
from boardpack.plans.services import plan_save
from boardpack.scorecard.models import Actual, Indicator
from tests.benchmarks.files import write_all

SYSTEM_USER = f"system user {getpass.getuser()}"


def test_a_change_on_the_web_keeps_its_reason():
    assert Actor(None, Channel(WEB)).history_reason("web form") == "web form"
    assert Actor(None, Channel(WEB)).history_reason("") is None


def test_a_change_at_the_command_line_names_it_and_the_system_user_when_no_account_is_named():
    at_the_prompt = Channel(COMMAND_LINE, "jo")
    assert Actor(None, at_the_prompt).history_reason("import: v.csv") == (
        "import: v.csv (command line, system user jo)"
    )
    assert Actor(None, at_the_prompt).history_reason("") == "command line, system user jo"


def test_a_long_reason_is_cut_to_the_history_column_keeping_the_channel():
    reason = Actor(None, Channel(COMMAND_LINE, "jo")).history_reason("import: " + "x" * 200)
    assert reason is not None
    assert len(reason) == REASON_LENGTH
    assert reason.endswith("… (command line, system user jo)")


def test_the_command_line_lasts_only_as_long_as_its_block():
    with audit.command_line():
        assert audit.actor(None).channel == Channel(COMMAND_LINE, getpass.getuser())
    assert audit.actor(None).channel == Channel(WEB)


def test_an_anonymous_visitor_is_stored_as_no_one(db):
    from django.contrib.auth.models import AnonymousUser

    assert audit.account(AnonymousUser()) is None


def _scorecard(tmp_path, officer):
    values = Source.file("v.csv", b"code,period,actual\n2042SC,2012-07,38\n")
    run_import("values", values, user=officer)
    return Actual.history.filter(period__month=7).first()


def _plans(tmp_path, officer):
    plan_save(name="A plan", user=officer, reason="why")
    return Plan.history.first()


def _boards(tmp_path, officer):
    board_save(name="A board", user=officer, reason="why")
    return Board.history.first()


def _benchmarks(tmp_path, officer):
    run_import("benchmarks", Source.at(write_all(tmp_path / "lait")), user=None)
    link_save(
        indicator=Indicator.objects.get(code="2042SC"),
        measure=Measure.objects.get(code="RATE"),
        polarity="",
        user=officer,
        reason="why",
    )
    return Indicator.objects.get(code="2042SC").benchmark_link.history.first()


def _accounts(tmp_path, officer):
    person = person_save(
        person=None,
        name="A New Councillor",
        email="",
        role=Role.VIEWER,
        username="",
        password="",
        active=True,
        user=officer,
        reason="why",
    )
    return Person.history.filter(id=person.pk).first()


def _calculated(tmp_path, officer):
    measure_link_save(
        indicator=Indicator.objects.get(code="NI062"), measure_id="placements_3plus", user=officer
    )
    return MeasureLink.history.first()


WRITES = {
    "scorecard": _scorecard,
    "plans": _plans,
    "boards": _boards,
    "benchmarks": _benchmarks,
    "accounts": _accounts,
    "calculated indicators": _calculated,
}
REASONS = {"scorecard": "import: v.csv", "calculated indicators": None}


@pytest.mark.parametrize("app", WRITES)
def test_each_app_s_service_records_the_user_and_the_reason(app, demo_data, officer, tmp_path):
    record = WRITES[app](tmp_path, officer)
    assert record.history_user == officer
    assert record.history_change_reason == REASONS.get(app, "why")


@pytest.mark.parametrize("app", WRITES)
def test_at_the_command_line_each_service_records_the_channel_too(
    app, demo_data, officer, tmp_path
):
    with audit.command_line():
        record = WRITES[app](tmp_path, officer)
    reason = REASONS.get(app, "why")
    assert record.history_user == officer
    assert record.history_change_reason == (f"{reason} (command line)" if reason else COMMAND_LINE)
