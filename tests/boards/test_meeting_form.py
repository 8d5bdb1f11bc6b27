"""Changing a meeting: the form shows the meeting's date in the GOV.UK date input (day, month,
year), so posting it back unchanged saves the meeting; a wrong day, month or year is named."""

import re
from datetime import date

import pytest

from boardpack.boards.models import Meeting
from tests.forms import date_input


def _posted_as_a_browser_would(page: str) -> dict[str, str]:
    """The form's inputs as a browser submits them. A date input (`type="date"`) keeps only a
    yyyy-mm-dd value: anything else is cleared (HTML's value sanitization), so it posts blank."""
    form = page.split('<form method="post"')[1].split("</form>")[0]
    posted = {}
    for tag in re.findall(r"<input\b[^>]*>", form, re.S):
        name = re.search(r'\bname="([^"]*)"', tag)
        value = re.search(r'\bvalue="([^"]*)"', tag)
        if name is None:
            continue
        text = value[1] if value else ""
        if 'type="date"' in tag and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            text = ""
        posted[name[1]] = text
    return posted


def test_the_meeting_form_posted_unchanged_saves_the_meeting(world, client, officer):
    client.force_login(officer)
    meeting = world.meeting
    url = f"/meetings/{meeting.pk}/edit/"
    posted = _posted_as_a_browser_would(client.get(url).content.decode())
    response = client.post(url, posted)
    assert response.status_code == 302
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    meeting.refresh_from_db()
    assert (meeting.date, meeting.period) == (date(2012, 8, 15), date(2012, 6, 30))
    assert {key: posted.get(key) for key in ("date-day", "date-month", "date-year")} == {
        "date-day": "15",
        "date-month": "8",
        "date-year": "2012",
    }


@pytest.mark.parametrize(
    ("typed", "message", "wrong"),
    [
        ("", "Enter the date of the meeting", ["day", "month", "year"]),
        ("15 - 2012", "The date of the meeting must include a month", ["month"]),
        ("- - 2012", "The date of the meeting must include a day and a month", ["day", "month"]),
        ("31 9 2012", "The date of the meeting must be a real date", ["day", "month", "year"]),
        ("15 13 2012", "The date of the meeting must be a real date", ["day", "month", "year"]),
        ("15 8 12", "Year must include 4 numbers", ["year"]),
        ("15 Aug 2012", "The date of the meeting must be a real date", ["month"]),
    ],
)
def test_a_wrong_day_month_or_year_is_named_and_nothing_is_saved(
    world, client, officer, typed, message, wrong
):
    client.force_login(officer)
    meeting = world.meeting
    url = f"/meetings/{meeting.pk}/edit/"
    response = client.post(url, {**date_input("date", typed), "period": "2012-06"})
    assert response.status_code == 200  # the form again, with the error
    page = response.content.decode()
    assert f'<a href="#id_date-day">{message}</a>' in page
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in page
    for part in ("day", "month", "year"):
        box = re.search(rf'<input\s+class="([^"]*)" id="id_date-{part}"', page)[1]
        assert ("govuk-input--error" in box) == (part in wrong), part
    meeting.refresh_from_db()
    assert meeting.date == date(2012, 8, 15)


def test_a_meeting_on_14_january_2027_shows_its_date_in_three_boxes_and_can_be_moved(
    world, client, officer
):
    """Issue 16's bug: the date went into a browser date box as "14 Jan 2027", so it showed blank
    and every save failed with "Enter the date"."""
    Meeting.objects.filter(pk=world.meeting.pk).update(
        date=date(2027, 1, 14), period=date(2026, 12, 31)
    )
    client.force_login(officer)
    url = f"/meetings/{world.meeting.pk}/edit/"
    page = client.get(url).content.decode()
    assert "14 Jan 2027" not in page
    boxes = {
        part: re.search(rf'id="id_date-{part}" name="date-{part}" type="text" value="(\d*)"', page)[
            1
        ]
        for part in ("day", "month", "year")
    }
    assert boxes == {"day": "14", "month": "1", "year": "2027"}
    posted = {**_posted_as_a_browser_would(page), "date-day": "21"}
    assert client.post(url, posted).status_code == 302
    world.meeting.refresh_from_db()
    assert (world.meeting.date, world.meeting.period) == (date(2027, 1, 21), date(2026, 12, 31))
