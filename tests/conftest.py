"""Fixtures shared by every test: the seeds' demo data and a signed-in person for each role.

Role fixtures build on the demo data: the owner is the Head of Safeguarding Service (who owns
2042SC and other safeguarding indicators), the delegate writes 2042SC's commentary for them.
"""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from boardpack.accounts.models import Role
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Delegation, Indicator
from tests.factories import login

SEED_DIR = Path(__file__).resolve().parents[1] / "src" / "boardpack" / "demo" / "seed"
OWNER_NAME = "Head of Safeguarding Service"


@pytest.fixture(scope="session", autouse=True)
def static_files_unhashed(tmp_path_factory):
    """Pages name their static files as they are in the apps, so tests need no collectstatic
    (and WhiteNoise finds an empty STATIC_ROOT); production's hashed, compressed files are tested
    in tests/web/test_static_files.py and, under gunicorn, in the browser."""
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**django_settings.STORAGES, "staticfiles": plain}
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path_factory.mktemp("static")):
        yield


@pytest.fixture(autouse=True)
def second_factor_optional(settings):
    """Tests of other things sign officers in with a password alone, as `make demo` does;
    tests/accounts/test_second_factor.py requires the second factor again."""
    settings.BOARDPACK_REQUIRE_2FA = "none"


@pytest.fixture
def quick_passwords(settings):
    """For tests with many sign-ins: hash passwords quickly (the hasher is not under test; the
    People tests check that a stored password is hashed with a slow one)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_data(db):
    """The demo scorecard built from seeds 000 and 001, loaded through the importers."""
    for kind in ("indicators", "values", "comments"):
        name = f"{kind}.csv"
        run_import(kind, Source.file(name, (SEED_DIR / name).read_bytes()), user=None)


@pytest.fixture
def officer(db):
    return login("officer", "Performance Officer", Role.PERFORMANCE_OFFICER)


@pytest.fixture
def owner(demo_data):
    return login("owner", OWNER_NAME, Role.INDICATOR_OWNER)


@pytest.fixture
def delegate(demo_data, owner):
    user = login("delegate", "Safeguarding Team Manager", Role.DELEGATE)
    Delegation.objects.create(
        indicator=Indicator.objects.get(code="2042SC"), delegate=user.person, created_by=owner
    )
    return user


@pytest.fixture
def viewer(db):
    return login("viewer", "Councillor", Role.VIEWER)
