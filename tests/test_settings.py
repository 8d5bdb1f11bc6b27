"""Settings come from the environment and fail loudly when a production secret is missing."""

import os
import subprocess
import sys

import pytest


def _settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import boardpack.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_a_secret_key_stops_with_a_clear_message():
    result = _settings(DEBUG="false")
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY must be set." in result.stderr


def test_a_database_url_selects_postgresql():
    result = _settings(SECRET_KEY="x", DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert result.stdout.strip() == "django.db.backends.postgresql"


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_boolean_that_is_not_one_is_refused(value):
    result = _settings(SECRET_KEY="x", DEBUG=value)
    assert f"DEBUG must be true or false, not {value!r}." in result.stderr
