"""Demo chat: the simulator channel and a WhatsApp, Telegram and SMS channel whose demo
credentials (RUMBO_CHAT_SECRET_DEMO_*) are not set, so their webhooks refuse every call
until real ones are configured (docs/channels.md). Idempotent; every record marked demo."""

from rumbo.chat.models import Channel

CHANNELS = [
    ("simulator", Channel.Kind.SIMULATOR, "Simulator", "", ""),
    ("whatsapp-demo", Channel.Kind.WHATSAPP, "WhatsApp (demo)", "100000000000001", ""),
    ("telegram-demo", Channel.Kind.TELEGRAM, "Telegram (demo)", "", ""),
    (
        "sms-demo",
        Channel.Kind.SMS,
        "SMS (demo)",
        "AC00000000000000000000000000000000",
        "+50400000000",
    ),
]


def load() -> list[str]:
    for slug, kind, name, account, sender in CHANNELS:
        Channel.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name": name,
                "account": account,
                "sender": sender,
                "credentials": "" if kind == Channel.Kind.SIMULATOR else "DEMO",
                "is_demo": True,
            },
        )
    return ["Chat simulator (staff): /chat/simulator/"]
