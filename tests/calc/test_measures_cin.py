"""Children in need measures on hand-built censuses with known answers: one edge rule a test."""

from decimal import Decimal

import duckdb

from boardpack.calc import workdays
from boardpack.calc.periods import Period
from tests.calc.measure_data import Returns, d


def census(*years: int, population: int | dict[int, int] | None = None) -> Returns:
    return Returns(years=years or (2024,), ssda903=False, cin=True, population=population)


# -- cpp_count, cpp_rate ------------------------------------------------------------------------


def test_children_on_a_plan_on_31_march_count_once():
    r = census()
    r.plan("OPEN", "01/06/2023")
    r.plan("TWO", "01/06/2023")
    r.plan("TWO", "01/09/2023")
    r.plan("STARTS", "31/03/2024")
    r.plan("ENDS", "01/06/2023", "31/03/2024")
    assert r.value("cpp_count") == (3, None)


def test_a_plan_that_started_before_the_data_is_on_a_plan():
    r = census(2024)
    r.plan("OLD", "01/01/2019")
    assert r.value("cpp_count") == (1, None)


def test_a_plan_missing_from_the_later_census_is_no_longer_open():
    r = census(2023, 2024)
    r.plan("STAY", "01/06/2022")
    r.con.execute(
        "INSERT INTO cin_cpp (lachildid, referral_id, cpp_id, cpp_start, year) "
        "VALUES ('GONE', 'R0', 'G1', DATE '2022-06-01', 2023)"
    )
    assert r.value("cpp_count", Period.year_to(2023)) == (2, None)
    assert r.value("cpp_count") == (1, None)


def test_the_plan_rate_is_per_10000_and_says_which_population():
    r = census(population={2022: 5_000})  # mid-2023 is not in the file
    r.plan("A", "01/06/2023")
    result = r.run("cpp_rate")
    assert (result.numerator, result.denominator, result.value) == (1, 5_000, Decimal("2.00"))
    assert "mid-2022" in result.note
    assert "mid-2023 is not there" in result.note


def test_a_rate_without_an_estimate_for_the_period_is_not_computable():
    r = census(population={2024: 5_000})  # only later than the period
    r.plan("A", "01/06/2023")
    result = r.run("cpp_rate")
    assert not result.computable
    assert result.value is None
    assert "mid-2023" in result.reason


def test_a_rate_without_the_population_file_is_not_computable():
    r = census()
    r.plan("A", "01/06/2023")
    result = r.run("cpp_rate")
    assert (result.computable, result.value, result.reason) == (
        False,
        None,
        "needs the population file",
    )


# -- cin_rate -----------------------------------------------------------------------------------


def test_children_in_need_exclude_closed_and_no_further_action_referrals():
    r = census(population=10_000)
    r.referral("OPEN", "01/06/2023")
    r.referral("OPEN", "01/09/2023")  # two open episodes: one child
    r.referral("CLOSED", "01/06/2023", "31/03/2024")
    r.referral("NFA", "20/03/2024", nfa=True)  # no closure date recorded
    result = r.run("cin_rate")
    assert (result.numerator, result.denominator, result.value) == (1, 10_000, Decimal("1.00"))


# -- NI 64: cpp_2years_plus ---------------------------------------------------------------------


def test_plans_lasting_two_years_or_more_as_the_dfe_counts_them():
    # more than 729 days counting the start day and the day the plan ended
    r = census()
    r.plan("TWO", "01/04/2021", "01/04/2023")  # the same date two years on: 731 days
    r.plan("DFE_730", "02/04/2021", "01/04/2023")  # a day short of that, 730 days: counts
    r.plan("LEAP_730", "01/04/2022", "30/03/2024")  # over 29 February: 730 days
    r.plan("SHORT", "03/04/2021", "01/04/2023")  # 729 days: not more than 729
    r.plan("BEFORE_DATA", "01/01/2019", "01/06/2023")  # started long before the census
    r.plan("OPEN", "01/01/2019")  # not ended: not in the measure
    r.plan("LAST_YEAR", "01/01/2019", "31/03/2023", reviews=())
    assert r.value("cpp_2years_plus") == (4, 5)


# -- NI 65: cpp_repeat --------------------------------------------------------------------------


def test_repeat_plans_from_the_count_of_previous_plans_or_the_data():
    r = census(2023, 2024)
    r.plan("FIRST", "01/06/2023", previous=0)
    r.plan("COUNTED", "01/06/2023", previous=2)
    r.plan("SEEN", "01/05/2022", "01/09/2022", previous=0)
    r.plan("SEEN", "01/06/2023", previous=0)  # NumberOfPreviousCPP wrong: the data shows one
    r.plan("UNKNOWN", "01/06/2023", previous=None)
    assert r.value("cpp_repeat") == (2, 4)


def test_two_plans_started_in_the_year_count_twice_and_the_second_is_a_repeat():
    r = census()
    r.plan("A", "01/05/2023", "01/08/2023", previous=0)
    r.plan("A", "01/11/2023", previous=0)
    assert r.value("cpp_repeat") == (1, 2)


# -- NI 67: cpp_reviews_on_time -----------------------------------------------------------------


def test_children_on_a_plan_at_31_march_for_3_months_reviewed_first_within_3_then_6():
    r = census()
    r.plan("ON", "01/06/2023", reviews=["01/09/2023", "01/03/2024"])
    r.plan("FIRST_LATE", "01/06/2023", reviews=["02/09/2023", "01/03/2024"])
    r.plan("OVERDUE", "01/06/2023", reviews=["25/08/2023"])  # the next was due 25 February
    r.plan("JUST_3_MONTHS", "31/12/2023")  # first review due on 31 March: not yet late
    r.plan("TOO_SHORT", "01/01/2024")  # under 3 months at 31 March: not in the measure
    r.plan("ENDED", "01/05/2023", "01/12/2023", reviews=["01/09/2023"])  # not at 31 March
    assert r.value("cpp_reviews_on_time") == (2, 4)


def test_plans_ending_in_the_year_are_not_the_dfe_s_cohort():
    # the cohort until issue 19: a plan that ended in the year, late, no longer counts
    r = census()
    r.plan("ENDED_LATE", "01/05/2023", "01/03/2024", reviews=["25/09/2023"])
    result = r.run("cpp_reviews_on_time")
    assert (result.computable, result.denominator) == (False, 0)


def test_a_plan_begun_before_the_data_is_judged_on_what_the_data_proves():
    r = census(2024)
    # reviews before 1 April 2023 are not in this census; those held are within 6 months
    r.plan("SEEN", "01/01/2020", reviews=["01/05/2023", "01/11/2023"])
    # nothing from 1 April 2023 to 31 March 2024: more than 6 months unreviewed
    r.plan("UNSEEN", "01/01/2020")
    assert r.value("cpp_reviews_on_time") == (1, 2)


def test_plan_reviews_need_the_reviews_file():
    r = census()
    r.con.execute("DROP TABLE cin_cpp_reviews")
    r.plan("A", "01/06/2023", "01/12/2023")
    result = r.run("cpp_reviews_on_time")
    assert not result.computable
    assert result.reason == "needs the Children in Need file(s) cin_cpp_reviews.csv"


# -- assessments_45wd, assessments_45wd_from_referral ---------------------------------------------

# Thirteen assessments authorised in the year to 31 March 2024, worked by hand (weekends and the
# England and Wales bank holidays out; the start day is not counted, the authorisation day is):
# (child, referral, assessment start, authorised, working days from the start, and from the
# clock start of the Working Together reading: the referral for an episode's first assessment)
HAND_WORKED = [
    # started and authorised the same day: 0 working days (C2's "same day" band)
    ("SAME_DAY", "05/06/2023", "05/06/2023", "05/06/2023", 0, 0),
    # Wednesday 20 December: 25 and 26 December and 1 January out, the 45th is 26 February
    ("XMAS_45", "20/12/2023", "20/12/2023", "26/02/2024", 45, 45),
    ("XMAS_46", "20/12/2023", "20/12/2023", "27/02/2024", 46, 46),
    # Monday 3 April 2023: Good Friday, Easter Monday, 1, 8 and 29 May out, the 45th is
    # Monday 12 June (50 counting weekends only)
    ("EASTER_45", "03/04/2023", "03/04/2023", "12/06/2023", 45, 45),
    ("EASTER_46", "03/04/2023", "03/04/2023", "13/06/2023", 46, 46),
    # referred on Friday 1 September, started Monday 4th: the weekend costs no working day,
    # the Monday is one more from the referral
    ("FRIDAY_REFERRAL", "01/09/2023", "04/09/2023", "06/11/2023", 45, 46),
    # referred Thursday 24 August, started Tuesday 29th after the summer bank holiday (Monday
    # 28th): 2 working days between them
    ("BANK_HOLIDAY_GAP", "24/08/2023", "29/08/2023", "30/10/2023", 44, 46),
    # started two weeks (10 working days) after the referral
    ("LATE_START", "02/10/2023", "16/10/2023", "11/12/2023", 40, 50),
    # two assessments of one episode referred on the early May bank holiday (the clock then
    # starts as from the Friday before): the second is timed from its own start in both
    ("TWO", "01/05/2023", "02/05/2023", "01/06/2023", 20, 21),
    ("TWO", "01/05/2023", "01/02/2024", "20/03/2024", 34, 34),
    ("SUMMER", "03/07/2023", "03/07/2023", "31/08/2023", 42, 42),
    ("QUICK", "08/01/2024", "09/01/2024", "19/01/2024", 8, 9),
    ("AUTUMN", "01/11/2023", "01/11/2023", "29/12/2023", 40, 40),
]


def hand_worked() -> Returns:
    r = census()
    episodes: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for child, referral, begun, authorised, _, _ in HAND_WORKED:
        episodes.setdefault((child, referral), []).append((begun, authorised))
    for (child, referral), assessments in episodes.items():
        r.referral(child, referral, assessments=assessments)
    return r


def test_the_hand_worked_working_days_are_the_calendar_s():
    """The hand counts above agree with the working-day calendar the SQL uses."""
    con = duckdb.connect()
    workdays.install(con)
    seen: set[str] = set()
    for child, referral, begun, authorised, from_start, from_clock in HAND_WORKED:
        clock = begun if child in seen else referral
        seen.add(child)
        found = con.execute(
            "SELECT working_days(?, ?), working_days(?, ?)",
            [d(begun), d(authorised), d(clock), d(authorised)],
        ).fetchone()
        assert found == (from_start, from_clock), child


def test_assessments_are_timed_from_their_own_start_as_the_dfe_publishes():
    # 13 assessments: late from their start are XMAS_46 and EASTER_46
    assert hand_worked().value("assessments_45wd") == (11, 13)


def test_the_working_together_reading_times_the_first_assessment_from_the_referral():
    # FRIDAY_REFERRAL, BANK_HOLIDAY_GAP and LATE_START are late from the referral as well
    assert hand_worked().value("assessments_45wd_from_referral") == (8, 13)


def test_the_same_day_is_0_working_days_and_45_is_within():
    r = census()
    r.referral("SAME", "05/06/2023", assessments=[("05/06/2023", "05/06/2023")])
    r.referral("ON", "20/12/2023", assessments=[("20/12/2023", "26/02/2024")])
    r.referral("LATE", "20/12/2023", assessments=[("20/12/2023", "27/02/2024")])
    assert r.value("assessments_45wd") == (2, 3)


def test_an_assessment_whose_referral_is_not_in_the_data_is_timed_from_its_start():
    r = census()
    r.add(
        "cin_assessments",
        lachildid="ORPHAN",
        referral_id="NOT_THERE",
        start_date=d("01/06/2023"),
        authorised_date=d("20/06/2023"),
        year=2024,
    )
    assert r.value("assessments_45wd") == (1, 1)
    left_out = r.run("assessments_45wd_from_referral")
    assert (left_out.numerator, left_out.denominator) == (0, 0)
    assert left_out.note.startswith("1 assessment(s) left out")


def test_assessments_not_authorised_or_authorised_in_another_year_are_not_counted():
    r = census(2023, 2024)
    r.referral("OPEN", "01/03/2024", assessments=[("02/03/2024", None)])
    r.referral("BEFORE", "01/02/2023", "01/05/2023", assessments=[("01/02/2023", "20/03/2023")])
    r.referral("IN", "01/02/2023", "01/05/2023", assessments=[("01/02/2023", "03/04/2023")])
    assert r.value("assessments_45wd") == (1, 1)
    assert r.value("assessments_45wd_from_referral") == (1, 1)


def test_an_assessment_authorised_before_it_started_is_left_out_and_said():
    r = census()
    r.referral("A", "01/06/2023", assessments=[("20/06/2023", "10/06/2023")])
    r.referral("B", "20/06/2023", assessments=[("20/06/2023", "21/06/2023")])
    result = r.run("assessments_45wd")
    assert (result.numerator, result.denominator) == (1, 1)
    assert result.note == "1 assessment(s) left out: authorised before they started"


def test_an_assessment_authorised_before_its_referral_is_left_out_of_the_referral_reading():
    r = census()
    r.referral("A", "20/06/2023", assessments=[("20/06/2023", "01/06/2023")])
    r.referral("B", "20/06/2023", assessments=[("20/06/2023", "21/06/2023")])
    result = r.run("assessments_45wd_from_referral")
    assert (result.numerator, result.denominator) == (1, 1)
    assert result.note.startswith("1 assessment(s) left out")


# -- icpc_15wd ----------------------------------------------------------------------------------


def test_conferences_within_15_working_days_across_easter():
    r = census()
    # enquiry from Monday 27 March 2023: with Good Friday and Easter Monday (7 and 10 April)
    # out, the 15th working day is 19 April (17 April counting weekends only)
    r.s47("ON", "27/03/2023", "19/04/2023")
    r.s47("LATE", "27/03/2023", "20/04/2023")
    r.s47("NONE", "27/03/2023", None, not_required=True)
    assert r.value("icpc_15wd") == (1, 2)


def test_a_conference_on_the_day_the_enquiry_started_took_0_working_days():
    # as the DfE bands them (table C4, LAIT 10_ICPC "0-10 working days"): the start day is not
    # counted; a Friday enquiry's conference on the Monday three weeks on is the 15th day
    r = census()
    r.s47("SAME_DAY", "05/06/2023", "05/06/2023")
    r.s47("FRIDAY", "02/06/2023", "23/06/2023")  # 15 working days
    r.s47("MONDAY", "02/06/2023", "26/06/2023")  # 16
    assert r.value("icpc_15wd") == (2, 3)


def test_two_enquiries_for_one_conference_count_once_from_the_later():
    r = census()
    r.s47("A", "01/05/2023", "25/05/2023")
    r.s47("A", "10/05/2023", "25/05/2023")
    assert r.value("icpc_15wd") == (1, 1)


# -- NI 68: referrals_to_assessment -------------------------------------------------------------


def test_referrals_going_on_to_an_assessment_started_by_the_year_end():
    r = census(2024, 2025)
    r.referral("ASSESSED", "01/06/2023", assessments=[("02/06/2023", None)])
    r.referral("NFA", "01/06/2023", "01/06/2023", nfa=True)
    r.referral("LATE_MARCH", "25/03/2024", assessments=[("03/04/2024", None)])
    assert r.value("referrals_to_assessment") == (1, 3)


# -- re_referrals -------------------------------------------------------------------------------


def test_re_referrals_within_12_months_of_any_previous_referral():
    r = census(2023, 2024, 2025)
    r.referral("EXACT", "15/05/2022", "01/07/2022", nfa=True)  # an NFA referral is a referral
    r.referral("EXACT", "15/05/2023", "01/07/2023")
    r.referral("OVER", "14/05/2022", "01/07/2022")
    r.referral("OVER", "15/05/2023", "01/07/2023")
    r.referral("IN_YEAR", "01/05/2023", "01/06/2023")
    r.referral("IN_YEAR", "01/09/2023")
    r.referral("ONCE", "01/03/2023", "01/06/2023")  # in both censuses: still one referral
    r.referral("TWICE_SEEN", "01/06/2023")  # open: in the 2024 and 2025 censuses
    assert r.value("re_referrals") == (2, 5)


def test_re_referrals_need_the_census_of_the_year_before():
    r = census(2024)
    r.referral("A", "15/05/2023")
    result = r.run("re_referrals")
    assert not result.computable
    assert "2023 and 2024" in result.reason
    assert "loaded: 2024" in result.reason
