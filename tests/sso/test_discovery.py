"""The single sign-on settings helper reads the provider's discovery document at start-up and
stops with a clear message when it cannot be trusted."""

import os
import socket
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from boardpack.lib.sso_settings import group_roles, sso_settings
from tests.sso.conftest import CLIENT_ID, CLIENT_SECRET, running_provider

ENV = {"BOARDPACK_OIDC_CLIENT_ID": CLIENT_ID, "BOARDPACK_OIDC_CLIENT_SECRET": CLIENT_SECRET}


@pytest.fixture(scope="module")
def issuer():
    with running_provider() as found:
        yield found


def test_no_issuer_means_no_single_sign_on():
    assert sso_settings({}) == {"BOARDPACK_SSO": False}


def test_the_endpoints_come_from_the_discovery_document(issuer):
    found = sso_settings({"BOARDPACK_OIDC_ISSUER": issuer, **ENV})
    assert found["OIDC_OP_AUTHORIZATION_ENDPOINT"] == f"{issuer}/auth"
    assert found["OIDC_OP_TOKEN_ENDPOINT"] == f"{issuer}/token"
    assert found["OIDC_OP_USER_ENDPOINT"] == f"{issuer}/me"
    assert found["OIDC_OP_JWKS_ENDPOINT"] == f"{issuer}/jwks"
    assert (found["OIDC_USE_PKCE"], found["OIDC_USE_NONCE"], found["OIDC_CREATE_USER"]) == (
        True,
        True,
        False,
    )
    assert found["OIDC_RP_SIGN_ALGO"] == "RS256"


def test_an_issuer_the_provider_does_not_name_is_refused(issuer):
    with pytest.raises(ImproperlyConfigured, match="the provider names itself"):
        sso_settings({"BOARDPACK_OIDC_ISSUER": issuer + "/", **ENV})


def test_an_unreachable_provider_stops_start_up_with_its_address():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    with pytest.raises(ImproperlyConfigured, match="could not be read"):
        sso_settings({"BOARDPACK_OIDC_ISSUER": closed, **ENV})


def test_the_client_credentials_are_required(issuer):
    with pytest.raises(ImproperlyConfigured, match="BOARDPACK_OIDC_CLIENT_SECRET"):
        sso_settings({"BOARDPACK_OIDC_ISSUER": issuer, "BOARDPACK_OIDC_CLIENT_ID": CLIENT_ID})


@pytest.mark.parametrize("raw", ["perf-team=admin", "officer", "=officer"])
def test_a_group_mapping_that_is_not_group_equals_role_is_refused(raw):
    with pytest.raises(ImproperlyConfigured, match="BOARDPACK_OIDC_GROUP_ROLES"):
        group_roles(raw)


def test_group_mappings_are_read():
    assert group_roles("a1-b2=officer, perf = owner") == {"a1-b2": "officer", "perf": "owner"}


def test_the_settings_fetch_the_document_at_start_up(issuer):
    script = (
        "import boardpack.settings as s;"
        " print(s.AUTHENTICATION_BACKENDS[1], s.OIDC_OP_TOKEN_ENDPOINT)"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, "BOARDPACK_OIDC_ISSUER": issuer, **ENV}
    ran = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert ran.stdout.split() == ["boardpack.accounts.sso.SingleSignOnBackend", f"{issuer}/token"]
