"""The indicator library: officers create and edit indicators and their targets in forms."""

import html
import re
from decimal import Decimal

import pytest

from boardpack.lib.importing import run_import
from boardpack.lib.sources import Source
from boardpack.scorecard.indicators.specs import fields_of
from boardpack.scorecard.models import Actual, Indicator, Target
from tests.forms import date_boxes, date_input

NEW = {
    "code": "EH01",
    "title": "Families supported by early help",
    "definition": "Families with an open early help assessment.",
    "director": "",
    "new_director": "Director of Early Help",
    "service": "",
    "new_service": "Family Support",
    "owner": "",
    "polarity": "bigger",
    "unit": "%",
    "decimals": "1",
    "frequency": "monthly",
    "cumulative": "yes",
    "tolerance": "2%",
    "better_tolerance": "0.5",
    "tags": " CBP ;CYPP; CBP;",
    "type": "measure",
    **date_input("due", ""),
    **date_input("completed", ""),
}


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _edit_data(indicator: Indicator, **changes: str) -> dict[str, str]:
    """The edit form as the page fills it in, with some fields changed."""
    data = {**fields_of(indicator), "new_director": "", "new_service": ""}
    for name in ("due", "completed"):
        data |= date_input(name, data.pop(name).replace("/", " "))
    if data["cumulative"] == "no":
        del data["cumulative"]
    return {**data, **changes}


def _snapshot() -> tuple[int, ...]:
    return (
        Indicator.objects.count(),
        Indicator.history.count(),
        Target.objects.count(),
        Target.history.count(),
    )


def test_an_officer_creates_an_indicator_with_every_field(client, officer):
    client.force_login(officer)
    response = client.post("/library/new/", NEW)
    indicator = Indicator.objects.get(code="EH01")
    assert response.status_code == 302
    assert response["Location"] == f"/library/{indicator.pk}/edit/"
    assert indicator.title == "Families supported by early help"
    assert indicator.definition == "Families with an open early help assessment."
    assert indicator.directorate.name == "Director of Early Help"
    assert indicator.service.name == "Family Support"
    assert indicator.service.parent == indicator.directorate
    assert indicator.owner is None
    assert (indicator.polarity, indicator.unit, indicator.decimals) == ("bigger", "%", 1)
    assert (indicator.frequency, indicator.cumulative) == ("monthly", True)
    assert (indicator.worse_tolerance, indicator.worse_tolerance_relative) == (Decimal(2), True)
    assert (indicator.better_tolerance, indicator.better_tolerance_relative) == (
        Decimal("0.5"),
        False,
    )
    assert indicator.data_source == Indicator.DataSource.ENTERED
    record = indicator.history.earliest()
    assert (record.history_user, record.history_change_reason) == (officer, "web form")


def test_plan_tags_are_split_on_semicolons_without_blanks_or_repeats(client, officer):
    client.force_login(officer)
    client.post("/library/new/", NEW)
    indicator = Indicator.objects.get(code="EH01")
    assert sorted(indicator.tags.values_list("code", flat=True)) == ["CBP", "CYPP"]


def test_a_director_is_chosen_from_the_list_or_typed_but_not_both(client, officer, demo_data):
    client.force_login(officer)
    director = "Assistant Director – Children's Social Care"
    response = client.post("/library/new/", {**NEW, "director": director})
    assert "Choose a director from the list or type a new one, not both" in _text(response)
    assert not Indicator.objects.filter(code="EH01").exists()
    client.post("/library/new/", {**NEW, "director": director, "new_director": ""})
    assert Indicator.objects.get(code="EH01").directorate.name == director


def test_a_duplicate_code_is_refused_whatever_its_case_and_nothing_is_written(
    client, officer, demo_data
):
    client.force_login(officer)
    before = _snapshot()
    response = client.post("/library/new/", {**NEW, "code": "2042sc"})
    page = _text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert '<a href="#id_code">An indicator with the code 2042SC already exists</a>' in page
    assert 'value="Families supported by early help"' in page
    assert _snapshot() == before


def test_a_bad_tolerance_gets_the_importers_message_and_keeps_what_was_typed(client, officer):
    client.force_login(officer)
    response = client.post("/library/new/", {**NEW, "tolerance": "two"})
    page = _text(response)
    message = "'two' is not a tolerance: write 2% or 0.5"
    assert f'<a href="#id_tolerance">{message}</a>' in page
    error = r'id="id_tolerance-error"[^>]*>\s*<span class="govuk-visually-hidden">Error:</span> '
    assert re.search(error + re.escape(message), page)
    assert 'name="tolerance" type="text" value="two"' in page
    assert 'value="Director of Early Help"' in page
    assert not Indicator.objects.exists()


def test_each_missing_field_is_named_in_the_error_summary(client, officer):
    client.force_login(officer)
    blank = {**NEW, "code": "", "title": " ", "new_director": "", "polarity": ""}
    page = _text(client.post("/library/new/", blank))
    assert '<a href="#id_code">Code is required</a>' in page
    assert '<a href="#id_title">Title is required</a>' in page
    assert '<a href="#id_director">Director is required</a>' in page
    assert not Indicator.objects.exists()


def test_a_milestone_needs_a_due_date_and_a_measure_takes_none(client, officer):
    client.force_login(officer)
    page = _text(client.post("/library/new/", {**NEW, "type": "milestone"}))
    assert "Due date is required for a milestone" in page
    page = _text(client.post("/library/new/", {**NEW, **date_input("due", "31 4 2012")}))
    assert '<a href="#id_due-day">The due date must be a real date</a>' in page
    page = _text(client.post("/library/new/", {**NEW, **date_input("due", "30 4 2012")}))
    assert "Due date is only for milestones (set type to milestone)" in page
    assert not Indicator.objects.exists()


def test_a_milestones_dates_show_in_their_day_month_and_year_boxes(client, officer):
    client.force_login(officer)
    dated = {**date_input("due", "30 4 2012"), **date_input("completed", "2 5 2012")}
    client.post("/library/new/", {**NEW, **dated, "type": "milestone", "tolerance": ""})
    milestone = Indicator.objects.get(code="EH01")
    page = _text(client.get(f"/library/{milestone.pk}/edit/"))
    assert (date_boxes(page, "due"), date_boxes(page, "completed")) == ("30 4 2012", "2 5 2012")
    assert client.post(f"/library/{milestone.pk}/edit/", _edit_data(milestone)).status_code == 302


def test_the_edit_form_shows_what_is_stored(client, officer, demo_data):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    page = _text(client.get(f"/library/{indicator.pk}/edit/"))
    assert '<h1 class="govuk-heading-l">Edit 2042SC</h1>' in page
    assert 'name="tolerance" type="text" value="2%"' in page
    assert 'name="tags" type="text" value="CBP; CYPP"' in page
    assert '<option value="Head of Safeguarding Service" selected>' in page
    assert 'value="smaller" checked' in page


def test_an_officer_edits_an_indicator_with_history_and_its_code_stays(client, officer, demo_data):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    data = _edit_data(indicator, code="HACKED", tolerance="3%", title="LAC rate per 10,000")
    response = client.post(f"/library/{indicator.pk}/edit/", data)
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.code == "2042SC"
    assert not Indicator.objects.filter(code="HACKED").exists()
    assert indicator.title == "LAC rate per 10,000"
    assert indicator.worse_tolerance == Decimal(3)
    latest = indicator.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (officer, "web form")
    assert latest.prev_record.worse_tolerance == Decimal(2)


def test_saving_an_unchanged_indicator_writes_no_history(client, officer, demo_data):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    before = indicator.history.count()
    response = client.post(f"/library/{indicator.pk}/edit/", _edit_data(indicator), follow=True)
    assert "Indicator 2042SC unchanged: nothing to save" in _text(response)
    assert indicator.history.count() == before


def test_targets_are_saved_for_a_year_with_history_and_actuals_are_left_alone(
    client, officer, demo_data
):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    actuals = list(Actual.objects.filter(indicator=indicator).values_list("period", "value"))
    page = _text(client.get(f"/library/{indicator.pk}/edit/?year=2012"))
    assert 'name="2012-06" type="text" value="36" inputmode="decimal"' in page
    posted = {"year": "2012", "2012-04": "35.5", "2012-06": "36.5", "2012-09": "36"}
    posted |= {"2012-12": "36", "2013-03": "36"}
    response = client.post(f"/library/{indicator.pk}/targets/", posted)
    assert response["Location"] == f"/library/{indicator.pk}/edit/?year=2012#targets"
    year = Target.objects.filter(indicator=indicator, period__range=("2012-04-01", "2013-03-31"))
    targets = dict(year.values_list("period__month", "value"))
    assert targets == {4: Decimal("35.5"), 6: Decimal("36.5"), 9: 36, 12: 36, 3: 36}
    june = Target.objects.get(indicator=indicator, period="2012-06-30")
    assert (june.source, june.set_by) == ("form", officer)
    record = june.history.latest()
    assert record.history_user == officer
    assert record.prev_record.value == Decimal(36)
    assert list(Actual.objects.filter(indicator=indicator).values_list("period", "value")) == (
        actuals
    )


def test_a_bad_target_is_reported_and_no_target_is_written(client, officer, demo_data):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    before = _snapshot()
    posted = {"year": "2012", "2012-04": "35", "2012-05": "lots"}
    page = _text(client.post(f"/library/{indicator.pk}/targets/", posted))
    assert "<a href=\"#id_2012-05\">Target for May 2012: 'lots' is not a number</a>" in page
    assert 'name="2012-05" type="text" value="lots"' in page  # kept as typed
    assert _snapshot() == before


def test_a_stored_target_cannot_be_blanked(client, officer, demo_data):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    before = _snapshot()
    posted = {"year": "2012", "2012-06": "", "2012-09": "36", "2012-12": "36", "2013-03": "36"}
    page = _text(client.post(f"/library/{indicator.pk}/targets/", posted))
    assert "Target for Jun 2012 cannot be removed here: enter a number" in page
    assert _snapshot() == before


def test_a_year_outside_the_offered_range_is_not_found(client, officer, demo_data):
    client.force_login(officer)
    indicator = Indicator.objects.get(code="2042SC")
    assert client.get(f"/library/{indicator.pk}/edit/?year=1999").status_code == 404
    response = client.post(f"/library/{indicator.pk}/targets/", {"year": "1999"})
    assert response.status_code == 404


def test_a_milestone_has_no_targets(client, officer, demo_data):
    client.force_login(officer)
    milestone = Indicator.objects.get(code="MIL01")
    page = _text(client.get(f"/library/{milestone.pk}/edit/"))
    assert "A milestone has no monthly targets" in page
    response = client.post(f"/library/{milestone.pk}/targets/", {"year": "2012", "2012-04": "1"})
    assert response.status_code == 404
    assert not Target.objects.filter(indicator=milestone).exists()


def test_the_library_lists_every_indicator_and_filters_by_code_or_title(client, officer, demo_data):
    client.force_login(officer)
    page = _text(client.get("/library/"))
    codes = re.findall(r'data-code="([^"]+)"', page)
    assert codes == sorted(Indicator.objects.values_list("code", flat=True))
    row = re.search(r'data-code="2042SC">(.*?)</tr>', page, re.S)[1]
    assert f'href="/library/{Indicator.objects.get(code="2042SC").pk}/edit/"' in row
    for text in ("Head of Safeguarding Service", "Smaller is better", "Worse 2%, better 2%"):
        assert text in row
    assert "CBP, CYPP" in row
    filtered = _text(client.get("/library/?q=dental"))
    assert re.findall(r'data-code="([^"]+)"', filtered) == ["CS145"]


def test_the_library_query_count_does_not_grow_with_indicators(
    client, officer, demo_data, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(15) as few:
        client.get("/library/")
    header = "code,title,director,service,owner,polarity,tags\n"
    rows = "".join(
        f"X{n},Extra {n},Director {n},Service {n},Owner {n},bigger,T{n};CBP\n" for n in range(40)
    )
    run_import("indicators", Source.file("more.csv", (header + rows).encode()), user=None)
    with django_assert_max_num_queries(len(few)):
        response = client.get("/library/")
    assert response.content.decode().count("data-code=") == Indicator.objects.count()


def test_a_visitor_is_sent_to_sign_in(client, db):
    for url in ("/library/", "/library/new/", "/library/1/edit/"):
        assert client.get(url)["Location"].startswith("/login/")


@pytest.mark.parametrize("role", ["owner", "delegate", "viewer"])
def test_only_officers_may_see_or_change_the_library(client, role, request, demo_data):
    client.force_login(request.getfixturevalue(role))
    indicator = Indicator.objects.get(code="2042SC")
    before = _snapshot()
    edit = f"/library/{indicator.pk}/edit/"
    targets = f"/library/{indicator.pk}/targets/"
    assert client.get("/library/").status_code == 403
    assert client.get("/library/new/").status_code == 403
    assert client.get(edit).status_code == 403
    assert client.post("/library/new/", NEW).status_code == 403
    assert client.post(edit, _edit_data(indicator, title="Changed")).status_code == 403
    assert client.post(targets, {"year": "2012", "2012-04": "1"}).status_code == 403
    assert _snapshot() == before
    assert Indicator.objects.get(code="2042SC").title == indicator.title
