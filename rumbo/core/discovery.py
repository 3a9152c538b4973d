"""Each Rumbo app's optional module of a given name (`public_pages`, `demo`, `api`), found
so that no central list has to be edited when an app grows.

Django's `autodiscover_modules` imports such modules in every installed app but returns
nothing; here the callers need the modules themselves, and only Rumbo's own apps (a
third-party app may well have a `demo` or `api` module of its own).
"""

from importlib import import_module
from types import ModuleType

from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule


def app_module_list(name: str) -> list[tuple[AppConfig, ModuleType]]:
    """(app config, module) for each Rumbo app that has a module `name`, in the order of
    INSTALLED_APPS (demo data depends on it: places before the guides that name them)."""
    return [
        (config, import_module(f"{config.name}.{name}"))
        for config in apps.get_app_configs()
        if config.name.startswith("rumbo.") and module_has_submodule(config.module, name)
    ]
