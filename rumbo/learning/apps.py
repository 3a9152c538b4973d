from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


class LearningConfig(AppConfig):
    name = "rumbo.learning"
    label = "learning"
    verbose_name = _("E-Campus")
    site_section = Section(
        url_name="learning:catalogue",
        title=_("E-Campus"),
        summary=_("Free online courses on migration, with a certificate at the end."),
        order=80,
    )
