"""No lost updates on the enter-values pages: a page posts what it was opened with, only what the
person changed is written, and a change over a colleague's newer save is refused with who
made it (issue 14)."""

import re
from decimal import Decimal
from html import unescape

from boardpack.accounts.models import OrgUnit, Role
from boardpack.scorecard.models import Actual, Indicator, Target
from tests.factories import login

GRID = "/values/?service={pk}&period=2012-06"


def _grid_url() -> str:
    return GRID.format(pk=OrgUnit.objects.get(kind=OrgUnit.Kind.SERVICE, name="Safeguarding").pk)


def _key(code: str, part: str) -> str:
    return f"{Indicator.objects.get(code=code).pk}-2012-06-{part}"


def _inputs(html: str) -> dict[str, str]:
    """The form as a browser would post it untouched: every text and hidden input, the
    checkboxes that are ticked."""
    form = next(f for f in html.split("<form")[1:] if "initial-" in f).split("</form>")[0]
    data = {}
    for tag in re.findall(r"<input\b[^>]*>", form):
        name = re.search(r'\bname="([^"]+)"', tag)
        if not name or name[1] == "csrfmiddlewaretoken":
            continue
        value = re.search(r'\bvalue="([^"]*)"', tag)
        if 'type="checkbox"' in tag:
            if " checked" in tag:
                data[name[1]] = value[1] if value else "on"
            continue
        data[name[1]] = unescape(value[1]) if value else ""
    return data


def _opened(client, user) -> dict[str, str]:
    client.force_login(user)
    return _inputs(client.get(_grid_url()).content.decode())


def _second_officer():
    return login("officer2", "Senior Performance Officer", Role.PERFORMANCE_OFFICER)


def _actual(code: str) -> Decimal:
    return Actual.objects.get(indicator__code=code, period__startswith="2012-06").value


def test_the_page_carries_the_values_it_was_opened_with(client, officer, demo_data):
    data = _opened(client, officer)
    assert data[f"initial-{_key('2042SC', 'actual')}"] == "37.47"
    assert data[_key("2042SC", "actual")] == "37.47"
    assert data[f"initial-{_key('2042SC', 'provisional')}"] == "False"


def test_saving_one_cell_does_not_write_back_the_others_a_colleague_changed(
    client, officer, demo_data
):
    stale = _opened(client, officer)
    colleague = _second_officer()
    fresh = _opened(client, colleague)
    fresh[_key("2042SC", "actual")] = "38.10"
    assert client.post(_grid_url(), fresh).status_code == 302
    client.force_login(officer)
    stale[_key("NI064", "actual")] = "4"
    response = client.post(_grid_url(), stale)
    assert response.status_code == 302
    assert _actual("NI064") == 4
    assert _actual("2042SC") == Decimal("38.10")


def test_a_change_over_a_newer_save_is_refused_saying_who_made_it(client, officer, demo_data):
    stale = _opened(client, officer)
    colleague = _second_officer()
    fresh = _opened(client, colleague)
    fresh[_key("2042SC", "actual")] = "38.10"
    client.post(_grid_url(), fresh)
    client.force_login(officer)
    stale[_key("2042SC", "actual")] = "39"
    stale[_key("NI064", "actual")] = "4"
    response = client.post(_grid_url(), stale)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "The actual for Jun 2012 was changed to 38.1 by Senior Performance Officer at " in html
    assert "so your change was not saved" in html
    assert _actual("2042SC") == Decimal("38.10")
    assert _actual("NI064") != 4
    again = _inputs(html)
    assert again[f"initial-{_key('2042SC', 'actual')}"] == "38.1"
    assert again[_key("2042SC", "actual")] == "39"
    assert client.post(_grid_url(), again).status_code == 302
    assert _actual("2042SC") == 39


def test_a_target_changed_over_a_newer_one_is_refused_too(client, officer, demo_data):
    stale = _opened(client, officer)
    Target.objects.filter(indicator__code="NI065", period__startswith="2012-06").update(value=7)
    stale[_key("NI065", "target")] = "9"
    response = client.post(_grid_url(), stale)
    assert "The target for Jun 2012 was changed to 7 by " in unescape(response.content.decode())
    assert Target.objects.get(indicator__code="NI065", period__startswith="2012-06").value == 7


def test_ticking_provisional_alone_records_it_with_the_stored_actual(client, officer, demo_data):
    data = _opened(client, officer)
    data[_key("2042SC", "provisional")] = "on"
    assert client.post(_grid_url(), data).status_code == 302
    actual = Actual.objects.get(indicator__code="2042SC", period__startswith="2012-06")
    assert (actual.value, actual.provisional) == (Decimal("37.47"), True)


def test_an_untouched_page_saved_writes_nothing(client, officer, demo_data):
    data = _opened(client, officer)
    before = Actual.history.count() + Target.history.count()
    response = client.post(_grid_url(), data, follow=True)
    assert "No values changed." in response.content.decode()
    assert Actual.history.count() + Target.history.count() == before
