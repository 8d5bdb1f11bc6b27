"""Template context every page gets: the authority's name and the navigation for the user."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from boardpack.accounts.models import Person, Role
from boardpack.accounts.permissions import role_from
from boardpack.web.menu import menu_person


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    active: bool
    waiting: int = 0
    """How many things wait in this queue for the user (shown beside it when any)."""


LEADS = frozenset({"lead"})
"""Not a role: whoever is named responsible for an action (asked of the plans)."""
MANAGERS = frozenset({"manager"})
"""Not a role: performance officers and the programme managers of boards overseeing plans."""

NAVIGATION = (
    ("Scorecard", "home", None),
    ("Plans", "plans", None),
    ("Boards", "boards", None),
    ("My actions", "my-actions", LEADS),
    ("BRAG to confirm", "brag-queue", MANAGERS),
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
    ("Audit log", "audit-log", {Role.PERFORMANCE_OFFICER, Role.AUDITOR}),
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


def _shown(roles: object, role: str, person: Person | None) -> bool:
    if roles is None:
        return True
    if roles is LEADS:
        return person is not None and bool(person.leads)  # type: ignore[attr-defined]
    if roles is MANAGERS:
        manages = person is not None and bool(person.manages)  # type: ignore[attr-defined]
        return role == Role.PERFORMANCE_OFFICER or manages
    return role in roles  # type: ignore[operator]


def _waiting(name: str, role: str, person: Person | None) -> int:
    """The count beside a queue: all of it for an officer, a programme manager's own BRAG."""
    if person is None:
        return 0
    officer = role == Role.PERFORMANCE_OFFICER
    if name == "brag-queue":
        return int(person.brag_all if officer else person.brag_mine)  # type: ignore[attr-defined]
    if name == "comment-review-list":
        return int(person.comments_waiting)  # type: ignore[attr-defined]
    return 0


def navigation(request: HttpRequest) -> dict[str, list[NavItem]]:
    person = menu_person(request.user)
    role = role_from(request.user, person)
    if role is None:
        return {"navigation": []}
    items = []
    for text, name, roles in NAVIGATION:
        if _shown(roles, role, person):
            href = reverse(name)
            waiting = _waiting(name, role, person)
            items.append(NavItem(text, href, request.path == href, waiting))
    return {"navigation": items}
