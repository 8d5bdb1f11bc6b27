"""Timescales: every Timescales cell of seed 002, the issue's messes, and properties."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from boardpack.core.timescales import Timescale, parse_timescale

FLAGGED = True

# Every distinct Timescales cell of seed 002 (the Corporate Parenting Strategy Delivery Plan),
# with the due date, the ongoing flag and whether a person must look.
SEED_002 = [
    ("31/12/19", date(2019, 12, 31), False, False),
    ("01/09/19", date(2019, 9, 1), False, False),
    ("30/11/19", date(2019, 11, 30), False, False),
    ("30/09/19", date(2019, 9, 30), False, False),
    ("01/03/20", date(2020, 3, 1), False, False),
    ("31/10/19", date(2019, 10, 31), False, False),
    ("31/08/19", date(2019, 8, 31), False, False),
    ("01/02/19", date(2019, 2, 1), False, False),
    ("01/11/19", date(2019, 11, 1), False, False),
    ("28/02/2020", date(2020, 2, 28), False, False),
    ("06/01/20", date(2020, 1, 6), False, False),
    ("31/07/20", date(2020, 7, 31), False, False),
    ("31/07/19", date(2019, 7, 31), False, False),
    ("18/12/19", date(2019, 12, 18), False, False),
    ("01/04/19", date(2019, 4, 1), False, False),
    ("30/06/19", date(2019, 6, 30), False, False),
    ("31/03/19", date(2019, 3, 31), False, False),
    ("31/12/18", date(2018, 12, 31), False, False),
    ("15/03/19", date(2019, 3, 15), False, False),
    ("01/04/20", date(2020, 4, 1), False, False),
    ("30.11.19", date(2019, 11, 30), False, False),
    ("30.09.19", date(2019, 9, 30), False, False),
    ("18.02.19", date(2019, 2, 18), False, False),
    ("31.12.18", date(2018, 12, 31), False, False),
    ("30th April 2020", date(2020, 4, 30), False, False),
    ("Oct-18", date(2018, 10, 31), False, False),
    ("Dec-18", date(2018, 12, 31), False, False),
    ("Jan-19", date(2019, 1, 31), False, False),
    ("Feb-19", date(2019, 2, 28), False, False),
    ("Mar-19", date(2019, 3, 31), False, False),
    ("Apr-19", date(2019, 4, 30), False, False),
    ("May-19", date(2019, 5, 31), False, False),
    ("Jun-19", date(2019, 6, 30), False, False),
    ("Jul-19", date(2019, 7, 31), False, False),
    ("Sep-19", date(2019, 9, 30), False, False),
    ("Oct-19", date(2019, 10, 31), False, False),
    ("Nov-19", date(2019, 11, 30), False, False),
    ("Dec-19", date(2019, 12, 31), False, False),
    ("Mar-20", date(2020, 3, 31), False, False),
    ("Apr-20", date(2020, 4, 30), False, False),
    ("Jun-20", date(2020, 6, 30), False, False),
    ("Jul-20", date(2020, 7, 31), False, False),
    ("Nov 18 – Nov 19", date(2019, 11, 30), False, False),
    ("Spring Term 2019 - Nov 19", date(2019, 11, 30), False, False),
    ("Ongoing", None, True, False),
    ("Ongoing-Mar-20", date(2020, 3, 31), True, False),
    ("01/03/2019 and ongoing", date(2019, 3, 1), True, False),
    ("01/04/19 - Ongoing Jan-20", date(2020, 1, 31), True, False),
    ("Complete", None, False, False),
    ("Completed", None, False, False),
    ("Mar 19 – ongoing quarterly", date(2019, 3, 31), True, FLAGGED),
    ("Impact by Feb 2019", date(2019, 2, 28), False, FLAGGED),
    ("Roll out Jan 19 Nov 19", date(2019, 11, 30), False, FLAGGED),
    ("Dec 18 & Monthly monitoring September 2020", date(2020, 9, 30), False, FLAGGED),
    ("Reports to be provide to each Board. Review April 2020", date(2020, 4, 30), False, FLAGGED),
    ("From Jan-19", date(2019, 1, 31), False, FLAGGED),
    ("Final Draft to SMT BY 30TH Jan 2019 amended 01.05.19", date(2019, 5, 1), False, FLAGGED),
    ("31/04/19", None, False, FLAGGED),
    ("01./03/20", None, False, FLAGGED),
    ("Nov1-9", None, False, FLAGGED),
    ("Nov1-8", None, False, FLAGGED),
    ("TBC", None, False, FLAGGED),
    ("Quarterly Monitoring", None, False, FLAGGED),
    ("2018-2019", None, False, FLAGGED),
    ("November 2018 Revisit through 2019", None, False, FLAGGED),
    ("Year 11 - Sept 2018 Year 10 Sept 2019", None, False, FLAGGED),
    ("", None, False, False),
]


@pytest.mark.parametrize(("text", "due", "ongoing", "flagged"), SEED_002)
def test_it_reads_every_timescale_of_seed_002(text, due, ongoing, flagged):
    timescale = parse_timescale(text)
    assert (timescale.text, timescale.due, timescale.ongoing) == (text, due, ongoing)
    assert timescale.needs_attention is flagged, timescale.flags


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Nov-19", date(2019, 11, 30)),
        ("Jul-20", date(2020, 7, 31)),
        ("November 2019", date(2019, 11, 30)),
        ("Nov 19", date(2019, 11, 30)),
        ("Sept 19", date(2019, 9, 30)),
        ("june-2020", date(2020, 6, 30)),
        ("Feb-20", date(2020, 2, 29)),
        ("end of March 2020", date(2020, 3, 31)),
    ],
)
def test_a_month_alone_means_its_last_day(text, due):
    assert parse_timescale(text).due == due
    assert not parse_timescale(text).flags


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("31/12/19", date(2019, 12, 31)),
        ("30.11.19", date(2019, 11, 30)),
        ("30th April 2020", date(2020, 4, 30)),
        ("1st March 2019", date(2019, 3, 1)),
        ("31/12/2019", date(2019, 12, 31)),
        ("5 th July 2012", date(2012, 7, 5)),
        ("2nd of May 2019", date(2019, 5, 2)),
        ("01-03-2019", date(2019, 3, 1)),
        ("2019-04-30", date(2019, 4, 30)),
        ("29/02/2020", date(2020, 2, 29)),
    ],
)
def test_a_full_date_is_that_day(text, due):
    assert parse_timescale(text).due == due
    assert not parse_timescale(text).flags


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Nov 18 – Nov 19", date(2019, 11, 30)),
        ("Nov 18 - Nov 19", date(2019, 11, 30)),
        ("Spring Term 2019 - Nov 19", date(2019, 11, 30)),
        ("Sept 19 and Dec 19", date(2019, 12, 31)),
        ("01/04/19 to 30/06/19", date(2019, 6, 30)),
        ("Jan-20, Mar-20 & Jun-20", date(2020, 6, 30)),
    ],
)
def test_a_range_or_a_list_means_its_last_date(text, due):
    assert parse_timescale(text) == Timescale(text, due=due)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Autumn Term 2019", date(2019, 12, 31)),
        ("Spring Term 2019", date(2019, 3, 31)),
        ("Summer Term 2020", date(2020, 7, 31)),
        ("spring term 20", date(2020, 3, 31)),
    ],
)
def test_a_school_term_is_due_at_the_end_of_the_month_it_ends_in(text, due):
    assert parse_timescale(text).due == due
    assert not parse_timescale(text).flags


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Ongoing", None),
        ("ongoing", None),
        ("On-going", None),
        ("on going", None),
        ("Ongoing-Mar-20", date(2020, 3, 31)),
        ("01/03/2019 and ongoing", date(2019, 3, 1)),
    ],
)
def test_ongoing_sets_the_flag_with_the_date_where_one_is_given(text, due):
    timescale = parse_timescale(text)
    assert (timescale.due, timescale.ongoing, timescale.flags) == (due, True, ())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/04/19", "31/04/19 is not a date that exists"),
        ("30/02/2020", "30/02/2020 is not a date that exists"),
        ("12/31/19", "12/31/19 is not a date that exists (dates are read day/month/year)"),
        ("Nov1-9", "could not read 'Nov1-9' as a date"),
        ("01./03/20", "could not read '01./03/20' as a date"),
        ("2019", "'2019' is a year, not a date"),
        ("2019/20", "'2019/20' is a year, not a date"),
        ("Spring 2019", "could not read 'Spring 2019' as a date"),
        ("19 Nov", "could not read '19 Nov' as a date"),
        ("Q3 2019", "could not read 'Q3 2019' as a date"),
        ("Nov 19 - Dec 18", "the dates in 'Nov 19 - Dec 18' are out of order"),
        ("Nov-19 or Dec-19", "also says 'or'"),
        ("31/12/2919", "has the year 2919, outside 1950–2099"),
        ("31/04/19 - Nov 19", "31/04/19 is not a date that exists"),
        ("Dec 2019 Nov1-9", "could not read 'Nov1-9' as a date"),
        ("TBC", "'TBC' gives no due date"),
    ],
)
def test_a_text_without_one_certain_date_is_kept_and_flagged_with_a_reason(text, reason):
    timescale = parse_timescale(text)
    assert timescale.text == text
    assert any(reason in flag for flag in timescale.flags), timescale.flags
    if "also says" not in reason:
        assert timescale.due is None


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_a_blank_timescale_has_nothing_to_flag(text):
    assert parse_timescale(text) == Timescale(text)


def test_the_text_is_kept_exactly_while_the_reading_ignores_extra_spaces():
    timescale = parse_timescale("  Nov 18  –\n Nov 19 ")
    assert timescale.text == "  Nov 18  –\n Nov 19 "
    assert timescale.due == date(2019, 11, 30)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("April 2012", date(2012, 4, 30)),
        ("Completed September 2012", date(2012, 9, 30)),
        ("Work in progress", None),
        ("Work in progress expected completion date March 2013.", date(2013, 3, 31)),
    ],
)
def test_it_reads_the_completion_column_of_seed_000(text, due):
    assert parse_timescale(text).due == due


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))


@given(st.text())
def test_any_text_is_read_without_error_and_kept_verbatim(text):
    timescale = parse_timescale(text)
    assert timescale.text == text
    assert timescale.due is None or isinstance(timescale.due, date)
    assert all(isinstance(flag, str) and flag for flag in timescale.flags)


date_like_pieces = st.sampled_from(
    [*"0123456789/.-– ", "Nov", "Spring", "Term", "ongoing", "th", "and", "TBC"]
)


@given(st.lists(date_like_pieces).map("".join))
def test_date_like_text_gives_a_due_date_in_range_or_none_with_a_reason(text):
    timescale = parse_timescale(text)
    if timescale.due is not None:
        assert date(1950, 1, 1) <= timescale.due <= date(2099, 12, 31)
    elif text.strip() and not timescale.ongoing:
        assert timescale.flags


@given(days, st.sampled_from(["%d/%m/%Y", "%d/%m/%y", "%d.%m.%y", "%d.%m.%Y", "%d %B %Y"]))
def test_a_day_written_any_usual_way_reads_back_as_that_day(day, form):
    assume(form.endswith("%Y") or 2000 <= day.year <= 2099)
    text = day.strftime(form)
    assert parse_timescale(text) == Timescale(text, due=day)


@given(days, st.sampled_from(["%b-%y", "%B %Y", "%b %y", "%b-%Y"]))
def test_a_month_written_any_usual_way_reads_back_as_its_last_day(day, form):
    assume(form.endswith("%Y") or 2000 <= day.year <= 2099)
    last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert parse_timescale(day.strftime(form)).due == last


@given(days, days, st.sampled_from([" - ", " – ", " and ", " to ", " & "]))
def test_a_range_is_due_on_its_later_end_and_a_reversed_one_is_flagged(first, second, joiner):
    text = f"{first:%d/%m/%Y}{joiner}{second:%d/%m/%Y}"
    timescale = parse_timescale(text)
    if first <= second:
        assert (timescale.due, timescale.flags) == (second, ())
    else:
        assert timescale.due is None
        assert timescale.flags
