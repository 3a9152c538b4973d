from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from rumbo.accounts.forms import AdminLoginForm
from rumbo.accounts.models import User


class RumboAdminSite(OTPAdminSite):
    """The admin asks for the second factor too: content managers are staff like the others."""

    login_form = AdminLoginForm


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "username", "full_name", "is_staff", "is_active"]
    search_fields = ["email", "username", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "username", "password"]}),
        (_("Personal information"), {"fields": ["full_name"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
