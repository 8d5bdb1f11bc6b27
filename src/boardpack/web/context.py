"""Template context every page gets."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    return {"authority_name": settings.BOARDPACK_AUTHORITY_NAME}
