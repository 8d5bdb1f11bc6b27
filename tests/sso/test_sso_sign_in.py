"""Single sign-on against a real OpenID provider: a person an officer created signs in (PKCE,
nonce and signature checked); an unknown identity, a token signed with another key and a
replayed or foreign state are refused with a page saying so, and logged."""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from boardpack.accounts.models import Person, Role
from tests.accounts.test_people import _edit
from tests.factories import PersonFactory
from tests.sso.conftest import callback, configure, provider_redirect

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]
REFUSED = "You cannot sign in to Boardpack"


def _person(name: str, email: str, *, role: str = Role.VIEWER, login: bool = True) -> Person:
    """Someone an officer created, with a login that signs in only by single sign-on."""
    sso_login = {
        "signs_in": True,
        "user__username": name.lower(),
        "user__email": email,
        "user__with_password": False,
    }
    return PersonFactory(name=name, email=email, role=role, **(sso_login if login else {}))


def _signed_in_as(client: Client) -> str:
    return client.get("/plans/").wsgi_request.user.get_username()


def test_a_person_an_officer_created_signs_in_and_needs_no_second_factor_there(
    client, provider, settings
):
    settings.BOARDPACK_REQUIRE_2FA = "officers"
    alice = _person("Alice", "Alice@Example.gov.uk", role=Role.PERFORMANCE_OFFICER)
    start = client.get("/sso/start/", {"next": "/plans/"})
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert query["nonce"]
    assert query["state"]
    response = callback(client, provider_redirect(client, "alice-sub", next_path="/plans/"))
    assert response.status_code == 302
    assert response.url == "/plans/"
    assert _signed_in_as(client) == "alice"
    assert client.get("/people/").status_code == 200
    alice.refresh_from_db()
    assert alice.sso_subject == "alice-sub"
    assert alice.history.latest().history_change_reason == "single sign-on subject recorded"


@pytest.mark.parametrize("who", ["nobody", "no login", "stopped login"])
def test_an_identity_without_a_person_and_login_is_refused_and_logged(
    client, provider, caplog, who
):
    if who == "no login":
        _person("Mallory", "mallory@elsewhere.example", login=False)
    if who == "stopped login":
        person = _person("Mallory", "mallory@elsewhere.example")
        person.user.is_active = False
        person.user.save()
    caplog.set_level(logging.WARNING, logger="boardpack")
    response = callback(client, provider_redirect(client, "mallory-sub"))
    assert response.status_code == 403
    assert REFUSED in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert client.get("/plans/").status_code == 302
    assert "no person with a login for subject 'mallory-sub'" in caplog.text


def test_an_id_token_signed_with_another_key_is_refused(client, lying_provider, caplog):
    _person("Alice", "alice@example.gov.uk")
    caplog.set_level(logging.WARNING, logger="boardpack")
    response = callback(client, provider_redirect(client, "alice-sub"))
    assert response.status_code == 403
    assert REFUSED in response.content.decode()
    assert client.get("/plans/").status_code == 302
    assert "Single sign-on refused: JWS token verification failed." in caplog.text


def test_a_replayed_state_is_refused(client, provider, caplog):
    _person("Alice", "alice@example.gov.uk")
    caplog.set_level(logging.WARNING, logger="boardpack")
    returned = provider_redirect(client, "alice-sub")
    assert callback(client, returned).status_code == 302
    replay = callback(client, returned)
    assert replay.status_code == 403
    assert "state not found in session" in caplog.text
    stranger = Client()
    stolen = callback(stranger, returned)
    assert stolen.status_code == 403
    assert REFUSED in stolen.content.decode()
    assert stranger.get("/plans/").status_code == 302


def test_a_state_begun_in_another_browser_is_refused(provider):
    _person("Alice", "alice@example.gov.uk")
    attacker, victim = Client(), Client()
    victim.get("/sso/start/")
    response = callback(victim, provider_redirect(attacker, "alice-sub"))
    assert response.status_code == 403
    assert victim.get("/plans/").status_code == 302


def test_once_recorded_the_subject_must_match(client, provider):
    alice = _person("Alice", "alice@example.gov.uk")
    alice.sso_subject = "someone-else"
    alice.save()
    response = callback(client, provider_redirect(client, "alice-sub"))
    assert response.status_code == 403


def test_people_can_be_matched_on_the_subject_an_officer_enters(
    client, provider, settings, officer
):
    configure(settings, provider, BOARDPACK_OIDC_MATCH="subject")
    _person("Alice", "alice@example.gov.uk")
    bob = _person("Bob", "not-his-provider-address@example.gov.uk")
    client.force_login(officer)
    page = client.get(f"/people/{bob.pk}/edit/").content.decode()
    assert "Single sign-on subject" in page
    client.post(f"/people/{bob.pk}/edit/", _edit(bob, sso_subject=" bob-sub "))
    bob.refresh_from_db()
    assert bob.sso_subject == "bob-sub"
    client.logout()
    assert callback(client, provider_redirect(client, "bob-sub")).status_code == 302
    assert _signed_in_as(client) == "bob"
    stranger = Client()
    assert callback(stranger, provider_redirect(stranger, "alice-sub")).status_code == 403


def test_the_providers_groups_give_the_role(client, provider, settings):
    configure(settings, provider, BOARDPACK_OIDC_GROUP_ROLES="perf-team=officer")
    alice = _person("Alice", "alice@example.gov.uk", role=Role.VIEWER)
    bob = _person("Bob", "bob@example.gov.uk", role=Role.INDICATOR_OWNER)
    callback(client, provider_redirect(client, "alice-sub"))
    alice.refresh_from_db()
    assert alice.role == Role.PERFORMANCE_OFFICER
    assert "role officer from the provider's groups" in alice.history.latest().history_change_reason
    other = Client()
    callback(other, provider_redirect(other, "bob-sub"))
    bob.refresh_from_db()
    assert bob.role == Role.VIEWER


def test_local_passwords_can_be_switched_off(client, provider, settings, officer):
    settings.BOARDPACK_LOCAL_PASSWORDS = False
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "boardpack.accounts.sso.SingleSignOnBackend",
    ]
    page = client.get("/login/").content.decode()
    assert "Sign in with your organisation" in page
    assert 'name="password"' not in page
    refused = client.post("/login/", {"username": "officer", "password": "a-long-test-password"})
    assert refused.status_code == 404
    assert client.get("/password-reset/").status_code == 404
    assert client.get("/plans/").status_code == 302
