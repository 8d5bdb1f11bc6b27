"""Single sign-on settings from the environment, and the identity provider's discovery document.

mozilla-django-oidc reads each endpoint from its own setting and has no discovery of its own:
at start-up this fetches the provider's `.well-known/openid-configuration` once, checks it
(the issuer is the one configured, PKCE's S256 and RS256 signatures are offered) and returns
the library's settings. Nothing is fetched when BOARDPACK_OIDC_ISSUER is unset (SSO off).
See docs/security.md for the variables and Microsoft Entra ID's set-up.
"""

from __future__ import annotations

from collections.abc import Mapping

import requests
from django.core.exceptions import ImproperlyConfigured

ROLES = ("officer", "owner", "delegate", "viewer")
MATCHES = ("email", "subject")
TIMEOUT = 10
SIGNING = "RS256"


def discover(issuer: str) -> dict[str, object]:
    """The provider's discovery document, checked; ImproperlyConfigured says what is wrong."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=TIMEOUT)
        response.raise_for_status()
        document: dict[str, object] = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ImproperlyConfigured(
            f"BOARDPACK_OIDC_ISSUER: the discovery document {url} could not be read ({error})."
        ) from error
    if document.get("issuer") != issuer:
        raise ImproperlyConfigured(
            f"BOARDPACK_OIDC_ISSUER is {issuer!r} but the provider names itself "
            f"{document.get('issuer')!r}: use exactly the provider's issuer."
        )
    challenges = document.get("code_challenge_methods_supported")
    if isinstance(challenges, list) and "S256" not in challenges:
        raise ImproperlyConfigured(f"The provider {issuer} does not offer PKCE with S256.")
    algorithms = document.get("id_token_signing_alg_values_supported", [])
    if not isinstance(algorithms, list) or SIGNING not in algorithms:
        raise ImproperlyConfigured(f"The provider {issuer} does not sign ID tokens with RS256.")
    for key in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri"):
        if not isinstance(document.get(key), str):
            raise ImproperlyConfigured(f"The provider {issuer}'s discovery document has no {key}.")
    return document


def group_roles(raw: str) -> dict[str, str]:
    """ "group=role, group=role" as a mapping; roles are officer, owner, delegate or viewer."""
    mapping = {}
    for pair in (item.strip() for item in raw.split(",") if item.strip()):
        group, _, role = pair.rpartition("=")
        if not group or role.strip() not in ROLES:
            raise ImproperlyConfigured(
                f"BOARDPACK_OIDC_GROUP_ROLES: {pair!r} is not group=role with a role of "
                f"{', '.join(ROLES)}."
            )
        mapping[group.strip()] = role.strip()
    return mapping


def sso_settings(env: Mapping[str, str]) -> dict[str, object]:
    """Every single sign-on setting; {"BOARDPACK_SSO": False} when no issuer is configured."""
    issuer = env.get("BOARDPACK_OIDC_ISSUER", "").strip()
    if not issuer:
        return {"BOARDPACK_SSO": False}
    missing = [
        name
        for name in ("BOARDPACK_OIDC_CLIENT_ID", "BOARDPACK_OIDC_CLIENT_SECRET")
        if not env.get(name)
    ]
    if missing:
        raise ImproperlyConfigured(f"Single sign-on needs {' and '.join(missing)}.")
    match = env.get("BOARDPACK_OIDC_MATCH", "email").strip() or "email"
    if match not in MATCHES:
        raise ImproperlyConfigured(f"BOARDPACK_OIDC_MATCH must be email or subject, not {match!r}.")
    document = discover(issuer)
    return {
        "BOARDPACK_SSO": True,
        "BOARDPACK_OIDC_MATCH": match,
        "BOARDPACK_OIDC_GROUPS_CLAIM": env.get("BOARDPACK_OIDC_GROUPS_CLAIM", "groups") or "groups",
        "BOARDPACK_OIDC_GROUP_ROLES": group_roles(env.get("BOARDPACK_OIDC_GROUP_ROLES", "")),
        "BOARDPACK_OIDC_PROVIDER_NAME": env.get("BOARDPACK_OIDC_PROVIDER_NAME", "")
        or "your organisation's account",
        "OIDC_OP_ISSUER": issuer,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": document["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": document["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": document["userinfo_endpoint"],
        "OIDC_OP_JWKS_ENDPOINT": document["jwks_uri"],
        "OIDC_RP_CLIENT_ID": env["BOARDPACK_OIDC_CLIENT_ID"],
        "OIDC_RP_CLIENT_SECRET": env["BOARDPACK_OIDC_CLIENT_SECRET"],
        "OIDC_RP_SIGN_ALGO": SIGNING,
        "OIDC_RP_SCOPES": env.get("BOARDPACK_OIDC_SCOPES", "") or "openid email profile",
        "OIDC_USE_PKCE": True,
        "OIDC_USE_NONCE": True,
        "OIDC_CREATE_USER": False,
        "OIDC_TIMEOUT": TIMEOUT,
    }
