"""The PDF renderer: headless Chromium prints the report's HTML with its footers, dated by the
data, and says plainly when Chromium is missing."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from boardpack.reports.document import Document, Paragraph, Section
from boardpack.reports.render.pdf import ChromiumMissingError, render_pdf
from boardpack.reports.templatetags.print_css import css_string

DOCUMENT = Document(
    title='Performance Report – "Quarter 1" 2012/13',
    authority="Bath & North East Somerset Council",
    data_date=date(2012, 6, 30),
    cover_lines=("Data as at 30/06/2012",),
    sections=(
        Section("Summary", 1, (Paragraph("First page after the cover."),)),
        Section("Details", 1, (Paragraph("Second page after the cover."),), page_break=True),
    ),
)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_pages_after_the_cover_carry_the_authority_title_and_page_number():
    cover, second, third = _pages(render_pdf(DOCUMENT))
    footer = 'Bath & North East Somerset Council – Performance Report – "Quarter 1" 2012/13'
    assert "Page" not in cover
    assert footer not in cover
    assert "Page 2 of 3" in second
    assert footer in second
    assert "Page 3 of 3" in third
    assert footer in third


def test_the_same_data_gives_the_same_tagged_file_dated_by_the_data_titled_in_english():
    first = render_pdf(DOCUMENT)
    assert first == render_pdf(DOCUMENT)
    reader = PdfReader(io.BytesIO(first))
    catalogue = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalogue
    assert catalogue["/MarkInfo"]["/Marked"]
    assert catalogue["/Lang"] == "en-GB"
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == f"{DOCUMENT.title} – {DOCUMENT.authority}"
    assert metadata.creation_date is not None
    assert metadata.creation_date.date() == date(2012, 6, 30)


def test_a_missing_chromium_is_named_with_how_to_install_it(settings):
    settings.CHROMIUM_PATH = "/nowhere/chromium"
    with pytest.raises(ChromiumMissingError) as raised:
        render_pdf(DOCUMENT)
    assert "/nowhere/chromium" in str(raised.value)
    assert "apt-get install chromium" in str(raised.value)


def test_text_becomes_a_css_string_that_cannot_end_early():
    assert css_string('A "B" \\ </style>\n') == '"A \\22 B\\22  \\5c  \\3c /style\\3e \\a "'
