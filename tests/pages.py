"""Reading a page as a person reads it: a summary list's rows, a table's rows and cells, text
without its HTML escapes (Django writes ' as &#x27;, the GOV.UK components as &#39;)."""

import html
import re

SUMMARY_ROW = re.compile(
    r'<dt class="govuk-summary-list__key[^"]*">\s*(.*?)\s*</dt>\s*'
    r'<dd class="govuk-summary-list__value[^"]*">\s*(.*?)\s*</dd>',
    re.S,
)
TABLE_ROW = re.compile(r'<tr class="govuk-table__row"[^>]*>.*?</tr>', re.S)
CELL = re.compile(r"<t([dh])\b[^>]*>\s*(.*?)\s*</t\1>", re.S)


def text(page: str) -> str:
    return html.unescape(page)


def summary(page: str) -> dict[str, str]:
    """Each summary list row's key and value (its markup), as the page shows them."""
    return {text(key): value for key, value in SUMMARY_ROW.findall(page)}


def rows(page: str, marker: str) -> list[tuple[str, str]]:
    """The table rows that carry the data attribute `marker` (such as `data-code`), on the row or
    one of its cells, as (its value, the row), in page order."""
    found = []
    for row in TABLE_ROW.findall(page):
        named = re.search(rf'\b{marker}="([^"]*)"', row)
        if named:
            found.append((named[1], row))
    return found


def cells(row: str) -> list[str]:
    """A table row's cells (headers and data), their markup trimmed."""
    return [cell for _, cell in CELL.findall(row)]
