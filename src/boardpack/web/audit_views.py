"""The audit log page and its CSV, for auditors and performance officers (others: 403)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from boardpack.accounts.models import Role
from boardpack.accounts.permissions import role_required
from boardpack.lib.forms import DateField
from boardpack.lib.spreadsheets import csv_record
from boardpack.web.audit_log import CSV_COLUMNS, Search, audit_entries, csv_row, kinds, user_name

PAGE_ROWS = 200
CSV_ROWS = 10_000
auditor_required = role_required({Role.AUDITOR, Role.PERFORMANCE_OFFICER})


class Account(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return user_name(obj)


class AuditSearch(forms.Form):
    account = Account(
        queryset=get_user_model().objects.select_related("person").order_by("username"),
        required=False,
        empty_label="Everyone",
        label="Who",
    )
    kind = forms.ChoiceField(required=False, label="Kind of record")
    record_id = forms.RegexField(
        regex=r"^\d{1,12}$",
        required=False,
        label="Record number",
        error_messages={"invalid": "Enter the record's number, like 42"},
    )
    start = DateField(what="the first day", required=False, label="From")
    end = DateField(what="the last day", required=False, label="To")

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        self.fields["kind"].choices = [("", "Every kind"), *((k, k) for k in kinds())]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", "The last day must be the same as or after the first day")
        return data

    def search(self) -> Search:
        data = self.cleaned_data
        user: AbstractBaseUser | None = data.get("account")
        return Search(user, data["kind"], data["record_id"], data.get("start"), data.get("end"))


def _searched(request: HttpRequest) -> tuple[AuditSearch, Search | None]:
    form = AuditSearch(request.GET)
    return form, (form.search() if form.is_valid() else None)


@auditor_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    form, search = _searched(request)
    entries = audit_entries(search, PAGE_ROWS) if search else []
    context = {"form": form, "entries": entries, "limit": PAGE_ROWS}
    return render(request, "audit/log.html", {**context, "query": request.GET.urlencode()})


@auditor_required
@require_GET
def audit_export(request: HttpRequest) -> HttpResponse:
    """The search's entries as CSV (every cell safe from formula injection)."""
    form, search = _searched(request)
    if search is None:
        return HttpResponseBadRequest("Correct the search first: " + form.errors.as_text())
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_record(csv_row(e)) for e in audit_entries(search, CSV_ROWS))
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
