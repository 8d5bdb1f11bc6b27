from decimal import Decimal

import pytest

from boardpack.core.status import compute_status
from boardpack.scorecard.models import Actual, Indicator, Target
from boardpack.scorecard.selectors import current_scheme
from tests.pages import text

PREVIEW = "/values/status/"


def _ask(client, user, code="2042SC", period="2012-06", actual=None, target=None):
    indicator = Indicator.objects.get(code=code)
    key = f"{indicator.pk}-{period}"
    data = {"indicator": indicator.pk, "period": period}
    if actual is not None:
        data[f"{key}-actual"] = actual
    if target is not None:
        data[f"{key}-target"] = target
    client.force_login(user)
    return client.get(PREVIEW, data)


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("actual", "shown"),
    [("35", "Better than target"), ("36.5", "Within tolerance"), ("38", "Worse than target")],
)
def test_a_typed_actual_shows_the_status_it_would_give(client, officer, demo_data, actual, shown):
    html = _text(_ask(client, officer, actual=actual))
    assert shown in html
    assert "govuk-tag" in html


@pytest.mark.parametrize("actual", ["30", "35.28", "35.3", "36", "36.72", "36.73", "40"])
def test_the_status_is_the_core_rule_with_the_indicators_tolerances(
    client, officer, demo_data, actual
):
    indicator = Indicator.objects.get(code="2042SC")
    expected = compute_status(
        actual=Decimal(actual),
        target=Decimal(36),
        polarity=indicator.polarity_rule,
        worse=indicator.worse_band,
        better=indicator.better_band,
    )
    html = _text(_ask(client, officer, actual=actual))
    assert current_scheme().symbol(expected).text in html


def test_a_typed_target_overrides_the_stored_one(client, officer, demo_data):
    assert "Worse than target" in _text(_ask(client, officer, target="36"))
    assert "Within tolerance" in _text(_ask(client, officer, target="38"))


def test_a_month_without_its_own_target_uses_the_years_effective_target(client, officer, demo_data):
    assert "Worse than target" in _text(_ask(client, officer, period="2012-07", actual="37.47"))
    assert "Within tolerance" in _text(
        _ask(client, officer, period="2012-07", actual="37.47", target="37.47")
    )


def test_blank_boxes_give_the_stored_status(client, officer, demo_data):
    assert "Worse than target" in _text(_ask(client, officer, actual="", target=""))
    assert "No actual" in _text(_ask(client, officer, period="2012-07", actual=""))


def test_a_box_that_is_not_a_number_gives_no_status(client, officer, demo_data):
    html = _text(_ask(client, officer, actual="lots"))
    assert "govuk-tag" not in html
    assert "Status shows when the numbers are valid" in html


def test_the_preview_writes_nothing(client, officer, demo_data):
    before = list(Actual.objects.values_list("pk", "value")), Target.objects.count()
    _ask(client, officer, actual="1", target="2")
    assert (list(Actual.objects.values_list("pk", "value")), Target.objects.count()) == before


def test_the_pages_ask_for_the_preview_with_the_csrf_token(client, officer, demo_data):
    indicator = Indicator.objects.get(code="2042SC")
    client.force_login(officer)
    html = client.get(f"/indicators/{indicator.pk}/values/?year=2012").content.decode()
    key = f"{indicator.pk}-2012-06"
    assert f'hx-get="{PREVIEW}"' in html
    assert 'hx-trigger="keyup changed delay:300ms, change"' in html
    assert f'hx-target="#status-{key}"' in html
    assert f'id="status-{key}" aria-live="polite"' in html
    assert '"period": "2012-06"' in text(html)
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert 'src="/static/boardpack/htmx.min.js"' in html


def test_an_owner_may_preview_their_own_indicator_only(client, owner):
    assert "Worse than target" in _text(_ask(client, owner, actual="38"))
    assert _ask(client, owner, code="CS052", actual="1").status_code == 404


def test_milestones_and_malformed_requests_are_not_found(client, officer, demo_data):
    assert _ask(client, officer, code="MIL01", actual="1").status_code == 404
    client.force_login(officer)
    assert client.get(PREVIEW, {"indicator": "x", "period": "2012-06"}).status_code == 404
    assert client.get(PREVIEW, {"indicator": "1", "period": "June"}).status_code == 404


@pytest.mark.parametrize("role", ["delegate", "viewer"])
def test_delegates_and_viewers_get_no_preview(client, request, demo_data, role):
    assert _ask(client, request.getfixturevalue(role), actual="1").status_code == 403


def test_a_visitor_must_sign_in_for_a_preview(client, demo_data):
    assert client.get(PREVIEW, {"indicator": 1, "period": "2012-06"}).status_code == 302
