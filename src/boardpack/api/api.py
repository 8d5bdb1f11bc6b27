"""The API (`/api/v1/`): django-ninja, its routers, its errors as problem details, and the
OpenAPI schema (`openapi.json`) and docs (`docs`), both behind sign-in (session or token)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from ninja import NinjaAPI, Router
from ninja.errors import AuthenticationError, HttpError, ValidationError

from boardpack.api import benchmarks, boards, calculated, plans, scorecard
from boardpack.api.auth import Session, TokenAuth
from boardpack.api.listing import CSV_TYPE, JSON_TYPE
from boardpack.api.problems import MEDIA_TYPE, ApiError, problem
from boardpack.api.throttling import TokenRateThrottle
from boardpack.lib.nul import NUL, REFUSAL, query_holds_nul

DESCRIPTION = """Boardpack's scorecard, plans, boards and benchmarks for Power BI, a data
warehouse or a case-management extract. Send a personal access token (made on your account
page or by `boardpack token create`) as `Authorization: Bearer <token>`; it acts with your role.
Lists are paged (`limit`, `cursor`) and answer CSV too (`?format=csv`); errors are
`application/problem+json`. The user guide: docs/api.md."""
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
AUTHENTICATE = {"WWW-Authenticate": 'Bearer realm="boardpack"'}


def _signed_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The schema and the docs for a signed-in person or a valid token; the docs page sends
    anyone else to sign in, the schema answers them 401."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.headers.get("Authorization"):
            try:
                TokenAuth()(request)
            except AuthenticationError as error:
                return problem(request, 401, str(error), headers=AUTHENTICATE)
        if not request.user.is_authenticated:
            if request.path.endswith(".json"):
                return problem(request, 401, "Sign in, or send a token", headers=AUTHENTICATE)
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded


def _holds_nul(request: HttpRequest) -> bool:
    """Whether the query or the (JSON) body holds a NUL character (lib.nul)."""
    return query_holds_nul(request) or b"\\u0000" in request.body or NUL.encode() in request.body


def _method_problem(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A method the path does not take answered as a problem (405), with its Allow header; a
    request holding a NUL character as a bad request (400)."""

    @wraps(view)
    def answered(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if _holds_nul(request):
            return problem(request, 400, REFUSAL)
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        allowed = response["Allow"]
        detail = f"{request.method} is not allowed here: use {allowed}"
        return problem(request, 405, detail, headers={"Allow": allowed})

    return answered


class BoardpackAPI(NinjaAPI):
    @property
    def urls(self) -> Any:
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = _method_problem(pattern.callback)
        return patterns, app_name, namespace

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Problems as application/problem+json; every list also as text/csv."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if JSON_TYPE not in content:
                        continue
                    if int(status) >= 400:
                        answer["content"] = {MEDIA_TYPE: content[JSON_TYPE]}
                    elif content[JSON_TYPE]["schema"].get("$ref", "").endswith("Page"):
                        content[CSV_TYPE] = {"schema": {"type": "string"}}
        return schema


api = BoardpackAPI(
    title="Boardpack API",
    version="1",
    description=DESCRIPTION,
    auth=[TokenAuth(), Session()],
    throttle=TokenRateThrottle(),
    docs_decorator=_signed_in,
    urls_namespace="api",
)
unknown = Router()


NO_ENDPOINT = "No endpoint is at {}: see /api/v1/docs"


@unknown.api_operation(METHODS, "/", include_in_schema=False)
def _root(request: HttpRequest) -> HttpResponse:
    """/api/v1/ itself: a problem, not a web page."""
    raise ApiError(404, NO_ENDPOINT.format(request.path))


@unknown.api_operation(METHODS, "/{path:rest}", include_in_schema=False)
def _unknown(request: HttpRequest, rest: str) -> HttpResponse:
    """Any other path under /api/v1/ (after every endpoint's): a problem, not a web page."""
    raise ApiError(404, NO_ENDPOINT.format(request.path))


for router in (*(m.router for m in (scorecard, plans, boards, benchmarks, calculated)), unknown):
    api.add_router("", router)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
    return problem(request, error.status, error.detail, errors=error.errors, headers=error.headers)


def _field(loc: tuple[Any, ...]) -> str:
    """Where, as `query.limit` or `body.actual` (ninja names the body parameter too)."""
    parts = [str(part) for part in loc]
    if len(parts) > 1 and parts[0] == parts[1]:
        del parts[1]
    return ".".join(parts)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = [(_field(e.get("loc", ())), str(e.get("msg", "is not valid"))) for e in error.errors]
    detail = "; ".join(f"{field}: {message}" for field, message in errors) or "Invalid request"
    return problem(request, 400, detail, errors=errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    detail = str(error) if str(error) != "Unauthorized" else "Sign in, or send a token"
    return problem(request, 401, detail, headers=AUTHENTICATE)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problem(request, error.status_code, str(error))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem(request, 404, "Not found")


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return problem(request, 403, "You may not do this")
