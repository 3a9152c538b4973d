"""The staff simulator: a channel with no provider. "Sending" appends to the transcript kept
in the cache for one hour, which the simulator page shows; everything else (the queue, the
engine, the outgoing rows) is the same as for a real channel."""

from __future__ import annotations

import json

from django.core.cache import cache
from django.http import QueryDict

from rumbo.chat.channels.base import Parsed, Request, SendResult
from rumbo.chat.messages import Outbound
from rumbo.chat.models import Channel

TRANSCRIPT_SECONDS = 3600
TRANSCRIPT_MAX = 60


def transcript_key(address: str) -> str:
    return f"chat:simulator:{address}"


def transcript(address: str) -> list[dict]:
    return cache.get(transcript_key(address)) or []


def transcript_add(address: str, entry: dict) -> None:
    entries = transcript(address)[-TRANSCRIPT_MAX + 1 :] + [entry]
    cache.set(transcript_key(address), entries, TRANSCRIPT_SECONDS)


def transcript_clear(address: str) -> None:
    cache.delete(transcript_key(address))


def verify(channel: Channel, body: bytes, headers, post: QueryDict, url: str) -> bool:
    return False  # no webhook: the simulator page calls the service directly


def parse(channel: Channel, body: bytes, post: QueryDict) -> Parsed:
    return Parsed()


def render(
    channel: Channel, address: str, outbound: Outbound, *, window: bool, conversation=None
) -> list[Request]:
    body = {
        "to": address,
        "text": outbound.full_text,
        "options": [[option.id, option.title] for option in outbound.options],
        "document": outbound.document_url,
        "ask_location": outbound.ask_location,
    }
    return [Request("/simulator", body)]


def send(channel: Channel, request: Request) -> SendResult:
    body = dict(request.body)
    transcript_add(body.pop("to"), {"from": "rumbo", **body})
    return SendResult(True, provider_id=json.dumps(len(body["text"])))
