"""The HTML renderer's tables: every cell escaped, headers scoped, numbers aligned, marks whole."""

from decimal import Decimal

from boardpack.reports.document import Cell, Mark, Table
from boardpack.reports.templatetags.report_tables import table_html

RED = Mark("red-diamond", "◆", "Worse than target")


def test_a_grid_has_scoped_headers_numbers_marks_and_escaped_text():
    table = Table(
        caption="CS01 <grid> & more",
        header=("", "30/04/12", "31/05/12"),
        rows=(
            (Cell("Actual"), Cell("4.5", Decimal("4.5"), 1), Cell("Line one\nline <two>")),
            (Cell("Target"), Cell("5.0", Decimal("5"), 1), Cell("")),
            (Cell("Symbol"), Cell("", mark=RED), Cell("")),
        ),
        row_headers=True,
    )
    html = str(table_html(table))
    assert '<table class="grid">' in html
    assert "<caption>CS01 &lt;grid&gt; &amp; more</caption>" in html
    assert '<th scope="col" class="num">30/04/12</th><th scope="col">31/05/12</th>' in html
    assert '<th scope="row">Actual</th><td class="num">4.5</td>' in html
    assert "<td>Line one<br>line &lt;two&gt;</td>" in html
    assert (
        '<td><span class="mark mark--red-diamond"><span class="glyph" aria-hidden="true">◆'
        "</span> Worse than target</span></td>"
    ) in html
    assert html.count("<tr>") == 4


def test_column_widths_become_a_colgroup_and_plain_tables_have_no_row_headers():
    table = Table(
        "Actions", ("Ref", "Activity"), ((Cell("1.1"), Cell("Recruit")),), widths=(20, 80)
    )
    html = str(table_html(table))
    assert '<colgroup><col width="20%"><col width="80%"></colgroup>' in html
    assert "<tr><td>1.1</td><td>Recruit</td></tr>" in html
    assert "<table>" in html
