from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rumbo.core.models import Country, Job, Organisation, Place


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["code", "name", "role"]
    list_filter = ["role"]
    search_fields = ["code", "name"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "country", "population"]
    list_filter = ["country", "kind"]
    search_fields = ["name_folded", "name", "code"]
    list_select_related = ["parent", "country"]
    raw_id_fields = ["parent"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "kind", "country", "is_partner", "is_funder", "is_demo"]
    list_filter = ["kind", "country", "is_partner", "is_funder", "is_demo"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["kind", "status", "done", "total", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [field.name for field in Job._meta.fields]

    def has_add_permission(self, request):
        return False
