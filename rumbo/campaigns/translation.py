from modeltranslation.translator import TranslationOptions, register

from rumbo.campaigns.models import Campaign, LandingBlock, Material, NewsItem, Programme


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("summary", "programme", "slogan")


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(LandingBlock)
class LandingBlockTranslationOptions(TranslationOptions):
    fields = ("title", "body")


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title", "description", "transcript")


@register(NewsItem)
class NewsItemTranslationOptions(TranslationOptions):
    fields = ("title", "body")
