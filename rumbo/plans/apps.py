from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


def _questionnaire_changed(**kwargs) -> None:
    from rumbo.plans.engine import flow_cache_clear

    flow_cache_clear()
    # Again once the change is committed: another thread may have loaded the old rows since.
    transaction.on_commit(flow_cache_clear)


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
        from rumbo.core.models import Country
        from rumbo.plans.models import Choice, Condition, Question, Questionnaire

        # A questionnaire edited in the admin shows at once in this process (others reload
        # it within engine.CACHE_SECONDS).
        for model in (Questionnaire, Question, Choice, Condition, Country):
            post_save.connect(_questionnaire_changed, sender=model, dispatch_uid=f"plans-{model}")
            post_delete.connect(
                _questionnaire_changed, sender=model, dispatch_uid=f"plans-del-{model}"
            )
