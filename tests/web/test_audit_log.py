"""The audit log (issue 14): every change in every app, sign-ins and failed sign-ins, and reports
made, in one log the auditor searches by person, record and date and downloads as CSV."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from boardpack.accounts.models import Role
from boardpack.core.periods import Month
from boardpack.jobs.services import start_job
from boardpack.lib import audit
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.reports.models import ReportMade
from boardpack.scorecard.models import Actual, Indicator
from boardpack.scorecard.services import ValueEntry, values_record
from tests.factories import PASSWORD, login

pytestmark = pytest.mark.usefixtures("quick_passwords")


@pytest.fixture
def auditor(db):
    return login("auditor", "Internal Auditor", Role.AUDITOR)


def _entries(client, user, query=""):
    client.force_login(user)
    response = client.get(f"/audit/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def _record_value(user, actual="38.00"):
    entry = ValueEntry("2042SC", Month(2012, 6), Decimal(actual), None, provisional=False)
    values_record(entries=[entry], user=user, source="form", source_ref="web form")


def test_only_auditors_and_officers_open_the_log(client, auditor, officer, viewer, owner):
    for user in (viewer, owner):
        client.force_login(user)
        assert client.get("/audit/").status_code == 403
        assert client.get("/audit/export.csv").status_code == 403
    assert "Audit log" in _entries(client, auditor)
    assert "Audit log" in _entries(client, officer)
    client.logout()
    assert client.get("/audit/").status_code == 302


def test_a_change_shows_who_when_before_after_and_why(client, auditor, officer, demo_data):
    _record_value(officer)
    html = _entries(client, auditor, "kind=Actual")
    assert "Performance Officer (officer)" in html
    assert re.search(r"value: 37\.470* → 38\.0*<", html)
    assert "web form" in html


def test_a_command_line_import_without_a_user_is_the_command_line_never_no_one(
    client, auditor, demo_data
):
    rows = "code,period,actual\r\n2042SC,2012-06,39\r\n"
    with audit.command_line():
        run_import("values", Source.file("values.csv", rows.encode()), user=None)
    html = _entries(client, auditor, "kind=Actual")
    assert "command line, system user " in html


def test_sign_ins_and_failed_sign_ins_are_in_the_log(client, auditor):
    client.post("/login/", {"username": "auditor", "password": "wrong password"})
    client.post("/login/", {"username": "auditor", "password": PASSWORD})
    html = _entries(client, auditor, "kind=Sign-in")
    assert "failed sign-in" in html
    assert "signed in" in html


def test_reports_made_on_the_web_at_the_command_line_and_in_jobs_are_in_the_log(
    client, auditor, officer, demo_data, tmp_path
):
    start_job("report", "Quarterly report (PDF)", {"report": "quarterly", "data": {}}, officer)
    client.force_login(officer)
    assert client.get("/reports/?period=2012-06&format=docx").status_code == 200
    call_command(
        "report",
        "quarterly",
        "--period",
        "2012-06",
        "--format",
        "html",
        "--output",
        str(tmp_path / "q.html"),
        stdout=io.StringIO(),
    )
    html = _entries(client, auditor, "kind=Report+made")
    assert "Quarterly report (PDF)" in html
    assert "web, in the background" in html
    made = list(ReportMade.objects.order_by("at").values_list("format", "by__username", "through"))
    assert made[0] == ("docx", "officer", "web")
    assert made[1][:2] == ("html", None)
    assert made[1][2].startswith("command line, system user ")
    assert html.count('data-audit="Report made"') == 3


def test_the_log_is_searched_by_person_record_and_date(client, auditor, officer, demo_data):
    _record_value(officer)
    record = Actual.objects.get(indicator__code="2042SC", period__startswith="2012-06").pk
    other = Actual.objects.exclude(pk=record).first().pk
    mine = _entries(client, auditor, f"kind=Actual&account={officer.pk}")
    assert "Performance Officer (officer)" in mine
    assert "data-audit" in mine
    assert 'data-audit="Actual"' not in _entries(
        client, auditor, f"kind=Actual&record_id={other}&account={officer.pk}"
    )
    assert 'data-audit="Actual"' in _entries(client, auditor, f"kind=Actual&record_id={record}")
    future = date.today().replace(year=date.today().year + 1)
    later = (
        f"kind=Actual&start-day={future.day}&start-month={future.month}&start-year={future.year}"
    )
    assert 'data-audit="Actual"' not in _entries(client, auditor, later)
    bad = _entries(client, auditor, "record_id=x&start-day=31&start-month=2&start-year=2026")
    assert "Enter the record&#x27;s number, like 42" in bad
    assert "The first day must be a real date" in bad


def test_the_log_downloads_as_csv_with_formulas_made_harmless(client, auditor, officer, demo_data):
    indicator = Indicator.objects.get(code="2042SC")
    audit.audited(indicator, officer, '=HYPERLINK("http://evil","x")')
    indicator.title = "LAC rate"
    indicator.save()
    client.force_login(auditor)
    response = client.get("/audit/export.csv?kind=Indicator")
    assert response["Content-Disposition"] == 'attachment; filename="audit-log.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["who"] == "Performance Officer (officer)"
    assert rows[0]["changes"].startswith("title: ")
    assert rows[0]["why"] == '\'=HYPERLINK("http://evil","x")'
    assert client.get("/audit/export.csv?record_id=x").status_code == 400
