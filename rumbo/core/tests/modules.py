"""Every module of Rumbo's installed apps, imported: what the class tests discover from."""

import importlib
import pkgutil
from functools import cache

from django.apps import apps

import rumbo


@cache
def rumbo_modules() -> list[str]:
    """The names of every non-test, non-migration module of the installed Rumbo apps, each
    imported (so the classes and registrations they define exist)."""
    names = []
    for module in pkgutil.walk_packages(rumbo.__path__, "rumbo."):
        if ".tests" in module.name or ".migrations" in module.name:
            continue
        if not apps.is_installed(".".join(module.name.split(".")[:2])):
            continue  # an app being written, not yet in INSTALLED_APPS
        importlib.import_module(module.name)
        names.append(module.name)
    return names
