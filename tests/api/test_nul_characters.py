"""A NUL character in a request is the client's error (400), never a 500: no database text
field stores one (PostgreSQL refuses it). Found by schemathesis on PostgreSQL."""

import pytest


@pytest.mark.parametrize(
    "url", ["/?tag=%00", "/?director=%00", "/library/?q=ab%00", "/audit/?account=%00"]
)
def test_a_page_asked_with_a_nul_is_a_bad_request(client, officer, demo_data, url):
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_the_api_answers_a_nul_in_the_query_or_body_as_a_problem(api_as, officer, demo_data):
    api = api_as(officer)
    response = api.get("/api/v1/scorecard?director=%00")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "NUL character" in response.json()["detail"]
    written = api.put("/api/v1/indicators/2042SC/values/2012-06", {"actual": 1, "note": "a\x00"})
    assert written.status_code == 400
