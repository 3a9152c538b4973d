"""What every adapter returns."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from rumbo.chat.http import HttpResult
from rumbo.chat.messages import Inbound

# Seconds to wait before the n-th retry when the provider gave no Retry-After: 2, 4, 8, ...
BACKOFF_BASE = 2
BACKOFF_MAX = 3600
URL = re.compile(r"https?://\S+")


@dataclass
class Parsed:
    """A webhook call read: incoming messages by sender address, delivery statuses, and an
    optional body for the webhook's own answer (Telegram's answerCallbackQuery)."""

    messages: list[tuple[str, Inbound]] = field(default_factory=list)
    statuses: list[tuple[str, str]] = field(default_factory=list)  # (provider id, status)
    reply: dict | None = None


@dataclass
class Request:
    """One provider API call: a path under the provider's base URL and its body."""

    path: str
    body: dict
    form: bool = False  # sent as application/x-www-form-urlencoded (Twilio)

    def dumps(self) -> str:
        return json.dumps({"path": self.path, "body": self.body, "form": self.form})

    @classmethod
    def loads(cls, raw: str) -> Request:
        data = json.loads(raw)
        return cls(data["path"], data["body"], data.get("form", False))


@dataclass
class SendResult:
    ok: bool
    provider_id: str = ""
    # Retry after this many seconds (429, 5xx, no answer); None with ok=False: permanent.
    retry_after: float | None = None


def retry_delay(*, attempts: int, retry_after: float | None) -> float:
    if retry_after:
        return min(float(retry_after), BACKOFF_MAX)
    return float(min(BACKOFF_BASE**attempts, BACKOFF_MAX))


def transient(result: HttpResult) -> bool:
    return result.status == 0 or result.status == 429 or result.status >= 500


def header_seconds(result: HttpResult) -> float | None:
    value = {k.lower(): v for k, v in result.headers.items()}.get("retry-after", "")
    return float(value) if value.strip().isdigit() else None


def truncate(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
