"""The one Problem type: what an import and the calc engine print is as before."""

from boardpack.calc.problems import problem
from boardpack.core.problems import ImportFailed, Problem


def test_an_import_problem_names_file_sheet_row_and_quoted_column():
    assert str(Problem("values.csv", 3, "period", "'2012-13' is not a month")) == (
        "values.csv, row 3, column 'period': '2012-13' is not a month"
    )
    assert str(
        Problem("tracker.xlsx", 2, "REF", "an action before any objective", sheet="Plan")
    ) == ("tracker.xlsx, sheet 'Plan', row 2, column 'REF': an action before any objective")


def test_a_problem_of_the_whole_file_or_a_column_leaves_out_what_it_lacks():
    assert str(Problem("v.csv", None, None, "has no header row")) == "v.csv: has no header row"
    assert str(Problem("v.csv", None, "Values", "and 3 more rows like these")) == (
        "v.csv, column 'Values': and 3 more rows like these"
    )


def test_a_return_s_problem_names_its_field_bare_and_the_child():
    found = problem("903/2024/episodes.csv", 3, "PLACE", "unknown code 'Q9' for 2024", "B2")
    assert (
        str(found) == "903/2024/episodes.csv, row 3, PLACE: unknown code 'Q9' for 2024 (child B2)"
    )
    assert str(problem("903/2024/header.csv", None, None, "required file missing")) == (
        "903/2024/header.csv: required file missing"
    )


def test_how_a_column_is_shown_is_not_part_of_what_the_problem_is():
    assert problem("a.csv", 1, "LS", "required column missing") == Problem(
        "a.csv", 1, "LS", "required column missing"
    )


def test_import_failed_counts_the_problems():
    failure = ImportFailed([Problem("a.csv", 1, None, "x"), Problem("a.csv", 2, None, "y")])
    assert str(failure) == "2 error(s); nothing was written"
    assert [p.row for p in failure.errors] == [1, 2]
