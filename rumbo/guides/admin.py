from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from rumbo.core.forms import Utf8FormMixin
from rumbo.guides.models import (
    Article,
    Document,
    DocumentIssuance,
    EligibilityRule,
    LinkCheck,
    Office,
    Pathway,
    PathwayStep,
    Source,
    stale_q,
)
from rumbo.guides.review import review_queue
from rumbo.guides.services import (
    VERIFICATION_FIELDS,
    fact_verification_clear,
    fact_verify,
    search_index_update,
)

# Editors paste addresses without a scheme; assume https, as every official source uses it.
HTTPS_URLS: Mapping[type[models.Field], Mapping[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class ReviewQueueFilter(admin.SimpleListFilter):
    """Never verified, due for re-verification (RUMBO_CONTENT_MAX_AGE_DAYS, or the shorter
    RUMBO_HIGH_RISK_MAX_AGE_DAYS for high-risk facts), or up to date."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("unverified", _("Not yet verified")),
            ("stale", _("Content to review (may be out of date)")),
            ("fresh", _("Up to date")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unverified":
            return queryset.filter(last_verified__isnull=True)
        if self.value() == "stale":
            return queryset.filter(stale_q())
        if self.value() == "fresh":
            return queryset.exclude(stale_q())
        return queryset


class VerifyForm(Utf8FormMixin, forms.Form):
    against = forms.CharField(
        label=_("Date or version of the source you checked"),
        max_length=200,
        help_text=_('E.g. "89 FR 88799", "page updated 3 March 2025".'),
    )
    checked = forms.BooleanField(
        label=_("I checked every statement of this record against the cited sources."),
    )


class VerifiedAdmin(TranslationAdmin):
    """Shared by every record shown to the public: review queue filter, search re-indexing,
    and the "verify" page, the only way a record becomes verified (services.fact_verify)."""

    list_filter = [ReviewQueueFilter, "high_risk", "is_demo"]
    filter_horizontal = ["sources"]
    # Never verified first, then the longest since verification.
    ordering = [F("last_verified").asc(nulls_first=True)]
    readonly_fields = ["verification", *sorted(VERIFICATION_FIELDS)]
    change_list_template = "admin/guides/verified_change_list.html"

    @admin.display(boolean=True, description=_("may be out of date"))
    def stale(self, obj) -> bool:
        return obj.is_stale

    @admin.display(description=_("verification"))
    def verification(self, obj) -> str:
        if obj.pk is None:
            return str(_("Not yet verified"))
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_verify", args=[obj.pk])
        state = obj.last_verified or _("Not yet verified")
        return format_html('{} · <a href="{}">{}</a>', state, url, _("Verify against sources"))

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<int:object_id>/verify/",
                self.admin_site.admin_view(self.verify_view),
                name=f"{opts.app_label}_{opts.model_name}_verify",
            ),
            *super().get_urls(),
        ]

    def verify_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        record = get_object_or_404(self.model, pk=object_id)
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        form = VerifyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                fact_verify(
                    record=record, editor=request.user, against=form.cleaned_data["against"]
                )
            except ValidationError as error:
                form.add_error("against", error.messages)
            else:
                messages.success(request, _("Marked verified."))
                opts = self.model._meta
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Verify against sources"),
            "record": record,
            "form": form,
        }
        return TemplateResponse(request, "admin/guides/verify.html", context)

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # After the M2M and inlines are saved, so the index sees the final record.
        search_index_update(instance=form.instance)
        # What was verified is no longer what the page says: it must be verified again.
        edited = form.has_changed() or any(formset.has_changed() for formset in formsets)
        if change and edited and fact_verification_clear(record=form.instance):
            messages.warning(
                request, _("The content changed, so it is not verified any more: verify it again.")
            )


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "publisher", "url", "published_on", "edition", "is_demo"]
    list_filter = ["publisher", "is_demo"]
    search_fields = ["title", "publisher", "url"]


class PathwayStepInline(TranslationTabularInline):
    model = PathwayStep
    extra = 0


class EligibilityRuleInline(TranslationTabularInline):
    model = EligibilityRule
    extra = 0


@admin.register(Pathway)
class PathwayAdmin(VerifiedAdmin):
    list_display = ["title", "kind", "destination", "last_verified", "stale", "high_risk"]
    list_filter = [ReviewQueueFilter, "high_risk", "kind", "destination", "is_demo"]
    list_select_related = ["destination"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources", "origin_countries", "documents"]
    inlines = [EligibilityRuleInline, PathwayStepInline]

    def get_urls(self):
        # The review queue spans pathways, issuances and articles; it lives here so it is
        # served by the admin with its login and second factor, at /admin/guides/pathway/review/.
        return [
            path(
                "review/",
                self.admin_site.admin_view(self.review_queue_view),
                name="guides_review_queue",
            ),
            *super().get_urls(),
        ]

    def review_queue_view(self, request: HttpRequest) -> HttpResponse:
        """Unverified facts first, then those due or citing a broken or moved link; within
        each, the facts most plans use first (rumbo.guides.review)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = []
        for item in review_queue():
            opts = item.record._meta
            verify_url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_verify", args=[item.record.pk]
            )
            rows.append((item, opts.verbose_name, verify_url))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Review queue"),
            "rows": rows,
        }
        return TemplateResponse(request, "admin/guides/review_queue.html", context)


class OfficeInline(TranslationStackedInline):
    model = Office
    extra = 0
    raw_id_fields = ["place"]


@admin.register(DocumentIssuance)
class DocumentIssuanceAdmin(VerifiedAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["document", "country", "institution", "last_verified", "stale", "high_risk"]
    list_filter = [ReviewQueueFilter, "high_risk", "country", "document", "is_demo"]
    list_select_related = ["document", "country", "institution"]
    search_fields = ["document__name", "local_name", "institution__name"]
    inlines = [OfficeInline]

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        search_index_update(instance=form.instance.document)


class DocumentIssuanceInline(TranslationStackedInline):
    formfield_overrides = HTTPS_URLS
    model = DocumentIssuance
    extra = 0
    filter_horizontal = ["sources"]
    show_change_link = True
    # Verified on the issuance's own page, never from the document's.
    readonly_fields = sorted(VERIFICATION_FIELDS)


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["name", "kind", "slug", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DocumentIssuanceInline]

    def save_related(self, request: HttpRequest, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        search_index_update(instance=form.instance)
        # An issuance edited from its document's page must be verified again too.
        for formset in formsets:
            for inline_form in formset.forms:
                instance = inline_form.instance
                if inline_form.has_changed() and isinstance(instance, DocumentIssuance):
                    if instance.pk and fact_verification_clear(record=instance):
                        messages.warning(
                            request,
                            _("%(record)s changed, so it is not verified any more.")
                            % {"record": instance},
                        )


@admin.register(Article)
class ArticleAdmin(VerifiedAdmin):
    list_display = ["title", "kind", "last_verified", "stale", "high_risk"]
    list_filter = [ReviewQueueFilter, "high_risk", "kind", "is_demo"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources", "countries"]


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """Results of the official-link check (links.py); written by the checker only."""

    list_display = ["url", "outcome", "status", "final_url", "checked_at"]
    list_filter = ["outcome"]
    search_fields = ["url", "final_url"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
