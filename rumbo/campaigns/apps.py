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

    def ready(self) -> None:
        from rumbo.campaigns.models import Campaign
        from rumbo.campaigns.sites import campaign_sites_clear
        from rumbo.core.kept import clear_on_change
        from rumbo.core.models import Country

        # A changed theme, slug or domain shows at once in this process; other processes
        # reload within sites.CACHE_SECONDS.
        clear_on_change(campaign_sites_clear, models=[Campaign, Country], name="campaign-sites")
