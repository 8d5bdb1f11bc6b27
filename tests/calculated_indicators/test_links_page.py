"""The links page (calculated/links/): officers only; every other role is refused and writes
nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boardpack.calculated_indicators.models import MeasureLink
from boardpack.scorecard.models import Indicator

LIST = reverse("calculated-links")


def _edit(code: str) -> str:
    return reverse("calculated-link-edit", args=[Indicator.objects.get(code=code).pk])


def test_an_officer_sees_every_indicator_with_its_measure(client, officer, demo_data):
    MeasureLink.objects.create(
        indicator=Indicator.objects.get(code="NI062"), measure_id="placements_3plus"
    )
    client.force_login(officer)
    html = client.get(LIST).content.decode()
    assert "<code>placements_3plus</code>" in html
    assert 'data-code="2042SC"' in html
    assert 'data-code="MIL01"' not in html  # a milestone has no values to calculate
    assert html.count("Not calculated") == Indicator.objects.filter(kind="measure").count() - 1


def test_the_list_takes_the_same_queries_however_many_links(client, officer, demo_data):
    client.force_login(officer)
    indicators = list(Indicator.objects.filter(unit="%")[:6])
    MeasureLink.objects.create(indicator=indicators[0], measure_id="placements_3plus")
    client.get(LIST)  # a session's first request records its browser (django-qsessions)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for indicator in indicators[1:]:
        MeasureLink.objects.create(indicator=indicator, measure_id="cpp_repeat")
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(few) == len(many)


def test_an_officer_links_changes_and_unlinks(client, officer, demo_data):
    client.force_login(officer)
    page = client.get(_edit("NI062")).content.decode()
    assert '<select class="govuk-select" id="id_measure" name="measure"' in page
    response = client.post(_edit("NI062"), {"measure": "placements_3plus"}, follow=True)
    assert "NI062 is calculated from placements_3plus" in response.content.decode()
    link = MeasureLink.objects.get()
    assert (link.indicator.code, link.measure_id) == ("NI062", "placements_3plus")
    assert link.history.first().history_user == officer
    client.post(_edit("NI062"), {"measure": "long_term_stability"})
    assert MeasureLink.objects.get().measure_id == "long_term_stability"
    client.post(_edit("NI062"), {"measure": ""})
    assert not MeasureLink.objects.exists()


def test_a_measure_of_another_unit_is_refused_with_the_reason(client, officer, demo_data):
    client.force_login(officer)
    response = client.post(_edit("NI062"), {"measure": "cla_rate"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "cla_rate is a rate per 10,000 but NI062&#x27;s unit is %" in html
    assert not MeasureLink.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "owner", "delegate"])
def test_other_roles_are_refused_and_write_nothing(client, request, demo_data, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(LIST).status_code == 403
    assert client.get(_edit("NI062")).status_code == 403
    assert client.post(_edit("NI062"), {"measure": "placements_3plus"}).status_code == 403
    assert not MeasureLink.objects.exists()


def test_a_visitor_must_sign_in(client, demo_data):
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_menu_offers_the_page_to_officers_only(client, officer, viewer, demo_data):
    link = f'<a class="govuk-service-navigation__link" href="{LIST}"'
    client.force_login(officer)
    assert link in client.get(reverse("home")).content.decode()
    client.force_login(viewer)
    assert link not in client.get(reverse("home")).content.decode()
