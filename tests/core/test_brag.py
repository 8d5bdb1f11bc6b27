"""BRAG: the seeds' statuses as written, misspellings, what is not a status, and the styles."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.brag import BRAG_ORDER, BRAG_STYLES, Brag, BragReading, parse_brag
from boardpack.core.symbols import get_scheme


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # every BRAG cell of seed 002, as written
        ("Green", Brag.GREEN),
        ("green", Brag.GREEN),
        ("Amber", Brag.AMBER),
        ("Red", Brag.RED),
        ("Blue", Brag.BLUE),
        ("blue", Brag.BLUE),
        ("Blu", Brag.BLUE),
        # any case, spaces, abbreviations
        ("GREEN ", Brag.GREEN),
        ("  amber\n", Brag.AMBER),
        ("Amb", Brag.AMBER),
        ("Grn", Brag.GREEN),
        ("G", Brag.GREEN),
        ("R", Brag.RED),
        ("A", Brag.AMBER),
        ("B", Brag.BLUE),
        ("g.", Brag.GREEN),
        ("'Red'", Brag.RED),
        # written with its name, as the seeds' progress text does
        ("RAG - Amber", Brag.AMBER),
        ("RAG Blue", Brag.BLUE),
        ("BRAG: green", Brag.GREEN),
        ("Status: Red", Brag.RED),
        # complete and closed is Blue's definition
        ("Complete", Brag.BLUE),
        ("Completed", Brag.BLUE),
        ("Closed", Brag.BLUE),
        ("Action complete and closed", Brag.BLUE),
        ("Complete & Closed", Brag.BLUE),
    ],
)
def test_it_reads_a_status_in_any_case_and_its_common_abbreviations(text, status):
    assert parse_brag(text) == BragReading(text, status)


@pytest.mark.parametrize(
    ("text", "status"),
    [("Gren", Brag.GREEN), ("Greeen", Brag.GREEN), ("Ambr", Brag.AMBER), ("Bleu", Brag.BLUE)],
)
def test_a_misspelling_is_read_but_flagged_for_a_person_to_check(text, status):
    reading = parse_brag(text)
    assert reading.status is status
    assert reading.flags == (f"read {text!r} as {status.label}: check it",)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Amber/Green", "'Amber/Green' names more than one status (Amber, Green)"),
        ("R/A", "'R/A' names more than one status (Red, Amber)"),
        ("TBC", "'TBC' is not a BRAG status: use Blue, Red, Amber or Green"),
        ("N/A", "'N/A' is not a BRAG status: use Blue, Red, Amber or Green"),
        ("Grey", "'Grey' is not a BRAG status: use Blue, Red, Amber or Green"),
        ("-", "'-' is not a BRAG status: use Blue, Red, Amber or Green"),
        ("Rd Amber", "'Rd Amber' names more than one status (Red, Amber)"),
        ("Green - on track", "'Green - on track' is not a BRAG status"),
        ("Not started", "'Not started' is not a BRAG status"),
        ("Duplicate of 12b - Close", "'Duplicate of 12b - Close' is not a BRAG status"),
    ],
)
def test_text_that_is_not_one_status_is_kept_with_no_status_and_a_flag(text, flag):
    reading = parse_brag(text)
    assert (reading.text, reading.status) == (text, None)
    assert reading.flags[0].startswith(flag)


@pytest.mark.parametrize("text", ["", "  ", "\t\n"])
def test_a_blank_cell_is_no_status_and_nothing_to_flag(text):
    assert parse_brag(text) == BragReading(text)


def test_statuses_are_shown_most_urgent_first_and_complete_last():
    assert BRAG_ORDER == (Brag.RED, Brag.AMBER, Brag.GREEN, Brag.BLUE)
    assert set(BRAG_ORDER) == set(Brag) == set(BRAG_STYLES)


def test_every_status_has_its_own_shape_glyph_and_text_so_colour_is_never_alone():
    styles = [status.style for status in Brag]
    for attribute in ("shape", "glyph", "label", "summary", "colour", "hex"):
        assert len({getattr(style, attribute) for style in styles}) == len(styles)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (Brag.GREEN, "on target to be delivered to budget, programme and quality"),
        (Brag.AMBER, "some issues may affect programme, cost or quality"),
        (Brag.RED, "will affect programme, cost or quality"),
        (Brag.BLUE, "complete and closed"),
    ],
)
def test_the_definitions_are_the_seeds_own(status, words):
    assert words in status.style.definition


@given(st.sampled_from(list(Brag)), st.sampled_from([str.upper, str.lower, str.title]))
def test_every_label_and_value_reads_back_as_its_status(status, case):
    assert parse_brag(case(status.label)) == BragReading(case(status.label), status)
    assert parse_brag(f" {status.value} ").status is status


@given(st.text())
def test_any_text_is_read_without_error_and_kept_with_a_status_or_a_reason(text):
    reading = parse_brag(text)
    assert reading.text == text
    assert reading.status is not None or bool(reading.flags) == bool(text.strip())


def test_no_brag_glyph_is_a_scorecard_symbols_glyph():
    """Amber (issues being managed) must not read as the scorecard's ● "Within tolerance"."""
    scorecard = {symbol.glyph for symbol in get_scheme("symbols").symbols.values()}
    assert not {status.style.glyph for status in Brag} & scorecard
