"""The public API. Each app keeps its endpoints in its own `api.py` as a ninja `router`
(mounted at `/api/<API_PREFIX or app label>/`); this module only gathers them."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

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


def _mount_app_routers() -> None:
    for config in apps.get_app_configs():
        module_name = f"{config.name}.api"
        if config.name.startswith("rumbo.") and config.label != "api" and find_spec(module_name):
            module = import_module(module_name)
            prefix = getattr(module, "API_PREFIX", config.label)
            api.add_router(f"/{prefix}/", module.router)


_mount_app_routers()
