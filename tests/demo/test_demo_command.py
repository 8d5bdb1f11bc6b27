"""`make demo DEMO_ADDR=…` prints the address it serves; the demo has a login per role and a
board meeting whose pack is being made."""

import io
import subprocess
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from boardpack.accounts.models import Person, Role
from boardpack.benchmarks.models import Area
from boardpack.boards.models import Board
from boardpack.demo.management.commands.demo import PLAN_NAME
from boardpack.demo.meeting import next_meeting_day
from boardpack.demo.plan_dates import moved
from boardpack.jobs.models import Job
from boardpack.plans.models import Action, Plan
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.permissions import commentable_indicators

ROOT = Path(__file__).resolve().parents[2]
ROLES = (
    "performance.officer",
    "indicator.owner",
    "delegate",
    "programme.manager",
    "action.lead",
    "chair",
    "auditor",
)


def test_make_demo_hands_its_address_to_the_demo_command_and_the_server():
    plan = subprocess.run(
        ["make", "-n", "demo", "DEMO_ADDR=127.0.0.1:8010"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "boardpack demo --reset --address 127.0.0.1:8010" in plan
    assert "boardpack runserver --noreload 127.0.0.1:8010" in plan
    assert plan.count('BOARDPACK_AUTHORITY_NAME="Lancashire County Council"') == 3


def test_the_demo_prints_its_address_and_a_login_per_role_and_queues_its_meeting_pack(db):
    out = io.StringIO()
    call_command("demo", address="127.0.0.1:8010", stdout=out)
    printed = out.getvalue()
    assert "Open http://127.0.0.1:8010/" in printed
    assert "8000" not in printed
    for username in ROLES:
        assert f"  {username} " in printed
        account = get_user_model().objects.get(username=username)
        assert account.check_password("boardpack-demo")
        assert not account.person.password_change_required
    owner = Person.objects.get(user__username="indicator.owner")
    assert owner.role == Role.INDICATOR_OWNER
    delegate = get_user_model().objects.get(username="delegate")
    owned = set(Indicator.objects.filter(owner=owner))
    assert owned
    assert set(commentable_indicators(delegate)) == owned
    board = Board.objects.get(name="Corporate Parenting Board")
    assert board.chair.user.username == "chair"
    assert board.programme_manager.user.username == "programme.manager"
    assert list(board.selections.values_list("unit__name", flat=True)) == [
        "Assistant Director – Children's Social Care"
    ]
    [meeting] = board.meetings.all()
    assert meeting.date.weekday() == 3
    assert (meeting.period.year, meeting.period.month) == (2012, 6)
    assert Job.objects.get(kind="pack").params == {"meeting": meeting.pk, "format": "pdf"}
    plan = Plan.objects.get(name=PLAN_NAME)
    today = timezone.localdate()
    assert plan.period_start <= today <= plan.period_end
    dues = list(
        Action.objects.filter(plan=plan, due_date__isnull=False).values_list("due_date", flat=True)
    )
    overdue = sum(due < today for due in dues)
    assert 0 < overdue < len(dues)
    assert Area.objects.get(number=888).name == "Lancashire"


def test_moving_a_plan_keeps_29_february_a_real_day():
    assert moved(date(2020, 2, 29), 7) == date(2027, 2, 28)
    assert moved(date(2019, 3, 31), 7) == date(2026, 3, 31)
    assert moved(None, 7) is None


def test_the_demo_meeting_is_a_thursday_six_weeks_or_more_ahead():
    for today in (date(2026, 12, 3), date(2026, 12, 4), date(2026, 12, 10)):
        day = next_meeting_day(today)
        assert day.weekday() == 3
        assert 42 <= (day - today).days < 49
