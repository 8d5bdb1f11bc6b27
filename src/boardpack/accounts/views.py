"""The People pages: performance officers list people and set their role and login.

Everyone else is refused (403). Changes are written through services.person_save.
"""

from __future__ import annotations

from django.contrib.auth import update_session_auth_hash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from boardpack.accounts.forms import PersonForm
from boardpack.accounts.models import Person
from boardpack.accounts.permissions import officer_required
from boardpack.accounts.security import sign_in_state
from boardpack.accounts.security_views import END, RESET, ReasonForm
from boardpack.accounts.selectors import people_with_logins
from boardpack.accounts.services import PersonError, person_save
from boardpack.lib.form_writes import form_write

REASON = "web form"


@officer_required
def people(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/people.html", {"people": people_with_logins()})


PERSON_FIELDS = ("name", "email", "email_opt_out", "role", "username", "active", "sso_subject")
"""The form's fields person_save takes as they are (sso_subject only when single sign-on is on)."""


def _save(request: HttpRequest, form: PersonForm, person: Person | None) -> Person:
    """person_save with the form's fields; changing one's own password keeps one signed in."""
    data = form.cleaned_data
    fields = {name: data[name] for name in PERSON_FIELDS if name in data}
    saved = person_save(
        person=person, **fields, password=data["new_password1"], user=request.user, reason=REASON
    )
    if data["new_password1"] and saved.user_id == request.user.pk:
        update_session_auth_hash(request, saved.user)
    return saved


def _person_page(request: HttpRequest, person: Person | None) -> HttpResponse:
    form = PersonForm(request.POST if request.method == "POST" else None, person=person)
    return form_write(
        request,
        form,
        lambda: _save(request, form, person),
        refused=PersonError,
        message=lambda saved: f"{saved.name} saved",
        to=lambda _: "people",
        problem=lambda shown, error: shown.add_service_errors(error.problems),
    ) or render(request, "accounts/person_form.html", _context(form, person))


def _context(form: PersonForm, person: Person | None) -> dict[str, object]:
    return {
        "form": form,
        "person": person,
        "sign_in": sign_in_state(person) if person else None,
        "reset_form": ReasonForm(prefix=RESET),
        "end_form": ReasonForm(prefix=END),
    }


@officer_required
@require_http_methods(["GET", "POST"])
def person_new(request: HttpRequest) -> HttpResponse:
    return _person_page(request, None)


@officer_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_page(request, get_object_or_404(people_with_logins(), pk=pk))
