"""ETags: a read the client holds is answered 304 without reading the data, until any write
the answer could show; a PUT with If-Match over a newer value is refused with 409."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from boardpack.api.selectors import read_version
from boardpack.plans.models import ProgressEntry
from boardpack.scorecard.models import Actual

INDICATORS, PLANS = "/api/v1/indicators", "/api/v1/plans"
VALUE = "/api/v1/indicators/2042SC/values/2012-06"
WATCHED_TABLES = import_module("boardpack.api.migrations.0002_read_version_triggers").WATCHED


def test_a_held_etag_is_answered_304_with_few_queries(
    viewer, demo_data, api_as, django_assert_max_num_queries
):
    api = api_as(viewer)
    first = api.get(INDICATORS)
    etag = first["ETag"]
    assert first.status_code == 200
    assert etag.startswith('"')
    with django_assert_max_num_queries(3):  # the token, its last use, the data version
        again = api.get(INDICATORS, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert api.get(INDICATORS, headers={"If-None-Match": '"other", ' + etag}).status_code == 304


def test_the_etag_differs_by_format_query_and_user(viewer, owner, api_as):
    api = api_as(viewer)
    etags = {
        api.get(INDICATORS)["ETag"],
        api.get(INDICATORS + "?format=csv")["ETag"],
        api.get(INDICATORS + "?limit=5")["ETag"],
        api_as(owner).get(INDICATORS)["ETag"],
    }
    assert len(etags) == 4


def test_a_write_through_the_api_changes_the_etag(officer, demo_data, api_as):
    api = api_as(officer)
    etag = api.get(INDICATORS + "/2042SC/values")["ETag"]
    assert api.put(VALUE, {"actual": "40"}).status_code == 200
    again = api.get(INDICATORS + "/2042SC/values", headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again["ETag"] != etag


def test_plans_follow_their_own_tables_and_the_scorecard_does_not(viewer, plan, api_as):
    api = api_as(viewer)
    plans, indicators = api.get(PLANS)["ETag"], api.get(INDICATORS)["ETag"]
    ProgressEntry.objects.create(action=plan.actions.first(), raw="01.07.19 - done", text="done")
    assert api.get(PLANS, headers={"If-None-Match": plans}).status_code == 200
    assert api.get(INDICATORS, headers={"If-None-Match": indicators}).status_code == 304


def test_the_read_version_watches_every_table_of_the_apps_it_covers():
    covered = {
        model._meta.db_table
        for label in ("plans", "boards", "benchmarks", "calculated")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.db_table.split("_", 1)[1].startswith("historical")
    }
    assert covered - {"benchmarks_publishedvalue"} == set(WATCHED_TABLES)


@pytest.mark.django_db
@pytest.mark.parametrize("table", WATCHED_TABLES)
def test_every_watched_table_has_its_trigger(table):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s "
                "AND name LIKE 'read_version_%%'",
                [table],
            )
            assert cursor.fetchone()[0] == 3
        else:
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = %s::regclass "
                "AND tgname = 'read_version'",
                [table],
            )
            assert cursor.fetchone()[0] == 1


def test_a_write_without_the_services_changes_the_read_version(plan):
    before = read_version()
    plan.actions.filter(ref="7b").update(brag="red")
    assert read_version() not in (before, None)
    after = read_version()
    plan.actions.first().responsible_people.clear()
    assert read_version() != after


def test_if_match_over_a_newer_value_is_409_and_writes_nothing(officer, demo_data, api_as):
    api = api_as(officer)
    row = api.get(INDICATORS + "/2042SC/values?from=2012-06&to=2012-06").json()["items"][0]
    Actual.objects.filter(indicator__code="2042SC", period=date(2012, 6, 30)).update(
        value=50, set_at=timezone.now()
    )
    stale = api.put(VALUE, {"actual": "41"}, headers={"If-Match": row["etag"]})
    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"
    assert Actual.objects.get(indicator__code="2042SC", period=date(2012, 6, 30)).value == 50
    fresh = api.get(INDICATORS + "/2042SC/values?from=2012-06&to=2012-06").json()["items"][0]
    saved = api.put(VALUE, {"actual": "41"}, headers={"If-Match": fresh["etag"]})
    assert saved.status_code == 200
    assert saved.json()["actual"] == 41
    assert saved["ETag"] == saved.json()["etag"] != fresh["etag"]


def test_an_answer_is_built_once_per_data_version(
    viewer, demo_data, api_as, django_assert_max_num_queries
):
    api = api_as(viewer)
    url = "/api/v1/scorecard?period=2012-06&limit=1000"
    first = api.get(url)
    with django_assert_max_num_queries(3):  # the token, its last use, the data version
        again = api.get(url)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    Actual.objects.filter(indicator__code="2042SC", period=date(2012, 6, 30)).update(value=12)
    changed = api.get(url)
    assert changed["ETag"] != first["ETag"]
    row = next(r for r in changed.json()["items"] if r["code"] == "2042SC")
    assert row["actual_value"] == 12
