"""Renderers of the document model; none of them queries the database."""

from collections.abc import Callable

from boardpack.reports.document import Document
from boardpack.reports.render.docx import render_docx
from boardpack.reports.render.html import render_html
from boardpack.reports.render.pdf import render_pdf
from boardpack.reports.render.xlsx import render_xlsx

FORMATS: dict[str, tuple[Callable[[Document], bytes], str]] = {
    "html": (lambda doc: render_html(doc).encode(), "text/html; charset=utf-8"),
    "pdf": (render_pdf, "application/pdf"),
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (render_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
