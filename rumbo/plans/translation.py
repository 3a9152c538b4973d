from modeltranslation.translator import TranslationOptions, register

from rumbo.plans.models import Choice, Question, Questionnaire


@register(Questionnaire)
class QuestionnaireTranslationOptions(TranslationOptions):
    fields = ("title", "introduction")


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help_text")


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("label",)
