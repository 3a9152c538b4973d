from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


class PlansConfig(AppConfig):
    name = "rumbo.plans"
    label = "plans"
    verbose_name = _("Plan your life")
    site_section = Section(
        url_name="plans:landing",
        title=_("Plan your life"),
        summary=_(
            "Answer a few questions and get your own plan: the regular ways open to you "
            "and the documents to get, and where."
        ),
        order=20,
    )

    def ready(self) -> None:
        from rumbo.core.kept import clear_on_change
        from rumbo.core.models import Country
        from rumbo.plans.engine import flow_cache_clear
        from rumbo.plans.models import Choice, Condition, Question, Questionnaire

        # A questionnaire edited in the admin shows at once in this process (others reload
        # it within engine.CACHE_SECONDS).
        clear_on_change(
            flow_cache_clear,
            models=[Questionnaire, Question, Choice, Condition, Country],
            name="plans-questionnaire",
        )
