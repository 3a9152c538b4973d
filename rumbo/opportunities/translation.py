from modeltranslation.translator import TranslationOptions, register

from rumbo.opportunities.models import Opportunity, OpportunityRule


@register(Opportunity)
class OpportunityTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "cost", "stipend", "how_to_apply")


@register(OpportunityRule)
class OpportunityRuleTranslationOptions(TranslationOptions):
    fields = ("unmet_message",)
