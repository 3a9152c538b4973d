from django.apps import AppConfig
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from rumbo.core.sections import Section


def _content_changed(**kwargs) -> None:
    from rumbo.guides.catalogue import catalogue_clear

    catalogue_clear()
    # Again once the change is committed: another thread may have loaded the old rows since.
    transaction.on_commit(catalogue_clear)


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
        from django.db.models import Model
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from rumbo.core.models import Country, Organisation, Place

        # Any change to guides content (many-to-many links included: their through models
        # belong to this app), or to the countries, institutions and places it shows, shows
        # at once in this process, in the next plan; other processes reload within
        # catalogue.CACHE_SECONDS.
        watched: list[type[Model]] = [
            *self.get_models(include_auto_created=True),
            Country,
            Organisation,
            Place,
        ]
        for model in watched:
            for name, signal in (
                ("save", post_save),
                ("delete", post_delete),
                ("m2m", m2m_changed),
            ):
                uid = f"guides-catalogue-{name}-{model._meta.label}"
                signal.connect(_content_changed, sender=model, dispatch_uid=uid)
