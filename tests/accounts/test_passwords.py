"""Passwords: Django's validators (12 characters at least, the common-password list, not only
digits, long passphrases welcome), changing one's own, a reset by e-mail that answers the same
for any address (over a real SMTP server), and the change forced after an officer sets one."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from boardpack.accounts.models import Person
from tests.accounts.test_people import NEW, _edit
from tests.boards.world import smtp_server, text_of
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]
PASSPHRASE = "correct horse battery staple on a grey morning by the old canal lock gates"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("8472910384", "This password is entirely numeric."),
        ("rosebud-lake", None),
        ("password1234", "This password is too common."),
        ("short-pass", "This password is too short. It must contain at least 12 characters."),
    ],
)
def test_the_password_rules_apply_when_an_officer_sets_one(client, officer, password, message):
    client.force_login(officer)
    response = client.post(
        "/people/new/", {**NEW, "new_password1": password, "new_password2": password}
    )
    if message is None:
        assert response.status_code == 302
        return
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Person.objects.filter(name=NEW["name"]).exists()


def test_a_long_passphrase_is_welcome(client, officer):
    assert len(PASSPHRASE) > 64
    client.force_login(officer)
    response = client.post(
        "/people/new/", {**NEW, "new_password1": PASSPHRASE, "new_password2": PASSPHRASE}
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="youth.justice").check_password(PASSPHRASE)


def test_a_person_changes_their_password_and_their_other_sessions_end(client, viewer):
    elsewhere = Client()
    elsewhere.force_login(viewer)
    client.force_login(viewer)
    wrong = client.post(
        "/account/password/",
        {"old_password": "not-it", "new_password1": PASSPHRASE, "new_password2": PASSPHRASE},
    )
    assert "Your old password was entered incorrectly" in wrong.content.decode()
    changed = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": PASSPHRASE, "new_password2": PASSPHRASE},
    )
    assert changed.url == "/"
    assert client.get("/").status_code == 200
    assert elsewhere.get("/").url.startswith("/signed-out/")
    viewer.refresh_from_db()
    assert viewer.check_password(PASSPHRASE)
    assert viewer.person.history.latest().history_change_reason == "password changed by them"


def test_a_password_an_officer_sets_must_be_changed_at_the_next_sign_in(client, officer, viewer):
    client.force_login(officer)
    person = viewer.person
    given = "pale-yellow-kingfisher"
    client.post(
        f"/people/{person.pk}/edit/", _edit(person, new_password1=given, new_password2=given)
    )
    person.refresh_from_db()
    assert person.password_change_required
    them = Client()
    them.post("/login/", {"username": "viewer", "password": given})
    assert them.get("/plans/").url == "/account/password/?next=%2Fplans%2F"
    assert "Choose a new password" in them.get("/account/password/").content.decode()
    them.post(
        "/account/password/",
        {"old_password": given, "new_password1": PASSPHRASE, "new_password2": PASSPHRASE},
    )
    assert them.get("/plans/").status_code == 200
    person.refresh_from_db()
    assert not person.password_change_required


def test_an_officer_setting_their_own_password_is_not_asked_again(client, officer):
    client.force_login(officer)
    person = officer.person
    client.post(
        f"/people/{person.pk}/edit/",
        _edit(person, new_password1=PASSPHRASE, new_password2=PASSPHRASE),
    )
    person.refresh_from_db()
    assert not person.password_change_required
    assert client.get("/plans/").status_code == 200


def _reset_link(message) -> str:
    (link,) = re.findall(r"http://testserver(/password-reset/\S+/)", text_of(message))
    return link


def test_a_reset_e_mail_goes_to_a_known_address_and_the_answer_is_the_same_for_any(
    client, settings, viewer
):
    settings.BOARDPACK_BASE_URL = "http://testserver"
    viewer.email = "councillor@example.gov.uk"
    viewer.save()
    elsewhere = Client()
    elsewhere.force_login(viewer)
    with smtp_server(settings) as inbox:
        known = client.post("/password-reset/", {"email": "Councillor@example.gov.uk"})
        unknown = client.post("/password-reset/", {"email": "nobody@example.gov.uk"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == "/password-reset/sent/"
    (message,) = inbox.messages
    assert message["To"] == "councillor@example.gov.uk"
    assert str(message["Subject"]).strip() == "Boardpack: choose a new password"
    link = _reset_link(message)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": PASSPHRASE, "new_password2": PASSPHRASE}
    )
    assert done.url == "/password-reset/done/"
    viewer.refresh_from_db()
    assert viewer.check_password(PASSPHRASE)
    assert elsewhere.get("/").url.startswith("/signed-out/")
    again = client.get(link, follow=True)
    assert "This link does not work" in again.content.decode()


def test_reset_requests_are_throttled_like_sign_ins(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    answers = [
        client.post("/password-reset/", {"email": "someone@example.gov.uk"}).status_code
        for _ in range(11)
    ]
    assert answers[:9] == [302] * 9
    assert answers[9:] == [429, 429]
    refused = client.post("/password-reset/", {"email": "someone@example.gov.uk"})
    assert "Sign-in paused" in refused.content.decode()
