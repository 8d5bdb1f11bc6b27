"""A performance officer corrects a typo in submitted commentary instead of returning it: the
comment stays submitted and its history gains an event with the text before."""

import re

import pytest

from boardpack.scorecard.models import Comment
from tests.scorecard.commentary_helpers import comment_of, events, review_url, write_url

SEPTEMBER = "2012-09"
TYPED = "Numbers rose becuase of two large sibling groups."
FIXED = "Numbers rose because of two large sibling groups."


@pytest.fixture
def submitted(client, owner) -> Comment:
    client.force_login(owner)
    client.post(
        write_url("2042SC", SEPTEMBER),
        {"subject": "Head of Service Commentary", "text": TYPED, "action": "submit"},
    )
    return comment_of("2042SC", "Head of Safeguarding Service", SEPTEMBER)


def _correct(client, user, comment, **data):
    client.force_login(user)
    form = {"correct-text": FIXED, "correct-note": "becuase → because", **data}
    return client.post(f"/commentary/{comment.pk}/correct/", form)


def test_the_officer_corrects_it_and_it_stays_submitted_with_the_correction_in_its_history(
    client, officer, submitted
):
    before = events(submitted)
    response = _correct(client, officer, submitted)
    assert response["Location"] == review_url(submitted)
    submitted.refresh_from_db()
    assert (submitted.text, submitted.state) == (FIXED, "submitted")
    assert events(submitted) == [
        *before,
        ("submitted", "officer", "Corrected: becuase → because"),
    ]
    assert submitted.events.last().previous_text == TYPED
    html = client.get(review_url(submitted)).content.decode()
    assert "corrected; it is still waiting for review" in html
    assert re.search(r'<strong class="govuk-tag govuk-tag--purple">\s*Corrected\s*</strong>', html)
    assert "The text before the correction" in html
    assert TYPED in html


def test_a_correction_must_say_what_it_corrected_and_change_something(client, officer, submitted):
    count = submitted.events.count()
    missing = _correct(client, officer, submitted, **{"correct-note": ""})
    assert missing.status_code == 400
    assert "Say what you corrected" in missing.content.decode()
    same = _correct(client, officer, submitted, **{"correct-text": TYPED})
    assert "The text is unchanged: there is nothing to correct" in same.content.decode()
    submitted.refresh_from_db()
    assert (submitted.text, submitted.events.count()) == (TYPED, count)


def test_the_writer_may_not_correct_their_submitted_commentary(client, owner, submitted):
    assert _correct(client, owner, submitted).status_code == 403
    submitted.refresh_from_db()
    assert submitted.text == TYPED


def test_approved_commentary_is_not_corrected_in_place(client, officer, owner):
    approved = comment_of("2042SC", "Head of Safeguarding Service")
    response = _correct(client, officer, approved)
    assert response.status_code == 400
    assert "approved comment cannot become submitted" in response.content.decode()
    approved.refresh_from_db()
    assert approved.state == "approved"
