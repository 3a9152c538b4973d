"""The campaigns in the Django admin, for administrators and regional communications
officers (domains, roles, partners, programmes). Campaign teams edit their own site in the
campaign pages (views.py, /campaigns/manage/), which are limited to their campaign."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from rumbo.campaigns.models import (
    Campaign,
    CampaignRole,
    LandingBlock,
    LandingRevision,
    Material,
    NewsItem,
    Partnership,
    PressContact,
    Programme,
    SocialChannel,
)
from rumbo.campaigns.svg import svg_sanitise
from rumbo.core.forms import Utf8FormMixin


class CampaignAdminForm(Utf8FormMixin, forms.ModelForm):
    # The admin builds the form's Meta for Campaign (its fields come from CampaignAdmin).
    def clean_logo_svg(self) -> str:
        return svg_sanitise(self.cleaned_data.get("logo_svg") or "")

    def clean_domain(self) -> str | None:
        domain = (self.cleaned_data.get("domain") or "").strip().lower()
        if "/" in domain or ":" in domain:
            raise ValidationError(_("Enter a host name only, such as migrarinformados.example."))
        return domain or None


class PartnershipInlineForm(Utf8FormMixin, forms.ModelForm):
    def clean_logo_svg(self) -> str:
        return svg_sanitise(self.cleaned_data.get("logo_svg") or "")


class PartnershipInline(admin.TabularInline):
    model = Partnership
    form = PartnershipInlineForm
    extra = 0
    raw_id_fields = ["organisation"]


class ChannelInline(admin.TabularInline):
    model = SocialChannel
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    form = CampaignAdminForm
    list_display = ["name", "country", "domain", "launched_on", "is_demo"]
    list_filter = ["country", "is_demo"]
    search_fields = ["name", "hashtag"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["implementers", "funders"]
    inlines = [PartnershipInline, ChannelInline]


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    list_display = ["name", "donor", "starts_on", "ends_on"]
    filter_horizontal = ["countries"]


@admin.register(CampaignRole)
class CampaignRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "campaign"]
    list_filter = ["role", "campaign"]
    raw_id_fields = ["user"]


@admin.register(LandingBlock)
class LandingBlockAdmin(TranslationAdmin):
    list_display = ["title", "campaign", "kind", "order"]
    list_filter = ["campaign"]


@admin.register(LandingRevision)
class LandingRevisionAdmin(admin.ModelAdmin):
    list_display = ["campaign", "created_at", "created_by", "published_at", "published_by"]
    list_filter = ["campaign"]
    readonly_fields = [
        "campaign",
        "content",
        "created_at",
        "created_by",
        "published_at",
        "published_by",
    ]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Material)
class MaterialAdmin(TranslationAdmin):
    list_display = ["title", "campaign", "kind", "size"]
    list_filter = ["campaign", "kind"]
    readonly_fields = ["content_type", "size", "file"]


@admin.register(PressContact)
class PressContactAdmin(admin.ModelAdmin):
    list_display = ["name", "office", "campaign"]
    list_filter = ["campaign"]


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ["title", "campaign", "kind", "published_at"]
    list_filter = ["campaign", "kind"]
    filter_horizontal = ["contacts"]
