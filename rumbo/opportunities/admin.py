from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from rumbo.core.admin import SafeAutocompleteMixin
from rumbo.opportunities.models import Opportunity, OpportunityLanguage, OpportunityRule


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
