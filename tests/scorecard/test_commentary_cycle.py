from boardpack.scorecard.models import Comment
from tests.conftest import OWNER_NAME
from tests.scorecard.commentary_helpers import (
    comment_of,
    events,
    review_url,
    write_url,
)

NEW_TEXT = "Rate up with more homeless 16 year olds looked after; housing protocol under review."


def _post(client, user, url, **data):
    client.force_login(user)
    return client.post(url, data)


def test_an_owner_drafts_submits_is_returned_resubmits_and_is_approved(client, owner, officer):
    url = write_url("NI065", "2012-03")
    response = _post(client, owner, url, subject="Head of Service Commentary", text="First go")
    assert response.status_code == 302
    assert response["Location"] == "/my-indicators/?period=2012-03"
    comment = comment_of("NI065", OWNER_NAME, "2012-03")
    assert (comment.state, comment.text, comment.subject) == (
        "draft",
        "First go",
        "Head of Service Commentary",
    )

    _post(client, owner, url, text=NEW_TEXT, action="submit")
    comment.refresh_from_db()
    assert comment.state == "submitted"

    _post(client, officer, review_url(comment), decision="return", reason="Say by when.")
    comment.refresh_from_db()
    assert comment.state == "returned"
    client.force_login(owner)
    page = client.get(url).content.decode()
    assert "Returned by the performance team" in page
    assert "Say by when." in page

    _post(client, owner, url, text=f"{NEW_TEXT} Done by September.", action="submit")
    _post(client, officer, review_url(comment), decision="approve", reason="")
    comment.refresh_from_db()
    assert comment.state == "approved"
    assert comment.text.endswith("Done by September.")
    assert events(comment) == [
        ("draft", "owner", ""),
        ("submitted", "owner", ""),
        ("returned", "officer", "Say by when."),
        ("submitted", "owner", ""),
        ("approved", "officer", ""),
    ]
    assert (
        Comment.objects.filter(indicator__code="NI065", period__startswith="2012-03").count() == 1
    )


def test_the_write_page_shows_the_month_and_defaults_the_subject(client, owner):
    client.force_login(owner)
    page = client.get(write_url("NI065", "2012-03")).content.decode()
    assert "Commentary for Quarter 4 2011/12" in page
    assert 'value="Head of Service Commentary"' in page
    assert "Better than target" in page
    assert "Save as draft" in page
    assert "Submit for approval" in page


def test_editing_approved_commentary_makes_it_a_draft_again(client, owner):
    comment = comment_of("2042SC", OWNER_NAME)
    assert comment.state == "approved"
    client.force_login(owner)
    assert "This commentary is approved" in client.get(write_url("2042SC")).content.decode()
    client.post(write_url("2042SC"), {"text": NEW_TEXT, "action": "draft"})
    comment.refresh_from_db()
    assert (comment.state, comment.text) == ("draft", NEW_TEXT)
    assert events(comment)[-1] == ("draft", "owner", "")


def test_a_delegate_writes_for_a_delegated_indicator_and_is_the_author(client, delegate, owner):
    client.force_login(delegate)
    response = client.post(
        write_url("2042SC"),
        {"subject": "Head of Service Commentary", "text": NEW_TEXT, "action": "submit"},
    )
    assert response.status_code == 302
    written = comment_of("2042SC", "Safeguarding Team Manager")
    assert (written.state, written.set_by, written.text) == ("submitted", delegate, NEW_TEXT)
    assert events(written) == [("submitted", "delegate", "")]
    assert comment_of("2042SC", OWNER_NAME).state == "approved"

    client.force_login(owner)
    page = client.get("/my-indicators/").content.decode()
    assert "by Safeguarding Team Manager" in page
    assert "Submitted" in page


def test_commentary_text_is_required(client, owner):
    client.force_login(owner)
    response = client.post(
        write_url("NI065", "2012-03"), {"subject": "Head of Service Commentary", "text": " "}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert '<a href="#id_text">Enter the commentary</a>' in page
    assert not Comment.objects.filter(period__startswith="2012-03").exists()


def test_returning_needs_a_reason(client, owner, officer):
    client.force_login(owner)
    client.post(write_url("NI065", "2012-03"), {"subject": "S", "text": "T", "action": "submit"})
    comment = comment_of("NI065", OWNER_NAME, "2012-03")
    client.force_login(officer)
    response = client.post(review_url(comment), {"decision": "return", "reason": "  "})
    assert response.status_code == 200
    assert "Enter the reason for returning the commentary" in response.content.decode()
    comment.refresh_from_db()
    assert comment.state == "submitted"
    assert [e[0] for e in events(comment)] == ["submitted"]


def test_submitted_commentary_cannot_be_changed_until_it_is_returned(client, owner):
    client.force_login(owner)
    url = write_url("NI065", "2012-03")
    client.post(url, {"subject": "S", "text": "T", "action": "submit"})
    assert "Submitted for approval." in client.get(url).content.decode()
    response = client.post(url, {"text": "Changed", "action": "draft"})
    assert response.status_code == 200
    assert "A submitted comment cannot be edited until it is returned" in response.content.decode()
    comment = comment_of("NI065", OWNER_NAME, "2012-03")
    assert (comment.state, comment.text) == ("submitted", "T")
