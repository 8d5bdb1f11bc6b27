"""Structured logs: each record one JSON object on one line (settings.LOGGING, docs/deploy.md),
for the service's journal or a log collector to read field by field.

Every record has `time` (UTC, ISO 8601), `level`, `logger` and `message`; an error's traceback
is in `traceback`; a request's log (django.request, django.server) names its `method`, `path`
(without the query string, which may carry a token) and `status`, and so does gunicorn's
access line (with `client` and `ms`); anything a call passes in `extra=` that JSON can hold is
kept under its own name.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
"""The attributes every record has: not extras."""
PLAIN = (str, int, float, bool, type(None))
ACCESS_ATOMS = {"client": "h", "method": "m", "path": "U", "status": "s", "ms": "M"}
"""gunicorn's access-log atoms (its record's arguments) kept as fields."""


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(_extras(record))
        entry.update(_request(record))
        entry.update(_access(record))
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {
        name: value
        for name, value in record.__dict__.items()
        if name not in STANDARD and name not in ("request", "status_code", "server_time")
        if isinstance(value, PLAIN)
    }


def _request(record: logging.LogRecord) -> dict[str, Any]:
    found: dict[str, Any] = {}
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "path"):
        found.update(method=getattr(request, "method", None), path=request.path)
    status = getattr(record, "status_code", None)
    if isinstance(status, int):
        found["status"] = status
    return found


def _access(record: logging.LogRecord) -> dict[str, Any]:
    if record.name != "gunicorn.access" or not isinstance(record.args, Mapping):
        return {}
    found = {name: record.args.get(atom) for name, atom in ACCESS_ATOMS.items()}
    return {
        name: int(str(value)) if str(value).isdigit() else value for name, value in found.items()
    }
