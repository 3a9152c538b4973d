import pytest
from django.urls import reverse

from rumbo.chat.models import Channel
from rumbo.chat.tests import fakes


@pytest.fixture
def providers(settings):
    fake = fakes.FakeProviders().start()
    for name, value in fake.settings().items():
        setattr(settings, name, value)
    settings.RUMBO_PUBLIC_URL = "https://rumbo.example"
    yield fake
    fake.stop()


@pytest.fixture
def whatsapp(db) -> Channel:
    return Channel.objects.create(
        kind=Channel.Kind.WHATSAPP,
        slug="wa",
        name="WhatsApp",
        account=fakes.WA_NUMBER_ID,
        credentials="TEST",
    )


@pytest.fixture
def telegram(db) -> Channel:
    return Channel.objects.create(
        kind=Channel.Kind.TELEGRAM, slug="tg", name="Telegram", credentials="TG"
    )


@pytest.fixture
def sms(db) -> Channel:
    return Channel.objects.create(
        kind=Channel.Kind.SMS,
        slug="sms",
        name="SMS",
        account=fakes.TW_SID,
        sender="+50400000000",
        credentials="TW",
    )


class Hooks:
    """Delivers webhook calls as the providers do, running what commits would run."""

    def __init__(self, client, capture) -> None:
        self.client = client
        self.capture = capture

    def whatsapp(self, body: bytes, *, signature: str | None = None, slug: str = "wa"):
        headers = {}
        if signature is None:
            signature = fakes.wa_signature(body)
        if signature:
            headers["HTTP_X_HUB_SIGNATURE_256"] = signature
        with self.capture(execute=True):
            return self.client.post(
                reverse("chat:webhook", kwargs={"slug": slug}),
                body,
                content_type="application/json",
                **headers,
            )

    def wa(self, *messages: dict):
        return self.whatsapp(fakes.whatsapp_call(list(messages)))

    def telegram(self, body: bytes, *, secret: str | None = fakes.TG_SECRET):
        headers = {"HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN": secret} if secret else {}
        with self.capture(execute=True):
            return self.client.post(
                reverse("chat:webhook", kwargs={"slug": "tg"}),
                body,
                content_type="application/json",
                **headers,
            )

    def sms(self, form: dict[str, str], *, token: str = fakes.TW_TOKEN, signed: bool = True):
        path = reverse("chat:webhook", kwargs={"slug": "sms"})
        headers = (
            fakes.twilio_headers("https://rumbo.example" + path, form, token) if signed else {}
        )
        with self.capture(execute=True):
            return self.client.post(path, form, **headers)


@pytest.fixture
def hooks(client, django_capture_on_commit_callbacks) -> Hooks:
    return Hooks(client, django_capture_on_commit_callbacks)


def texts_to(calls: list[dict]) -> list[str]:
    """Every text a person received, in order, whatever the provider's shape."""
    found = []
    for call in calls:
        body = call["body"]
        if "Body" in body:
            found.append(body["Body"])
        elif body.get("type") == "text":
            found.append(body["text"]["body"])
        elif body.get("type") == "interactive":
            found.append(body["interactive"]["body"]["text"])
        elif "text" in body:
            found.append(body["text"])
    return found
