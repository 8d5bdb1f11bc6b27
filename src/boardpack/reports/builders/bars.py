"""Status bars for the reports' summaries: the web pages' bars (shape, count and colour in
proportion) drawn by lib/charts, one bar per row of the summary table they stand beside."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from boardpack.lib.charts import Segment, proportion_bar
from boardpack.reports.document import Chart, Mark, Table

TINTS = {
    "red-diamond": "#f4cdc6",
    "red": "#f4cdc6",
    "blue-circle": "#bbd4ea",
    "blue": "#bbd4ea",
    "green-plus": "#cce2d8",
    "green": "#cce2d8",
    "amber": "#fcd6c3",
}
"""The site's status tints (site.css), which black text reads on; anything else is grey."""
OTHER_TINT = "#e5e6e7"
BAR_WIDTH = 640
ROW_HEIGHT = 48
LABEL_SIZE = 12

BarRow = tuple[str, Sequence[tuple[Mark, int]]]
"""A row's label and its count of each status."""


def _row_svg(label: str, counts: Sequence[tuple[Mark, int]], top: int) -> str:
    segments = [Segment(mark.key, mark.text, mark.glyph, count) for mark, count in counts]
    said = ", ".join(f"{mark.text}: {count}" for mark, count in counts)
    fills = {mark.key: TINTS.get(mark.key, OTHER_TINT) for mark, _ in counts}
    bar = proportion_bar(segments, f"{label}: {said}", fills=fills, width=BAR_WIDTH)
    return (
        f'<g transform="translate(0,{top})"><text x="0" y="{LABEL_SIZE}" '
        f'font-size="{LABEL_SIZE}" font-weight="bold" font-family="Arial, sans-serif">'
        f'{escape(label)}</text><g transform="translate(0,{LABEL_SIZE + 6})">{bar}</g></g>'
    )


def status_bars(title: str, rows: Sequence[BarRow], data: Table) -> Chart:
    """A bar per row, the table of the same counts below it (the chart's data)."""
    height = ROW_HEIGHT * len(rows)
    said = "; ".join(
        f"{label}: " + ", ".join(f"{mark.text} {count}" for mark, count in counts)
        for label, counts in rows
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bp-bars" '
        f'width="{BAR_WIDTH}" '
        f'height="{height}" viewBox="0 0 {BAR_WIDTH} {height}" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title><desc>{escape(said)}</desc>"
        + "".join(_row_svg(label, counts, n * ROW_HEIGHT) for n, (label, counts) in enumerate(rows))
        + "</svg>"
    )
    return Chart(title=title, svg=svg, data=data, stacked=True)
