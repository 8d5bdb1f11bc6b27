"""Template context every page gets: the authority's name and the navigation for the user."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import role_from
from boardpack.plans.selectors import person_leading


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    active: bool


LEADS = frozenset({"lead"})
"""Not a role: whoever is named responsible for an action (asked of the plans)."""

NAVIGATION = (
    ("Scorecard", "home", None),
    ("Plans", "plans", None),
    ("Boards", "boards", None),
    ("My actions", "my-actions", LEADS),
    ("My indicators", "my-indicators", {Role.INDICATOR_OWNER, Role.DELEGATE}),
    ("Enter values", "values-grid", {Role.PERFORMANCE_OFFICER, Role.INDICATOR_OWNER}),
    ("Commentary review", "comment-review-list", {Role.PERFORMANCE_OFFICER}),
    ("Reports", "reports", None),
    ("Benchmarks", "benchmarks", None),
    ("Imports", "imports", {Role.PERFORMANCE_OFFICER}),
    ("Uploads", "uploads", {Role.PERFORMANCE_OFFICER}),
    ("Indicator library", "library", {Role.PERFORMANCE_OFFICER}),
    ("Calculated indicators", "calculated-links", {Role.PERFORMANCE_OFFICER}),
    ("People", "people", {Role.PERFORMANCE_OFFICER}),
    ("My jobs", "my-jobs", None),
)


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "authority_name": settings.BOARDPACK_AUTHORITY_NAME,
        "session_timeout": {
            "idle": settings.SESSION_COOKIE_AGE,
            "warning": settings.BOARDPACK_SESSION_WARNING_SECONDS,
        },
    }


def navigation(request: HttpRequest) -> dict[str, list[NavItem]]:
    person = person_leading(request.user)
    role = role_from(request.user, person)
    if role is None:
        return {"navigation": []}
    items = []
    for text, name, roles in NAVIGATION:
        leads = roles is LEADS and person is not None and person.leads
        if roles is None or role in roles or leads:
            href = reverse(name)
            items.append(NavItem(text, href, request.path == href))
    return {"navigation": items}
