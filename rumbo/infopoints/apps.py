from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


class InfopointsConfig(AppConfig):
    name = "rumbo.infopoints"
    label = "infopoints"
    verbose_name = _("Information points")
    site_section = Section(
        url_name="infopoints:list",
        title=_("Information points"),
        summary=_("Find the nearest place that gives free advice, open now, in your language."),
        order=30,
    )
