"""Whatever text a published value holds, it is stored as the number or marker it is, or the
import fails naming its row and column: never read as something else, never silently dropped."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boardpack.benchmarks.models import PublishedValue
from boardpack.core.comparators import MARKERS, is_marker
from boardpack.core.problems import ImportFailed
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from tests.benchmarks.files import NAMES, write_figures

AUTHORITIES = (888, 889, 890, 925, 891)
SIX_PLACES = Decimal("0.000001")
values = st.one_of(
    st.sampled_from(sorted(MARKERS)),
    st.decimals(min_value=-(10**6), max_value=10**6, places=4).map(str),
    st.text(
        alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" .-+eE[]"),
        max_size=6,
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(values, min_size=5, max_size=5))
def test_any_value_is_stored_as_published_or_reported(loaded, tmp_path, texts):
    rows = [
        ("RATE", "", "2024", NAMES[n], text, float(n), "")
        for n, text in zip(AUTHORITIES, texts, strict=True)
    ]
    path = write_figures(tmp_path / "values.csv", rows)
    try:
        run_import("benchmarks", Source.at(path), user=None)
        errors = []
    except ImportFailed as failure:
        errors = failure.errors
    for error in errors:
        assert (error.file, error.column) == ("values.csv", "Values")
        assert not is_marker(texts[error.row - 2])
    if errors:
        return
    stored = {
        p.area.number: p
        for p in PublishedValue.objects.filter(measure__code="RATE", year="2024").select_related(
            "area"
        )
    }
    assert set(stored) == set(AUTHORITIES)
    for number, text in zip(AUTHORITIES, texts, strict=True):
        figure = stored[number]
        if is_marker(text):
            assert (figure.value, figure.marker) == (None, text.strip())
        else:
            expected = Decimal(text.strip()).quantize(SIX_PLACES)
            assert (figure.value, figure.marker) == (expected, "")
