"""HTML: the web preview and the source of the PDF (one layout, print CSS)."""

from django.template.loader import render_to_string

from boardpack.reports.document import Document


def render_html(document: Document) -> str:
    return render_to_string("reports/document.html", {"doc": document})
