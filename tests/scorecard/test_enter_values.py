import re
from decimal import Decimal

import pytest

from boardpack.accounts.models import OrgUnit
from boardpack.scorecard.models import Actual, Indicator, Source, Target
from tests.factories import PersonFactory

SAFEGUARDING_CODES = ["2023SC", "2042SC", "NI064", "NI065"]


def _indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def _key(code: str, period: str) -> str:
    return f"{_indicator(code).pk}-{period}"


def _year_url(code: str, year: int | None = None) -> str:
    url = f"/indicators/{_indicator(code).pk}/values/"
    return f"{url}?year={year}" if year else url


def _grid_url(service: str = "Safeguarding", period: str = "2012-06") -> str:
    pk = OrgUnit.objects.get(kind=OrgUnit.Kind.SERVICE, name=service).pk
    return f"/values/?service={pk}&period={period}"


def _row(html: str, attribute: str, value: str) -> str:
    return re.search(rf'{attribute}="{re.escape(value)}">(.*?)</tr>', html, re.S)[1]


def _actual(code: str, period: str) -> Actual | None:
    return Actual.objects.filter(indicator__code=code, period__startswith=period).first()


def _snapshot() -> list[tuple]:
    return [
        *Actual.objects.values_list("indicator_id", "period", "value", "provisional"),
        *Target.objects.values_list("indicator_id", "period", "value"),
    ]


def _get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_quarterly_indicators_year_page_shows_its_four_quarters_with_their_status(
    client, officer, demo_data
):
    html = _get(client, officer, _year_url("2042SC"))
    assert "Enter values for 2012/13" in html
    assert "Quarters of 2012/13" in html
    periods = re.findall(r'data-period="([^"]+)"', html)
    assert periods == ["2012-06", "2012-09", "2012-12", "2013-03"]
    june = _row(html, "data-period", "2012-06")
    assert "Quarter 1 2012/13" in june
    assert 'value="37.47"' in june
    assert 'value="36"' in june
    assert "Worse than target" in june
    assert "No actual yet" in _row(html, "data-period", "2012-09")


def test_a_monthly_indicators_year_page_shows_the_twelve_months(client, officer, demo_data):
    html = _get(client, officer, _year_url("CS146"))
    assert "Months of 2012/13" in html
    periods = re.findall(r'data-period="([^"]+)"', html)
    assert periods == [f"2012-{m:02d}" for m in range(4, 13)] + ["2013-01", "2013-02", "2013-03"]
    assert "Jun 2012" in _row(html, "data-period", "2012-06")


def test_another_year_can_be_chosen(client, officer, demo_data):
    html = _get(client, officer, _year_url("2042SC", 2011))
    assert "Enter values for 2011/12" in html
    assert 'value="34.92"' in _row(html, "data-period", "2011-06")
    assert "?year=2010" in html
    assert "?year=2012" in html


def test_saving_records_actuals_targets_and_the_provisional_flag_with_history(
    client, officer, demo_data
):
    client.force_login(officer)
    june, september = _key("2042SC", "2012-06"), _key("2042SC", "2012-09")
    response = client.post(
        _year_url("2042SC", 2012),
        {
            f"{june}-actual": "36.5",
            f"{june}-target": "36",
            f"{june}-provisional": "on",
            f"{september}-actual": "1,234.5",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _year_url("2042SC", 2012)
    saved = _actual("2042SC", "2012-06")
    assert saved.value == Decimal("36.5")
    assert saved.provisional is True
    assert (saved.source, saved.source_ref, saved.set_by) == (Source.FORM, "web form", officer)
    assert saved.history.latest().history_user == officer
    assert _actual("2042SC", "2012-09").value == Decimal("1234.5")
    page = client.get(response["Location"]).content.decode()
    assert "Values saved: 1 added, 1 changed." in page
    assert "Within tolerance" in _row(page, "data-period", "2012-06")


def test_a_blank_box_leaves_the_stored_value(client, officer, demo_data):
    client.force_login(officer)
    june = _key("2042SC", "2012-06")
    before = _snapshot()
    response = client.post(_year_url("2042SC"), {f"{june}-actual": "", f"{june}-target": " "})
    assert response.status_code == 302
    assert _snapshot() == before
    assert "No values changed." in client.get(response["Location"]).content.decode()


def test_bad_numbers_are_listed_with_links_and_nothing_is_written(client, officer, demo_data):
    client.force_login(officer)
    june, september, december = (_key("2042SC", f"2012-{m:02d}") for m in (6, 9, 12))
    before = _snapshot()
    response = client.post(
        _year_url("2042SC"),
        {
            f"{june}-actual": "n/a",
            f"{september}-target": "1.1234567",
            f"{december}-actual": "40",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert (
        f'<a href="#id_{june}-actual">Actual for Quarter 1 2012/13: enter a number, like 38.1, '
        "or leave the box blank</a>"
    ) in html
    assert "Target for Quarter 2 2012/13 has more than 6 decimal places" in html
    assert 'value="n/a"' in html
    assert 'value="1.1234567"' in html
    assert 'value="40"' in html
    assert "govuk-input--error" in _row(html, "data-period", "2012-06")
    assert "<title>Error: " in html
    assert _snapshot() == before


def test_a_milestone_has_no_values_to_enter(client, officer, demo_data):
    client.force_login(officer)
    url = _year_url("MIL01")
    assert "MIL01 is a milestone" in client.get(url).content.decode()
    before = _snapshot()
    client.post(url, {f"{_key('MIL01', '2012-06')}-actual": "1"})
    assert _snapshot() == before


def test_the_grid_shows_a_services_indicators_for_a_month(client, officer, demo_data):
    html = _get(client, officer, _grid_url())
    assert re.findall(r'data-code="([^"]+)"', html) == SAFEGUARDING_CODES
    assert "Safeguarding: Jun 2012" in html
    row = _row(html, "data-code", "2042SC")
    assert 'value="37.47"' in row
    assert "Worse than target" in row


def test_the_grid_opens_on_the_first_service_and_the_latest_month(client, officer, demo_data):
    html = _get(client, officer, "/values/")
    first = OrgUnit.objects.filter(
        kind=OrgUnit.Kind.SERVICE, service_indicators__kind="measure"
    ).first()
    assert f"{first.name}: Jun 2012" in html


def test_saving_the_grid_records_every_indicator_of_the_month(client, officer, demo_data):
    client.force_login(officer)
    data = {
        f"{_key('NI064', '2012-06')}-actual": "3",
        f"{_key('NI065', '2012-06')}-target": "9",
        f"{_key('2042SC', '2012-06')}-actual": "37.47",
    }
    response = client.post(_grid_url(), data)
    assert response.status_code == 302
    assert response["Location"] == _grid_url()
    assert _actual("NI064", "2012-06").value == 3
    assert Target.objects.get(indicator__code="NI065", period__startswith="2012-06").value == 9
    assert _actual("2042SC", "2012-06").set_by is None  # unchanged: still as imported


def test_grid_errors_name_the_indicator(client, officer, demo_data):
    client.force_login(officer)
    before = _snapshot()
    response = client.post(_grid_url(), {f"{_key('NI064', '2012-06')}-actual": "lots"})
    assert "Actual for NI064: enter a number, like 38.1, or leave the box blank" in (
        response.content.decode()
    )
    assert _snapshot() == before


def test_the_grid_makes_a_fixed_number_of_queries(
    client, officer, demo_data, django_assert_max_num_queries
):
    client.force_login(officer)
    url = _grid_url()
    with django_assert_max_num_queries(17):
        client.get(url)
    template = _indicator("NI064")
    for number in range(30):
        template.pk, template.code = None, f"EXTRA{number}"
        template.save()
    with django_assert_max_num_queries(17):
        html = client.get(url).content.decode()
    assert "EXTRA29" in html


def _foreign_safeguarding_indicator() -> Indicator:
    """An indicator in the owner's service that someone else owns."""
    indicator = _indicator("NI064")
    indicator.pk, indicator.code = None, "OTHER1"
    indicator.owner = PersonFactory(name="Someone Else")
    indicator.save()
    return indicator


def test_an_owner_sees_only_their_own_indicators_in_the_grid(client, owner, officer):
    _foreign_safeguarding_indicator()
    assert "OTHER1" in _get(client, officer, _grid_url())
    html = _get(client, owner, _grid_url())
    assert re.findall(r'data-code="([^"]+)"', html) == SAFEGUARDING_CODES


def test_an_owner_cannot_open_another_service(client, owner):
    html = _get(client, owner, _grid_url("Children with Disabilities"))
    assert "Select one of your services" in html
    assert "data-code=" not in html


def test_an_owner_cannot_write_values_through_the_grid_for_an_indicator_they_do_not_own(
    client, owner
):
    other = _foreign_safeguarding_indicator()
    client.force_login(owner)
    before = _snapshot()
    response = client.post(_grid_url(), {f"{other.pk}-2012-06-actual": "99"})
    assert response.status_code == 302
    assert _snapshot() == before


def test_an_owner_enters_values_for_their_own_indicator(client, owner):
    client.force_login(owner)
    response = client.post(_year_url("NI064"), {f"{_key('NI064', '2012-09')}-actual": "2"})
    assert response.status_code == 302
    assert _actual("NI064", "2012-09").set_by == owner


def test_an_owner_gets_404_for_an_indicator_they_do_not_own_and_nothing_is_written(client, owner):
    client.force_login(owner)
    url = _year_url("CS052")
    assert client.get(url).status_code == 404
    before = _snapshot()
    response = client.post(url, {f"{_key('CS052', '2012-06')}-actual": "1"})
    assert response.status_code == 404
    assert _snapshot() == before


@pytest.mark.parametrize("role", ["delegate", "viewer"])
def test_delegates_and_viewers_may_not_enter_values(client, request, demo_data, role):
    client.force_login(request.getfixturevalue(role))
    year_url, june = _year_url("2042SC"), _key("2042SC", "2012-06")
    before = _snapshot()
    assert client.get(year_url).status_code == 403
    assert client.get(_grid_url()).status_code == 403
    assert client.post(year_url, {f"{june}-actual": "1"}).status_code == 403
    assert client.post(_grid_url(), {f"{june}-actual": "1"}).status_code == 403
    assert _snapshot() == before


def test_a_visitor_must_sign_in_to_enter_values(client, demo_data):
    for url in (_year_url("2042SC"), _grid_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("38,1%", "enter a number without the % sign, like 38.1"),
        ("38.1 %", "enter a number without the % sign, like 38.1"),
        ("£1,234", "enter a number without the £ sign, like 1,234"),
        ("38,1", "enter a number with a full stop for the decimal point, like 38.1"),
        ("1 234", "enter a number without spaces, like 1234"),
        ("about 40", "enter a number, like 38.1, or leave the box blank"),
    ],
)
def test_a_number_typed_the_wrong_way_says_what_to_type(client, officer, demo_data, typed, advice):
    client.force_login(officer)
    june = _key("2042SC", "2012-06")
    before = _snapshot()
    html = client.post(_year_url("2042SC"), {f"{june}-actual": typed}).content.decode()
    assert f'<a href="#id_{june}-actual">Actual for Quarter 1 2012/13: {advice}</a>' in html
    assert _snapshot() == before


def test_a_quarterly_indicator_takes_no_value_for_a_month_between_its_quarters(
    client, officer, demo_data
):
    client.force_login(officer)
    before = _snapshot()
    client.post(_year_url("2042SC"), {f"{_key('2042SC', '2012-07')}-actual": "1"})
    assert _snapshot() == before
