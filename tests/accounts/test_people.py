"""The People pages: officers add people, set their role and login, and stop a login."""

import html

import pytest
from django.contrib.auth import get_user_model

from boardpack.accounts.models import Person, Role
from tests.factories import PersonFactory

PASSWORD = "grey-heron-at-dusk"
NEW = {
    "name": "Head of Youth Justice",
    "email": "yj@example.gov.uk",
    "role": "owner",
    "username": "youth.justice",
    "new_password1": PASSWORD,
    "new_password2": PASSWORD,
    "active": "yes",
}


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _snapshot() -> tuple[int, ...]:
    return (
        Person.objects.count(),
        Person.history.count(),
        get_user_model().objects.count(),
        get_user_model().objects.filter(is_active=True).count(),
    )


def _edit(person: Person, **changes: str) -> dict[str, str]:
    """The edit form as the page fills it in, with some fields changed."""
    data = {
        "name": person.name,
        "email": person.email,
        "role": person.role,
        "username": person.user.get_username() if person.user else "",
        "new_password1": "",
        "new_password2": "",
    }
    if person.user is None or person.user.is_active:
        data["active"] = "yes"
    return {**data, **changes}


def test_a_person_added_with_a_login_can_sign_in_with_that_password(client, officer):
    client.force_login(officer)
    response = client.post("/people/new/", NEW)
    assert response.status_code == 302
    person = Person.objects.get(name="Head of Youth Justice")
    assert (person.email, person.role) == ("yj@example.gov.uk", Role.INDICATOR_OWNER)
    assert person.user.get_username() == "youth.justice"
    assert person.user.password.startswith(("pbkdf2_", "argon2", "bcrypt", "scrypt"))
    assert PASSWORD not in person.user.password
    record = person.history.latest()
    assert record.history_user == officer
    assert record.history_change_reason == "web form; login created"
    client.logout()
    signed_in = client.post("/login/", {"username": "youth.justice", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert client.get("/my-indicators/").wsgi_request.user.get_username() == "youth.justice"


def test_a_person_without_a_login_is_listed_as_such(client, officer):
    client.force_login(officer)
    client.post("/people/new/", {**NEW, "username": "", "new_password1": "", "new_password2": ""})
    person = Person.objects.get(name="Head of Youth Justice")
    assert person.user is None
    page = _text(client.get("/people/"))
    row = page.split(f'data-person="{person.pk}">')[1].split("</tr>")[0]
    assert "No login" in row
    assert "Indicator owner" in row


def test_the_password_validators_apply_and_nothing_is_written(client, officer):
    client.force_login(officer)
    before = _snapshot()
    page = _text(
        client.post("/people/new/", {**NEW, "new_password1": "123", "new_password2": "123"})
    )
    assert '<a href="#id_new_password1">This password is too short.' in page
    assert "This password is too common." in page
    assert _snapshot() == before


def test_a_new_login_needs_a_password_typed_twice_the_same(client, officer):
    client.force_login(officer)
    before = _snapshot()
    page = _text(client.post("/people/new/", {**NEW, "new_password1": "", "new_password2": ""}))
    assert "Set a password for the new login" in page
    page = _text(client.post("/people/new/", {**NEW, "new_password2": "something-else-1"}))
    assert '<a href="#id_new_password2">The two passwords do not match</a>' in page
    assert 'value="Head of Youth Justice"' in page
    assert _snapshot() == before


def test_names_and_usernames_are_unique(client, officer, viewer):
    client.force_login(officer)
    before = _snapshot()
    page = _text(client.post("/people/new/", {**NEW, "name": "councillor", "username": "VIEWER"}))
    assert "Someone called councillor is already recorded" in page
    assert "The username VIEWER is already taken" in page
    assert _snapshot() == before


def test_an_officer_changes_a_persons_role_with_history(client, officer, viewer):
    client.force_login(officer)
    person = viewer.person
    response = client.post(f"/people/{person.pk}/edit/", _edit(person, role="delegate"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.role == Role.DELEGATE
    record = person.history.latest()
    assert (record.history_user, record.role, record.prev_record.role) == (
        officer,
        "delegate",
        "viewer",
    )


def test_a_deactivated_person_cannot_sign_in_and_loses_their_session(client, officer, viewer):
    other = type(client)()
    other.force_login(viewer)
    assert other.get("/").status_code == 200
    client.force_login(officer)
    person = viewer.person
    data = _edit(person)
    del data["active"]
    client.post(f"/people/{person.pk}/edit/", data)
    viewer.refresh_from_db()
    assert viewer.is_active is False
    assert person.history.latest().history_change_reason == "web form; login deactivated"
    assert other.get("/")["Location"].startswith("/login/")
    client.logout()
    refused = client.post("/login/", {"username": "viewer", "password": "a-long-test-password"})
    assert refused.status_code == 200
    assert "Enter a correct username and password" in refused.content.decode()
    client.force_login(officer)
    row = _text(client.get("/people/")).split(f'data-person="{person.pk}">')[1].split("</tr>")[0]
    assert "No: stopped" in row


def test_an_officer_sets_a_new_password_for_an_existing_login(client, officer, viewer):
    client.force_login(officer)
    person = viewer.person
    new = "pale-yellow-kingfisher"
    client.post(f"/people/{person.pk}/edit/", _edit(person, new_password1=new, new_password2=new))
    client.logout()
    signed_in = client.post("/login/", {"username": "viewer", "password": new})
    assert signed_in.status_code == 302
    assert client.get("/").url == "/account/password/?next=%2F"


def test_a_login_cannot_be_removed_only_stopped(client, officer, viewer):
    client.force_login(officer)
    person = viewer.person
    before = _snapshot()
    page = _text(client.post(f"/people/{person.pk}/edit/", _edit(person, username="")))
    assert "A login cannot be removed" in page
    assert _snapshot() == before


def test_an_officer_cannot_remove_their_own_officer_role_or_stop_their_own_login(client, officer):
    client.force_login(officer)
    person = officer.person
    before = _snapshot()
    page = _text(client.post(f"/people/{person.pk}/edit/", _edit(person, role="viewer")))
    assert (
        '<a href="#id_role">You cannot remove your own performance officer role: ask another'
        in page
    )
    assert 'class="govuk-radios__input" id="id_role" name="role"' in page  # where the link lands
    data = _edit(person)
    del data["active"]
    page = _text(client.post(f"/people/{person.pk}/edit/", data))
    assert "You cannot stop your own login" in page
    person.refresh_from_db()
    officer.refresh_from_db()
    assert (person.role, officer.is_active) == (Role.PERFORMANCE_OFFICER, True)
    assert _snapshot() == before


def test_the_people_list_query_count_does_not_grow_with_people(
    client, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(12) as few:
        client.get("/people/")
    PersonFactory.create_batch(20, signs_in=True, user__with_password=False)
    with django_assert_max_num_queries(len(few)):
        client.get("/people/")


def test_a_visitor_is_sent_to_sign_in(client, db):
    for url in ("/people/", "/people/new/", "/people/1/edit/"):
        assert client.get(url)["Location"].startswith("/login/")


@pytest.mark.parametrize("role", ["owner", "delegate", "viewer"])
def test_only_officers_may_see_or_change_people(client, role, request, demo_data, officer):
    user = request.getfixturevalue(role)
    client.force_login(user)
    target = officer.person
    before = _snapshot()
    edit = f"/people/{target.pk}/edit/"
    assert client.get("/people/").status_code == 403
    assert client.get("/people/new/").status_code == 403
    assert client.get(edit).status_code == 403
    assert client.post("/people/new/", NEW).status_code == 403
    assert client.post(edit, _edit(target, role="viewer")).status_code == 403
    own = f"/people/{user.person.pk}/edit/"
    assert client.post(own, _edit(user.person, role="officer")).status_code == 403
    assert _snapshot() == before
    user.person.refresh_from_db()
    assert user.person.role == role
