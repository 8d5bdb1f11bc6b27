"""The rate limit per token (429 with Retry-After), errors as RFC 9457 problem details with
distinct statuses (an unknown path and a method a path does not take too), and the history
of what a token changes naming the token."""

import re
import time
from datetime import date

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

from boardpack.scorecard.models import Actual, Comment
from tests.scorecard.test_indicator_page import _history, _html

URL = "/api/v1/indicators"


def test_past_the_limit_a_token_gets_429_with_retry_after(settings, viewer, owner, api_as):
    settings.BOARDPACK_API_RATE = "3/min"
    api, other = api_as(viewer), api_as(owner)
    with time_machine.travel(time.time(), tick=False) as traveller:
        assert [api.get(URL).status_code for _ in range(3)] == [200, 200, 200]
        refused = api.get(URL)
        assert refused.status_code == 429
        assert refused["Content-Type"] == "application/problem+json"
        assert 0 < int(refused["Retry-After"]) <= 60
        assert other.get(URL).status_code == 200
        traveller.shift(61)
        assert api.get(URL).status_code == 200


def test_a_session_is_limited_per_user(settings, client, viewer):
    settings.BOARDPACK_API_RATE = "2/min"
    client.force_login(get_user_model().objects.get(username="viewer"))
    assert [client.get(URL).status_code for _ in range(3)] == [200, 200, 429]


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    assert body["type"] == "about:blank"
    assert body["instance"] == response.request["PATH_INFO"]
    return body


def test_each_kind_of_error_is_a_problem_with_its_own_status(viewer, officer, demo_data, api_as):
    api = api_as(officer)
    value = "/api/v1/indicators/2042SC/values/2012-06"
    body = _problem(api.put(value, {"actual": "lots", "provisional": "maybe"}), 400)
    assert {e["field"] for e in body["errors"]} == {"body.actual", "body.provisional"}
    assert _problem(api.put(value, {"actual": "1e14"}), 400)["errors"] == [
        {"field": "body.actual", "message": "'100000000000000' is too large"}
    ]
    assert _problem(api.put(value, {}), 400)["errors"][0]["field"] == "body"
    assert _problem(api.put("/api/v1/indicators/2042SC/values/June", {"actual": 1}), 400)
    _problem(Client().get(URL), 401)
    _problem(api_as(viewer).put(value, {"actual": 1}), 403)
    _problem(api.get("/api/v1/indicators/NOPE"), 404)
    _problem(api.put(value, {"actual": 1}, headers={"If-Match": '"stale"'}), 409)


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/nothing", "/api/v1/indicators/2042SC/nothing/here"]
)
def test_an_unknown_path_under_the_api_is_a_404_problem(path, officer, api_as):
    api = api_as(officer)
    assert "No endpoint is at" in _problem(api.get(path), 404)["detail"]
    assert _problem(api.post(path, {}), 404)
    _problem(Client().get(path), 401)


def test_a_method_the_path_does_not_take_is_a_405_problem_with_allow(officer, api_as):
    api = api_as(officer)
    refused = api.client.delete(URL, headers=api._headers(None))
    assert _problem(refused, 405)["detail"] == "DELETE is not allowed here: use GET"
    assert refused["Allow"] == "GET"
    value = api.get("/api/v1/indicators/2042SC/values/2012-06")
    assert _problem(value, 405)["detail"] == "GET is not allowed here: use PUT"


def test_a_comment_the_workflow_does_not_allow_is_409(owner, api_as):
    api = api_as(owner)
    url, body = "/api/v1/indicators/2042SC/comments", {"period": "2012-06", "text": "Why."}
    assert api.post(url, {**body, "submit": True}).status_code == 201
    refused = _problem(api.post(url, body), 409)
    assert "submitted comment cannot be edited" in refused["detail"]


def test_a_session_write_needs_the_csrf_token(officer, demo_data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="officer"))
    response = client.put(
        "/api/v1/indicators/2042SC/values/2012-06", {"actual": 1}, content_type="application/json"
    )
    _problem(response, 403)


def test_what_a_token_changes_is_recorded_with_its_user_and_name(officer, owner, api_as):
    api = api_as(officer, name="Data warehouse")
    assert api.put("/api/v1/indicators/2042SC/values/2012-06", {"actual": "44"}).status_code == 200
    actual = Actual.objects.get(indicator__code="2042SC", period=date(2012, 6, 30))
    record = actual.history.latest()
    assert record.history_user == officer
    assert record.history_change_reason == "api (API token Data warehouse)"
    assert actual.source == "api"
    assert actual.set_by == officer
    writer = api_as(owner, name="Case system")
    body = {"period": "2012-05", "text": "Better since April.", "subject": "Update"}
    assert writer.post("/api/v1/indicators/2042SC/comments", body).status_code == 201
    comment = Comment.objects.get(subject="Update")
    record = comment.history.latest()
    assert (record.history_user, record.history_change_reason) == (owner, "API token Case system")


def test_the_indicator_pages_history_names_the_token(client, officer, demo_data, api_as):
    api = api_as(officer, name="Power BI")
    assert api.put("/api/v1/indicators/2042SC/values/2012-06", {"actual": "44"}).status_code == 200
    html = _html(client, officer)
    newest = re.sub(r"\s+", " ", _history(html)[0])
    assert "Performance Officer" in newest
    assert "Actual Jun 2012" in newest
    assert "api (API token Power BI)" in newest


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/v1/docs"])
def test_the_schema_and_docs_need_sign_in_or_a_token(path, client, viewer, api_as):
    anonymous = client.get(path)
    assert anonymous.status_code == (401 if path.endswith(".json") else 302)
    assert api_as(viewer).get(path).status_code == 200
    client.force_login(get_user_model().objects.get(username="viewer"))
    assert client.get(path).status_code == 200
    revoked = Client().get(path, headers={"Authorization": "Bearer bpat_nothing"})
    assert revoked.status_code == 401
