"""Fixtures of the update-cycle tests: the world of tests/boards/world.py and an SMTP server."""

from collections.abc import Iterator

import pytest

from tests.boards.world import BASE_URL, Inbox, World, build_world, smtp_server


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    """Eight logins per test: hash their passwords quickly (the hasher is not under test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, settings) -> World:
    settings.BOARDPACK_BASE_URL = BASE_URL
    return build_world()


@pytest.fixture
def smtp(settings) -> Iterator[Inbox]:
    with smtp_server(settings) as inbox:
        yield inbox
