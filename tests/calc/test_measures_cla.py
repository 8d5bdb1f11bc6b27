"""Looked-after measures on hand-built returns with known answers: one edge rule a test."""

from decimal import Decimal

from boardpack.calc.periods import Period
from tests.calc.measure_data import Returns, d


def three_years() -> Returns:
    return Returns(years=(2022, 2023, 2024))


# -- cla_count, cla_starts, cla_ceased ----------------------------------------------------------


def test_a_child_in_care_on_31_march_is_counted_once():
    r = Returns(years=(2023, 2024))
    r.episode("A", "01/06/2022")  # open over the year end: in both returns
    assert r.value("cla_count") == (1, None)
    assert r.run("cla_count").value == Decimal(1)


def test_care_ending_on_31_march_is_ceased_not_looked_after():
    r = Returns()
    r.episode("A", "01/06/2023", "31/03/2024", rec="E4A")
    assert r.value("cla_count") == (0, None)
    assert r.value("cla_ceased") == (1, None)


def test_care_starting_on_31_march_is_a_start_and_looked_after():
    r = Returns()
    r.episode("A", "31/03/2024")
    assert r.value("cla_count") == (1, None)
    assert r.value("cla_starts") == (1, None)


def test_a_short_break_only_child_is_not_counted():
    r = Returns()
    r.episode("SB", "01/02/2024", "03/02/2024", ls="V3", rec="E13")
    r.episode("SB", "30/03/2024", ls="V4")
    assert r.value("cla_count") == (0, None)
    assert r.value("cla_starts") == (0, None)
    assert r.value("cla_ceased") == (0, None)


def test_an_x1_break_is_neither_a_start_nor_a_ceasing():
    r = Returns()
    r.episode("A", "01/05/2023", "01/08/2023", ls="C1", rec="X1")
    r.episode("A", "01/08/2023", "01/02/2024", rne="L", ls="C2", rec="E11")
    assert r.value("cla_starts") == (1, None)
    assert r.value("cla_ceased") == (1, None)


def test_a_child_who_starts_twice_in_the_year_is_counted_once():
    r = Returns()
    r.episode("A", "01/05/2023", "01/06/2023", rec="E4A")
    r.episode("A", "01/09/2023", "01/10/2023", rec="E4A")
    assert r.value("cla_starts") == (1, None)
    assert r.value("cla_ceased") == (1, None)


def test_a_child_is_not_looked_after_after_their_18th_birthday_even_with_no_end_date():
    r = Returns()
    r.child("OLD", "15/02/2006")  # 18 on 15 February 2024
    r.episode("OLD", "01/01/2020")  # no DEC: a recording error the validator reports
    r.child("YOUNG", "01/04/2006")  # 18 on 1 April 2024: still 17 on 31 March
    r.episode("YOUNG", "01/01/2020")
    assert r.value("cla_count") == (1, None)
    assert r.value("cla_ceased") == (0, None)  # no ceasing is invented


def test_an_episode_with_no_end_date_ends_when_the_next_begins():
    r = Returns()
    r.add("episodes", child="A", decom=d("01/05/2023"), rne="S", ls="C2", place="U1", year=2024)
    r.add("episodes", child="A", decom=d("01/09/2023"), rne="P", ls="C2", place="U2", year=2024)
    r.add("header", child="A", sex="1", dob=d("01/01/2015"), year=2024)
    assert r.value("cla_count") == (1, None)
    assert r.value("cla_starts") == (1, None)  # continuing care, not a second start


def test_a_child_missing_from_the_later_return_is_no_longer_looked_after():
    r = Returns(years=(2023, 2024))
    r.episode("STAY", "01/06/2022")
    r.episode("GONE", "01/06/2022", years=(2023,))  # open in 2023, absent from 2024
    assert r.value("cla_count", Period.year_to(2023)) == (2, None)
    assert r.value("cla_count") == (1, None)


def test_the_rate_is_per_10000_of_the_population():
    r = Returns(population={2023: 20_000})
    for child in ("A", "B", "C"):
        r.episode(child, "01/06/2023")
    result = r.run("cla_rate")
    assert (result.numerator, result.denominator, result.value) == (3, 20_000, Decimal("1.50"))
    assert result.unit == "rate per 10,000"
    assert result.note == "population: ONS mid-2023 estimate"


# -- NI 62: placements_3plus --------------------------------------------------------------------


def moves(r: Returns, child: str, *steps: tuple[str, str, str], start: str = "01/01/2023") -> None:
    """A child in care from ``start`` (foster care U1), then each (date, RNE, PLACE) in turn."""
    days = [start, *(s[0] for s in steps)]
    kinds = [("S", "U1"), *((s[1], s[2]) for s in steps)]
    for i, (rne, place) in enumerate(kinds):
        end = days[i + 1] if i + 1 < len(days) else None
        r.episode(child, days[i], end, rne=rne, place=place, provider=f"PR{place}", rec="X1")


def test_three_placements_in_the_year_count():
    r = Returns(years=(2023, 2024))
    moves(r, "A", ("01/06/2023", "P", "U2"), ("01/09/2023", "P", "U3"))
    assert r.value("placements_3plus") == (1, 1)


def test_an_x1_break_coded_l_is_not_a_new_placement():
    r = Returns(years=(2023, 2024))
    moves(r, "A", ("01/06/2023", "L", "U1"), ("01/09/2023", "P", "U3"))
    assert r.value("placements_3plus") == (0, 1)


def test_several_placement_changes_on_one_day_count_once():
    r = Returns(years=(2023, 2024))
    # moved to U2 and, the same day, on to U3: U2 occupied no day
    moves(r, "A", ("01/06/2023", "P", "U2"), ("01/06/2023", "P", "U3"))
    assert r.value("placements_3plus") == (0, 1)
    moves(r, "B", ("01/06/2023", "P", "U2"), ("02/06/2023", "P", "U3"))
    assert r.value("placements_3plus") == (1, 2)


def test_placement_for_adoption_with_the_current_foster_carer_is_not_a_new_placement():
    r = Returns(years=(2023, 2024))
    moves(r, "SAME", ("01/06/2023", "P", "U2"), ("01/09/2023", "T", "A5"))
    moves(r, "SAME3", ("01/06/2023", "P", "U2"), ("01/09/2023", "T", "A3"))
    moves(r, "NEW", ("01/06/2023", "P", "U2"), ("01/09/2023", "P", "A6"))
    assert r.value("placements_3plus") == (1, 3)


def test_a_move_on_the_first_day_of_the_year_ends_the_old_placement_before_the_year():
    r = Returns(years=(2023, 2024))
    moves(r, "A", ("01/04/2023", "P", "U2"), ("01/10/2023", "P", "U3"))
    assert r.value("placements_3plus") == (0, 1)
    moves(r, "B", ("02/04/2023", "P", "U2"), ("01/10/2023", "P", "U3"))
    assert r.value("placements_3plus") == (1, 2)


def test_a_temporary_placement_and_the_return_to_the_same_carer_are_not_placements():
    r = Returns(years=(2023, 2024))
    moves(r, "A", ("01/07/2023", "P", "T1"), ("15/07/2023", "P", "U1"), ("01/10/2023", "P", "U2"))
    assert r.value("placements_3plus") == (0, 1)


def test_short_breaks_are_neither_placements_nor_in_the_denominator():
    r = Returns()
    r.episode("A", "01/05/2023", "03/05/2023", ls="V3", place="U1", rec="E13")
    r.episode("A", "01/07/2023", "03/07/2023", ls="V3", place="U2", rec="E13")
    r.episode("A", "01/09/2023", ls="C2", place="U3")
    r.episode("SB", "29/03/2024", ls="V3")
    assert r.value("placements_3plus") == (0, 1)


def test_placements_of_an_earlier_period_of_care_in_the_year_count():
    r = Returns()
    r.episode("A", "01/05/2023", "01/06/2023", place="U1", rec="E4A")
    r.episode("A", "01/09/2023", "01/11/2023", place="U2", rec="X1")
    r.episode("A", "01/11/2023", rne="P", place="U3")
    assert r.value("placements_3plus") == (1, 1)


def test_children_no_longer_looked_after_are_not_in_the_denominator():
    r = Returns()
    r.episode("A", "01/05/2023", "01/06/2023", place="U1")
    r.episode("A", "01/06/2023", "01/09/2023", rne="P", place="U2")
    r.episode("A", "01/09/2023", "01/02/2024", rne="P", place="U3", rec="E4A")
    assert r.value("placements_3plus") == (0, 0)
    assert not r.run("placements_3plus").computable


# -- NI 63: long_term_stability -----------------------------------------------------------------


def test_two_years_in_the_same_placement_is_stable():
    r = three_years()
    r.child("ON", "01/01/2012")
    r.episode("ON", "01/01/2021", "31/03/2022", place="U1", rec="X1")
    r.episode("ON", "31/03/2022", rne="P", place="U2")  # exactly 2 years on 31 March 2024
    r.child("OFF", "01/01/2012")
    r.episode("OFF", "01/01/2021", "01/04/2022", place="U1", rec="X1")
    r.episode("OFF", "01/04/2022", rne="P", place="U2")  # a day short
    assert r.value("long_term_stability") == (1, 2)


def test_the_cohort_is_looked_after_for_30_months():
    r = three_years()
    r.child("IN", "01/01/2012")
    r.episode("IN", "30/09/2021")  # 30 months on 31 March 2024
    r.child("OUT", "01/01/2012")
    r.episode("OUT", "01/10/2021")
    assert r.value("long_term_stability") == (1, 1)


def test_a_child_turning_16_in_the_year_is_not_in_the_cohort():
    r = three_years()
    for child, dob in (("15", "01/04/2008"), ("16", "31/03/2008"), ("16B", "01/03/2008")):
        r.child(child, dob)
        r.episode(child, "01/01/2020")
    assert r.value("long_term_stability") == (1, 1)


def test_an_l_break_and_adoption_by_the_foster_carer_keep_the_placement():
    r = three_years()
    r.child("L", "01/01/2012")
    r.episode("L", "01/01/2020", "01/06/2023", ls="C1", rec="X1")
    r.episode("L", "01/06/2023", rne="L", ls="C2")
    r.child("A5", "01/01/2012")
    r.episode("A5", "01/01/2020", "01/01/2024", rec="X1")
    r.episode("A5", "01/01/2024", rne="T", ls="E1", place="A5")
    assert r.value("long_term_stability") == (2, 2)


def test_placed_for_adoption_counts_the_placement_before_it():
    r = three_years()
    r.child("A6", "01/01/2012")
    r.episode("A6", "01/01/2020", "01/03/2022", place="U1", rec="X1")
    r.episode("A6", "01/03/2022", "01/01/2024", rne="P", place="U2", rec="X1")
    r.episode("A6", "01/01/2024", rne="P", ls="E1", place="A6")
    r.child("SHORT", "01/01/2012")
    r.episode("SHORT", "01/01/2020", "01/06/2022", place="U1", rec="X1")
    r.episode("SHORT", "01/06/2022", "01/01/2024", rne="P", place="U2", rec="X1")
    r.episode("SHORT", "01/01/2024", rne="P", ls="E1", place="A6")
    assert r.value("long_term_stability") == (1, 2)


def test_long_term_stability_needs_three_returns():
    r = Returns(years=(2024,))
    r.episode("A", "01/01/2020")
    result = r.run("long_term_stability")
    assert not result.computable
    assert result.value is None
    assert "2022, 2023 and 2024" in result.reason


# -- NI 66: cla_reviews_on_time -----------------------------------------------------------------


def test_the_first_review_is_due_within_20_working_days_across_christmas():
    r = Returns(years=(2023, 2024))
    # care from Monday 4 December 2023: the 20th working day is 4 January 2024
    r.episode("ON", "04/12/2023")
    r.review("ON", "04/01/2024")
    r.episode("LATE", "04/12/2023")
    r.review("LATE", "05/01/2024")
    assert r.value("cla_reviews_on_time") == (1, 2)


def test_the_second_review_within_3_months_and_the_rest_within_6():
    r = Returns(years=(2023, 2024))
    r.episode("ON", "01/02/2023")
    for day in ("20/02/2023", "20/05/2023", "20/11/2023"):
        r.review("ON", day)
    r.episode("SECOND", "01/02/2023")
    for day in ("20/02/2023", "21/05/2023", "20/11/2023"):
        r.review("SECOND", day)  # 21 May is a day past 3 months
    r.episode("THIRD", "01/02/2023")
    for day in ("20/02/2023", "20/05/2023", "21/11/2023"):
        r.review("THIRD", day)  # 21 November is a day past 6 months
    assert r.value("cla_reviews_on_time") == (1, 3)


def test_a_review_held_late_in_an_earlier_year_does_not_count_against_this_one():
    r = Returns(years=(2023, 2024))
    r.episode("A", "01/10/2022")
    for day in ("20/10/2022", "21/01/2023", "20/07/2023", "15/01/2024"):
        r.review("A", day)  # 21 January 2023 was late, in the year to March 2023
    assert r.value("cla_reviews_on_time", Period.year_to(2023)) == (0, 1)
    assert r.value("cla_reviews_on_time") == (1, 1)


def test_a_review_overdue_at_the_year_end_is_late():
    r = Returns(years=(2023, 2024))
    r.episode("A", "01/02/2023")
    for day in ("20/02/2023", "20/05/2023", "20/09/2023"):
        r.review("A", day)  # the next was due by 20 March 2024 and was not held
    assert r.value("cla_reviews_on_time") == (0, 1)


def test_care_begun_before_the_data_is_judged_on_what_the_data_proves():
    r = Returns(years=(2024,))
    r.episode("SEEN", "01/01/2015")
    for day in ("01/09/2023", "15/02/2024"):
        r.review("SEEN", day)
    r.episode("UNSEEN", "01/01/2015")  # no review at all in the year: more than 6 months
    assert r.value("cla_reviews_on_time") == (1, 2)


def test_children_in_care_under_4_weeks_or_on_short_breaks_are_not_in_the_cohort():
    r = Returns()
    r.episode("NEW", "10/03/2024")
    r.episode("SB", "01/01/2024", ls="V3")
    r.episode("ON", "01/03/2024")  # 30 days: in the cohort, first review not yet due
    assert r.value("cla_reviews_on_time") == (1, 1)


def test_reviews_before_the_current_period_of_care_are_ignored():
    r = Returns()
    r.episode("A", "01/04/2023", "01/05/2023", rec="E4A")
    r.review("A", "20/04/2023")
    r.episode("A", "01/12/2023")  # no review within 20 working days of this start
    assert r.value("cla_reviews_on_time") == (0, 1)


def test_cla_reviews_needs_the_reviews_file():
    r = Returns()
    r.con.execute("DROP TABLE reviews")
    r.episode("A", "01/01/2024")
    result = r.run("cla_reviews_on_time")
    assert not result.computable
    assert result.reason == "needs the SSDA903 file(s) reviews.csv"
