"""Single sign-on with OpenID Connect (mozilla-django-oidc): the authorisation code flow with
PKCE; the ID token's signature (the provider's keys), nonce, issuer and audience are checked.

Only a person an officer has created with a login signs in: matched on their e-mail address or
on the provider's subject (BOARDPACK_OIDC_MATCH). Once matched on e-mail, their subject is
recorded and must match at every later sign-in. Anyone else is refused with a page saying so,
and the refusal is logged. The provider's groups may set the person's role
(BOARDPACK_OIDC_GROUP_ROLES). See docs/security.md.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from boardpack.accounts.models import Person, Role
from boardpack.accounts.security import record

logger = logging.getLogger(__name__)
RANK = [Role.PERFORMANCE_OFFICER, Role.INDICATOR_OWNER, Role.DELEGATE, Role.VIEWER]


def _identity(claims: dict[str, Any]) -> str:
    return f"subject {claims.get('sub')!r}, e-mail {claims.get('email')!r}"


class SingleSignOnBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != settings.OIDC_OP_ISSUER:
            raise SuspiciousOperation(f"ID token from another issuer: {payload.get('iss')!r}")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation(f"ID token for another audience: {audience!r}")
        return payload

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The ID token's claims (Entra ID sends groups there) with the userinfo endpoint's,
        which must be about the same subject."""
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo endpoint answered for another subject")
        return {**payload, **info}

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not claims.get("sub"):
            return False
        if settings.BOARDPACK_OIDC_MATCH == "email":
            return bool(claims.get("email")) and claims.get("email_verified") is not False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[AbstractBaseUser]:
        users = get_user_model().objects.filter(is_active=True, person__isnull=False)
        subject = claims["sub"]
        if settings.BOARDPACK_OIDC_MATCH == "subject":
            found = users.filter(person__sso_subject=subject)
        else:
            found = users.filter(person__email__iexact=claims["email"])
            bound = found.exclude(person__sso_subject="").exclude(person__sso_subject=subject)
            if bound.exists():
                logger.warning(
                    "Single sign-on refused: %s, the person's recorded subject differs",
                    _identity(claims),
                )
                return users.none()
        if not found.exists():
            logger.warning(
                "Single sign-on refused: no person with a login for %s", _identity(claims)
            )
        return found

    def update_user(self, user: AbstractBaseUser, claims: dict[str, Any]) -> AbstractBaseUser:
        person: Person = user.person  # type: ignore[attr-defined]
        notes = []
        if not person.sso_subject:
            person.sso_subject = claims["sub"]
            notes.append("single sign-on subject recorded")
        role = self._role(claims)
        if role is not None and role != person.role:
            notes.append(f"role {role} from the provider's groups")
            person.role = role
        if notes:
            record(person, by=user, reason="; ".join(notes))
        logger.info("Single sign-on: user %s (%s)", user.pk, _identity(claims))
        return user

    def _role(self, claims: dict[str, Any]) -> str | None:
        """The highest role the provider's groups give (viewer if none does), or None when
        groups are not mapped to roles."""
        mapping: dict[str, str] = settings.BOARDPACK_OIDC_GROUP_ROLES
        if not mapping:
            return None
        groups = claims.get(settings.BOARDPACK_OIDC_GROUPS_CLAIM) or []
        roles = {mapping[group] for group in groups if group in mapping}
        return next((role for role in RANK if role in roles), Role.VIEWER)


def refused(request: HttpRequest, reason: str) -> HttpResponse:
    logger.warning("Single sign-on refused: %s", reason)
    return render(request, "accounts/sso_refused.html", status=403)


class SignOnCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """The provider's answer: a refusal of any kind (unknown person, bad signature, replayed
    or unknown state, the provider's error) shows the refusal page."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            response: HttpResponse = super().get(request)
        except SuspiciousOperation as error:
            return refused(request, str(error))
        return response

    def login_failure(self) -> HttpResponse:
        return refused(self.request, self.request.GET.get("error", "no person matched"))


def _when_on(view: Any) -> Any:
    def guarded(request: HttpRequest) -> HttpResponse:
        if not settings.BOARDPACK_SSO:
            raise Http404("Single sign-on is not set up")
        response: HttpResponse = view(request)
        return response

    return guarded


sso_start = _when_on(OIDCAuthenticationRequestView.as_view())
sso_callback = _when_on(SignOnCallbackView.as_view())
