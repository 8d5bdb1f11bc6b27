"""HTML: the web preview and the source of the PDF (one layout, print CSS)."""

from django.template.loader import render_to_string

from boardpack.reports.document import Document


def render_html(document: Document, back_to: str = "") -> str:
    """The document as one page; `back_to`: where its link back to the app goes (the web
    preview's; a file or the PDF has none)."""
    return render_to_string("reports/document.html", {"doc": document, "back_to": back_to})
