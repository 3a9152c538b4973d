from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementConfig(AppConfig):
    name = "rumbo.measurement"
    label = "measurement"
    verbose_name = _("Campaign measurement")

    def ready(self) -> None:
        from rumbo.measurement import signals

        signals.connect()
