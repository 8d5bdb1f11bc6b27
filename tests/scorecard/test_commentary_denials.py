import pytest

from boardpack.scorecard.models import Comment, CommentEvent
from tests.conftest import OWNER_NAME
from tests.scorecard.commentary_helpers import (
    comment_of,
    events,
    owner_of,
    review_url,
    write_url,
)

WRITE = {"subject": "Head of Service Commentary", "text": "Sneaky", "action": "submit"}


def _counts():
    return Comment.objects.count(), CommentEvent.objects.count()


def test_a_visitor_must_sign_in(client, demo_data):
    for url in ("/my-indicators/", write_url("2042SC"), "/commentary/review/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_a_viewer_can_neither_write_nor_review(client, viewer, owner):
    before = _counts()
    comment = comment_of("2042SC", OWNER_NAME)
    client.force_login(viewer)
    assert client.get("/my-indicators/").status_code == 403
    assert client.get(write_url("2042SC")).status_code in (403, 404)
    assert client.post(write_url("2042SC"), WRITE).status_code in (403, 404)
    assert client.get("/commentary/review/").status_code == 403
    response = client.post(review_url(comment), {"decision": "return", "reason": "No"})
    assert response.status_code == 403
    assert _counts() == before
    comment.refresh_from_db()
    assert comment.state == "approved"


def test_an_owner_cannot_write_on_another_owners_indicator(client, owner):
    before = _counts()
    client.force_login(owner)
    assert client.get(write_url("CS143")).status_code == 404
    assert client.post(write_url("CS143"), WRITE).status_code == 404
    assert _counts() == before


def test_an_owner_cannot_review_even_their_own_commentary(client, owner):
    client.force_login(owner)
    client.post(write_url("NI065", "2012-03"), WRITE)
    comment = comment_of("NI065", OWNER_NAME, "2012-03")
    assert client.get("/commentary/review/").status_code == 403
    assert client.get(review_url(comment)).status_code == 403
    assert client.post(review_url(comment), {"decision": "approve"}).status_code == 403
    comment.refresh_from_db()
    assert comment.state == "submitted"
    assert events(comment) == [("submitted", "owner", "")]


def test_a_delegate_writes_only_on_the_indicators_delegated_to_them(client, delegate):
    before = _counts()
    client.force_login(delegate)
    assert client.get(write_url("2042SC")).status_code == 200
    for code in ("NI065", "CS143"):
        assert client.get(write_url(code)).status_code == 404
        assert client.post(write_url(code), WRITE).status_code == 404
    assert client.get("/commentary/review/").status_code == 403
    assert _counts() == before


def test_an_officer_cannot_approve_a_draft(client, owner, officer):
    client.force_login(owner)
    client.post(write_url("NI065", "2012-03"), {**WRITE, "action": "draft"})
    comment = comment_of("NI065", OWNER_NAME, "2012-03")
    client.force_login(officer)
    assert (
        "Only submitted commentary can be approved"
        in client.get(review_url(comment)).content.decode()
    )
    response = client.post(review_url(comment), {"decision": "approve"})
    assert response.status_code == 200
    assert "A draft comment cannot become approved" in response.content.decode()
    comment.refresh_from_db()
    assert comment.state == "draft"
    assert events(comment) == [("draft", "owner", "")]


def test_officers_review_rather_than_write(client, officer, demo_data):
    before = _counts()
    client.force_login(officer)
    assert client.get("/my-indicators/").status_code == 403
    assert client.post(write_url("2042SC"), WRITE).status_code == 403
    assert _counts() == before


def test_an_unknown_period_or_comment_is_not_found(client, owner, officer):
    client.force_login(owner)
    assert client.get(write_url("2042SC", "2012-13")).status_code == 404
    client.force_login(officer)
    assert client.get("/commentary/999999/review/").status_code == 404


@pytest.mark.parametrize("url", ["/my-indicators/", "/commentary/review/"])
def test_pages_that_only_show_refuse_a_post(client, officer, owner, url):
    client.force_login(officer if "review" in url else owner)
    assert client.post(url).status_code == 405


def test_another_owner_sees_only_their_own_indicators(client, owner):
    client.force_login(owner_of("CS143"))
    page = client.get("/my-indicators/").content.decode()
    assert 'data-code="CS143"' in page
    assert 'data-code="2042SC"' not in page
