"""The one list of public pages, made of each app's `public_pages.PAGES`.

Tests walk it to hold every public page to the byte budget, the accessibility check and
the right-to-left check. A route of an app that is not a public page (a POST target, a
staff page, a file download) goes in that module's `EXCLUDED` with the reason, so no new
route can escape the checks unnoticed.
"""

from collections.abc import Callable, Iterator
from types import ModuleType

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from rumbo.core.discovery import app_module_list


def _public_page_modules() -> Iterator[tuple[str, ModuleType]]:
    for config, module in app_module_list("public_pages"):
        yield config.label, module


def public_page_list() -> dict[str, Callable[[], str]]:
    return {
        f"{label}:{name}": resolve
        for label, module in _public_page_modules()
        for name, resolve in module.PAGES.items()
    }


def public_route_exclusions() -> set[str]:
    return {
        name if ":" in name else f"{label}:{name}"
        for label, module in _public_page_modules()
        for name in getattr(module, "EXCLUDED", {})
    }


def app_route_names() -> list[str]:
    """Names (namespace:name) of every route in the URL configuration of Rumbo's apps."""
    # The API's JSON endpoints are held to their own tests, not to the page checks.
    rumbo_namespaces = {
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith("rumbo.") and config.label != "api"
    }

    def walk(patterns, namespace: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace:
                yield f"{namespace}:{pattern.name}"

    return sorted(
        {
            name
            for name in walk(get_resolver().url_patterns, "")
            if name.split(":")[0] in rumbo_namespaces
        }
    )
