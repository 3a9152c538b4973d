from django.contrib import admin

from rumbo.casework.models import StaffRole

# Only roles are edited here. Records with personal data are deliberately not registered:
# the admin would read them without the per-point filters and without audit entries.


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "info_point", "country"]
    list_filter = ["role", "country"]
    search_fields = ["user__email", "info_point__name"]
    raw_id_fields = ["user", "info_point"]
