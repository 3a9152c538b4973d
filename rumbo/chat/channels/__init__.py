"""Channel adapters: each turns a provider's webhook into Inbound messages and Outbound
messages into the provider's API requests, following the provider's documented contract.
Each module offers verify, parse, render and send."""

from importlib import import_module
from types import ModuleType

KINDS = ("whatsapp", "telegram", "sms", "simulator")


def adapter_for(kind: str) -> ModuleType:
    if kind not in KINDS:
        raise LookupError(kind)
    return import_module(f"rumbo.chat.channels.{kind}")
