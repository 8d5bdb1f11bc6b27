"""The answers an operation documents besides its own: 304 for a read the client holds, and
the problems (problems.py) it may give."""

from __future__ import annotations

from typing import Any

from boardpack.api.problems import Problem

READS: dict[int, Any] = {304: None, **dict.fromkeys((400, 401, 404, 429), Problem)}
WRITES: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 429), Problem)
