"""/healthz: 200 with the database reachable and a worker seen in the last minutes, 503
otherwise; no sign-in, no secrets, no cookie, one query; plain http is not redirected."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from boardpack.jobs.models import WorkerSeen
from boardpack.jobs.services import worker_beat

pytestmark = pytest.mark.django_db
SECRET = 'connection to server at "db.internal" failed: password "hunter2" for user "boardpack"'


def health(client: Client, **headers: str):
    response = client.get("/healthz", headers=headers)
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_a_worker_alive_just_now_is_healthy_without_signing_in(client, settings):
    settings.BOARDPACK_HEALTH_WORKER_SECONDS = 300
    worker_beat("web1-worker")
    assert health(client) == (200, {"status": "ok", "database": "ok", "worker": "ok"})


def test_no_worker_ever_is_unavailable(client, settings):
    settings.BOARDPACK_HEALTH_WORKER_SECONDS = 300
    assert health(client) == (
        503,
        {"status": "unavailable", "database": "ok", "worker": "none seen in the last 300 s"},
    )


def test_an_unhealthy_answer_is_not_logged_as_a_server_error(client, caplog):
    assert client.get("/healthz").status_code == 503
    assert not [r for r in caplog.records if r.name == "django.request"]


def test_a_worker_last_seen_too_long_ago_is_unavailable(client, settings):
    settings.BOARDPACK_HEALTH_WORKER_SECONDS = 120
    WorkerSeen.objects.create(worker_id="gone", seen_at=timezone.now() - timedelta(seconds=121))
    WorkerSeen.objects.create(worker_id="older", seen_at=timezone.now() - timedelta(hours=1))
    status, answer = health(client)
    assert (status, answer["worker"]) == (503, "none seen in the last 120 s")
    WorkerSeen.objects.filter(worker_id="gone").update(seen_at=timezone.now())
    assert health(client)[0] == 200


def test_a_database_that_does_not_answer_is_unavailable_and_its_error_is_not_shown(
    client, monkeypatch, caplog
):
    worker_beat("web1-worker")

    def fail(*args, **kwargs):
        raise OperationalError(SECRET)

    monkeypatch.setattr(WorkerSeen.objects, "aggregate", fail)
    status, answer = health(client)
    assert (status, answer) == (
        503,
        {"status": "unavailable", "database": "unreachable", "worker": "unknown"},
    )
    assert "hunter2" not in str(answer)
    assert "hunter2" in caplog.text


def test_it_is_cheap_and_sets_no_cookie(client, django_assert_num_queries):
    worker_beat("web1-worker")
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert not response.cookies


def test_behind_the_https_switch_a_plain_http_probe_is_answered_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    worker_beat("web1-worker")
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301


def test_it_answers_head_and_refuses_a_post(client):
    worker_beat("web1-worker")
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
