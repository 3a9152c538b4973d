from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


class GuidesConfig(AppConfig):
    name = "rumbo.guides"
    label = "guides"
    verbose_name = _("Regular migration guides")
    site_section = Section(
        url_name="guides:index",
        title=_("Guides"),
        summary=_(
            "Regular ways to migrate, the documents you need and where to get them, "
            "and how to avoid risks."
        ),
        order=22,
    )

    def ready(self) -> None:
        from rumbo.core.kept import clear_on_change
        from rumbo.core.models import Country, Organisation, Place
        from rumbo.guides.catalogue import catalogue_clear

        # Any change to guides content (many-to-many links included: their through models
        # belong to this app), or to the countries, institutions and places it shows, shows
        # at once in this process, in the next plan; other processes reload within
        # catalogue.CACHE_SECONDS.
        clear_on_change(
            catalogue_clear,
            models=[*self.get_models(include_auto_created=True), Country, Organisation, Place],
            name="guides-catalogue",
        )
