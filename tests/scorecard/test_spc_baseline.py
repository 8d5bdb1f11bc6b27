"""The SPC baseline: a performance officer sets and clears it, in the indicator's history;
every other role is refused."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from boardpack.core.spc import BaselineError
from boardpack.scorecard.models import Indicator
from boardpack.scorecard.spc.services import indicator_set_spc_baseline


def _indicator():
    return Indicator.objects.get(code="2042SC")


def _url():
    return reverse("spc-baseline", args=[_indicator().pk])


def _post(client, user, data):
    client.force_login(user)
    return client.post(_url(), data)


def test_an_officer_sets_a_baseline_and_it_is_in_the_history(client, officer, demo_data):
    response = _post(client, officer, {"baseline": "12"})
    assert response.status_code == 302
    assert response["Location"] == reverse("indicator", args=[_indicator().pk]) + "#spc"
    assert _indicator().spc_baseline == 12
    latest = _indicator().history.latest()
    assert (latest.spc_baseline, latest.history_user, latest.history_change_reason) == (
        12,
        officer,
        "SPC baseline: the first 12 points",
    )
    page = client.get(reverse("indicator", args=[_indicator().pk])).content.decode()
    newest = " ".join(re.findall(r'data-history="[^"]*">(.*?)</tr>', page, re.S)[0].split())
    assert "Performance Officer" in newest
    assert "Changed: SPC baseline: the first 12 points" in newest
    assert "<strong>SPC baseline:</strong> (blank)" in newest
    assert re.search(r"changed to</span> 12</li>\s*</ul>\s*</td>$", newest)


def test_an_officer_clears_the_baseline(client, officer, demo_data):
    Indicator.objects.filter(code="2042SC").update(spc_baseline=24)
    response = _post(client, officer, {"baseline": "24", "clear": "yes"})
    assert response.status_code == 302
    assert _indicator().spc_baseline is None
    assert _indicator().history.latest().history_change_reason == "SPC baseline cleared"


def test_an_empty_baseline_clears_it_too(client, officer, demo_data):
    Indicator.objects.filter(code="2042SC").update(spc_baseline=24)
    _post(client, officer, {"baseline": ""})
    assert _indicator().spc_baseline is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11", "A baseline needs at least 12 points"),
        ("twelve", "Enter the baseline as a whole number of points, for example 24"),
        ("12.5", "Enter the baseline as a whole number of points, for example 24"),
    ],
)
def test_a_baseline_it_cannot_use_is_refused_with_the_reason(
    client, officer, demo_data, text, message
):
    response = _post(client, officer, {"baseline": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert _indicator().spc_baseline is None


@pytest.mark.parametrize("role", ["owner", "delegate", "viewer"])
def test_other_roles_may_neither_see_nor_set_the_baseline(client, demo_data, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert client.get(_url()).status_code == 403
    assert client.post(_url(), {"baseline": "12"}).status_code == 403
    assert _indicator().spc_baseline is None
    page = client.get(reverse("indicator", args=[_indicator().pk])).content.decode()
    assert _url() not in page


def test_a_visitor_must_sign_in(client, demo_data):
    response = client.post(_url(), {"baseline": "12"})
    assert response.status_code == 302
    assert _indicator().spc_baseline is None


def test_the_service_refuses_anyone_but_an_officer(demo_data, owner):
    with pytest.raises(PermissionDenied):
        indicator_set_spc_baseline(indicator=_indicator(), baseline=12, user=owner)
    assert _indicator().spc_baseline is None


def test_the_service_refuses_a_short_baseline(demo_data, officer):
    with pytest.raises(BaselineError):
        indicator_set_spc_baseline(indicator=_indicator(), baseline=5, user=officer)


def test_setting_the_same_baseline_again_changes_nothing(demo_data, officer):
    assert indicator_set_spc_baseline(indicator=_indicator(), baseline=12, user=officer)
    before = _indicator().history.count()
    assert not indicator_set_spc_baseline(indicator=_indicator(), baseline=12, user=officer)
    assert _indicator().history.count() == before


def test_clear_clears_whatever_the_box_holds(client, officer, demo_data):
    Indicator.objects.filter(code="2042SC").update(spc_baseline=24)
    response = _post(client, officer, {"baseline": "not a number", "clear": "yes"})
    assert response.status_code == 302
    assert _indicator().spc_baseline is None
