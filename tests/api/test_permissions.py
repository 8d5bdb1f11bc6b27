"""Per role and endpoint: every signed-in role reads everything the web shows; writes follow the
web's rules (values: officers, and owners for their own indicators; commentary: owners and
their delegates; progress: an action's leads, its programme manager and officers), and a
viewer's token gets 403 on every write. Nothing is written by a refused request."""

from datetime import date

import pytest

from boardpack.accounts.models import Person, Role
from boardpack.plans.models import Action, ProgressEntry
from boardpack.scorecard.models import Actual, Comment, Indicator

OWN, OTHERS = "2042SC", "2016SC"
"""The owner fixture owns 2042SC (its commentary delegated to the delegate), not 2016SC."""
VALUE = {"actual": "41.5", "target": "36"}
COMMENT = {"period": "2012-06", "text": "Referrals rose after the campaign.", "submit": True}


def _value(code: str) -> str:
    return f"/api/v1/indicators/{code}/values/2012-06"


def _comments(code: str) -> str:
    return f"/api/v1/indicators/{code}/comments"


def _actual(code: str) -> object:
    return Actual.objects.get(indicator__code=code, period=date(2012, 6, 30)).value


def _progress(action: Action) -> str:
    return f"/api/v1/actions/{action.pk}/progress"


PROGRESS = {"date": "2019-07-01", "text": "Panels held in June.", "brag": "amber"}


def _reads(plan_id: int, action_id: int) -> list[str]:
    return [
        "/api/v1/indicators",
        f"/api/v1/indicators/{OWN}",
        f"/api/v1/indicators/{OWN}/values",
        f"/api/v1/indicators/{OWN}/spc",
        "/api/v1/scorecard?period=2012-06",
        "/api/v1/plans",
        f"/api/v1/plans/{plan_id}",
        f"/api/v1/plans/{plan_id}/actions",
        f"/api/v1/actions/{action_id}",
        "/api/v1/boards",
        "/api/v1/meetings",
        "/api/v1/calculated?period=2012-06",
    ]


@pytest.mark.parametrize("role", ["officer", "owner", "delegate", "viewer"])
def test_every_role_reads_every_list_and_thing(request, role, delegate, plan, api_as):
    api = api_as(request.getfixturevalue(role))
    action = plan.actions.first()
    for url in _reads(plan.pk, action.pk):
        assert api.get(url).status_code == 200, url


def test_a_viewer_gets_403_on_every_write(viewer, demo_data, plan, api_as):
    api = api_as(viewer)
    action = plan.actions.get(ref="7b")
    before = _actual(OWN)
    for response in (
        api.put(_value(OWN), VALUE),
        api.post(_comments(OWN), COMMENT),
        api.post(_progress(action), PROGRESS),
    ):
        assert response.status_code == 403
        assert response["Content-Type"] == "application/problem+json"
    assert _actual(OWN) == before
    assert not Comment.objects.filter(text=COMMENT["text"]).exists()
    assert not ProgressEntry.objects.filter(text=PROGRESS["text"]).exists()


def test_a_viewer_who_leads_an_action_is_still_refused_through_the_api(plan, manager, api_as):
    """The web lets an action's leads of any role add progress; the API gives a viewer none."""
    assert Person.objects.get(user=manager).role == Role.VIEWER
    action = plan.actions.get(ref="7b")
    response = api_as(manager).post(_progress(action), PROGRESS)
    assert response.status_code == 403
    assert not ProgressEntry.objects.filter(text=PROGRESS["text"]).exists()


def test_an_owner_enters_values_for_their_own_indicators_only(owner, api_as):
    api = api_as(owner)
    before = _actual(OTHERS)
    assert api.put(_value(OTHERS), VALUE).status_code == 403
    assert _actual(OTHERS) == before
    response = api.put(_value(OWN), VALUE)
    assert response.status_code == 200, response.content
    assert str(_actual(OWN)).rstrip("0") == "41.5"


def test_an_officer_enters_values_for_any_indicator(officer, demo_data, api_as):
    assert api_as(officer).put(_value(OTHERS), VALUE).status_code == 200


def test_a_delegate_enters_no_values_as_on_the_web(delegate, api_as):
    before = _actual(OWN)
    assert api_as(delegate).put(_value(OWN), VALUE).status_code == 403
    assert _actual(OWN) == before


@pytest.mark.parametrize("role", ["owner", "delegate"])
def test_writers_comment_on_their_indicators_only(request, role, delegate, api_as):
    api = api_as(request.getfixturevalue(role))
    assert api.post(_comments(OTHERS), COMMENT).status_code == 403
    assert not Comment.objects.filter(indicator__code=OTHERS, text=COMMENT["text"]).exists()
    response = api.post(_comments(OWN), COMMENT)
    assert response.status_code == 201, response.content
    saved = Comment.objects.get(indicator__code=OWN, text=COMMENT["text"])
    assert saved.state == "submitted"
    assert saved.author.user == request.getfixturevalue(role)


def test_an_officer_reviews_commentary_but_does_not_write_it(officer, demo_data, api_as):
    assert api_as(officer).post(_comments(OWN), COMMENT).status_code == 403


def test_progress_is_added_by_leads_and_officers_not_by_others(plan, lead, owner, officer, api_as):
    action = plan.actions.get(ref="7b")
    assert api_as(owner).post(_progress(action), PROGRESS).status_code == 403
    assert not ProgressEntry.objects.filter(text=PROGRESS["text"]).exists()
    response = api_as(lead).post(_progress(action), PROGRESS)
    assert response.status_code == 201, response.content
    assert response.json()["brag_changes"][-1]["brag"] == "amber"
    assert response.json()["brag_changes"][-1]["confirmed"] is False
    other = plan.actions.exclude(pk=action.pk).first()
    assert api_as(officer).post(_progress(other), PROGRESS).status_code == 201


def test_writes_to_what_is_not_there_are_404(officer, demo_data, api_as):
    api = api_as(officer)
    assert api.put(_value("NOPE"), VALUE).status_code == 404
    assert api.post("/api/v1/actions/999999/progress", PROGRESS).status_code == 404
    assert Indicator.objects.filter(code="NOPE").count() == 0
