"""Structured logs: one JSON object a line, with the traceback of an error and the request's
method, path and status (boardpack.lib.json_logs)."""

import io
import json
import logging

import pytest
from django.test import RequestFactory

from boardpack.lib.json_logs import JsonFormatter


@pytest.fixture
def logged():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("boardpack.test_json_logs")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)

    def lines() -> list[dict[str, object]]:
        text = stream.getvalue()
        assert text.endswith("\n")
        return [json.loads(line) for line in text.splitlines()]

    yield logger, lines
    logger.removeHandler(handler)


def test_a_record_is_one_line_of_json_with_its_time_level_logger_and_message(logged):
    logger, lines = logged
    logger.info("job %s done\nin two lines", 7, extra={"job": 7, "thing": object()})
    (entry,) = lines()
    assert entry["level"] == "INFO"
    assert entry["logger"] == "boardpack.test_json_logs"
    assert entry["message"] == "job 7 done\nin two lines"
    assert entry["job"] == 7
    assert "thing" not in entry
    assert entry["time"].endswith("+00:00")


def test_an_error_carries_its_traceback(logged):
    logger, lines = logged
    try:
        raise RuntimeError("the disk is on fire")
    except RuntimeError:
        logger.exception("it failed")
    (entry,) = lines()
    assert entry["level"] == "ERROR"
    assert entry["traceback"].startswith("Traceback (most recent call last)")
    assert entry["traceback"].endswith("RuntimeError: the disk is on fire")


def test_a_request_is_named_by_method_path_and_status_without_its_query(logged):
    logger, lines = logged
    request = RequestFactory().get("/jobs/3/?token=secret")
    extra = {"request": request, "status_code": 500}
    logger.error("Internal Server Error: %s", request.path, extra=extra)
    (entry,) = lines()
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/jobs/3/", 500)
    assert "secret" not in json.dumps(entry)


def test_gunicorns_access_line_keeps_its_atoms_as_fields():
    atoms = {"h": "10.0.0.7", "m": "GET", "U": "/jobs/", "q": "token=secret", "s": "200", "M": 12}
    record = logging.LogRecord(
        "gunicorn.access", logging.INFO, "", 0, '%(h)s "%(m)s %(U)s" %(s)s %(M)sms', (atoms,), None
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == '10.0.0.7 "GET /jobs/" 200 12ms'
    fields = [entry[name] for name in ("client", "method", "path", "status", "ms")]
    assert fields == ["10.0.0.7", "GET", "/jobs/", 200, 12]
    assert "secret" not in json.dumps(entry)
