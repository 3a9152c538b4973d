"""What passes between a channel and the engine: one incoming message, and the messages the
engine answers with, both independent of any provider."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any


class InboundKind:
    TEXT = "text"
    CHOICE = "choice"  # a button or list row pressed: `choice` holds its id
    LOCATION = "location"
    MEDIA = "media"  # image, sticker, voice note, video, document: not read
    UNSUPPORTED = "unsupported"


@dataclass
class Inbound:
    kind: str
    text: str = ""
    choice: str = ""
    latitude: float | None = None
    longitude: float | None = None
    provider_id: str = ""
    # The provider's time of the message, to recognise a late delivery.
    sent_at: datetime.datetime | None = None
    # A language the channel reports for the person (Telegram's language_code).
    language_hint: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sent_at"] = self.sent_at.isoformat() if self.sent_at else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Inbound:
        data = dict(data)
        if data.get("sent_at"):
            data["sent_at"] = datetime.datetime.fromisoformat(data["sent_at"])
        return cls(**data)


@dataclass(frozen=True)
class Option:
    id: str
    title: str


@dataclass
class Outbound:
    text: str
    options: list[Option] = field(default_factory=list)
    # Help that may be left out where space is short (an SMS beyond two segments).
    note: str = ""
    # A document sent by link (the plan's PDF): the provider fetches it.
    document_url: str = ""
    document_name: str = ""
    # Offer the channel's "share my location" control, where it has one.
    ask_location: bool = False
    # An approved template (WhatsApp, outside the 24-hour window): its name.
    template: str = ""

    @property
    def full_text(self) -> str:
        return f"{self.text}\n{self.note}" if self.note else self.text
