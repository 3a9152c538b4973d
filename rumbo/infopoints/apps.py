from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfopointsConfig(AppConfig):
    name = "rumbo.infopoints"
    label = "infopoints"
    verbose_name = _("Information points")
