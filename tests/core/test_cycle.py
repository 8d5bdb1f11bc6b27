"""The update cycle's dates: offsets before a meeting, which e-mails are open on a day, recurring
meetings and the scorecard period a meeting reviews."""

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.calc.workdays import bank_holidays
from boardpack.core.cycle import (
    Mail,
    Offsets,
    Phase,
    RecurrenceError,
    cycle_dates,
    is_working_day,
    mails_open,
    phase,
    recurrence,
    review_month,
)
from boardpack.core.periods import Month

MEETING = date(2012, 8, 15)
days = st.dates(date(2000, 1, 1), date(2090, 12, 31))


def test_the_seed_s_defaults_are_three_two_and_one_weeks_before():
    dates = cycle_dates(MEETING, Offsets())
    assert (dates.request, dates.due, dates.briefing) == (
        date(2012, 7, 25),
        date(2012, 8, 1),
        date(2012, 8, 8),
    )
    assert dates.reminder == date(2012, 7, 30)  # two days before updates are due


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (date(2012, 7, 24), []),
        (date(2012, 7, 25), [Mail.REQUEST]),
        (date(2012, 7, 30), [Mail.REQUEST, Mail.REMINDER]),
        (date(2012, 8, 1), [Mail.REQUEST, Mail.REMINDER]),
        (date(2012, 8, 2), [Mail.REQUEST]),
        (date(2012, 8, 8), [Mail.BRIEFING]),
        (date(2012, 8, 15), [Mail.BRIEFING]),
        (date(2012, 8, 16), []),
    ],
)
def test_which_e_mails_may_go_out_on_a_day(day, open_):
    assert mails_open(cycle_dates(MEETING, Offsets()), day) == open_


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2012, 7, 1), Phase.UPCOMING),
        (date(2012, 7, 25), Phase.COLLECTING),
        (date(2012, 8, 1), Phase.COLLECTING),
        (date(2012, 8, 2), Phase.OVERDUE),
        (date(2012, 8, 8), Phase.BRIEFED),
        (date(2012, 8, 16), Phase.HELD),
    ],
)
def test_the_phase_of_a_cycle(day, expected):
    assert phase(cycle_dates(MEETING, Offsets()), day) is expected


@pytest.mark.parametrize(
    ("offsets", "field"),
    [
        (Offsets(request=14, reminder=16), "reminder"),
        (Offsets(reminder=14, due=14), "due"),
        (Offsets(due=7, briefing=7), "briefing"),
        (Offsets(request=400), "request"),
    ],
)
def test_each_step_must_come_after_the_one_before(offsets, field):
    assert field in [name for name, _ in offsets.problems()]


def test_the_defaults_break_no_rule():
    assert Offsets().problems() == []


def test_every_six_weeks_from_a_date():
    assert recurrence(date(2012, 8, 15), every_weeks=6, count=3) == [
        date(2012, 8, 15),
        date(2012, 9, 26),
        date(2012, 11, 7),
    ]


@pytest.mark.parametrize(("weeks", "count"), [(0, 3), (53, 3), (6, 0), (6, 53)])
def test_a_recurrence_out_of_bounds_is_refused(weeks, count):
    with pytest.raises(RecurrenceError):
        recurrence(MEETING, every_weeks=weeks, count=count)


@pytest.mark.parametrize(
    ("meeting", "reviewed"),
    [
        (date(2012, 8, 15), Month(2012, 6)),  # requests 25 July: June's quarter has ended
        (date(2012, 7, 10), Month(2012, 3)),  # requests 19 June: June has not
        (date(2012, 7, 21), Month(2012, 6)),  # requests 30 June, its last day
        (date(2013, 2, 1), Month(2012, 12)),
    ],
)
def test_a_meeting_reviews_the_last_quarter_ended_by_its_request_date(meeting, reviewed):
    assert review_month(meeting, Offsets()) == reviewed


@given(days, st.integers(1, 52), st.integers(1, 52))
def test_a_recurrence_is_evenly_spaced(first, weeks, count):
    dates = recurrence(first, every_weeks=weeks, count=count)
    assert len(dates) == count
    assert all(b - a == timedelta(weeks=weeks) for a, b in itertools.pairwise(dates))


@given(days)
def test_the_period_reviewed_is_a_quarter_end_ended_by_the_request_date(meeting):
    month = review_month(meeting, Offsets())
    assert month.is_quarter_end
    assert month.end <= meeting - timedelta(days=Offsets.request)
    assert month.shift(3).end > meeting - timedelta(days=Offsets.request)


@given(days, days)
def test_at_most_one_step_opens_each_e_mail_and_none_after_the_meeting(meeting, day):
    open_ = mails_open(cycle_dates(meeting, Offsets()), day)
    assert len(open_) == len(set(open_))
    if day > meeting or day < meeting - timedelta(days=Offsets.request):
        assert open_ == []


HOLIDAYS = bank_holidays()


def test_steps_in_the_christmas_closedown_move_to_the_working_days_before_it():
    dates = cycle_dates(date(2027, 1, 14), Offsets(), HOLIDAYS)
    # The calendar days would be 24 Dec (request), 29 Dec, 31 Dec (due) and 7 Jan.
    assert (dates.request, dates.reminder, dates.due, dates.briefing) == (
        date(2026, 12, 21),
        date(2026, 12, 22),
        date(2026, 12, 23),
        date(2027, 1, 7),
    )


def test_a_step_on_a_weekend_moves_to_the_friday_before():
    dates = cycle_dates(date(2012, 8, 20), Offsets(), HOLIDAYS)
    assert dates.reminder == date(2012, 8, 3)  # not Saturday 4 August
    assert (dates.request, dates.due, dates.briefing) == (
        date(2012, 7, 30),
        date(2012, 8, 6),
        date(2012, 8, 13),
    )


def test_a_deadline_on_a_bank_holiday_comes_before_it_and_the_reminder_before_that():
    dates = cycle_dates(date(2012, 9, 10), Offsets(), HOLIDAYS)
    assert dates.due == date(2012, 8, 24)  # not the summer bank holiday, Monday 27 August
    assert dates.reminder == date(2012, 8, 23)


@given(days, st.integers(0, 4), st.integers(1, 10), st.integers(1, 10), st.integers(1, 10))
def test_every_step_is_a_working_day_in_order_never_later_than_its_offset(
    meeting, briefing, due, reminder, request
):
    offsets = Offsets(
        request=briefing + due + reminder + request,
        reminder=briefing + due + reminder,
        due=briefing + due,
        briefing=briefing,
    )
    dates = cycle_dates(meeting, offsets, HOLIDAYS)
    steps = [dates.request, dates.reminder, dates.due, dates.briefing]
    assert steps == sorted(set(steps))
    assert dates.briefing <= meeting
    assert all(is_working_day(day, HOLIDAYS) for day in steps)
    calendar = [meeting - timedelta(days=d) for d in (offsets.request, offsets.reminder)]
    calendar += [meeting - timedelta(days=d) for d in (offsets.due, offsets.briefing)]
    assert all(day <= wanted for day, wanted in zip(steps, calendar, strict=True))
