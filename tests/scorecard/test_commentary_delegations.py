import pytest

from boardpack.scorecard.models import Delegation, Indicator
from boardpack.scorecard.services import DelegationError, delegation_create, delegation_remove
from tests.factories import PersonFactory
from tests.scorecard.commentary_helpers import owner_of, write_url


def _ids(*codes):
    return [Indicator.objects.get(code=code).pk for code in codes]


def _delegated():
    return sorted(Delegation.objects.values_list("indicator__code", "delegate__name"))


def test_an_owner_delegates_an_indicator_and_the_delegate_may_then_write_it(
    client, owner, delegate
):
    client.force_login(delegate)
    assert client.get(write_url("NI065")).status_code == 404
    client.force_login(owner)
    response = client.post(
        "/my-indicators/delegations/",
        {"indicator": _ids("NI065")[0], "delegate": delegate.person.pk},
    )
    assert response.status_code == 302
    assert ("NI065", "Safeguarding Team Manager") in _delegated()
    made = Delegation.objects.get(indicator__code="NI065")
    assert made.created_by == owner
    assert made.history.get().history_user == owner
    client.force_login(delegate)
    assert client.get(write_url("NI065")).status_code == 200


def test_an_owner_removes_a_delegation_and_the_delegate_loses_the_indicator(
    client, owner, delegate
):
    delegation = Delegation.objects.get(indicator__code="2042SC")
    client.force_login(owner)
    page = client.get("/my-indicators/").content.decode()
    assert f"/my-indicators/delegations/{delegation.pk}/remove/" in page
    response = client.post(f"/my-indicators/delegations/{delegation.pk}/remove/")
    assert response.status_code == 302
    assert _delegated() == []
    removal = Delegation.history.filter(history_type="-").get()
    assert removal.history_user == owner
    client.force_login(delegate)
    assert client.get(write_url("2042SC")).status_code == 404


def test_another_owner_cannot_delegate_or_undelegate_an_indicator_they_do_not_own(client, delegate):
    before = _delegated()
    delegation = Delegation.objects.get(indicator__code="2042SC")
    client.force_login(owner_of("CS143"))
    page = client.get("/my-indicators/").content.decode()
    assert f"/delegations/{delegation.pk}/remove/" not in page
    response = client.post(
        "/my-indicators/delegations/",
        {"indicator": _ids("NI065")[0], "delegate": delegate.person.pk},
    )
    assert response.status_code == 200
    assert "Select one of your indicators" in response.content.decode()
    assert client.post(f"/my-indicators/delegations/{delegation.pk}/remove/").status_code == 404
    assert _delegated() == before


def test_delegates_viewers_and_officers_cannot_use_the_delegation_form(
    client, delegate, viewer, officer
):
    before = _delegated()
    delegation = Delegation.objects.get(indicator__code="2042SC")
    for user in (delegate, viewer, officer):
        client.force_login(user)
        response = client.post(
            "/my-indicators/delegations/",
            {"indicator": _ids("NI065")[0], "delegate": delegate.person.pk},
        )
        assert response.status_code == 403
        assert client.post(f"/my-indicators/delegations/{delegation.pk}/remove/").status_code == 403
    assert _delegated() == before


def test_delegating_twice_or_to_someone_without_the_delegate_role_is_refused(
    client, delegate, owner
):
    client.force_login(owner)
    response = client.post(
        "/my-indicators/delegations/",
        {"indicator": _ids("2042SC")[0], "delegate": delegate.person.pk},
    )
    assert "Safeguarding Team Manager already writes the commentary of 2042SC" in (
        response.content.decode()
    )
    councillor = PersonFactory(name="Councillor")
    response = client.post(
        "/my-indicators/delegations/", {"indicator": _ids("NI065")[0], "delegate": councillor.pk}
    )
    assert "Select a colleague from the list" in response.content.decode()
    assert _delegated() == [("2042SC", "Safeguarding Team Manager")]


def test_the_service_lets_only_the_owner_or_an_officer_delegate(owner, delegate, officer):
    indicator = Indicator.objects.get(code="NI065")
    with pytest.raises(DelegationError, match="only the owner of NI065"):
        delegation_create(indicator=indicator, delegate=delegate.person, user=owner_of("CS143"))
    with pytest.raises(DelegationError, match="only the owner of NI065"):
        delegation_create(indicator=indicator, delegate=delegate.person, user=delegate)
    with pytest.raises(DelegationError, match="does not have the delegate role"):
        delegation_create(indicator=indicator, delegate=owner.person, user=owner)
    made = delegation_create(indicator=indicator, delegate=delegate.person, user=officer)
    with pytest.raises(DelegationError):
        delegation_remove(delegation=made, user=delegate)
    delegation_remove(delegation=made, user=owner)
    assert _delegated() == [("2042SC", "Safeguarding Team Manager")]
