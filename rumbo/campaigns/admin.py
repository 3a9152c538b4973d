from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rumbo.campaigns.models import Campaign


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    list_display = ["name", "country", "launched_on", "is_demo"]
    list_filter = ["country", "is_demo"]
    search_fields = ["name", "hashtag"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["implementers", "funders"]
