from modeltranslation.translator import TranslationOptions, register

from rumbo.guides.models import (
    Article,
    Document,
    DocumentIssuance,
    EligibilityRule,
    Office,
    Pathway,
    PathwayStep,
    Source,
)


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("title", "publisher")


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(DocumentIssuance)
class DocumentIssuanceTranslationOptions(TranslationOptions):
    fields = ("local_name", "cost", "processing_time", "what_to_bring")


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "opening_notes")


@register(Pathway)
class PathwayTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "cost", "processing_time")


@register(PathwayStep)
class PathwayStepTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(EligibilityRule)
class EligibilityRuleTranslationOptions(TranslationOptions):
    fields = ("unmet_message",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
