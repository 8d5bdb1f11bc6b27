"""A second factor for local passwords (django-otp): officers and administrators must set up an
authenticator app (TOTP) and get one-time recovery codes; others may. Setting it up and
changing it ask for the password again; an officer can reset a person's (recorded with who and
why, their sessions ended)."""

import re
from base64 import b32encode
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]


@pytest.fixture(autouse=True)
def second_factor_for_officers(settings):
    settings.BOARDPACK_REQUIRE_2FA = "officers"


def _sign_in(client: Client, username: str) -> None:
    assert client.post("/login/", {"username": username, "password": PASSWORD}).status_code == 302


def _code(device: TOTPDevice, *, later: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = timezone.now().timestamp() + later
    return f"{totp.token():06d}"


def _set_up(client: Client) -> tuple[TOTPDevice, list[str]]:
    """Through the pages: the password again, the QR code's key, the first code."""
    page = client.post("/account/second-factor/set-up/", {"password": PASSWORD}).content.decode()
    assert "Scan the QR code" in page
    assert "<svg" in page
    secret = re.search(r"data-secret>([A-Z2-7]+)<", page)[1]
    device = TOTPDevice.objects.get(confirmed=False)
    assert secret == b32encode(device.bin_key).decode()
    done = client.post("/account/second-factor/confirm/", {"code": _code(device)}).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done)
    device.refresh_from_db()
    return device, codes


def test_an_officer_must_set_up_a_second_factor_before_any_page(client, officer):
    _sign_in(client, "officer")
    assert client.get("/people/").url == "/account/second-factor/set-up/?next=%2Fpeople%2F"
    wrong = client.post("/account/second-factor/set-up/", {"password": "not-my-password"})
    assert "Your password is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.exists()
    device, codes = _set_up(client)
    assert device.confirmed
    assert len(codes) == 10
    assert client.get("/people/").status_code == 200
    record = officer.person.history.latest()
    assert (record.history_user, record.history_change_reason) == (officer, "second factor set up")


def test_a_wrong_first_code_sets_nothing_up(client, officer):
    _sign_in(client, "officer")
    client.post("/account/second-factor/set-up/", {"password": PASSWORD})
    page = client.post("/account/second-factor/confirm/", {"code": "000000"}).content.decode()
    assert "The code is not right" in page
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/people/").status_code == 302


def test_with_a_second_factor_a_password_alone_opens_nothing(client, officer):
    _sign_in(client, "officer")
    device, _codes = _set_up(client)
    client.post("/logout/", {"everywhere": "yes"})
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
        _sign_in(client, "officer")
        assert client.get("/plans/").url == "/login/second-factor/?next=%2Fplans%2F"
        assert client.get("/account/second-factor/").url.startswith("/login/second-factor/")
        refused = client.post("/login/second-factor/", {"code": "123456", "next": "/plans/"})
        assert "The code is not right" in refused.content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        accepted = client.post("/login/second-factor/", {"code": _code(device), "next": "/plans/"})
        assert accepted.url == "/plans/"
        assert client.get("/plans/").status_code == 200


def test_a_recovery_code_works_once(client, officer):
    _sign_in(client, "officer")
    _, codes = _set_up(client)
    for attempt in ("first", "second"):
        other = Client()
        _sign_in(other, "officer")
        response = other.post("/login/second-factor/", {"code": codes[0].upper(), "next": "/"})
        if attempt == "first":
            assert response.url == "/"
        else:
            assert response.status_code == 200
    assert StaticToken.objects.count() == 9


def test_changing_the_app_and_new_codes_ask_for_the_password(client, officer):
    _sign_in(client, "officer")
    _first, old_codes = _set_up(client)
    assert client.post("/account/second-factor/set-up/", {"password": "wrong"}).status_code == 200
    assert TOTPDevice.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=1), tick=False):
        second, _ = _set_up(client)
    assert list(TOTPDevice.objects.all()) == [second]
    page = client.post("/account/second-factor/recovery-codes/", {"password": PASSWORD})
    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.content.decode())
    assert len(new_codes) == 10
    assert not StaticToken.objects.filter(token__in=old_codes).exists()


def test_others_may_choose_a_second_factor(client, viewer):
    _sign_in(client, "viewer")
    assert client.get("/plans/").status_code == 200
    _set_up(client)
    assert TOTPDevice.objects.filter(user=viewer, confirmed=True).exists()


def test_everyone_can_be_required_to_have_one(client, settings, viewer):
    settings.BOARDPACK_REQUIRE_2FA = "all"
    _sign_in(client, "viewer")
    assert client.get("/plans/").url.startswith("/account/second-factor/set-up/")


def test_administrators_need_one_too(client):
    UserFactory(username="admin", is_staff=True)
    _sign_in(client, "admin")
    assert client.get("/").url.startswith("/account/second-factor/set-up/")


def test_an_officer_resets_a_persons_second_factor_with_a_reason(client, officer, viewer, settings):
    settings.BOARDPACK_REQUIRE_2FA = "none"  # the officer's own is not under test
    them = Client()
    _sign_in(them, "viewer")
    _set_up(them)
    client.force_login(officer)
    path = f"/people/{viewer.person.pk}/second-factor/reset/"
    refused = client.post(path, {"reset-reason": ""}, follow=True).content.decode()
    assert "Nothing was done: say why" in refused
    assert "Important" in refused
    assert TOTPDevice.objects.filter(user=viewer).exists()
    client.post(path, {"reset-reason": "Lost phone, rang the service desk"})
    assert not TOTPDevice.objects.filter(user=viewer).exists()
    assert not StaticToken.objects.filter(device__user=viewer).exists()
    assert them.get("/plans/").url.startswith("/signed-out/")
    record = viewer.person.history.latest()
    assert record.history_user == officer
    assert record.history_change_reason == "second factor reset: Lost phone, rang the service desk"


@pytest.mark.parametrize("who", ["viewer", "owner", "delegate"])
def test_only_officers_reset_a_second_factor(client, request, who, officer):
    client.force_login(request.getfixturevalue(who))
    path = f"/people/{officer.person.pk}/second-factor/reset/"
    assert client.post(path, {"reset-reason": "because"}).status_code == 403
