from modeltranslation.translator import TranslationOptions, register

from rumbo.campaigns.models import Campaign


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("summary", "programme")
