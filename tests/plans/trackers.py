"""Trackers built in the tests, with every mess the issue lists, and helpers to import them."""

from __future__ import annotations

import io

from openpyxl import Workbook

from boardpack.accounts.models import OrgUnit
from boardpack.lib.audit import User
from boardpack.lib.importing import Report, run_import
from boardpack.lib.sources import Source
from boardpack.lib.spreadsheets import set_value
from tests.factories import PersonFactory

TITLE = "Corporate Parenting Strategy November 2018 – March 2020 Delivery Plan"
HEADER = [
    "REF",
    "Getting to Good Plan Ref",
    "Activity",
    "Progress",
    "Evidence",
    "Metrics",
    "Current Data and Date",
    "Target Data & Date",
    "Responsible Services",
    "Timescale",
    "B.R.A.G.",
]
PARAGRAPH = (
    "Agreed at SMT 15.01.19. 26.03.19 - Meeting arranged 14.05.19 - JL advised EG confirmed "
    "that this paused"
)
LINES = "July 19 - Panels set up\n07/08/19 - Panel held\n15.05.19 BG – performance to improve"


def action(ref: str, **cells: str) -> list[str]:
    """A row with its cells in the header's order: ref then the named columns."""
    order = ["g2g", "activity", "progress", "evidence", "metric", "current", "target"]
    order += ["responsible", "timescale", "brag"]
    return [ref, *(cells.get(key, "") for key in order), cells.get("extra", "")]


MESSY: dict[str, list[list[str]]] = {
    "Delivery Plan": [
        [TITLE],
        ["Version 3 – updated 09.08.19"],
        [],
        HEADER,
        ["Objective 1 – Our Children and Young People have a voice"],
        ["'To ensure that children and young people are consulted'."],
        ["How will we Achieve this:"],
        ["'We will engage our young people.'"],
        action(
            "1",
            activity="Identify champions",
            progress=PARAGRAPH,
            evidence="Minutes",
            metric="CS143",
            current="Total 3 15.01.19",
            responsible="Improvement Partner",
            timescale="Nov-19",
            brag="green",
        ),
        action(
            "7b",
            g2g="2.1.1 4.4.6",
            activity="Young people on interview panels",
            progress=LINES,
            responsible="Strategic Lead for Participation\nPolicy, Information & Commissioning",
            timescale="30th April 2020",
            brag="Blu",
        ),
        action("5a-c", activity="Early help", timescale="Ongoing-Mar-20"),
        action(
            "10b.i",
            activity="Voice of the child",
            timescale="01/03/2019 and ongoing",
            brag="Amber/Green",
        ),
        ["Objective 2 - Children can remain safely at home\n'To ensure early support'"],
        action("12b", activity="Placements", timescale="Spring Term 2019 - Nov 19", brag="Green"),
        action(
            "12d",
            activity="Promotion of placements",
            progress="Duplicate of 12b - Close",
            timescale="31/04/19",
            brag="Blue",
            extra="a note beside the table",
        ),
        action("9", activity="Overdue work", timescale="Nov-19", brag="Red"),
    ],
    "Completed": [
        [TITLE],
        HEADER,
        ["Objective 1 – Our Children and Young People have a voice"],
        action("16", activity="Mentoring scheme", timescale="Complete", brag="Blue"),
    ],
}


def workbook_bytes(sheets: dict[str, list[list[str]]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for number, row in enumerate(rows, start=1):
            for column, text in enumerate(row, start=1):
                if text:  # text as typed, kept text even when it begins with "="
                    set_value(sheet.cell(row=number, column=column), text)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def import_tracker(
    sheets: dict[str, list[list[str]]] | bytes = MESSY,
    *,
    plan: str = "Corporate Parenting Strategy Delivery Plan",
    name: str = "tracker.xlsx",
    user: User = None,
) -> Report:
    data = sheets if isinstance(sheets, bytes) else workbook_bytes(sheets)
    return run_import("plan", Source.file(name, data), user=user, options={"name": plan})


def names_to_link() -> None:
    """A person, a service and an indicator that the messy tracker names exactly."""
    PersonFactory(name="Improvement Partner")
    directorate = OrgUnit.objects.create(name="Children's Services", kind=OrgUnit.Kind.DIRECTORATE)
    OrgUnit.objects.create(
        name="Policy, Information & Commissioning", kind=OrgUnit.Kind.SERVICE, parent=directorate
    )
    indicators = "code,title,director,polarity\nCS143,Care leavers in accommodation,D,bigger\n"
    run_import("indicators", Source.file("i.csv", indicators.encode()), user=None)
