"""Back-office editing: projects (design, members, method note), waves, indicator definitions
and the findings a campaign shows. Responses are imported, never typed in here."""

from django.contrib import admin

from rumbo.research.models import (
    Finding,
    Indicator,
    PopulationTotal,
    ProjectMembership,
    Questionnaire,
    Response,
    SurveyProject,
    Wave,
)


class MembershipInline(admin.TabularInline):
    model = ProjectMembership
    extra = 0
    raw_id_fields = ["user"]


class WaveInline(admin.TabularInline):
    model = Wave
    extra = 0


@admin.register(SurveyProject)
class SurveyProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "design", "is_demo"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["countries"]
    inlines = [WaveInline, MembershipInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "project", "kind", "question", "order"]
    list_filter = ["project", "kind"]
    search_fields = ["name", "slug", "question"]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["campaign", "indicator", "country", "order"]
    list_filter = ["campaign"]
    raw_id_fields = ["indicator"]


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["__str__", "project", "form_id", "version", "imported_at"]
    readonly_fields = ["imported_at"]


@admin.register(PopulationTotal)
class PopulationTotalAdmin(admin.ModelAdmin):
    list_display = ["project", "country", "variable", "value", "total"]
    list_filter = ["project", "country"]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["uuid", "project", "wave", "country", "weight"]
    list_filter = ["project", "wave"]
    search_fields = ["uuid"]
    readonly_fields = ["project", "wave", "uuid", "submitted_at", "answers", "design_weight"]
    show_full_result_count = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False
