from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "rumbo.core"
    label = "core"
    verbose_name = _("Countries, places and organisations")

    def ready(self) -> None:
        from rumbo.core import lookups  # noqa: F401 - registers the integer `__in` lookup
