"""PDF: WeasyPrint prints the same HTML as the web page, with its print CSS."""

from weasyprint import HTML

from boardpack.reports.document import Document
from boardpack.reports.render.html import render_html


def render_pdf(document: Document) -> bytes:
    pdf = HTML(string=render_html(document)).write_pdf()
    assert pdf is not None
    return bytes(pdf)
