"""The public API. Each app keeps its endpoints in its own `api.py` as a ninja `router`
(mounted at `/api/<API_PREFIX or app label>/`); this module only gathers them."""

import logging

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError

from rumbo.core.discovery import app_module_list

logger = logging.getLogger("rumbo.api")

api = NinjaAPI(
    title="Rumbo API",
    version="1",
    description="Public information on regular migration, information points and courses.",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # Name each faulty field so that a client can fix its request.
    return api.create_response(
        request,
        {
            "detail": [
                {"field": ".".join(str(p) for p in error.get("loc", [])), "message": error["msg"]}
                for error in exc.errors
            ]
        },
        status=422,
    )


@api.exception_handler(Exception)
def unexpected_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Outside DEBUG ninja re-raises, and Django would answer an API client with the HTML
    # error page. Logged like every other error: by route, never by path.
    logger.error("API error", exc_info=exc)
    return api.create_response(
        request, {"detail": _("The server could not answer this request.")}, status=500
    )


def _mount_app_routers() -> None:
    for config, module in app_module_list("api"):
        if config.label != "api":  # this module itself
            prefix = getattr(module, "API_PREFIX", config.label)
            api.add_router(f"/{prefix}/", module.router)


_mount_app_routers()
