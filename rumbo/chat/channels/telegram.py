"""Telegram Bot API.

Webhook: set with setWebhook(url, secret_token); every call carries the secret in the
X-Telegram-Bot-Api-Secret-Token header. The body is one Update: update_id (unique, growing),
message (text, location, or a sticker/photo/voice/document...) or callback_query (an inline
keyboard button: id, data, message.chat.id). Sending: POST {base}/bot<token>/sendMessage
(text up to 4096 characters, reply_markup.inline_keyboard of buttons with callback_data up to
64 bytes, or a one-time keyboard asking for the location), sendDocument by URL. The webhook
may answer with one method call in its body: answerCallbackQuery stops the button's spinner.
"""

from __future__ import annotations

import datetime
import hmac
import json
from typing import Any

from django.conf import settings
from django.http import QueryDict

from rumbo.chat.channels.base import Parsed, Request, SendResult, transient
from rumbo.chat.http import http_post
from rumbo.chat.messages import Inbound, InboundKind, Outbound
from rumbo.chat.models import Channel

TEXT_MAX = 4096
CALLBACK_DATA_MAX = 64
MEDIA = ("photo", "sticker", "voice", "audio", "video", "video_note", "document", "animation")


def verify(channel: Channel, body: bytes, headers, post: QueryDict, url: str) -> bool:
    expected = channel.secret("WEBHOOK_SECRET")
    given = headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    return bool(expected and given) and hmac.compare_digest(given.encode(), expected.encode())


def _message_inbound(message: dict, update_id: str) -> Inbound:
    date = message.get("date")
    common: dict[str, Any] = {
        "provider_id": update_id,
        "sent_at": (
            datetime.datetime.fromtimestamp(date, tz=datetime.UTC)
            if isinstance(date, int)
            else None
        ),
        "language_hint": str((message.get("from") or {}).get("language_code", ""))[:8],
    }
    if isinstance(message.get("text"), str):
        return Inbound(InboundKind.TEXT, text=message["text"], **common)
    location = message.get("location")
    if isinstance(location, dict):
        try:
            return Inbound(
                InboundKind.LOCATION,
                latitude=float(location["latitude"]),
                longitude=float(location["longitude"]),
                **common,
            )
        except (KeyError, TypeError, ValueError):
            pass
    if any(key in message for key in MEDIA):
        return Inbound(InboundKind.MEDIA, **common)
    return Inbound(InboundKind.UNSUPPORTED, **common)


def parse(channel: Channel, body: bytes, post: QueryDict) -> Parsed:
    parsed = Parsed()
    try:
        _parse_update(json.loads(body), parsed)
    except (ValueError, AttributeError, TypeError, KeyError):
        pass  # a body not shaped as documented: what was read so far is kept
    return parsed


def _parse_update(update: object, parsed: Parsed) -> None:
    if not isinstance(update, dict) or "update_id" not in update:
        return
    update_id = str(update["update_id"])
    message = update.get("message")
    if isinstance(message, dict) and isinstance(message.get("chat"), dict):
        chat_id = str(message["chat"].get("id", ""))
        if chat_id:
            parsed.messages.append((chat_id, _message_inbound(message, update_id)))
    query = update.get("callback_query")
    if isinstance(query, dict):
        chat = ((query.get("message") or {}).get("chat") or {}).get("id")
        if chat is not None and isinstance(query.get("data"), str):
            inbound = Inbound(
                InboundKind.CHOICE,
                choice=query["data"],
                provider_id=update_id,
                language_hint=str((query.get("from") or {}).get("language_code", ""))[:8],
            )
            parsed.messages.append((str(chat), inbound))
        if query.get("id"):
            parsed.reply = {"method": "answerCallbackQuery", "callback_query_id": str(query["id"])}


def render(
    channel: Channel, address: str, outbound: Outbound, *, window: bool, conversation=None
) -> list[Request]:
    requests = []
    content = outbound.full_text
    markup: dict | None = None
    options = [o for o in outbound.options if len(o.id.encode()) <= CALLBACK_DATA_MAX]
    if options:
        markup = {"inline_keyboard": [[{"text": o.title, "callback_data": o.id}] for o in options]}
    elif outbound.ask_location:
        markup = {
            "keyboard": [[{"text": "📍", "request_location": True}]],
            "one_time_keyboard": True,
            "resize_keyboard": True,
        }
    chunks = [content[i : i + TEXT_MAX] for i in range(0, len(content), TEXT_MAX)] or []
    for index, chunk in enumerate(chunks):
        body: dict = {"chat_id": address, "text": chunk}
        if markup and index == len(chunks) - 1:
            body["reply_markup"] = markup
        requests.append(Request("/sendMessage", body))
    if outbound.document_url:
        requests.append(
            Request("/sendDocument", {"chat_id": address, "document": outbound.document_url})
        )
    return requests


def send(channel: Channel, request: Request) -> SendResult:
    result = http_post(
        base=settings.RUMBO_CHAT_TELEGRAM_API,
        path=f"/bot{channel.secret('TOKEN')}{request.path}",
        data=json.dumps(request.body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        answer = json.loads(result.body or b"{}")
    except ValueError:
        answer = {}
    if result.status == 200 and answer.get("ok"):
        return SendResult(True, provider_id=str((answer.get("result") or {}).get("message_id", "")))
    if transient(result):
        retry = (
            (answer.get("parameters") or {}).get("retry_after")
            if isinstance(answer, dict)
            else None
        )
        return SendResult(False, retry_after=float(retry) if isinstance(retry, int) else 0)
    return SendResult(False)
