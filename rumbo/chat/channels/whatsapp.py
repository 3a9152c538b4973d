"""WhatsApp Business Cloud API (Meta Graph API).

Webhook: a GET handshake (hub.mode=subscribe, hub.verify_token, hub.challenge echoed back),
then POSTs signed with X-Hub-Signature-256: "sha256=" + HMAC-SHA256 of the raw body with the
app secret. Messages arrive in entry[].changes[].value.messages[] (text, interactive
button_reply/list_reply, button, location, image/audio/video/sticker/document...), delivery
statuses in value.statuses[]. Sending: POST {base}/{phone-number-id}/messages with a bearer
token: text (body up to 4096 characters), interactive "button" (up to 3 reply buttons, titles
up to 20 characters), interactive "list" (up to 10 rows, titles up to 24, descriptions up to
72, the button up to 20), interactive "location_request_message", document by link, and
templates, which alone may be sent more than 24 hours after the person's last message.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.http import QueryDict

from rumbo.chat.channels.base import (
    Parsed,
    Request,
    SendResult,
    header_seconds,
    transient,
    truncate,
)
from rumbo.chat.http import http_post
from rumbo.chat.messages import Inbound, InboundKind, Outbound
from rumbo.chat.models import Channel
from rumbo.chat.texts import text

TEXT_MAX = 4096
INTERACTIVE_BODY_MAX = 1024
BUTTONS_MAX = 3
BUTTON_TITLE_MAX = 20
ROWS_MAX = 10
ROW_TITLE_MAX = 24
ROW_DESCRIPTION_MAX = 72
WINDOW = datetime.timedelta(hours=24)
# Graph API error codes that mean "slow down" rather than "refused".
RATE_LIMIT_CODES = {4, 80007, 130429, 131048, 131056}
MEDIA = {"image", "audio", "video", "sticker", "document", "voice"}


def handshake(channel: Channel, query: QueryDict) -> str | None:
    """The challenge to echo back when the verify token matches, else None."""
    expected = channel.secret("VERIFY_TOKEN")
    given = query.get("hub.verify_token", "")
    if query.get("hub.mode") != "subscribe" or not expected:
        return None
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return None
    return query.get("hub.challenge", "")


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(channel: Channel, body: bytes, headers, post: QueryDict, url: str) -> bool:
    secret = channel.secret("APP_SECRET")
    given = headers.get("X-Hub-Signature-256", "")
    return bool(secret and given) and hmac.compare_digest(given, signature(secret, body))


def _inbound(message: dict) -> Inbound:
    try:
        return _inbound_read(message)
    except (AttributeError, TypeError, ValueError, KeyError):
        return Inbound(InboundKind.UNSUPPORTED, provider_id=str(message.get("id", "")))


def _inbound_read(message: dict) -> Inbound:
    kind = message.get("type", "")
    sent = message.get("timestamp", "")
    common: dict[str, Any] = {
        "provider_id": str(message.get("id", "")),
        "sent_at": (
            datetime.datetime.fromtimestamp(int(sent), tz=datetime.UTC) if sent.isdigit() else None
        ),
    }
    if kind == "text":
        return Inbound(
            InboundKind.TEXT, text=str(message.get("text", {}).get("body", "")), **common
        )
    if kind == "interactive":
        interactive = message.get("interactive", {})
        reply = interactive.get(interactive.get("type", ""), {})
        if isinstance(reply, dict) and reply.get("id"):
            return Inbound(InboundKind.CHOICE, choice=str(reply["id"]), **common)
    if kind == "button":  # a quick reply of a template
        payload = message.get("button", {})
        return Inbound(InboundKind.TEXT, text=str(payload.get("text", "")), **common)
    if kind == "location":
        location = message.get("location", {})
        try:
            return Inbound(
                InboundKind.LOCATION,
                latitude=float(location["latitude"]),
                longitude=float(location["longitude"]),
                **common,
            )
        except (KeyError, TypeError, ValueError):
            return Inbound(InboundKind.UNSUPPORTED, **common)
    if kind in MEDIA:
        return Inbound(InboundKind.MEDIA, **common)
    return Inbound(InboundKind.UNSUPPORTED, **common)


def parse(channel: Channel, body: bytes, post: QueryDict) -> Parsed:
    parsed = Parsed()
    try:
        data = json.loads(body)
        for entry in _dicts(data.get("entry")):
            for change in _dicts(entry.get("changes")):
                value = change.get("value")
                if not isinstance(value, dict):
                    continue
                for message in _dicts(value.get("messages")):
                    if message.get("from"):
                        parsed.messages.append((str(message["from"]), _inbound(message)))
                for status in _dicts(value.get("statuses")):
                    if status.get("id"):
                        parsed.statuses.append((str(status["id"]), str(status.get("status", ""))))
    except (ValueError, AttributeError, TypeError):
        pass  # a body not shaped as documented: what was read so far is kept
    return parsed


def _dicts(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def window_open(last_inbound_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    return last_inbound_at is not None and now - last_inbound_at < WINDOW


def _base(address: str) -> dict:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": address}


def render(
    channel: Channel, address: str, outbound: Outbound, *, window: bool, conversation=None
) -> list[Request]:
    path = f"/{channel.account}/messages"
    if not window:
        # Outside the 24-hour window only an approved template may be sent.
        template = outbound.template or "rumbo_reply_waiting"
        language = conversation.language if conversation is not None else "es"
        body = _base(address) | {
            "type": "template",
            "template": {"name": template, "language": {"code": language}},
        }
        return [Request(path, body)]
    requests = []
    content = outbound.full_text
    options = outbound.options
    interactive = None
    if outbound.ask_location and not options:
        interactive = {
            "type": "location_request_message",
            "body": {"text": truncate(content, INTERACTIVE_BODY_MAX)},
            "action": {"name": "send_location"},
        }
    elif (
        options
        and len(options) <= BUTTONS_MAX
        and all(len(option.title) <= BUTTON_TITLE_MAX for option in options)
    ):
        interactive = {
            "type": "button",
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": option.id, "title": option.title}}
                    for option in options
                ]
            },
        }
    elif options and len(options) <= ROWS_MAX:
        rows = []
        for option in options:
            row = {"id": option.id, "title": truncate(option.title, ROW_TITLE_MAX)}
            if len(option.title) > ROW_TITLE_MAX:
                row["description"] = truncate(option.title, ROW_DESCRIPTION_MAX)
            rows.append(row)
        interactive = {
            "type": "list",
            "action": {
                "button": truncate(text("choose"), BUTTON_TITLE_MAX),
                "sections": [{"title": truncate(text("choose"), ROW_TITLE_MAX), "rows": rows}],
            },
        }
    elif options:
        content += "\n" + "\n".join(f"{n}. {o.title}" for n, o in enumerate(options, start=1))
    if interactive is not None:
        if len(content) > INTERACTIVE_BODY_MAX:
            # The text first, on its own; the choices after it with its last paragraph.
            head, _sep, tail = content.rpartition("\n")
            requests.append(
                Request(path, _base(address) | {"type": "text", "text": {"body": head}})
            )
            content = tail or head[-INTERACTIVE_BODY_MAX:]
        interactive.setdefault("body", {"text": truncate(content, INTERACTIVE_BODY_MAX)})
        requests.append(
            Request(path, _base(address) | {"type": "interactive", "interactive": interactive})
        )
    elif content:
        for start in range(0, len(content), TEXT_MAX):
            chunk = content[start : start + TEXT_MAX]
            body = {"body": chunk, "preview_url": "http" in chunk}
            requests.append(Request(path, _base(address) | {"type": "text", "text": body}))
    if outbound.document_url:
        document = {
            "link": outbound.document_url,
            "filename": outbound.document_name or "document.pdf",
        }
        requests.append(Request(path, _base(address) | {"type": "document", "document": document}))
    return requests


def send(channel: Channel, request: Request) -> SendResult:
    result = http_post(
        base=settings.RUMBO_CHAT_WHATSAPP_API,
        path=request.path,
        data=json.dumps(request.body).encode(),
        headers={
            "Authorization": f"Bearer {channel.secret('TOKEN')}",
            "Content-Type": "application/json",
        },
    )
    try:
        answer = json.loads(result.body or b"{}")
    except ValueError:
        answer = {}
    if 200 <= result.status < 300:
        messages = answer.get("messages") or [{}]
        return SendResult(True, provider_id=str(messages[0].get("id", "")))
    code = (answer.get("error") or {}).get("code") if isinstance(answer, dict) else None
    if transient(result) or code in RATE_LIMIT_CODES:
        return SendResult(False, retry_after=header_seconds(result) or 0)
    return SendResult(False)
