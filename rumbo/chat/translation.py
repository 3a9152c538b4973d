from modeltranslation.translator import TranslationOptions, register

from rumbo.chat.models import ChatText


@register(ChatText)
class ChatTextTranslationOptions(TranslationOptions):
    fields = ("text",)
