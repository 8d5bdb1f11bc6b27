"""Progress logs: the entry formats of the seeds' Progress cells, nothing lost, and properties."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.progress import (
    ProgressEntry,
    format_progress,
    format_progress_entry,
    parse_progress,
)


def summary(text):
    return [(e.marker, e.date, e.author, e.text) for e in parse_progress(text)]


def non_space(text):
    return re.sub(r"\s", "", text)


# Progress cells of seed 002, as written (actions 1 of objective 1, 4a of objective 2, 1 of
# objective 6, 1 of objective 7).
ACTION_1 = (
    "Corporate Parent Champion leads from each locality agreed at SMT 15.01.19. 26.03.19 - "
    "Meeting arranged 09.05.19 - EG, JL, BB, DC to consider next steps as this had been put on "
    "hold. 14.05.19 - JL advised EG confirmed that this paused until the Director of Children's "
    "Social Care has been appointed."
)
ACTION_4A = (
    "Audit required. 24.05.19 - wording amended 07/08/19 - awaiting audit - date amended. "
    "09.08.19 - Planning meeting to scope the audits on 15.08.19"
)
ACTION_6_1 = (
    "Progress under SDQ Project 14.05.19 - this is now included in the Health Assessment "
    "Project. Due to be finalised 31.05.19. Implementation to be completed by 31.07.19 "
    "July 19 - SDQ process to go to SMT on 30 July 2019."
)
ACTION_7_1 = (
    "Promotion of ASDAN through existing mechanisms in LCC 13.05.19 - Leaving Coordinator "
    "confirms ASDAN is continually being promoted. July G2G - Foster Carer Training has been "
    "delivered. 23.07.19 - ASDAN also captured in the Review of the Leaving Care Service"
)


def test_it_splits_entries_run_together_in_one_paragraph_and_keeps_the_text_before_them():
    entries = parse_progress(ACTION_1)
    assert [(e.marker, e.date, e.author) for e in entries] == [
        (None, None, None),
        ("26.03.19", date(2019, 3, 26), None),
        ("09.05.19", date(2019, 5, 9), None),
        ("14.05.19", date(2019, 5, 14), None),
    ]
    assert [e.text for e in entries] == [
        "Corporate Parent Champion leads from each locality agreed at SMT 15.01.19.",
        "Meeting arranged",
        "EG, JL, BB, DC to consider next steps as this had been put on hold.",
        "JL advised EG confirmed that this paused until the Director of Children's Social Care "
        "has been appointed.",
    ]


def test_it_reads_dotted_and_slashed_days_and_leaves_dates_inside_sentences_alone():
    assert summary(ACTION_4A) == [
        (None, None, None, "Audit required."),
        ("24.05.19", date(2019, 5, 24), None, "wording amended"),
        ("07/08/19", date(2019, 8, 7), None, "awaiting audit - date amended."),
        ("09.08.19", date(2019, 8, 9), None, "Planning meeting to scope the audits on 15.08.19"),
    ]


def test_a_month_with_a_year_is_an_entry_dated_the_end_of_that_month():
    entries = parse_progress(ACTION_6_1)
    assert [e.marker for e in entries] == [None, "14.05.19", "July 19"]
    assert (entries[2].date, entries[2].month_only) == (date(2019, 7, 31), True)
    assert entries[2].text == "SDQ process to go to SMT on 30 July 2019."


def test_a_month_with_a_label_keeps_the_label_and_has_no_date():
    entries = parse_progress(ACTION_7_1)
    assert [(e.marker, e.date) for e in entries] == [
        (None, None),
        ("13.05.19", date(2019, 5, 13)),
        ("July G2G", None),
        ("23.07.19", date(2019, 7, 23)),
    ]
    assert entries[2].text == "Foster Carer Training has been delivered."
    assert not entries[2].flags


@pytest.mark.parametrize(
    ("text", "marker", "day", "body"),
    [
        ("14.05.19 - JL advised EG", "14.05.19", date(2019, 5, 14), "JL advised EG"),
        ("07/08/19 - awaiting audit", "07/08/19", date(2019, 8, 7), "awaiting audit"),
        ("14/5/19: meeting held", "14/5/19", date(2019, 5, 14), "meeting held"),
        ("02.08.19 -Planning meeting", "02.08.19", date(2019, 8, 2), "Planning meeting"),
        ("22.07.19 – Delivery commenced", "22.07.19", date(2019, 7, 22), "Delivery commenced"),
        ("01/08/2019 - current position", "01/08/2019", date(2019, 8, 1), "current position"),
        ("July 19 - As the transition", "July 19", date(2019, 7, 31), "As the transition"),
        ("Jul-19 - Closed", "Jul-19", date(2019, 7, 31), "Closed"),
        ("July G2G - Foster Carer", "July G2G", None, "Foster Carer"),
        ("July GTG -Foster Carer", "July GTG", None, "Foster Carer"),
        ("July Update- Local Offer", "July Update", None, "Local Offer"),
        ("G2GP April QM - Completed.", "G2GP April QM", None, "Completed."),
        ("July G2G Plan 2019 - Tracker", "July G2G Plan 2019", None, "Tracker"),
    ],
)
def test_it_reads_every_entry_format_of_the_issue(text, marker, day, body):
    assert summary(text) == [(marker, day, None, body)]


def test_entries_at_line_starts_need_no_dash():
    text = "first note\n14.05.19 Discharges as of 10th May\n15.05.19 Care Leavers Forum refreshed"
    assert summary(text) == [
        (None, None, None, "first note"),
        ("14.05.19", date(2019, 5, 14), None, "Discharges as of 10th May"),
        ("15.05.19", date(2019, 5, 15), None, "Care Leavers Forum refreshed"),
    ]


def test_a_date_after_a_full_stop_starts_an_entry_but_one_inside_a_sentence_does_not():
    assert summary("Agreed 04.03.19. 29.03.19 K Harrison from ART wrote") == [
        (None, None, None, "Agreed 04.03.19."),
        ("29.03.19", date(2019, 3, 29), None, "K Harrison from ART wrote"),
    ]
    assert len(parse_progress("Phase commences 30.09.19 and ends 31.03.20 for all.")) == 1


@pytest.mark.parametrize(
    "text", ["See 4.4.6 - Permanence Policy", "Up by 10.5 - 12 now", "PAP Mtg v1.0 - agreed"]
)
def test_references_and_numbers_before_a_dash_are_not_dates(text):
    assert summary(text) == [(None, None, None, text)]


def test_a_range_of_dates_does_not_start_an_entry():
    text = "Consultation w.c. 25.03.19 - 22.04.19. 18.06.19 - Proposal presented"
    assert [e.marker for e in parse_progress(text)] == [None, "18.06.19"]
    text = "Placements 01/01/2019 - 31/07/2019 - 48 children ceased to be LAC"
    assert [e.marker for e in parse_progress(text)] == [None]


@pytest.mark.parametrize(
    ("text", "author", "body"),
    [
        ("15.05.19 BG – performance needs to improve", "BG", "performance needs to improve"),
        ("26.04.19 - A Smith - Weekly performance report", "A Smith", "Weekly performance report"),
        ("30.04.19 - BG - Done - RAG Blue.", "BG", "Done - RAG Blue."),
        ("14.05.19 - JL advised EG confirmed", None, "JL advised EG confirmed"),
        ("15.05.19 Chris Hayes - The CAF report", None, "Chris Hayes - The CAF report"),
        ("09.08.19 VG East - An review", None, "VG East - An review"),
        ("14.05.19 - SMT - agreed", None, "SMT - agreed"),
        ("14.05.19 - PAP Mtg v1.0 - 26.04.19", None, "PAP Mtg v1.0 - 26.04.19"),
    ],
)
def test_an_author_is_set_only_where_clearly_marked_and_the_text_keeps_the_rest(text, author, body):
    [entry] = parse_progress(text)
    assert (entry.author, entry.text) == (author, body)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("31.04.19 - Audit report", "31.04.19 is not a date that exists"),
        ("05.13.19 - email JL to HoS", "05.13.19 is not a date that exists"),
        ("23.019 - Action carried over", "could not read '23.019' as a date"),
        ("01./03/20 - Pilot", "could not read '01./03/20' as a date"),
    ],
)
def test_an_entry_with_an_impossible_date_keeps_its_text_and_is_flagged(text, flag):
    [entry] = parse_progress(text)
    assert entry.date is None
    assert entry.marker == text.split(" - ")[0]
    assert entry.text == text.split(" - ", 1)[1]
    assert entry.flags[0].startswith(flag)


@pytest.mark.parametrize("text", ["", "  ", "\n\n"])
def test_a_blank_cell_has_no_entries(text):
    assert parse_progress(text) == []


def test_undated_text_is_one_undated_entry():
    assert parse_progress("  No update received. ") == [
        ProgressEntry("No update received.", raw="No update received.", start=2)
    ]


def test_every_entry_knows_where_it_was_written():
    for entry in parse_progress(ACTION_1):
        assert ACTION_1[entry.start : entry.end] == entry.raw


def test_an_entry_written_by_boardpack_reads_back():
    text = format_progress_entry(date(2019, 5, 14), "JL advised EG")
    assert text == "14.05.19 - JL advised EG"
    assert summary(text) == [("14.05.19", date(2019, 5, 14), None, "JL advised EG")]
    assert format_progress_entry(date(1999, 12, 31), "x") == "31.12.1999 - x"


SEED_WORDS = ("14.05.19", "31.04.19", "23.019", "07/08/19", "July", "19", "2019", "G2G", "QM")
seed_words = st.sampled_from(
    [*SEED_WORDS, "Update", "BG", "A Smith", "Meeting", "held", "and", "-", "–", ":", ".", "\n"]
)
progress_like = st.lists(seed_words).map(" ".join)
any_text = st.one_of(st.text(), progress_like)


@given(any_text)
def test_nothing_is_lost_every_non_space_character_is_kept_in_order(text):
    entries = parse_progress(text)
    assert non_space("".join(entry.raw for entry in entries)) == non_space(text)
    for entry in entries:
        assert text[entry.start : entry.end] == entry.raw
        assert entry.raw == entry.raw.strip() != ""
    assert [entry.start for entry in entries] == sorted(entry.start for entry in entries)


@given(any_text)
def test_dates_exist_and_only_a_month_has_month_only(text):
    for entry in parse_progress(text):
        assert entry.date is None or isinstance(entry.date, date)
        assert not entry.month_only or entry.date is not None
        assert entry.text in entry.raw


@given(any_text)
def test_writing_the_entries_one_a_line_reads_back_the_same_entries(text):
    entries = parse_progress(text)
    again = parse_progress(format_progress(entries))
    assert [(e.marker, e.date, e.author, e.text, e.flags) for e in again] == [
        (e.marker, e.date, e.author, e.text, e.flags) for e in entries
    ]


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)),
    st.text(alphabet=st.characters(categories=["Ll", "Zs"]), min_size=1).filter(str.strip),
)
def test_a_formatted_entry_reads_back_as_its_date_and_text(day, words):
    [entry] = parse_progress(format_progress_entry(day, words))
    assert (entry.date, entry.text) == (day, words.strip())
