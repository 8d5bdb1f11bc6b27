"""Hypothesis feeds the importers garbage: they never crash and never write half a file."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.core.problems import ImportFailed
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Actual, Comment, Indicator, Target

COLUMNS = {
    "indicators": ["code", "title", "director", "polarity", "unit", "tolerance", "type", "due"],
    "values": ["code", "period", "actual", "target", "provisional"],
    "comments": ["code", "period", "author", "subject", "text"],
}
cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["2042SC", "2012-06", "31/04/19", "Jun-12", "37.47", "-", "1e999", "2%"]),
)
FIXTURE = "code,title,director,polarity\n2042SC,LAC rate,Director,smaller\n"
GARBAGE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Indicator, Actual, Target, Comment))


def _attempt(kind: str, data: bytes, name: str = "garbage.csv") -> None:
    before = _counts()
    failure = None
    try:
        run_import(kind, Source.file(name, data), user=None)
    except ImportFailed as caught:
        failure = caught
    if failure is not None:
        assert failure.errors
        assert all(e.file == name for e in failure.errors)
        assert _counts() == before


@pytest.fixture
def known_indicator(db):
    run_import("indicators", Source.file("i.csv", FIXTURE.encode()), user=None)


@pytest.mark.parametrize("kind", sorted(COLUMNS))
@GARBAGE_SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash_an_importer(known_indicator, kind, data):
    _attempt(kind, data)


@pytest.mark.parametrize("kind", sorted(COLUMNS))
@GARBAGE_SETTINGS
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=7), max_size=6))
def test_garbage_rows_are_all_or_nothing(known_indicator, kind, rows):
    header = ",".join(COLUMNS[kind])
    body = "\n".join(",".join(f'"{c.replace(chr(34), "")}"' for c in row) for row in rows)
    _attempt(kind, f"{header}\n{body}\n".encode())


@GARBAGE_SETTINGS
@given(data=st.binary(max_size=200))
def test_garbage_named_xlsx_is_refused_cleanly(known_indicator, data):
    _attempt("values", b"PK" + data, name="values.xlsx")
