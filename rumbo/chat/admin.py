"""Channels and chat texts are configured here. Conversations and hand-offs are not listed:
they hold personal data, read only by the staff of their point (the chat inbox)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from rumbo.chat.models import Channel, ChatText, DailyCount
from rumbo.chat.texts import DEFAULTS
from rumbo.core.admin import SafeAutocompleteMixin


@admin.register(Channel)
class ChannelAdmin(SafeAutocompleteMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "campaign", "credentials", "is_active", "webhook"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "slug"]
    autocomplete_fields = ["campaign"]

    @admin.display(description=_("webhook address"))
    def webhook(self, channel: Channel) -> str:
        return reverse("chat:webhook", kwargs={"slug": channel.slug})


@admin.register(ChatText)
class ChatTextAdmin(TranslationAdmin):
    list_display = ["key", "default", "updated_at"]
    search_fields = ["key", "text"]

    @admin.display(description=_("default (Spanish)"))
    def default(self, row: ChatText) -> str:
        return DEFAULTS.get(row.key, ("",))[0]

    def changelist_view(self, request, extra_context=None):
        extra_context = (extra_context or {}) | {
            "title": format_html(
                '{} (<a href="{}">{}</a>)',
                _("Chat texts"),
                reverse("chat:text_preview"),
                _("preview per channel"),
            )
        }
        return super().changelist_view(request, extra_context)


@admin.register(DailyCount)
class DailyCountAdmin(admin.ModelAdmin):
    list_display = ["day", "channel_kind", "campaign", "metric", "count"]
    list_filter = ["channel_kind", "metric"]
    date_hierarchy = "day"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
