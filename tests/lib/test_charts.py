"""The chart module: same input same bytes, gaps break lines, scaling, escaping, accessibility."""

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.lib.charts import (
    ChartError,
    Dash,
    Key,
    Mark,
    Marker,
    Segment,
    Series,
    line_chart,
    nice_ticks,
    proportion_bar,
    sparkline,
)

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug"]


def _chart(*series: Series, **options: object) -> str:
    return line_chart(list(series), x_labels=MONTHS, title="Trend", **options)


def _series_groups(svg: str) -> list[ET.Element]:
    return [g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "chart-series"]


def _lines(group: ET.Element) -> list[str]:
    return [p.get("d", "") for p in group.findall(f"{SVG}path") if p.get("fill") == "none"]


def test_the_same_input_gives_the_same_bytes():
    series = Series("This year", [1.5, 2.25, None, 3.0, 2.0])
    assert _chart(series) == _chart(Series("This year", [1.5, 2.25, None, 3.0, 2.0]))


def test_it_is_an_image_with_a_title_and_a_description_screen_readers_can_find():
    svg = _chart(Series("This year", [1.0, 2.0, 3.0, 4.0, 5.0]), chart_id="trend-7")
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Trend"
    desc = root.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    assert "Apr to Aug" in desc.text
    assert "from 1 to 5" in desc.text


def test_a_missing_value_breaks_the_line():
    svg = _chart(Series("This year", [1.0, 2.0, None, 4.0, 5.0]))
    (group,) = _series_groups(svg)
    lines = _lines(group)
    assert len(lines) == 2
    assert all(d.count("M") == 1 and d.count("L") == 1 for d in lines)
    # One marker per present value, each with its tooltip.
    assert len(group.findall(f"{SVG}g")) == 4


def test_a_lone_value_between_gaps_is_a_marker_without_a_line():
    svg = _chart(Series("This year", [None, None, 37.47, None, None]))
    (group,) = _series_groups(svg)
    assert _lines(group) == []
    assert group.find(f"{SVG}g/{SVG}title").text == "This year, Jun: 37.47"


def test_values_are_scaled_between_the_lowest_and_highest_tick():
    svg = _chart(Series("Share", [0.0, 25.0, 50.0, 75.0, 100.0]), unit_suffix="%")
    ticks = re.findall(r'text-anchor="end" fill="#0b0c0c">([^<]+)<', svg)
    assert ticks == ["0%", "20%", "40%", "60%", "80%", "100%"]
    (group,) = _series_groups(svg)
    ys = [float(c.get("cy")) for c in group.iter(f"{SVG}circle")]
    gridlines = [float(line.get("y1")) for line in ET.fromstring(svg).iter(f"{SVG}line")]
    # Bigger values are drawn higher up (smaller y).
    assert ys == sorted(ys, reverse=True)
    assert ys[0] == max(gridlines)
    assert ys[-1] == min(gridlines)
    assert ys[1] - ys[2] == pytest.approx(ys[2] - ys[3])


def test_text_is_escaped():
    nasty = '<script>alert("x")</script> & co'
    svg = line_chart(
        [Series(nasty, [1.0, None, 2.0, 3.0, 4.0], labels=[nasty] * 5)],
        x_labels=[nasty, "b", "c", "d", "e"],
        title=nasty,
        description=nasty,
    )
    assert "<script>" not in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == nasty
    assert nasty in root.find(f"{SVG}desc").text


def test_a_colour_that_is_not_a_colour_is_refused():
    with pytest.raises(ChartError, match="not a colour"):
        Series("x", [1.0], colour='red" onload="alert(1)')


def test_series_differ_by_line_style_and_marker_not_only_colour():
    svg = _chart(
        Series("This year", [1.0, 2.0, 3.0, 4.0, 5.0]),
        Series("Last year", [2.0, 2.0, 2.0, 3.0, 3.0], dash=Dash.DASHED, marker=Marker.SQUARE),
        Series("Target", [3.0] * 5, dash=Dash.DOTTED, marker=Marker.BAR, stepped=True),
    )
    now, before, target = _series_groups(svg)
    assert "stroke-dasharray" not in ET.tostring(now).decode()
    assert before.find(f"{SVG}path").get("stroke-dasharray") == "8 5"
    assert target.find(f"{SVG}path").get("stroke-dasharray") == "2 4"
    assert now.find(f"{SVG}g/{SVG}circle") is not None
    assert before.find(f"{SVG}g/{SVG}rect") is not None
    legend = [g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "chart-legend"]
    assert [t.text for t in legend[0].iter(f"{SVG}text")] == ["This year", "Last year", "Target"]


def test_a_stepped_series_holds_each_value_until_the_next():
    svg = _chart(Series("Target", [1.0, 1.0, 2.0, None, None], stepped=True))
    (group,) = _series_groups(svg)
    (line,) = _lines(group)
    points = [tuple(p.split()) for p in re.findall(r"[ML]([\d.]+ [\d.]+)", line)]
    # The start, then across at the old level and up, for each of the two later points.
    assert len(points) == 5
    assert points[3][1] == points[2][1]
    assert points[3][0] == points[4][0]


def test_a_chart_without_values_says_so():
    svg = _chart(Series("This year", [None] * 5))
    assert ">No values</text>" in svg
    assert "no values" in ET.fromstring(svg).find(f"{SVG}desc").text


def test_a_long_title_wraps_inside_the_chart():
    title = "2042SC: 2012/13 and 2011/12 against target, a long title for a narrow chart"
    svg = line_chart([], x_labels=MONTHS, title=title, width=300, height=300)
    lines = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text") if t.get("font-weight")]
    assert len(lines) > 1
    assert " ".join(lines) == title


def test_values_and_labels_must_match_the_x_labels():
    with pytest.raises(ChartError, match="4 values for 5 labels"):
        _chart(Series("Short", [1.0, 2.0, 3.0, 4.0]))
    with pytest.raises(ChartError, match="labels for its values"):
        _chart(Series("Bad", [1.0] * 5, labels=["1"]))
    with pytest.raises(ChartError, match="finite"):
        _chart(Series("Bad", [1.0, float("nan"), 1.0, 1.0, 1.0]))


@pytest.mark.parametrize(
    ("low", "high", "ticks", "decimals"),
    [
        (34.92, 37.47, (34, 35, 36, 37, 38), 0),
        (36, 37.47, (36, 36.5, 37, 37.5), 1),
        (0, 100, (0, 20, 40, 60, 80, 100), 0),
        (0.3, 0.31, (0.3, 0.302, 0.304, 0.306, 0.308, 0.31), 3),
        (5, 5, (4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6), 1),
    ],
)
def test_ticks_are_round_numbers(low, high, ticks, decimals):
    assert nice_ticks(low, high) == (ticks, decimals)


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
)
def test_ticks_cover_the_values_in_equal_steps(low, span):
    ticks, _ = nice_ticks(low, low + span)
    steps = [b - a for a, b in pairwise(ticks)]
    slack = max(steps) * 1e-6
    assert ticks[0] <= low + slack
    assert ticks[-1] >= low + span - slack
    assert 2 <= len(ticks) <= 12
    assert max(steps) - min(steps) <= slack


def test_a_point_can_carry_its_own_marker_and_colour():
    marks = [None, Mark(Marker.TRIANGLE, "#1d70b8"), None, Mark(Marker.DIAMOND, "#a34400"), None]
    (group,) = _series_groups(_chart(Series("Actual", [1.0, 2.0, 3.0, 4.0, 5.0], marks=marks)))
    shapes = [g[1] for g in group.findall(f"{SVG}g")]
    assert [s.tag.removeprefix(SVG) for s in shapes] == [
        "circle",
        "path",
        "circle",
        "path",
        "circle",
    ]
    assert [s.get("stroke") for s in shapes] == [
        "#1d70b8",
        "#1d70b8",
        "#1d70b8",
        "#a34400",
        "#1d70b8",
    ]


def test_marks_must_match_the_values():
    with pytest.raises(ChartError, match="1 marks for its values"):
        _chart(Series("Actual", [1.0, 2.0, 3.0, 4.0, 5.0], marks=[None]))
    with pytest.raises(ChartError, match="is not a colour"):
        Mark(Marker.CIRCLE, "red; stroke: url(x)")


def test_a_key_is_a_legend_entry_without_a_line():
    svg = _chart(
        Series("Actual", [1.0, 2.0, 3.0, 4.0, 5.0]),
        keys=[Key("Concern", Marker.DIAMOND, "#a34400")],
    )
    legend = next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "chart-legend")
    assert [t.text for t in legend.findall(f"{SVG}text")] == ["Actual", "Concern"]
    assert len([p for p in legend.findall(f"{SVG}path") if p.get("fill") == "none"]) == 1
    assert any(p.get("stroke") == "#a34400" for p in legend.findall(f"{SVG}path"))


def test_a_line_can_stay_out_of_the_legend():
    svg = _chart(
        Series("Limits", [3.0] * 5, marker=Marker.NONE),
        Series("Lower limit", [1.0] * 5, marker=Marker.NONE, in_legend=False),
    )
    legend = next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "chart-legend")
    assert [t.text for t in legend.findall(f"{SVG}text")] == ["Limits"]
    assert len(_series_groups(svg)) == 2


def test_a_sparkline_breaks_at_a_gap_and_marks_the_last_point():
    svg = sparkline([1.0, 2.0, None, 3.0, 4.0], "CS1: 4 of 5 periods")
    assert svg.count("<path") == 2
    assert svg.count("<circle") == 1
    assert 'role="img"' in svg
    assert 'aria-label="CS1: 4 of 5 periods"' in svg
    assert 'width="80" height="22"' in svg


def test_a_sparkline_with_one_value_draws_no_line_and_escapes_its_label():
    svg = sparkline([None, 5.0], '<script>"x"</script>')
    assert "<path" not in svg
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_a_flat_sparkline_is_drawn_mid_height_without_dividing_by_zero():
    svg = sparkline([2.0, 2.0, 2.0], "flat")
    assert "M3 11 L40 11 L77 11" in svg


def test_a_proportion_bar_gives_each_part_its_share_glyph_and_count():
    svg = proportion_bar(
        [
            Segment("red", "Worse", "◆", 3),
            Segment("green", "Better", "✚", 1),
            Segment("x", "Y", "•", 0),
        ],
        "Worse: 3, Better: 1",
    )
    assert '<rect class="bp-status--red" x="0.000%" y="0" width="75.000%"' in svg
    assert '<rect class="bp-status--green" x="75.000%" y="0" width="25.000%"' in svg
    assert "bp-status--x" not in svg
    assert ">◆ 3</text>" in svg
    assert ">✚ 1</text>" in svg


def test_a_part_too_narrow_for_its_label_is_drawn_without_one():
    svg = proportion_bar([Segment("a", "A", "◆", 99), Segment("b", "B", "●", 1)], "A: 99, B: 1")
    assert "● 1" not in svg
    assert 'class="bp-status--b"' in svg


@pytest.mark.parametrize("key", ["Red", "a b", '"x', ""])
def test_a_segment_key_must_be_a_class_name(key):
    with pytest.raises(ChartError, match="class name"):
        Segment(key, "A", "◆", 1)


def test_a_segment_count_cannot_be_negative():
    with pytest.raises(ChartError, match="negative"):
        Segment("a", "A", "◆", -1)
