import datetime
from collections.abc import Mapping
from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from rumbo.guides.models import (
    Article,
    Document,
    DocumentIssuance,
    EligibilityRule,
    Office,
    Pathway,
    PathwayStep,
    Source,
    content_stale_before,
)
from rumbo.guides.services import search_index_update

# Editors paste addresses without a scheme; assume https, as every official source uses it.
HTTPS_URLS: Mapping[type[models.Field], Mapping[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class ReviewQueueFilter(admin.SimpleListFilter):
    """The review queue: records verified longer ago than RUMBO_CONTENT_MAX_AGE_DAYS."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("stale", _("Content to review (may be out of date)")), ("fresh", _("Up to date"))]

    def queryset(self, request, queryset):
        cutoff: datetime.date = content_stale_before()
        if self.value() == "stale":
            return queryset.filter(last_verified__lt=cutoff)
        if self.value() == "fresh":
            return queryset.filter(last_verified__gte=cutoff)
        return queryset


class VerifiedAdmin(TranslationAdmin):
    """Shared by every record shown to the public: review queue filter, search re-indexing."""

    list_filter = [ReviewQueueFilter, "is_demo"]
    filter_horizontal = ["sources"]
    date_hierarchy = "last_verified"

    @admin.display(boolean=True, description=_("may be out of date"))
    def stale(self, obj) -> bool:
        return obj.is_stale

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # After the M2M and inlines are saved, so the index sees the final record.
        search_index_update(instance=form.instance)


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "publisher", "url", "accessed_on", "is_demo"]
    list_filter = ["publisher", "is_demo"]
    search_fields = ["title", "publisher", "url"]


class PathwayStepInline(TranslationTabularInline):
    model = PathwayStep
    extra = 0


class EligibilityRuleInline(TranslationTabularInline):
    model = EligibilityRule
    extra = 0


@admin.register(Pathway)
class PathwayAdmin(VerifiedAdmin):
    list_display = ["title", "kind", "destination", "last_verified", "stale", "is_demo"]
    list_filter = [ReviewQueueFilter, "kind", "destination", "origin_countries", "is_demo"]
    list_select_related = ["destination"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources", "origin_countries", "documents"]
    inlines = [EligibilityRuleInline, PathwayStepInline]


class OfficeInline(TranslationStackedInline):
    model = Office
    extra = 0
    raw_id_fields = ["place"]


@admin.register(DocumentIssuance)
class DocumentIssuanceAdmin(VerifiedAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["document", "country", "institution", "last_verified", "stale", "is_demo"]
    list_filter = [ReviewQueueFilter, "country", "document", "is_demo"]
    list_select_related = ["document", "country", "institution"]
    search_fields = ["document__name", "local_name", "institution__name"]
    inlines = [OfficeInline]

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        search_index_update(instance=form.instance.document)


class DocumentIssuanceInline(TranslationStackedInline):
    formfield_overrides = HTTPS_URLS
    model = DocumentIssuance
    extra = 0
    filter_horizontal = ["sources"]
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["name", "kind", "slug", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DocumentIssuanceInline]

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        search_index_update(instance=form.instance)


@admin.register(Article)
class ArticleAdmin(VerifiedAdmin):
    list_display = ["title", "kind", "last_verified", "stale", "is_demo"]
    list_filter = [ReviewQueueFilter, "kind", "countries", "is_demo"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources", "countries"]
