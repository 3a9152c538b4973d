from modeltranslation.translator import TranslationOptions, register

from rumbo.infopoints.models import HoursException, InfoPoint, Phone, Service


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(InfoPoint)
class InfoPointTranslationOptions(TranslationOptions):
    fields = ("description", "accessibility")


@register(Phone)
class PhoneTranslationOptions(TranslationOptions):
    fields = ("description",)


@register(HoursException)
class HoursExceptionTranslationOptions(TranslationOptions):
    fields = ("description",)
