from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


class OpportunitiesConfig(AppConfig):
    name = "rumbo.opportunities"
    label = "opportunities"
    verbose_name = _("Local opportunities")
    site_section = Section(
        url_name="opportunities:list",
        title=_("Opportunities"),
        summary=_("Courses, scholarships, jobs and support to start a business where you live."),
        order=25,
    )
