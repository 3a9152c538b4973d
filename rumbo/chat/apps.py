from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatConfig(AppConfig):
    name = "rumbo.chat"
    label = "chat"
    verbose_name = _("Chat channels")

    def ready(self) -> None:
        from rumbo.chat.models import ChatText
        from rumbo.chat.texts import texts_cache_clear
        from rumbo.core.kept import clear_on_change

        clear_on_change(texts_cache_clear, models=[ChatText], name="chat-texts")
