from django.contrib import admin

from rumbo.measurement.models import DailyCount, Indicator, SocialResult, TrackedLink


@admin.register(TrackedLink)
class TrackedLinkAdmin(admin.ModelAdmin):
    list_display = ["code", "campaign", "kind", "label", "target", "is_active", "is_demo"]
    list_filter = ["campaign", "kind", "is_active", "is_demo"]
    search_fields = ["code", "label", "target"]
    raw_id_fields = ["partner"]

    def get_readonly_fields(self, request, obj=None):
        # The code is printed on posters and read on the radio: it cannot change.
        return ["code"] if obj is not None else []


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "measure", "target", "is_demo"]
    list_filter = ["measure", "is_demo"]


@admin.register(SocialResult)
class SocialResultAdmin(admin.ModelAdmin):
    list_display = ["platform", "post_id", "day", "campaign", "reach", "impressions", "engagements"]
    list_filter = ["platform", "campaign", "is_demo"]
    date_hierarchy = "day"


@admin.register(DailyCount)
class DailyCountAdmin(admin.ModelAdmin):
    """Read only: counts are written by the counters, never by hand."""

    list_display = ["day", "site", "country", "metric", "key", "count"]
    list_filter = ["metric", "site", "is_demo"]
    date_hierarchy = "day"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
