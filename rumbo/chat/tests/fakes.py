"""Local fakes of the providers, on 127.0.0.1, answering the documented request shapes.

One small HTTP server answers as the WhatsApp Cloud API (POST /v21.0/{phone-number-id}/messages
with a bearer token), the Telegram Bot API (POST /bot{token}/sendMessage, /sendDocument) and
Twilio (POST /2010-04-01/Accounts/{sid}/Messages.json with basic auth, form fields). It checks
credentials and each documented limit, records every accepted call, and can be told to fail
the next calls (429 with Retry-After, 500). Helpers build signed webhook calls as each
provider sends them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rumbo.chat.channels.sms import twilio_signature

WA_TOKEN = "wa-test-token"
WA_APP_SECRET = "wa-app-secret"
WA_VERIFY_TOKEN = "wa-verify-token"
TG_TOKEN = "123456:tg-test-token"
TG_SECRET = "tg-webhook-secret"
TW_SID = "AC" + "1" * 32
TW_TOKEN = "tw-auth-token"
SECRETS = {
    "TEST_TOKEN": WA_TOKEN,
    "TEST_APP_SECRET": WA_APP_SECRET,
    "TEST_VERIFY_TOKEN": WA_VERIFY_TOKEN,
    "TG_TOKEN": TG_TOKEN,
    "TG_WEBHOOK_SECRET": TG_SECRET,
    "TW_TOKEN": TW_TOKEN,
}
WA_NUMBER_ID = "109876543210"


class ShapeError(Exception):
    pass


def _check_whatsapp(body: dict) -> None:
    if body.get("messaging_product") != "whatsapp" or not body.get("to"):
        raise ShapeError("messaging_product and to are required")
    kind = body.get("type")
    if kind == "text":
        if not 0 < len(body["text"]["body"]) <= 4096:
            raise ShapeError("text.body: 1 to 4096 characters")
    elif kind == "interactive":
        interactive = body["interactive"]
        if len(interactive["body"]["text"]) > 1024:
            raise ShapeError("interactive body: at most 1024 characters")
        if interactive["type"] == "button":
            buttons = interactive["action"]["buttons"]
            if not 1 <= len(buttons) <= 3 or any(len(b["reply"]["title"]) > 20 for b in buttons):
                raise ShapeError("1 to 3 buttons, titles at most 20 characters")
        elif interactive["type"] == "list":
            action = interactive["action"]
            rows = [row for section in action["sections"] for row in section["rows"]]
            if len(action["button"]) > 20 or not 1 <= len(rows) <= 10:
                raise ShapeError("list: button at most 20 characters, 1 to 10 rows")
            for row in rows:
                if len(row["title"]) > 24 or len(row.get("description", "")) > 72:
                    raise ShapeError("row title at most 24, description at most 72 characters")
        elif interactive["type"] != "location_request_message":
            raise ShapeError("unknown interactive type")
    elif kind == "document":
        if not body["document"].get("link", "").startswith("http"):
            raise ShapeError("document.link is required")
    elif kind == "template":
        if not body["template"].get("name"):
            raise ShapeError("template.name is required")
    else:
        raise ShapeError("unknown type")


class FakeProviders:
    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.fail_next: list[int] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                return

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                status, answer, headers = fake.answer(self.path, dict(self.headers), raw)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> FakeProviders:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def settings(self) -> dict:
        return {
            "RUMBO_CHAT_WHATSAPP_API": self.url + "/v21.0",
            "RUMBO_CHAT_TELEGRAM_API": self.url,
            "RUMBO_CHAT_TWILIO_API": self.url + "/2010-04-01",
            "RUMBO_CHAT_SECRETS": SECRETS,
        }

    def of(self, provider: str) -> list[dict]:
        return [call for call in self.calls if call["provider"] == provider]

    def answer(self, path: str, headers: dict, raw: bytes) -> tuple[int, dict, dict]:
        with self._lock:
            failure = self.fail_next.pop(0) if self.fail_next else None
        if path.startswith("/v21.0/"):
            return self._whatsapp(path, headers, raw, failure)
        if path.startswith("/bot"):
            return self._telegram(path, raw, failure)
        if path.startswith("/2010-04-01/"):
            return self._twilio(path, headers, raw, failure)
        return 404, {"error": "unknown path"}, {}

    def _record(self, provider: str, path: str, body: dict) -> int:
        number = next(self._ids)
        self.calls.append({"provider": provider, "path": path, "body": body, "n": number})
        return number

    def _whatsapp(self, path, headers, raw, failure):
        if headers.get("Authorization") != f"Bearer {WA_TOKEN}":
            return 401, {"error": {"message": "Invalid OAuth access token", "code": 190}}, {}
        if failure == 429:
            error = {"message": "Rate limit hit", "code": 130429, "type": "OAuthException"}
            return 429, {"error": error}, {"Retry-After": "7"}
        if failure:
            return failure, {"error": {"message": "Service unavailable", "code": 2}}, {}
        if path != f"/v21.0/{WA_NUMBER_ID}/messages":
            return 400, {"error": {"message": "Unknown phone number id", "code": 100}}, {}
        body = json.loads(raw)
        try:
            _check_whatsapp(body)
        except (ShapeError, KeyError, TypeError) as error:
            return 400, {"error": {"message": str(error), "code": 131009}}, {}
        number = self._record("whatsapp", path, body)
        answer = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": body["to"], "wa_id": body["to"]}],
            "messages": [{"id": f"wamid.OUT{number}"}],
        }
        return 200, answer, {}

    def _telegram(self, path, raw, failure):
        token, _sep, method = path[4:].partition("/")
        if token != TG_TOKEN:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}, {}
        if failure == 429:
            answer = {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 3",
                "parameters": {"retry_after": 3},
            }
            return 429, answer, {}
        if failure:
            return failure, {"ok": False, "error_code": failure, "description": "Bad Gateway"}, {}
        body = json.loads(raw)
        if method == "sendMessage":
            keyboard = (body.get("reply_markup") or {}).get("inline_keyboard", [])
            if not 0 < len(body.get("text", "")) <= 4096 or any(
                len(button["callback_data"].encode()) > 64 for row in keyboard for button in row
            ):
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request"}, {}
        elif method != "sendDocument" or not body.get("document"):
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request"}, {}
        number = self._record("telegram", "/" + method, body)
        result = {"message_id": number, "chat": {"id": body["chat_id"]}, "date": 1700000000}
        return 200, {"ok": True, "result": result}, {}

    def _twilio(self, path, headers, raw, failure):
        expected = "Basic " + base64.b64encode(f"{TW_SID}:{TW_TOKEN}".encode()).decode()
        if headers.get("Authorization") != expected:
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}, {}
        if failure == 429:
            return 429, {"code": 20429, "message": "Too Many Requests", "status": 429}, {}
        if failure:
            return failure, {"code": 20500, "message": "Internal Server Error"}, {}
        if path != f"/2010-04-01/Accounts/{TW_SID}/Messages.json":
            return 404, {"code": 20404, "message": "Not found", "status": 404}, {}
        form = dict(urllib.parse.parse_qsl(raw.decode()))
        if not form.get("To") or not form.get("From") or not form.get("Body"):
            return 400, {"code": 21602, "message": "Message body is required", "status": 400}, {}
        if len(form["Body"]) > 1600:
            return 400, {"code": 21617, "message": "Body too long", "status": 400}, {}
        number = self._record("sms", path, form)
        return 201, {"sid": f"SM{number:032x}", "status": "queued", "to": form["To"]}, {}


# Webhook calls as the providers send them ----------------------------------------------------


def whatsapp_call(messages: list[dict] | None = None, statuses: list[dict] | None = None) -> bytes:
    value: dict = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "50499990000", "phone_number_id": WA_NUMBER_ID},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": "Test"}, "wa_id": messages[0]["from"]}]
        value["messages"] = messages
    if statuses:
        value["statuses"] = statuses
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(payload).encode()


_wamid = itertools.count(1)


def wa_message(sender: str, kind: str, timestamp: int = 1_800_000_000, **content) -> dict:
    return {
        "from": sender,
        "id": f"wamid.IN{next(_wamid)}",
        "timestamp": str(timestamp),
        "type": kind,
        **content,
    }


def wa_text(sender: str, body: str, **extra) -> dict:
    return wa_message(sender, "text", text={"body": body}, **extra)


def wa_choice(sender: str, option_id: str, *, list_reply: bool = True) -> dict:
    kind = "list_reply" if list_reply else "button_reply"
    interactive = {"type": kind, kind: {"id": option_id, "title": "x"}}
    return wa_message(sender, "interactive", interactive=interactive)


def wa_signature(body: bytes, secret: str = WA_APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


_update = itertools.count(1000)


def tg_update(
    chat_id: int, *, text: str | None = None, data: str | None = None, **message
) -> bytes:
    update_id = next(_update)
    if data is not None:
        query = {
            "id": f"cb{update_id}",
            "from": {"id": chat_id, "language_code": "es"},
            "message": {"message_id": 1, "chat": {"id": chat_id, "type": "private"}},
            "data": data,
        }
        return json.dumps({"update_id": update_id, "callback_query": query}).encode()
    body = {
        "message_id": update_id,
        "from": {"id": chat_id, "is_bot": False, "language_code": "es"},
        "chat": {"id": chat_id, "type": "private"},
        "date": 1_800_000_000,
        **({"text": text} if text is not None else {}),
        **message,
    }
    return json.dumps({"update_id": update_id, "message": body}).encode()


_sms = itertools.count(1)


def twilio_form(sender: str, body: str, **extra: str) -> dict[str, str]:
    return {
        "MessageSid": f"SMIN{next(_sms):030d}",
        "AccountSid": TW_SID,
        "From": sender,
        "To": "+50400000000",
        "Body": body,
        "NumMedia": "0",
        **extra,
    }


def twilio_headers(url: str, form: dict[str, str], token: str = TW_TOKEN) -> dict[str, str]:
    return {"HTTP_X_TWILIO_SIGNATURE": twilio_signature(token, url, form)}
