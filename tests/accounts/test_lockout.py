"""Throttling (django-axes): ten failed sign-ins for one username, or from one address, pause
sign-in for fifteen minutes with a message that says nothing of whether the username exists;
an officer can unlock; every attempt is logged."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]
PAUSED = "Sign-in paused"
CSRF_TOKEN = re.compile(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+')


def _masked(page: str, username: str) -> str:
    """The page as anyone would compare it: the username and the per-request CSRF token out."""
    return CSRF_TOKEN.sub(r"\1…", page).replace(username, "X")


def _sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client: Client, username: str, times: int, address: str = "10.0.0.1") -> list[int]:
    return [_sign_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_ten_failures_pause_a_username_even_with_the_right_password(client, viewer):
    assert _fail(client, "viewer", 9) == [200] * 9
    assert _fail(client, "viewer", 1) == [429]
    refused = _sign_in(client, "viewer", PASSWORD, address="10.0.0.2")
    assert refused.status_code == 429
    assert PAUSED in refused.content.decode()
    assert not refused.wsgi_request.user.is_authenticated


def test_the_pause_says_nothing_of_whether_the_username_exists(client, viewer):
    _fail(client, "viewer", 10)
    _fail(client, "no-such-person", 10, address="10.0.0.9")
    known = _sign_in(client, "viewer", "x", address="10.0.0.3").content.decode()
    unknown = _sign_in(client, "no-such-person", "x", address="10.0.0.4").content.decode()
    assert PAUSED in known
    assert _masked(known, "viewer") == _masked(unknown, "no-such-person")


def test_one_address_is_paused_after_ten_failures_across_usernames(client, viewer):
    for n in range(10):
        _fail(client, f"guess{n}", 1, address="10.0.0.5")
    assert _sign_in(client, "viewer", PASSWORD, address="10.0.0.5").status_code == 429
    assert _sign_in(client, "viewer", PASSWORD, address="10.0.0.6").status_code == 302


def test_the_pause_ends_after_fifteen_minutes(client, viewer):
    _fail(client, "viewer", 10)
    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert _sign_in(client, "viewer", PASSWORD, address="10.0.0.7").status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=31), tick=False):
        assert _sign_in(client, "viewer", PASSWORD, address="10.0.0.7").status_code == 302


def test_an_officer_sees_the_lockouts_and_unlocks_a_username(client, officer, viewer):
    _fail(Client(), "viewer", 10)
    client.force_login(officer)
    page = client.get("/people/lockouts/").content.decode()
    row = page.split('data-lockout="username:viewer"')[1].split("</tr>")[0]
    assert ">10<" in row
    assert "Locked" in row
    assert "10.0.0.1" in page
    edit = client.get(f"/people/{viewer.person.pk}/edit/").content.decode()
    assert "unlock on the lockouts page" in edit
    unlocked = client.post("/people/lockouts/unlock/", {"kind": "username", "value": "viewer"})
    assert unlocked.url == "/people/lockouts/"
    assert _sign_in(Client(), "viewer", PASSWORD, address="10.0.0.8").status_code == 302
    record = viewer.person.history.latest()
    assert (record.history_user, record.history_change_reason) == (officer, "sign-in unlocked")


def test_an_officer_unlocks_an_address(client, officer, viewer):
    for n in range(10):
        _fail(Client(), f"guess{n}", 1, address="10.0.0.5")
    client.force_login(officer)
    client.post("/people/lockouts/unlock/", {"kind": "address", "value": "10.0.0.5"})
    assert _sign_in(Client(), "viewer", PASSWORD, address="10.0.0.5").status_code == 302


@pytest.mark.parametrize("who", ["viewer", "owner", "delegate"])
def test_only_officers_see_or_lift_lockouts(client, request, who):
    _fail(Client(), "someone", 10)
    client.force_login(request.getfixturevalue(who))
    assert client.get("/people/lockouts/").status_code == 403
    assert (
        client.post(
            "/people/lockouts/unlock/", {"kind": "username", "value": "someone"}
        ).status_code
        == 403
    )
    assert _sign_in(Client(), "someone", "x", address="10.0.0.2").status_code == 429


def test_every_attempt_is_logged_with_username_and_address(client, viewer, caplog):
    caplog.set_level(logging.INFO)
    _fail(client, "viewer", 2)
    _sign_in(client, "viewer", PASSWORD, address="10.0.0.2")
    assert AccessFailureLog.objects.filter(username="viewer", ip_address="10.0.0.1").count() == 2
    (attempt,) = AccessAttempt.objects.all()
    assert "wrong-password" not in attempt.post_data
    assert "password=****" in attempt.post_data
    assert 'login failure by {username: "viewer", ip_address: "10.0.0.1"' in caplog.text
    assert "Signed in: user" in caplog.text
