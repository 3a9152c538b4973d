from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from modeltranslation.admin import TranslationAdmin

from rumbo.core.models import Country, Job, Organisation, Place


class _ValidSelectionOnly:
    """Django's autocomplete widgets query the submitted values when an invalid form is shown
    again; a value the key cannot hold ("abc", "1\\x00") made that query a server error. Only
    values of the key's type are looked up: the form itself reports the invalid choice."""

    def optgroups(self, name, value, attr=None):
        key = self.field.remote_field.model._meta.pk  # type: ignore[attr-defined]
        return super().optgroups(name, [v for v in value if _fits(key, v)], attr)  # type: ignore[misc]


def _fits(key, value) -> bool:
    try:
        key.to_python(value)
    except ValidationError:
        return False
    return True


class _SafeAutocompleteSelect(_ValidSelectionOnly, AutocompleteSelect):
    pass


class _SafeAutocompleteSelectMultiple(_ValidSelectionOnly, AutocompleteSelectMultiple):
    pass


class SafeAutocompleteMixin(admin.ModelAdmin):
    """For every ModelAdmin with `autocomplete_fields` (a test checks it is used)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = _SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = _SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


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
