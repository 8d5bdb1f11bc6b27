"""The scorecard page's cache: every write the page could show changes the data version, so a
cached page is never served after the data under it changed, however the write was made."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection

from boardpack.accounts.models import OrgUnit, Person
from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.models import Actual, Comment, Indicator, Tag, Target
from boardpack.scorecard.selectors import data_version

JUNE = date(2012, 6, 30)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _row(client, code: str, url: str = "/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.search(rf'data-code="{code}">(.*?)</tr>', response.content.decode(), re.S)[1]


def _ours():
    return Indicator.objects.get(code="2042SC")


WRITES = {
    "insert a tag": lambda: Tag.objects.create(code="NEW"),
    "rename a tag": lambda: Tag.objects.filter(code="CBP").update(name="Business plan"),
    "tag an indicator": lambda: _ours().tags.add(Tag.objects.create(code="T2")),
    "untag indicators": lambda: Indicator.tags.through.objects.all().delete(),
    "rename an indicator": lambda: Indicator.objects.filter(code="2042SC").update(title="X"),
    "change an actual": lambda: Actual.objects.filter(indicator=_ours()).update(value=1),
    "delete actuals": lambda: Actual.objects.filter(indicator=_ours()).delete(),
    "change a target": lambda: Target.objects.filter(indicator=_ours()).update(value=2),
    "delete comments": lambda: Comment.objects.all().delete(),
    "rename a person": lambda: Person.objects.filter(pk=_ours().owner_id).update(name="Someone"),
    "rename a directorate": lambda: OrgUnit.objects.filter(pk=_ours().directorate_id).update(
        name="Somewhere"
    ),
    "insert a person": lambda: Person.objects.create(name="New starter"),
}
"""One write of each kind to each table the page reads, made without the services."""


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_to_a_table_the_page_reads_changes_the_data_version(demo_data, write):
    before = data_version()
    WRITES[write]()
    assert data_version() not in (before, None)


def test_a_read_leaves_the_data_version_alone(demo_data):
    before = data_version()
    list(Actual.objects.all())
    assert data_version() == before


def test_the_same_page_is_served_from_the_cache_until_the_data_change(
    client, viewer, demo_data, django_assert_max_num_queries
):
    client.force_login(viewer)
    first = _row(client, "2042SC")
    with django_assert_max_num_queries(4):  # session, user, data version, the menu's person
        assert _row(client, "2042SC") == first
    Actual.objects.filter(indicator__code="2042SC", period=JUNE).update(value=Decimal("12.5"))
    assert "12.50" in _row(client, "2042SC")


def test_a_value_entered_in_bulk_shows_at_once(client, viewer, officer, demo_data):
    client.force_login(viewer)
    assert "37.47" in _row(client, "2042SC")
    run_import(
        "values",
        Source.file("values.csv", b"code,period,actual,target\n2042SC,2012-06,40.25,36\n"),
        user=officer,
    )
    assert "40.25" in _row(client, "2042SC")


def test_a_raw_sql_write_shows_at_once(client, viewer, demo_data):
    client.force_login(viewer)
    assert "37.47" in _row(client, "2042SC")
    table = Actual._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET value = 41 WHERE period = %s", [JUNE])
    assert "41.00" in _row(client, "2042SC")


def test_every_role_gets_the_same_cached_body_with_its_own_menu(client, viewer, officer, demo_data):
    client.force_login(officer)
    as_officer = client.get("/").content.decode()
    client.force_login(viewer)
    as_viewer = client.get("/").content.decode()
    body = re.compile(r"<main[^>]*>(.*)</main>", re.S)
    assert body.search(as_officer)[1] == body.search(as_viewer)[1]
    assert "Imports" in as_officer
    assert "Imports" not in as_viewer


def test_invalid_filters_are_not_cached(client, viewer, demo_data):
    client.force_login(viewer)
    assert "There is a problem" in client.get("/?period=31/04/2012").content.decode()
    assert not cache._cache  # type: ignore[attr-defined]  # LocMemCache's store


def test_a_quartile_filter_is_never_cached(client, viewer, demo_data):
    client.force_login(viewer)
    assert client.get("/?quartile=A").status_code == 200
    assert not cache._cache  # type: ignore[attr-defined]
