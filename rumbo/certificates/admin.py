from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rumbo.certificates.models import Certificate, CourseIssuer, Issuer
from rumbo.certificates.services import REVOCATION_REASON_MAX, CertificateError, certificate_revoke
from rumbo.core.forms import Utf8FormMixin


class CourseIssuerInline(admin.TabularInline):
    model = CourseIssuer
    extra = 0
    raw_id_fields = ["course"]


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["name", "signatory_name", "is_default", "is_demo"]
    search_fields = ["name", "signatory_name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["organisation"]
    inlines = [CourseIssuerInline]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        # The identifier is part of the issuer's address in every credential it issued.
        return ["slug"] if obj is not None else []

    def get_prepopulated_fields(self, request: HttpRequest, obj=None) -> dict:
        return {} if obj is not None else {"slug": ["name"]}


class RevokeForm(Utf8FormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown on the verification page"),
        max_length=REVOCATION_REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["display_code", "learner_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["language", "issuer", "is_demo"]
    search_fields = ["code", "learner_name", "course_title"]
    date_hierarchy = "issued_at"
    actions = ["revoke"]
    readonly_fields = [
        "code",
        "enrolment",
        "learner_name",
        "course_title",
        "language",
        "completed_at",
        "hours",
        "score",
        "issuer",
        "issuer_name",
        "signatory_name",
        "signatory_title",
        "issued_at",
        "revoked_at",
        "revocation_reason",
        "is_demo",
    ]
    exclude = ["credential"]

    # Certificates are issued by the completion rule and revoked with a reason, never edited
    # or deleted by hand: what was certified must stay as it was.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description=_("Revoke the selected certificates"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[Certificate]) -> HttpResponse | None:
        form = RevokeForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            revoked = 0
            for certificate in queryset:
                try:
                    certificate_revoke(
                        certificate=certificate,
                        actor=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                except CertificateError as error:
                    self.message_user(request, f"{certificate}: {error.message}", messages.WARNING)
                else:
                    revoked += 1
            self.message_user(
                request,
                ngettext(
                    "%(count)s certificate revoked.", "%(count)s certificates revoked.", revoked
                )
                % {"count": revoked},
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "certificates/admin_revoke.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Revoke certificates"),
                "form": form,
                "certificates": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )
