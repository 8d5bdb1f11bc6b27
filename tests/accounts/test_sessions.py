"""Sessions: they end after 15 minutes without a request and 8 hours after sign-in, whatever
happens, and the next page says why; signing out, a password change and a second-factor reset
end the person's other sessions; an officer can end all of a person's sessions."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.accounts.test_people import _edit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]


def _at(minutes: float):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=False)


def test_fifteen_minutes_without_a_request_end_the_session(client, viewer):
    client.force_login(viewer)
    with _at(14):
        assert client.get("/plans/").status_code == 200
    with _at(28):
        assert client.get("/plans/").status_code == 200
    with _at(44):
        ended = client.get("/plans/")
        assert ended.url == "/signed-out/?reason=ended&next=%2Fplans%2F"
        page = client.get(ended.url).content.decode()
        assert "Your session has ended" in page
        assert 'href="/login/?next=%2Fplans%2F"' in page
        assert client.get("/plans/").url.startswith("/login/")


def test_the_timeout_warning_renews_the_session(client, viewer):
    client.force_login(viewer)
    with _at(12):
        assert client.post("/session/keep-alive/").status_code == 204
    with _at(26):
        assert client.get("/plans/").status_code == 200
    assert Client().post("/session/keep-alive/").status_code == 302


def test_eight_hours_after_sign_in_the_session_ends_whatever_happens(client, viewer, settings):
    settings.SESSION_COOKIE_AGE = 2 * 60 * 60  # requests an hour apart keep it from idling out
    client.force_login(viewer)
    for hour in range(8):
        with _at(hour * 60 + 10):
            assert client.get("/plans/").status_code == 200
    with _at(8 * 60 + 1):
        ended = client.get("/plans/")
    assert ended.url == "/signed-out/?reason=absolute&next=%2Fplans%2F"
    assert "signed in for 8 hours" in client.get(ended.url).content.decode()


def test_the_page_shows_the_timeout_warning_with_the_limits(client, viewer):
    client.force_login(viewer)
    page = client.get("/plans/").content.decode()
    assert 'data-idle-seconds="900" data-warning-seconds="120"' in page
    assert "session-timeout.js" in page


def test_signing_out_ends_the_persons_other_sessions(client, viewer):
    phone = Client()
    phone.force_login(viewer)
    client.force_login(viewer)
    client.post("/logout/", {"everywhere": "yes"})
    assert phone.get("/plans/").url.startswith("/signed-out/")


def test_the_idle_sign_out_of_one_tab_leaves_other_browsers(client, viewer):
    phone = Client()
    phone.force_login(viewer)
    client.force_login(viewer)
    out = client.post("/logout/", {"next": "/signed-out/?reason=idle"})
    assert out.url == "/signed-out/?reason=idle"
    assert "done nothing for 15 minutes" in client.get(out.url).content.decode()
    assert phone.get("/plans/").status_code == 200


def test_an_officer_ends_all_sessions_of_a_person(client, officer, viewer):
    laptop, phone = Client(), Client()
    laptop.force_login(viewer)
    phone.force_login(viewer)
    client.force_login(officer)
    page = client.get(f"/people/{viewer.person.pk}/edit/").content.decode()
    assert "2 signed in" in page
    path = f"/people/{viewer.person.pk}/sessions/end/"
    response = client.post(path, {"end-reason": "Laptop stolen"})
    assert response.url == f"/people/{viewer.person.pk}/edit/"
    assert laptop.get("/plans/").url.startswith("/signed-out/")
    assert phone.get("/plans/").url.startswith("/signed-out/")
    assert client.get("/people/").status_code == 200
    record = viewer.person.history.latest()
    assert record.history_user == officer
    assert record.history_change_reason == "all sessions ended (2): Laptop stolen"


@pytest.mark.parametrize("who", ["viewer", "owner", "delegate"])
def test_only_officers_end_someone_elses_sessions(client, request, who, officer):
    client.force_login(request.getfixturevalue(who))
    response = client.post(f"/people/{officer.person.pk}/sessions/end/", {"end-reason": "x"})
    assert response.status_code == 403


def test_a_role_change_ends_the_persons_sessions(client, officer, viewer):
    theirs = Client()
    theirs.force_login(viewer)
    client.force_login(officer)
    client.post(f"/people/{viewer.person.pk}/edit/", _edit(viewer.person, role="officer"))
    assert theirs.get("/plans/").url.startswith("/signed-out/")
