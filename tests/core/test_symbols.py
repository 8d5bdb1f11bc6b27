"""Symbol schemes: every status has a shape and a text in every scheme."""

import pytest

from boardpack.core.status import Status
from boardpack.core.symbols import SCHEMES, SchemeError, get_scheme


@pytest.mark.parametrize(
    ("status", "key", "shape", "text"),
    [
        (Status.WORSE, "red-diamond", "diamond", "Worse than target"),
        (Status.NEAR, "blue-circle", "circle", "Within tolerance"),
        (Status.MET, "blue-circle", "circle", "Within tolerance"),
        (Status.BETTER, "green-plus", "plus", "Better than target"),
    ],
)
def test_the_default_scheme_shows_diamonds_circles_and_pluses(status, key, shape, text):
    symbol = get_scheme("symbols").symbol(status)
    assert (symbol.key, symbol.shape, symbol.text) == (key, shape, text)


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (Status.WORSE, "Red"),
        (Status.NEAR, "Amber"),
        (Status.MET, "Green"),
        (Status.BETTER, "Green"),
    ],
)
def test_the_rag_scheme_shows_red_amber_and_green(status, text):
    assert get_scheme("rag").symbol(status).text == text


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=SCHEMES.keys())
@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_a_shape_and_a_text_in_every_scheme(scheme, status):
    symbol = scheme.symbol(status)
    assert symbol.shape
    assert symbol.text


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=SCHEMES.keys())
def test_no_two_judgements_look_alike_unless_they_mean_the_same(scheme):
    """Symbols that share a colour must differ in shape or be the same symbol."""
    judged = {scheme.symbol(s) for s in (Status.WORSE, Status.NEAR, Status.MET, Status.BETTER)}
    assert len({(s.shape, s.text) for s in judged}) == len(judged)


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=SCHEMES.keys())
def test_the_section_order_names_each_judged_symbol_once(scheme):
    judged = {scheme.symbol(s).key for s in (Status.WORSE, Status.NEAR, Status.MET, Status.BETTER)}
    assert sorted(scheme.section_order) == sorted(judged)


def test_the_sections_put_worse_first():
    assert get_scheme("symbols").section_order[0] == "red-diamond"
    assert get_scheme("rag").section_order[0] == "red"


def test_an_unknown_scheme_is_an_error_naming_the_known_ones():
    with pytest.raises(SchemeError, match="use one of rag, symbols"):
        get_scheme("traffic-lights")
