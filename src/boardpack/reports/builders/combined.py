"""One document made of several: each part a chapter opening on a new page, with its own
document's sections one level down, after a contents list of the parts. The renderers print it
like any other document; it is on landscape pages if any part is (a delivery plan's wide
tables)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from boardpack.reports.document import Document, Paragraph, Section


@dataclass(frozen=True)
class Part:
    heading: str
    document: Document | None = None
    note: str = ""
    """Said at the part's start: why it is empty, or what it holds."""


def _chapter(part: Part) -> list[Section]:
    intro = [Paragraph(part.note, "muted")] if part.note else []
    document = part.document
    if document is None:
        return [Section(part.heading, 1, tuple(intro), page_break=True, sheet=part.heading)]
    intro += [Paragraph(document.title, "lead")]
    intro += [Paragraph(line, "muted") for line in document.cover_lines]
    opening = Section(part.heading, 1, tuple(intro), page_break=True, sheet=part.heading)
    return [opening, *(replace(s, level=s.level + 1) for s in document.sections)]


def combine(
    *,
    title: str,
    authority: str,
    data_date: date,
    cover_lines: tuple[str, ...],
    parts: list[Part],
    filename: str = "",
) -> Document:
    return Document(
        title=title,
        filename=filename,
        authority=authority,
        data_date=data_date,
        cover_lines=cover_lines,
        sections=tuple(section for part in parts for section in _chapter(part)),
        landscape=any(part.document.landscape for part in parts if part.document is not None),
        contents=True,
    )
