"""Renderers of the document model; none of them queries the database.

Each renderer but HTML is imported when it is first used: PDF brings Playwright, Word
python-docx and lxml, Excel openpyxl, and a command writing one format needs none of the others
(they took about a third of a second of `boardpack report … --format html`).
"""

from collections.abc import Callable
from importlib import import_module

from boardpack.reports.document import Document
from boardpack.reports.render.html import render_html


def _on_use(module: str, function: str) -> Callable[[Document], bytes]:
    def render(document: Document) -> bytes:
        renderer: Callable[[Document], bytes] = getattr(import_module(module), function)
        return renderer(document)

    return render


FORMATS: dict[str, tuple[Callable[[Document], bytes], str]] = {
    "html": (lambda doc: render_html(doc).encode(), "text/html; charset=utf-8"),
    "pdf": (_on_use("boardpack.reports.render.pdf", "render_pdf"), "application/pdf"),
    "docx": (
        _on_use("boardpack.reports.render.docx", "render_docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        _on_use("boardpack.reports.render.xlsx", "render_xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}
