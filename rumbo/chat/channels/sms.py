"""SMS through Twilio's Programmable Messaging.

Webhook: Twilio POSTs form fields (From, To, Body, MessageSid, NumMedia, ...; status
callbacks carry MessageSid and MessageStatus) signed with X-Twilio-Signature: base64 of
HMAC-SHA1, keyed with the account's auth token, of the full URL Twilio called followed by
every POST parameter's name and value, sorted by name. The webhook answers with empty TwiML.
Sending: POST {base}/Accounts/{AccountSid}/Messages.json (form: To, From, Body) with HTTP
basic auth (the account SID and auth token); 201 returns the message's "sid".

Texts are written for SMS: menus numbered, characters outside the GSM 03.38 alphabet
replaced (accents folded) so a segment holds 160 characters, links shortened, and each SMS
kept within two segments (306 GSM-7 characters; Arabic, which needs UCS-2, 134).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import unicodedata
import urllib.parse

from django.conf import settings
from django.http import QueryDict

from rumbo.chat.channels.base import URL, Parsed, Request, SendResult, header_seconds, transient
from rumbo.chat.http import http_post
from rumbo.chat.messages import Inbound, InboundKind, Outbound
from rumbo.chat.models import Channel

GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = "^{}\\[~]|€"
SEGMENTS_MAX = 2
GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67
REPLACEMENTS = {
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "«": '"',
    "»": '"',
    "…": "...",
    "•": "-",
    "·": "-",
    "–": "-",
    "—": "-",
}


def twilio_signature(token: str, url: str, params: dict[str, str]) -> str:
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    digest = hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def verify(channel: Channel, body: bytes, headers, post: QueryDict, url: str) -> bool:
    token = channel.secret("TOKEN")
    given = headers.get("X-Twilio-Signature", "")
    if not token or not given:
        return False
    params = {key: post.get(key, "") for key in post}
    return hmac.compare_digest(given, twilio_signature(token, url, params))


def parse(channel: Channel, body: bytes, post: QueryDict) -> Parsed:
    parsed = Parsed()
    sid = post.get("MessageSid", "") or post.get("SmsSid", "")
    if post.get("MessageStatus") and not post.get("Body") and sid:
        parsed.statuses.append((sid, str(post.get("MessageStatus", ""))))
        return parsed
    sender = post.get("From", "")
    if not sender or not sid:
        return parsed
    if post.get("NumMedia", "0") not in ("", "0"):
        parsed.messages.append((sender, Inbound(InboundKind.MEDIA, provider_id=sid)))
    else:
        parsed.messages.append(
            (sender, Inbound(InboundKind.TEXT, text=post.get("Body", ""), provider_id=sid))
        )
    return parsed


def gsm7(text: str) -> str | None:
    """`text` in the GSM-7 alphabet (accents folded, typographic marks plain), or None when
    it is in a script GSM-7 cannot write (Arabic: then sent as UCS-2)."""
    out = []
    for char in text:
        char = REPLACEMENTS.get(char, char)
        if all(c in GSM7_BASIC or c in GSM7_EXTENDED for c in char):
            out.append(char)
            continue
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if folded and all(c in GSM7_BASIC for c in folded):
            out.append(folded)
        elif unicodedata.category(char).startswith(("So", "Cs", "Mn", "Cf")):
            continue  # emoji and marks: dropped
        elif char.isalpha():
            return None
        else:
            out.append("?")
    return "".join(out)


def segments(text: str) -> int:
    """How many SMS segments `text` takes."""
    encoded = gsm7(text)
    if encoded is not None and encoded == text:
        length = sum(2 if c in GSM7_EXTENDED else 1 for c in text)
        single, multi = GSM7_SINGLE, GSM7_MULTI
    else:
        length = len(text.encode("utf-16-le")) // 2
        single, multi = UCS2_SINGLE, UCS2_MULTI
    return 1 if length <= single else -(-length // multi)


def _split(text: str) -> list[str]:
    """Pieces of at most two segments each, cut at line ends (else at spaces)."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if segments(candidate) <= SEGMENTS_MAX:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        for word in line.split(" "):
            candidate = f"{current} {word}" if current else word
            if segments(candidate) <= SEGMENTS_MAX:
                current = candidate
            else:
                pieces.append(current)
                current = word
    if current:
        pieces.append(current)
    return pieces


def sms_text(outbound: Outbound, *, shorten=None) -> list[str]:
    """The SMS texts for one outbound message: numbered options, links shortened, the note
    (help) left out when the message would not fit two segments with it."""
    numbered = "\n".join(
        f"{n} {option.title}" for n, option in enumerate(outbound.options, start=1)
    )
    pieces = [outbound.text, numbered, outbound.document_url]
    content = _compose(pieces, shorten)
    if outbound.note:
        with_note = _compose([outbound.text, outbound.note, *pieces[1:]], shorten)
        if segments(with_note) <= SEGMENTS_MAX or segments(content) > SEGMENTS_MAX:
            content = with_note
    return _split(content)


def _compose(pieces: list[str], shorten) -> str:
    content = "\n".join(piece for piece in pieces if piece)
    if shorten is not None:
        content = URL.sub(lambda match: shorten(match.group(0)), content)
    encoded = gsm7(content)
    return encoded if encoded is not None else content


def render(
    channel: Channel, address: str, outbound: Outbound, *, window: bool, conversation=None
) -> list[Request]:
    from rumbo.chat.services import short_link_create

    def shorten(url: str) -> str:
        if conversation is None:
            return url
        return short_link_create(conversation=conversation, target=url)

    path = f"/Accounts/{channel.account}/Messages.json"
    return [
        Request(path, {"To": address, "From": channel.sender, "Body": piece}, form=True)
        for piece in sms_text(outbound, shorten=shorten)
    ]


def send(channel: Channel, request: Request) -> SendResult:
    credentials = base64.b64encode(f"{channel.account}:{channel.secret('TOKEN')}".encode()).decode()
    result = http_post(
        base=settings.RUMBO_CHAT_TWILIO_API,
        path=request.path,
        data=urllib.parse.urlencode(request.body).encode(),
        headers={
            "Authorization": f"Basic {credentials}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    if result.status in (200, 201):
        try:
            return SendResult(True, provider_id=str(json.loads(result.body).get("sid", "")))
        except ValueError:
            return SendResult(True)
    if transient(result):
        return SendResult(False, retry_after=header_seconds(result) or 0)
    return SendResult(False)
