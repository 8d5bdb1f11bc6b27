"""The document's tables as HTML, written in Python rather than a template: a quarterly report
of 300 indicators prints about 26,000 cells, and the template loop over them took a third of a
second, most of the HTML renderer's time. Same markup as before: a caption, header cells
scoped to columns, row headers scoped to rows, numbers right-aligned (class num), marks as
shape + text + colour."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from boardpack.reports.document import Cell, Mark, Table

register = template.Library()
NUMBER = ' class="num"'


@register.simple_tag
def mark_html(mark: Mark, glyph_only: bool = False) -> SafeString:
    """Glyph and text; `glyph_only`: the glyph alone in print, the text for screen readers."""
    text = (
        f'<span class="visually-hidden">{escape(mark.text)}</span>'
        if glyph_only
        else f" {escape(mark.text)}"
    )
    return mark_safe(
        f'<span class="mark mark--{escape(mark.key)}"><span class="glyph" aria-hidden="true">'
        f"{escape(mark.glyph)}</span>{text}</span>"
    )


def _cell(cell: Cell) -> str:
    if cell.mark is None:
        number = NUMBER if cell.number is not None else ""
        return f"<td{number}>{linebreaksbr(cell.text, True)}</td>"
    if cell.filled:
        key = escape(cell.mark.key)
        return f'<td class="filled filled--{key}">{mark_html(cell.mark)}</td>'
    return f"<td>{mark_html(cell.mark, cell.glyph_only)}</td>"


def _row(table: Table, row: tuple[Cell, ...]) -> str:
    if not table.row_headers:
        return "".join(map(_cell, row))
    first, *rest = row
    return f'<th scope="row">{escape(first.text)}</th>' + "".join(map(_cell, rest))


@register.simple_tag
def table_html(table: Table) -> SafeString:
    numeric = table.numeric_columns
    grid = ' class="grid"' if table.row_headers and len(table.rows) == 3 else ""
    widths = "".join(f'<col width="{width}%">' for width in table.widths)
    header = "".join(
        f'<th scope="col"{NUMBER if n in numeric else ""}>{escape(text)}</th>'
        if text
        else "<td></td>"
        for n, text in enumerate(table.header)
    )
    colgroup = f"<colgroup>{widths}</colgroup>" if widths else ""
    rows = "".join(f"<tr>{_row(table, row)}</tr>\n  " for row in table.rows)
    return mark_safe(
        f'<div class="table-scroll"><table{grid}>\n  <caption>{escape(table.caption)}</caption>\n'
        f"  {colgroup}\n  <thead><tr>{header}</tr></thead>\n  <tbody>\n  {rows}\n  </tbody>\n"
        "</table></div>\n"
    )
