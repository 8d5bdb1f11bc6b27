import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from boardpack.scorecard.models import Actual, Comment, Indicator, Source, Target
from tests.pages import TABLE_ROW, cells, summary, text

URL = "/imports/"
GOOD_VALUES = (
    b"code,period,actual,target,provisional\n2042SC,2012-07,38.1,36,yes\nNI064,2012-06,1.28,4,no\n"
)
BAD_VALUES = (
    b"code,period,actual,target\n2042SC,2012-07,38.1,36\nNOPE,2012-07,1,2\nNI064,31/04/2012,n/a,4\n"
)


def _upload(client, user, kind, name, data):
    client.force_login(user)
    form = {"file": SimpleUploadedFile(name, data)}
    if kind:
        form["kind"] = kind
    return client.post(URL, form)


def _snapshot() -> tuple:
    return (
        list(Actual.objects.values_list("pk", "value", "provisional")),
        list(Target.objects.values_list("pk", "value")),
        list(Indicator.objects.values_list("pk", "title")),
        Comment.objects.count(),
    )


def _summary(html: str) -> dict[str, str]:
    return summary(html)


def test_the_page_offers_the_three_kinds_and_a_file_upload(client, officer):
    client.force_login(officer)
    html = client.get(URL).content.decode()
    assert html.count('class="govuk-radios__input"') == 3
    assert 'type="file"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "Columns: code, period. Optional: actual, target, provisional." in html


def test_an_officer_imports_values_and_sees_the_report(client, officer, demo_data):
    response = _upload(client, officer, "values", "june.csv", GOOD_VALUES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "june.csv was imported" in html
    assert _summary(html) == {"Rows read": "2", "Created": "2", "Updated": "0", "Unchanged": "2"}
    saved = Actual.objects.get(indicator__code="2042SC", period__startswith="2012-07")
    assert saved.value == Decimal("38.1")
    assert saved.provisional
    assert (saved.source, saved.source_ref, saved.set_by) == (Source.IMPORT, "june.csv", officer)


def test_an_xlsx_file_goes_through_the_same_pipeline(client, officer, demo_data):
    book = Workbook()
    sheet = book.active
    sheet.append(["code", "period", "actual"])
    sheet.append(["NI064", "2012-07", 2.5])
    data = io.BytesIO()
    book.save(data)
    html = _upload(client, officer, "values", "july.xlsx", data.getvalue()).content.decode()
    assert _summary(html)["Created"] == "1"
    assert Actual.objects.get(indicator__code="NI064", period__startswith="2012-07").value == 2.5


def test_a_bad_file_lists_every_error_by_row_and_column_and_writes_nothing(
    client, officer, demo_data
):
    before = _snapshot()
    html = _upload(client, officer, "values", "bad.csv", BAD_VALUES).content.decode()
    assert _snapshot() == before
    assert "govuk-error-summary" in html
    assert '<a href="#id_file">bad.csv has 3 problems, listed in the table.' in html
    body = html.split('id="import-problems"')[1].split("<tbody")[1].split("</table>")[0]
    found = [cells(row) for row in TABLE_ROW.findall(body)]
    assert [c[:2] for c in found] == [["3", "code"], ["4", "period"], ["4", "actual"]]
    assert "'NOPE' is not a known indicator code" in text(found[0][2])
    assert "govuk-notification-banner" not in html


def test_a_file_that_is_not_a_table_is_reported(client, officer, demo_data):
    html = _upload(client, officer, "indicators", "photo.csv", b"\x89PNG\x00\x00").content.decode()
    assert "photo.csv has 1 problem" in html
    assert "is not a text CSV file (binary data)" in html


def test_the_kind_and_the_file_are_required(client, officer):
    client.force_login(officer)
    html = client.post(URL, {}).content.decode()
    assert '<a href="#id_kind">Select what the file holds</a>' in html
    assert '<a href="#id_file">Select a CSV or XLSX file</a>' in html
    assert 'id="id_kind"' in html
    empty = _upload(client, officer, "values", "empty.csv", b"").content.decode()
    assert "The selected file is empty" in empty


def test_a_file_over_the_upload_limit_is_refused(client, officer, demo_data, settings):
    assert settings.BOARDPACK_UPLOAD_MAX_MB == 50
    settings.BOARDPACK_UPLOAD_MAX_MB = 1
    before = _snapshot()
    big = b"code,period,actual\n" + b"x" * (1024 * 1024)
    html = _upload(client, officer, "values", "big.csv", big).content.decode()
    assert "The selected file must be smaller than 1 MB" in html
    assert "smaller than 1 MB. The first row names the columns" in html
    assert _snapshot() == before


@pytest.mark.parametrize("role", ["owner", "delegate", "viewer"])
def test_only_performance_officers_may_import(client, request, demo_data, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    before = _snapshot()
    assert _upload(client, user, "values", "june.csv", GOOD_VALUES).status_code == 403
    assert _snapshot() == before


def test_a_visitor_must_sign_in_to_import(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
