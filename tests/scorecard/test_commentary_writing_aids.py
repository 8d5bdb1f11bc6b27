"""The writing form shows the indicator's trend and last period's approved commentary, which
the writer may start from."""

import re
from html import unescape

from boardpack.scorecard.models import Comment
from tests.scorecard.commentary_helpers import comment_of, write_url

SEPTEMBER = "2012-09"


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _textarea(html: str) -> str:
    return unescape(re.search(r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>', html, re.S)[1])


def test_the_form_shows_the_trend_and_last_quarters_approved_commentary(client, owner):
    html = _page(client, owner, write_url("2042SC", SEPTEMBER))
    assert "<svg" in html
    assert "Chart data: 2042SC" in html
    assert "Approved commentary for Quarter 1 2012/13" in html
    assert "Currently there are 520 children" in html
    assert _textarea(html).strip() == ""


def test_the_writer_starts_from_last_quarters_text_and_saves_it_for_this_quarter(client, owner):
    june = comment_of("2042SC", "Head of Safeguarding Service")
    html = _page(client, owner, f"{write_url('2042SC', SEPTEMBER)}?start={june.pk}")
    assert _textarea(html).strip() == june.text.strip()
    assert "The box starts from the approved commentary for Quarter 1 2012/13" in html
    client.post(
        write_url("2042SC", SEPTEMBER),
        {"subject": "Head of Service Commentary", "text": "Updated for Q2", "action": "draft"},
    )
    september = comment_of("2042SC", "Head of Safeguarding Service", SEPTEMBER)
    assert september.text == "Updated for Q2"
    june.refresh_from_db()
    assert june.text.startswith("Currently there are 520 children")


def test_only_the_previous_periods_approved_text_can_be_started_from(client, owner):
    june = comment_of("2042SC", "Head of Safeguarding Service")
    Comment.objects.filter(pk=june.pk).update(state="submitted")
    html = _page(client, owner, f"{write_url('2042SC', SEPTEMBER)}?start={june.pk}")
    assert "Approved commentary for Quarter 1 2012/13" not in html
    assert _textarea(html).strip() == ""
