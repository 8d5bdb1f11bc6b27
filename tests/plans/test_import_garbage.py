"""Hypothesis feeds the tracker importer garbage: it never crashes and never writes half a file."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.core.problems import ImportFailed
from boardpack.plans.models import Action, BragChange, Objective, Plan, ProgressEntry
from tests.plans.trackers import HEADER, import_tracker, workbook_bytes

GARBAGE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MODELS = (Plan, Objective, Action, ProgressEntry, BragChange)
cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Objective 1 – Voice",
            "Objective 99999 – x",
            "How will we Achieve this:",
            "31/04/19",
            "Ongoing-Mar-20",
            "Amber/Green",
            "Blu",
            "14.05.19 - JL advised",
            "Duplicate of 1",
            "1",
            "7b",
            "",
        ]
    ),
)
rows = st.lists(st.lists(cells, max_size=13), max_size=8)


def _counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in MODELS)


def _attempt(data: bytes, name: str) -> None:
    before = _counts()
    failure = None
    try:
        import_tracker(data, name=name)
    except ImportFailed as caught:
        failure = caught
    if failure is not None:
        assert failure.errors
        assert all(error.file == name for error in failure.errors)
        assert _counts() == before


@GARBAGE
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash_the_importer(db, data):
    _attempt(data, "garbage.csv")
    _attempt(b"PK" + data, "garbage.xlsx")


@GARBAGE
@given(body=rows)
def test_garbage_rows_under_a_header_are_all_or_nothing(db, body):
    csv = "\n".join(
        ",".join(f'"{cell.replace(chr(34), "")}"' for cell in row) for row in [HEADER, *body]
    )
    _attempt(csv.encode(), "garbage.csv")


@GARBAGE
@given(body=rows, title=st.text(max_size=30))
def test_garbage_sheets_are_all_or_nothing(db, body, title):
    printable = [[c for c in row if c.isprintable()] for row in body]
    _attempt(
        workbook_bytes({"Plan": [[title if title.isprintable() else ""], HEADER, *printable]}),
        "g.xlsx",
    )
