"""From the meeting page the officer assembles the board pack: the briefing, the quarterly
report of the board's scorecard selection and the delivery-plan reports of its plans, as one
PDF and one Word document, in the order the board sets."""

import io
import re
from datetime import timedelta

import pytest
import time_machine
from docx import Document as WordDocument
from pypdf import PdfReader

from boardpack.boards.briefing import briefing
from boardpack.boards.pack import briefing_document
from boardpack.plans.services import brag_confirm, brag_propose
from tests.boards.world import at
from tests.factories import BoardFactory

pytestmark = pytest.mark.django_db
PARTS = (
    "Quarterly performance report",
    "Chair's briefing",
    "Delivery-plan report: Corporate Parenting Strategy Delivery Plan",
)
TITLES = (
    "Chair's briefing – Corporate Parenting Board",
    "Performance Report – Quarter 1 2012/13",
    "Delivery-plan report\n",
)


def _pack(client, user, world, fmt):
    client.force_login(user)
    with time_machine.travel(at(world.meeting.dates.briefing), tick=False):
        return client.get(f"/meetings/{world.meeting.pk}/pack.{fmt}")


def _pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_pack_is_one_pdf_in_the_board_s_order(world, client):
    world.board.pack_order = ["performance", "briefing", "plans"]
    world.board.save()
    response = _pack(client, world.people["pm"].user, world, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _pdf_text(response)
    starts = [text.index(title) for title in TITLES]
    assert starts[1] < starts[0] < starts[2]
    assert "Young people on interview panels" in text[starts[2] :]
    assert "CP01: Child protection plans lasting two years or more" in text
    assert "SC01" not in text  # not the board's
    assert "Selection: Plan CYPP" in text


def test_the_pack_opens_with_its_contents_and_pages_the_performance_report_first(world, client):
    """By default the performance report comes first; the contents list gives the page each
    part starts on; the overdue actions are summarised by plan on one page, the detail after."""
    action = world.action("9")
    action.due_date = world.meeting.dates.briefing - timedelta(days=30)
    action.save()
    response = _pack(client, world.people["pm"].user, world, "pdf")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    contents = pages[1]
    assert "Contents" in contents
    listed = re.findall(r"^(.+) Page (\d+)$", contents, re.M)
    assert [name for name, _ in listed] == list(PARTS)
    for name, page in listed:
        opening = pages[int(page) - 1].splitlines()
        assert opening[1] == name, (name, page)  # the line after the footer
    summary = next(n for n, text in enumerate(pages) if "actions on 08/08/2012: summary" in text)
    assert "Plan Overdue actions Earliest due Longest overdue" in pages[summary]
    assert "Corporate Parenting Strategy Delivery Plan 1 09/07/2012 30 days" in pages[summary]
    assert "action 9" not in pages[summary]
    assert "Overdue actions on 08/08/2012: detail" in pages[summary + 1]
    assert "action 9: Review" in pages[summary + 1]


def test_the_pack_is_one_word_document_with_the_same_parts(world, client, officer):
    response = _pack(client, officer, world, "docx")
    assert response.status_code == 200
    word = WordDocument(io.BytesIO(response.content))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[:3] == list(PARTS)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Still missing" in text
    assert (
        "Indicators newly worse than target in Quarter 1 2012/13 (compared with Quarter 4 2011/12)"
        in text
    )
    assert word.sections[0].orientation == 1  # landscape, for the delivery plan's tables
    # The contents: a TOC field Word updates on opening, its entries the parts.
    body = word.element.body.xml
    assert 'w:fldCharType="begin" w:dirty="true"' in body
    assert 'TOC \\o "1-1"' in body
    contents = [p.text for p in word.paragraphs]
    start = contents.index("Contents")
    assert contents[start + 1 : start + 4] == list(PARTS)


def test_a_board_overseeing_no_indicators_and_no_plans_says_so(world, client, officer):
    world.board.selections.all().delete()
    world.plan.board = None
    world.plan.save()
    text = _pdf_text(_pack(client, officer, world, "pdf"))
    assert "This board oversees no scorecard indicators" in text
    assert "This board oversees no plans." in text


def test_the_pack_is_the_same_for_the_same_data(world, client, officer):
    first = _pack(client, officer, world, "docx").content
    again = _pack(client, officer, world, "docx").content
    assert first == again


def test_only_pdf_and_word(world, client, officer):
    assert _pack(client, officer, world, "xlsx").status_code == 404


@pytest.mark.parametrize("who", ["chair", "member", "pm"])
def test_the_chair_members_and_programme_manager_download_their_boards_pack(world, client, who):
    client.force_login(world.people[who].user)
    assert "Board pack (Word)" in client.get(f"/meetings/{world.meeting.pk}/").content.decode()
    response = _pack(client, world.people[who].user, world, "docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("who", ["lead", "safeguarding"])
def test_a_reader_not_on_the_board_is_refused_the_pack(world, client, who):
    client.force_login(world.people[who].user)
    assert "Board pack" not in client.get(f"/meetings/{world.meeting.pk}/").content.decode()
    for fmt in ("pdf", "docx"):
        assert _pack(client, world.people[who].user, world, fmt).status_code == 403


def test_a_viewer_on_another_board_is_refused_the_pack(world, client):
    other = BoardFactory(name="Permanence Board")
    other.members.add(world.people["lead"])
    assert _pack(client, world.people["lead"].user, world, "docx").status_code == 403


def test_the_pack_has_a_clean_file_name(world, client, officer):
    for fmt in ("pdf", "docx"):
        response = _pack(client, officer, world, fmt)
        assert response["Content-Disposition"] == (
            f'attachment; filename="board-pack-corporate-parenting-2012-08-15.{fmt}"'
        )


def _confirmed(world, day, hour):
    with time_machine.travel(at(day, hour), tick=False):
        lead, pm = world.people["lead"].user, world.people["pm"].user
        change = brag_propose(action=world.action("9"), brag="amber", reason="Plan", user=lead)
        brag_confirm(change=change, user=pm)


def test_the_briefing_is_dated_by_the_day_it_covers_and_holds_that_days_brag_changes(world):
    briefing_day = world.meeting.dates.briefing
    _confirmed(world, briefing_day, 16)
    document = briefing_document(briefing(world.meeting, as_of=briefing_day))
    assert document.data_date == briefing_day
    assert f"Covers updates to {briefing_day:%d %B %Y}" in document.cover_lines
    changes = next(s for s in document.sections if s.heading.startswith("BRAG changes"))
    assert [row[1].text for row in changes.blocks[0].rows] == ["Red → Amber"]


def test_a_pack_made_after_the_meeting_leaves_out_changes_made_after_it(world, client, officer):
    _confirmed(world, world.meeting.date + timedelta(days=1), 10)
    client.force_login(officer)
    with time_machine.travel(at(world.meeting.date + timedelta(days=3)), tick=False):
        response = client.get(f"/meetings/{world.meeting.pk}/pack.docx")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(response.content)).paragraphs)
    assert "No BRAG status has changed." in text
    assert f"Covers updates to {world.meeting.date:%d %B %Y}" in text


def test_the_pack_shows_each_indicators_spc_icons_beside_its_status(world, client):
    response = _pack(client, world.people["pm"].user, world, "docx")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(response.content)).paragraphs)
    status = next(line for line in text.splitlines() if line.startswith("Status: "))
    assert "   Variation: – 12 points are needed   Assurance: – 12 points are needed" in status
    assert "Special cause variation (SPC) by director: the type of each indicator's last point" in (
        text
    )
