"""`boardpack benchmark`: one measure and year for this authority, another, or all of them."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.benchmarks.conftest import link


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("benchmark", *args, stdout=out)
    return out.getvalue()


def test_json_gives_numbers_markers_and_nulls_apart(linked):
    assert json.loads(_run("--measure", "PCT", "--year", "2023/24", "--format", "json")) == [
        {
            "authority": "888 Lancashire",
            "value": 40,
            "england": 50,
            "region": 49.9,
            "neighbours_mean": 27.75,
            "neighbours_counted": 2,
            "rank": 3,
            "ranked_of": 4,
            "quartile": "C",
        }
    ]
    found = json.loads(
        _run("--measure", "PCT", "--year", "2024", "--authority", "925", "--format", "json")
    )
    assert (found[0]["value"], found[0]["rank"], found[0]["quartile"]) == ("x", None, None)
    assert found[0]["region"] is None


def test_the_table_prints_every_column(linked):
    lines = _run("--measure", "RATE", "--year", "2024").splitlines()
    assert lines[0] == "RATE 2024: Children looked after rate per 10,000"
    assert lines[1].split() == [
        "authority",
        "value",
        "england",
        "region",
        "neighbours_mean",
        "neighbours_counted",
        "rank",
        "ranked_of",
        "quartile",
    ]
    assert lines[2].split() == ["888", "Lancashire", "68", "69", "94", "70.5", "2", "2", "4", "B"]


def test_all_lists_every_authority_with_the_polarity_of_the_linked_indicator(linked):
    rows = json.loads(
        _run("--measure", "RATE", "--year", "2024", "--authority", "all", "--format", "json")
    )
    assert [(r["authority"], r["value"], r["rank"], r["quartile"]) for r in rows] == [
        ("888 Lancashire", 68, 2, "B"),
        ("889 Blackburn with Darwen", 90, 4, "D"),
        ("890 Blackpool", "c", None, None),
        ("891 Nottinghamshire", 68, 2, "B"),
        ("925 Lincolnshire", 51, 1, "A"),
    ]


def test_a_measure_without_polarity_and_no_link_gets_no_rank(loaded):
    row = json.loads(_run("--measure", "RATE", "--year", "2024", "--format", "json"))[0]
    assert (row["rank"], row["ranked_of"], row["quartile"]) == (None, 4, None)


def test_links_that_disagree_on_polarity_give_none(linked):
    link("CS143", "RATE", "bigger")
    row = json.loads(_run("--measure", "RATE", "--year", "2024", "--format", "json"))[0]
    assert row["rank"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--measure", "NOPE", "--year", "2024"], "--measure: 'NOPE' is not a published measure"),
        (
            ["--measure", "RATE", "--year", "2030"],
            "--year: RATE has no year '2030' (published: 2023, 2024)",
        ),
        (["--measure", "rate", "--year", "2024", "--authority", "970"], "970 is not an authority"),
        (["--measure", "RATE", "--year", "2024", "--authority", "x"], "neither a number nor 'all'"),
    ],
)
def test_what_is_not_there_is_named(loaded, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _run(*args)


def test_without_the_authority_imported_the_command_asks_for_one(loaded, settings):
    settings.BOARDPACK_AUTHORITY_NUMBER = 123
    with pytest.raises(CommandError, match="give --authority"):
        _run("--measure", "RATE", "--year", "2024")
