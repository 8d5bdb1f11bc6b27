"""Children in need measures on hand-built censuses with known answers: one edge rule a test."""

from decimal import Decimal

from boardpack.calc.periods import Period
from tests.calc.measure_data import Returns


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


def test_plans_lasting_two_years_or_more():
    r = census()
    r.plan("TWO", "01/04/2021", "01/04/2023")  # exactly two years
    r.plan("SHORT", "02/04/2021", "01/04/2023")
    r.plan("BEFORE_DATA", "01/01/2019", "01/06/2023")  # started long before the census
    r.plan("OPEN", "01/01/2019")  # not ended: not in the measure
    r.plan("LAST_YEAR", "01/01/2019", "31/03/2023", reviews=())
    assert r.value("cpp_2years_plus") == (2, 3)


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


def test_plan_reviews_first_within_3_months_then_6():
    r = census()
    r.plan("ON", "01/06/2023", "01/12/2023", reviews=["01/09/2023"])
    r.plan("FIRST_LATE", "01/06/2023", "01/12/2023", reviews=["02/09/2023"])
    r.plan("RAN_PAST", "01/06/2023", "02/03/2024", reviews=["25/08/2023"])  # due 25 Feb
    r.plan("NEXT_ON", "01/05/2023", "01/03/2024", reviews=["25/07/2023", "25/01/2024"])
    r.plan("TOO_SHORT", "01/06/2023", "31/08/2023")  # under 3 months: not in the measure
    assert r.value("cpp_reviews_on_time") == (2, 4)


def test_a_review_on_the_end_date_counts():
    r = census()
    r.plan("A", "01/06/2023", "01/09/2023", reviews=["01/09/2023"])
    assert r.value("cpp_reviews_on_time") == (1, 1)


def test_a_plan_begun_before_the_data_is_judged_on_what_the_data_proves():
    r = census(2024)
    # reviews before 1 April 2023 are not in this census; the one held is within 6 months
    r.plan("SEEN", "01/01/2020", "01/07/2023", reviews=["01/05/2023"])
    # nothing from 1 April 2023 to the end on 15 October: more than 6 months unreviewed
    r.plan("UNSEEN", "01/01/2020", "15/10/2023")
    assert r.value("cpp_reviews_on_time") == (1, 2)


def test_plan_reviews_need_the_reviews_file():
    r = census()
    r.con.execute("DROP TABLE cin_cpp_reviews")
    r.plan("A", "01/06/2023", "01/12/2023")
    result = r.run("cpp_reviews_on_time")
    assert not result.computable
    assert result.reason == "needs the Children in Need file(s) cin_cpp_reviews.csv"


# -- assessments_45wd ---------------------------------------------------------------------------


def test_assessments_within_45_working_days_across_christmas():
    r = census()
    # referred 20 December 2023: the 45th working day is 26 February 2024
    r.referral("ON", "20/12/2023", assessments=[("21/12/2023", "26/02/2024")])
    r.referral("LATE", "20/12/2023", assessments=[("21/12/2023", "27/02/2024")])
    assert r.value("assessments_45wd") == (1, 2)


def test_a_later_assessment_of_the_episode_is_timed_from_its_own_start():
    r = census()
    r.referral(
        "A",
        "01/05/2023",
        assessments=[("02/05/2023", "01/06/2023"), ("01/02/2024", "20/03/2024")],
    )
    assert r.value("assessments_45wd") == (2, 2)


def test_assessments_not_authorised_or_authorised_in_another_year_are_not_counted():
    r = census(2023, 2024)
    r.referral("OPEN", "01/03/2024", assessments=[("02/03/2024", None)])
    r.referral("BEFORE", "01/02/2023", "01/05/2023", assessments=[("01/02/2023", "20/03/2023")])
    r.referral("IN", "01/02/2023", "01/05/2023", assessments=[("01/02/2023", "03/04/2023")])
    assert r.value("assessments_45wd") == (1, 1)


def test_an_assessment_authorised_before_its_referral_is_left_out_and_said():
    r = census()
    r.referral("A", "20/06/2023", assessments=[("20/06/2023", "01/06/2023")])
    r.referral("B", "20/06/2023", assessments=[("20/06/2023", "21/06/2023")])
    result = r.run("assessments_45wd")
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
