from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


class CampaignsConfig(AppConfig):
    name = "rumbo.campaigns"
    label = "campaigns"
    verbose_name = _("Campaigns")
    site_section = Section(
        url_name="campaigns:list",
        title=_("Campaigns"),
        summary=_("The national campaigns that bring this information to young people."),
        order=90,
    )
