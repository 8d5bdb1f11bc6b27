"""From the meeting page the officer assembles the board pack: the briefing, the quarterly
report of the board's scorecard selection and the delivery-plan reports of its plans, as one
PDF and one Word document, in the order the board sets."""

import io

import pytest
import time_machine
from docx import Document as WordDocument
from pypdf import PdfReader

from tests.boards.world import at

pytestmark = pytest.mark.django_db
PARTS = (
    "Chair's briefing",
    "Quarterly performance report",
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


def test_the_pack_is_one_word_document_with_the_same_parts(world, client, officer):
    response = _pack(client, officer, world, "docx")
    assert response.status_code == 200
    word = WordDocument(io.BytesIO(response.content))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[:3] == list(PARTS)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Still missing" in text
    assert "Indicators newly worse than target in Jun 2012 (compared with Mar 2012)" in text
    assert word.sections[0].orientation == 1  # landscape, for the delivery plan's tables


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


def test_the_pack_shows_each_indicators_spc_icons_beside_its_status(world, client):
    response = _pack(client, world.people["pm"].user, world, "docx")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(response.content)).paragraphs)
    status = next(line for line in text.splitlines() if line.startswith("Status: "))
    assert "   Variation: – 12 points are needed   Assurance: – 12 points are needed" in status
    assert "Special cause variation (SPC) by director: the type of each indicator's last point" in (
        text
    )
