"""Schemathesis against the live schema: every operation and method of /api/v1/openapi.json,
each generated request sent through the WSGI application with a token of each role, on the
demo data and a plan, answers no 500 and only what its schema says (status codes, content
types, bodies)."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from boardpack.api.api import api
from boardpack.api.services import token_create
from boardpack.wsgi import application

ROLES = ("officer", "owner", "delegate", "viewer")
EXAMPLES = 12
"""Per operation, each sent four times: the whole run stays well under two minutes."""
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application
"""The schema the API serves at /api/v1/openapi.json (test_the_schema_is_the_one_served), read
here at collection, when the database the served one needs a token from is not open yet."""


@pytest.fixture
def connection_kept():
    """The WSGI application, called directly, closes the database connection after a request
    when it is not in autocommit: the test's transaction. Django's test client keeps it by not
    closing old connections around its requests; so does this."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def tokens(request, demo_data, delegate, plan, connection_kept) -> dict[str, str]:
    return {
        role: token_create(user=request.getfixturevalue(role), by=None).secret for role in ROLES
    }


def test_the_schema_is_the_one_served(viewer, api_as):
    served = api_as(viewer).get("/api/v1/openapi.json")
    assert json.loads(served.content) == json.loads(json.dumps(api.get_openapi_schema()))


def test_every_operation_keeps_to_its_schema(tokens):
    """Valid and invalid requests of each operation, each sent with every role's token; one
    test, so that the data are loaded once."""
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 17
    for operation in operations:
        cases = st.one_of(operation.as_strategy(mode) for mode in GenerationMode)

        @given(case=cases)
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def each(case: schemathesis.Case) -> None:
            for role in ROLES:
                headers = {"Authorization": f"Bearer {tokens[role]}"}
                case.call_and_validate(headers=headers, checks=CHECKS)

        each()
