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
