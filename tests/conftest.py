"""Fixtures shared by every test: people in each role, and the seeds' demo data."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from boardpack.scorecard.importers import import_file

SEED_DIR = Path(__file__).resolve().parents[1] / "src" / "boardpack" / "demo" / "seed"


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_user(
        username="officer", password="a-long-test-password", is_staff=True, is_superuser=True
    )


@pytest.fixture
def demo_data(db):
    """The demo scorecard built from seeds 000 and 001, loaded through the importers."""
    for kind in ("indicators", "values", "comments"):
        name = f"{kind}.csv"
        import_file(kind, name=name, data=(SEED_DIR / name).read_bytes(), user=None)
