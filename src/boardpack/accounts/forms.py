"""The form of the People pages: a person, their role and their login."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm

from boardpack.accounts.models import Person, Role
from boardpack.lib.forms import width

SERVICE_FIELDS = {"password": "new_password1"}
"""Fields person_save names differently from this form."""


class PersonForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="As reports print it, for example Head of Safeguarding Service.",
        error_messages={"required": "Enter the person's name"},
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={"invalid": "Enter an email address like name@example.gov.uk"},
    )
    email_opt_out = forms.BooleanField(
        label="Send them no e-mail",
        required=False,
        help_text="No update requests, reminders or briefings; boards' pages still list them.",
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=(
            "Performance officers manage everything. Indicator owners enter values and write "
            "commentary for their indicators. Delegates write the commentary an owner gives "
            "them. Viewers read."
        ),
        error_messages={"required": "Choose a role"},
    )
    username = forms.CharField(
        label="Username",
        required=False,
        max_length=150,
        validators=get_user_model()._meta.get_field("username").validators,
        help_text="Leave blank if they do not sign in. Letters, digits and @ . + - _ only.",
        widget=forms.TextInput(attrs={**width(20), "autocomplete": "off"}),
    )
    new_password1 = forms.CharField(
        label="Password",
        required=False,
        strip=False,
        help_text=" ".join(password_validation.password_validators_help_texts()),
        widget=forms.PasswordInput(attrs={**width(20), "autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label="Confirm password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={**width(20), "autocomplete": "new-password"}),
    )
    sso_subject = forms.CharField(
        label="Single sign-on subject",
        required=False,
        max_length=255,
        help_text="The identity provider's subject (sub) for them. Recorded at their first "
        "single sign-on; give it when people are matched on it. Clear it if their account at "
        "the provider changes.",
        widget=forms.TextInput(attrs={**width(30), "autocomplete": "off"}),
    )
    active = forms.BooleanField(
        label="Can sign in",
        required=False,
        help_text="Untick to stop them signing in. Their indicators and history stay.",
    )

    def __init__(self, data: Any = None, *, person: Person | None) -> None:
        initial: dict[str, Any] = {"role": Role.VIEWER, "active": True}
        if person is not None:
            login = person.user
            initial = {
                "name": person.name,
                "email": person.email,
                "email_opt_out": person.email_opt_out,
                "role": person.role,
                "username": login.get_username() if login else "",
                "active": login.is_active if login else True,
                "sso_subject": person.sso_subject,
            }
        super().__init__(data, initial=initial)
        if not settings.BOARDPACK_SSO:
            del self.fields["sso_subject"]
        if person is not None and person.user is not None:
            self.fields["new_password1"].label = "New password"
            self.fields["new_password2"].label = "Confirm new password"
            self.fields["new_password1"].help_text = (
                "Leave blank to keep their password. " + self.fields["new_password1"].help_text
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("new_password1", "") != data.get("new_password2", ""):
            self.add_error("new_password2", "The two passwords do not match")
        return data

    def add_service_errors(self, problems: list[tuple[str, str]]) -> None:
        for field, message in problems:
            self.add_error(SERVICE_FIELDS.get(field, field), message)


class SignInForm(AuthenticationForm):
    """Django's sign-in form, its refusal worded as GOV.UK words it; it names neither field."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password",
    }
