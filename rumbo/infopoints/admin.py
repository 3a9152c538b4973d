from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from rumbo.core.admin import SafeAutocompleteMixin
from rumbo.core.downloads import download_response
from rumbo.core.forms import Utf8FormMixin
from rumbo.core.uploads import UploadError, upload_read
from rumbo.infopoints import selectors, services
from rumbo.infopoints.hsds_files import HSDS_LIMITS, export_zip
from rumbo.infopoints.hsds_import import HsdsImportRefused, hsds_import_upload
from rumbo.infopoints.models import (
    HoursException,
    InfoPoint,
    InfoPointLanguage,
    InfoPointService,
    OpeningHours,
    OverdueInfoPoint,
    Phone,
    Service,
)


@admin.register(Service)
class ServiceAdmin(TranslationAdmin):
    list_display = ["name", "code", "order"]
    search_fields = ["code", "name"]
    readonly_fields = ["uuid"]

    def get_readonly_fields(self, request, obj=None):
        # A code is a URL filter and an HSDS taxonomy term: fixed once created.
        return ["uuid", "code"] if obj else ["uuid"]


class PhoneInline(TranslationTabularInline):
    model = Phone
    extra = 0
    fields = ["number", "extension", "kind", "whatsapp", "description", "order"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class HoursExceptionInline(TranslationTabularInline):
    model = HoursException
    extra = 0
    fields = ["kind", "starts_on", "ends_on", "opens", "closes", "description"]


class ServiceInline(admin.TabularInline):
    # The links hold their HSDS id (computed when saved), so they are edited as rows.
    model = InfoPointService
    extra = 0
    fields = ["service"]
    verbose_name = _("service")
    verbose_name_plural = _("services")


class LanguageInline(admin.TabularInline):
    model = InfoPointLanguage
    extra = 0


class ConfirmationFilter(admin.SimpleListFilter):
    title = _("confirmation")
    parameter_name = "confirmation"

    def lookups(self, request, model_admin):
        return [("overdue", _("Overdue")), ("current", _("Up to date"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.filter(selectors.info_point_overdue_filter())
        if self.value() == "current":
            return queryset.exclude(selectors.info_point_overdue_filter())
        return queryset


@admin.action(description=_("Mark as confirmed today"))
def confirm_today(modeladmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = services.info_point_confirm_many(point_ids=list(queryset.values_list("pk", flat=True)))
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d point marked as confirmed.", "%(count)d points marked as confirmed.", count
        )
        % {"count": count},
        messages.SUCCESS,
    )


@admin.register(InfoPoint)
class InfoPointAdmin(SafeAutocompleteMixin, TranslationAdmin):
    list_display = ["name", "organisation", "place", "status", "last_confirmed", "is_demo"]
    list_filter = ["status", ConfirmationFilter, "place__country", "services", "is_demo"]
    list_select_related = ["organisation", "place"]
    search_fields = ["name", "slug", "address", "place__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation", "place"]
    readonly_fields = ["uuid", "updated_at"]
    inlines = [ServiceInline, PhoneInline, OpeningHoursInline, HoursExceptionInline, LanguageInline]
    actions = [confirm_today]
    date_hierarchy = "last_confirmed"
    change_list_template = "admin/infopoints/infopoint_change_list.html"

    def get_urls(self):
        return [
            path(
                "hsds-export/",
                self.admin_site.admin_view(_hsds_export_view),
                name="infopoints_hsds_export",
            ),
            path(
                "hsds-import/",
                self.admin_site.admin_view(_hsds_import_view),
                name="infopoints_hsds_import",
            ),
            *super().get_urls(),
        ]


@admin.register(OverdueInfoPoint)
class OverdueInfoPointAdmin(admin.ModelAdmin):
    """The queue of points to call: never confirmed first, then the longest unconfirmed."""

    list_display = ["name", "organisation", "place", "last_confirmed", "email"]
    list_select_related = ["organisation", "place"]
    search_fields = ["name", "organisation__name"]
    actions = [confirm_today]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return selectors.info_point_list_overdue().select_related("organisation", "place")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class HsdsImportForm(Utf8FormMixin, forms.Form):
    file = forms.FileField(
        label=_("HSDS export (zip)"),
        help_text=_("A zip written by Rumbo's HSDS export, or in the same layout."),
    )


def _hsds_export_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("infopoints.view_infopoint"):
        raise PermissionDenied
    return download_response(
        export_zip(),
        filename=f"rumbo-hsds-{timezone.localdate().isoformat()}.zip",
        content_type="application/zip",
    )


def _hsds_import_view(request: HttpRequest) -> HttpResponse:
    if not (
        request.user.has_perm("infopoints.add_infopoint")
        and request.user.has_perm("infopoints.change_infopoint")
    ):
        raise PermissionDenied
    errors: list[str] = []
    form = HsdsImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = hsds_import_upload(
                data=upload_read(file=upload, name=str(_("HSDS export")), limits=HSDS_LIMITS)
            )
        except HsdsImportRefused as refused:
            errors = refused.report.errors
        except UploadError as error:
            errors = [error.message]
        else:
            messages.success(
                request,
                _("Imported %(points)d information points.") % {"points": report.points},
            )
            return HttpResponseRedirect(reverse("admin:infopoints_infopoint_changelist"))
    if request.method == "POST":
        status = 400
    context = admin.site.each_context(request) | {
        "title": _("Import information points (HSDS 3.0)"),
        "form": form,
        "import_errors": errors,
    }
    return TemplateResponse(request, "admin/infopoints/hsds_import.html", context, status=status)
