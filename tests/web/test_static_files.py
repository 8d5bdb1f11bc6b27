"""Static files in production: `collectstatic` writes each file under a name holding its hash,
compressed, and the app serves them itself (WhiteNoise) with DEBUG off, cached for ever.
(The browser test under gunicorn: tests/browser/test_static_under_gunicorn.py.)"""

import gzip
import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from boardpack import settings as production

HASHED_CSS = re.compile(r'href="(/static/boardpack/site\.[0-9a-f]{12}\.css)"')
HASHED_JS = re.compile(r'src="(/static/boardpack/htmx\.min\.[0-9a-f]{12}\.js)"')


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("collected")
    with override_settings(STORAGES=production.STORAGES, STATIC_ROOT=root, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture
def login_page(collected, db) -> str:
    return Client().get("/login/").content.decode()


def test_production_storage_is_whitenoise_compressed_manifest():
    assert production.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert production.MIDDLEWARE[1] == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_collectstatic_writes_hashed_and_compressed_files(collected):
    hashed = list((collected / "boardpack").glob("site.*.css"))
    assert [p.name for p in hashed if re.fullmatch(r"site\.[0-9a-f]{12}\.css", p.name)]
    original = (collected / "boardpack" / "site.css").read_bytes()
    assert gzip.decompress((collected / "boardpack" / "site.css.gz").read_bytes()) == original


def test_pages_name_the_hashed_files(login_page):
    assert HASHED_CSS.search(login_page)
    assert HASHED_JS.search(login_page)


@pytest.mark.parametrize("pattern", [HASHED_CSS, HASHED_JS], ids=["css", "js"])
def test_the_app_serves_them_compressed_and_cached_for_ever_without_debug(
    login_page, collected, pattern
):
    url = pattern.search(login_page).group(1)
    response = Client().get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "immutable" in response["Cache-Control"]
    body = gzip.decompress(b"".join(response.streaming_content))
    assert body == (collected / url.removeprefix("/static/")).read_bytes()


def test_a_file_that_is_not_there_is_not_found(collected, db):
    assert Client().get("/static/boardpack/nothing.css").status_code == 404
