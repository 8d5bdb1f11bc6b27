"""Personal access tokens: made once, stored hashed, refused once expired or revoked, read-only
when asked, and the same on the command line and on the account page."""

import hashlib
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from boardpack.api.models import AccessToken
from boardpack.api.services import TokenError, token_create, token_revoke
from tests.conftest import PASSWORD

URL = "/api/v1/indicators"


def test_it_stores_the_sha256_of_the_secret_never_the_secret(officer, api_as):
    api = api_as(officer, name="Power BI")
    token = AccessToken.objects.get()
    assert api.secret.startswith("bpat_")
    assert len(api.secret) > 40
    assert token.digest == hashlib.sha256(api.secret.encode()).hexdigest()
    assert api.secret[:13] == token.prefix
    stored = [str(v) for v in AccessToken.objects.values_list().get()]
    assert not any(api.secret in value for value in stored)


def test_a_token_reads_as_its_user(viewer, api_as):
    response = api_as(viewer).get(URL)
    assert response.status_code == 200
    assert AccessToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["Bearer bpat_not-a-token", "Bearer something-else", "Basic dXNlcjpwYXNz", ""],
)
def test_no_valid_token_and_no_session_is_401(db, client, header):
    response = client.get(URL, headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_token_is_401(viewer, api_as):
    api = api_as(viewer, expires_days=1)
    assert api.get(URL).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        response = api.get(URL)
    assert response.status_code == 401
    assert response.json()["detail"] == "The token is expired"


def test_a_revoked_token_is_401_even_beside_a_signed_in_session(viewer, api_as):
    api = api_as(viewer)
    api.client.login(username="viewer", password=PASSWORD)
    token_revoke(token=AccessToken.objects.get(), by=viewer)
    response = api.get(URL)
    assert response.status_code == 401
    assert response.json()["detail"] == "The token is revoked"


def test_a_token_of_a_user_who_can_no_longer_sign_in_is_401(viewer, api_as):
    api = api_as(viewer)
    viewer.is_active = False
    viewer.save()
    assert api.get(URL).status_code == 401


def test_a_read_only_token_gets_403_on_a_write_it_could_otherwise_make(officer, api_as):
    body = {"actual": "12.5"}
    url = "/api/v1/indicators/2042SC/values/2012-06"
    read_only = api_as(officer, read_only=True, name="reads")
    response = read_only.put(url, body)
    assert response.status_code == 403
    assert response.json()["detail"] == "This token is read-only"
    assert read_only.get(URL).status_code == 200


def test_names_are_unique_per_user_and_default_to_the_prefix(officer, viewer):
    made = token_create(user=officer, by=None)
    assert made.token.name == made.token.prefix
    token_create(user=officer, name="Power BI", by=None)
    token_create(user=viewer, name="Power BI", by=None)
    with pytest.raises(TokenError, match="already has a token called 'Power BI'"):
        token_create(user=officer, name="Power BI", by=None)


def test_only_its_owner_or_an_officer_revokes_a_token(officer, owner, viewer):
    mine = token_create(user=viewer, by=None).token
    with pytest.raises(TokenError, match="Only its owner"):
        token_revoke(token=mine, by=owner)
    token_revoke(token=mine, by=officer)
    with pytest.raises(TokenError, match="already revoked"):
        token_revoke(token=mine, by=viewer)


def test_the_command_makes_lists_and_revokes(viewer):
    out, err = StringIO(), StringIO()
    call_command(
        "token", "create", "--user", "viewer", "--name", "Power BI", "--read-only",
        "--expires-days", "30", stdout=out, stderr=err,
    )  # fmt: skip
    secret = out.getvalue().strip()
    token = AccessToken.objects.get()
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert token.read_only
    assert "shown only now" in err.getvalue()
    assert (token.expires_at - token.created_at) == timedelta(days=30)
    listed = StringIO()
    call_command("token", "list", stdout=listed)
    assert f"{token.prefix}…" in listed.getvalue()
    assert secret not in listed.getvalue()
    assert "active" in listed.getvalue()
    call_command("token", "revoke", token.prefix, stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked_at is not None
    with pytest.raises(CommandError, match="already revoked"):
        call_command("token", "revoke", secret, stdout=StringIO())
    with pytest.raises(CommandError, match="no user is called 'nobody'"):
        call_command("token", "create", "--user", "nobody", stdout=StringIO())


def test_the_account_page_shows_a_new_token_once_and_lists_only_ones_own(client, viewer, owner):
    token_create(user=owner, name="owner's", by=None)
    client.login(username="viewer", password=PASSWORD)
    made = client.post("/account/", {"name": "Excel", "expires_days": "90"})
    assert made.status_code == 200
    token = AccessToken.objects.get(user=viewer)
    secret = made.context["made"].secret
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret in made.content.decode()
    page = client.get("/account/").content.decode()
    assert secret not in page
    assert "Excel" in page
    assert "owner&#x27;s" not in page


def test_the_account_page_refuses_to_revoke_anothers_token(client, viewer, owner):
    theirs = token_create(user=owner, by=None).token
    client.login(username="viewer", password=PASSWORD)
    assert client.post(f"/account/tokens/{theirs.pk}/revoke/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_an_officer_lists_and_revokes_anyones_token_on_the_page(client, officer, owner):
    theirs = token_create(user=owner, name="owner's", by=None).token
    client.login(username="officer", password=PASSWORD)
    assert "owner&#x27;s" in client.get("/account/").content.decode()
    assert client.post(f"/account/tokens/{theirs.pk}/revoke/").status_code == 302
    theirs.refresh_from_db()
    assert theirs.revoked_by == officer


def test_the_account_page_says_what_is_wrong(client, viewer):
    client.login(username="viewer", password=PASSWORD)
    response = client.post("/account/", {"name": "x", "expires_days": "0"})
    assert response.status_code == 400
    assert "A token lasts at least 1 day" in response.content.decode()
    assert not AccessToken.objects.exists()


def test_the_account_page_needs_sign_in(client, db):
    assert client.get("/account/").status_code == 302
