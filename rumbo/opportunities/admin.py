from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from rumbo.core.admin import SafeAutocompleteMixin
from rumbo.opportunities.models import (
    Correction,
    Opportunity,
    OpportunityLanguage,
    OpportunityRule,
    PartnerMembership,
)


class OpportunityRuleInline(TranslationTabularInline):
    model = OpportunityRule
    extra = 0


class OpportunityLanguageInline(admin.TabularInline):
    model = OpportunityLanguage
    extra = 0


@admin.register(Opportunity)
class OpportunityAdmin(SafeAutocompleteMixin, TranslationAdmin):
    list_display = [
        "title",
        "kind",
        "subkind",
        "provider",
        "country",
        "application_deadline",
        "status",
        "is_demo",
    ]
    list_filter = ["status", "kind", "subkind", "country", "is_free", "is_online", "is_demo"]
    list_select_related = ["provider", "country"]
    search_fields = ["title", "slug", "provider__name"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "application_deadline"
    autocomplete_fields = ["provider"]
    raw_id_fields = ["places", "apply_info_point"]
    filter_horizontal = ["documents"]
    inlines = [OpportunityRuleInline, OpportunityLanguageInline]


@admin.register(PartnerMembership)
class PartnerMembershipAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["user", "organisation", "is_demo", "created_at"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["opportunity"]
    raw_id_fields = ["opportunity", "reviewer"]
