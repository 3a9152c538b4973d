from modeltranslation.translator import TranslationOptions, register

from rumbo.core.models import Country, Organisation


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
