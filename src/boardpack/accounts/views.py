"""The People pages: performance officers list people and set their role and login.

Everyone else is refused (403). Changes are written through services.person_save.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from boardpack.accounts.forms import PersonForm
from boardpack.accounts.models import Person
from boardpack.accounts.permissions import officer_required
from boardpack.accounts.security import sign_in_state
from boardpack.accounts.security_views import END, RESET, ReasonForm
from boardpack.accounts.selectors import people_with_logins
from boardpack.accounts.services import PersonError, person_save

REASON = "web form"


@officer_required
def people(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/people.html", {"people": people_with_logins()})


def _person_page(request: HttpRequest, person: Person | None) -> HttpResponse:
    form = PersonForm(request.POST if request.method == "POST" else None, person=person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = person_save(
                person=person,
                name=data["name"],
                email=data["email"],
                email_opt_out=data["email_opt_out"],
                role=data["role"],
                username=data["username"],
                password=data["new_password1"],
                active=data["active"],
                sso_subject=data.get("sso_subject"),
                user=request.user,
                reason=REASON,
            )
        except PersonError as error:
            form.add_service_errors(error.problems)
        else:
            if data["new_password1"] and saved.user_id == request.user.pk:
                update_session_auth_hash(request, saved.user)
            messages.success(request, f"{saved.name} saved")
            return redirect("people")
    context = {
        "form": form,
        "person": person,
        "sign_in": sign_in_state(person) if person else None,
        "reset_form": ReasonForm(prefix=RESET),
        "end_form": ReasonForm(prefix=END),
    }
    return render(request, "accounts/person_form.html", context)


@officer_required
@require_http_methods(["GET", "POST"])
def person_new(request: HttpRequest) -> HttpResponse:
    return _person_page(request, None)


@officer_required
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_page(request, get_object_or_404(people_with_logins(), pk=pk))
