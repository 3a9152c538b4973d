from modeltranslation.translator import TranslationOptions, register

from rumbo.learning.models import Course, Facilitator


@register(Facilitator)
class FacilitatorTranslationOptions(TranslationOptions):
    fields = ("bio",)


@register(Course)
class CourseTranslationOptions(TranslationOptions):
    fields = ("audience",)
