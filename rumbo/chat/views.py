"""Webhooks (answer at once: check, enqueue, 200), the short-link redirect, the staff inbox and
the chat simulator. Views parse the request and call one service or selector."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from rumbo.accounts.decorators import powers_required, verified_login_required
from rumbo.casework.permissions import staff_scope
from rumbo.chat import selectors, services, tasks
from rumbo.chat.channels import adapter_for, simulator, whatsapp
from rumbo.chat.engine import question_message
from rumbo.chat.forms import (
    HandoffAppointmentForm,
    HandoffConsultationForm,
    PreviewForm,
    ReplyForm,
    SimulatorForm,
)
from rumbo.chat.messages import Inbound, InboundKind, Option, Outbound
from rumbo.chat.models import Channel
from rumbo.chat.texts import DEFAULTS, text
from rumbo.core.forms import form_add_service_error
from rumbo.plans.engine import flow_load

# A webhook body larger than this is not a provider's: refused before it is parsed.
WEBHOOK_MAX_BYTES = 256 * 1024


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest, slug: str) -> HttpResponse:
    channel = selectors.channel_by_slug(slug=slug)
    if channel is None or channel.kind == Channel.Kind.SIMULATOR:
        raise Http404
    adapter = adapter_for(channel.kind)
    if request.method == "GET":
        challenge = whatsapp.handshake(channel, request.GET) if channel.kind == "whatsapp" else None
        if challenge is None:
            return HttpResponseForbidden()
        return HttpResponse(challenge, content_type="text/plain")
    body = request.body
    if len(body) > WEBHOOK_MAX_BYTES:
        return HttpResponse(status=413)
    url = settings.RUMBO_PUBLIC_URL + request.get_full_path()
    if not adapter.verify(channel, body, request.headers, request.POST, url):
        return HttpResponseForbidden()
    parsed = adapter.parse(channel, body, request.POST)
    if channel.kind == Channel.Kind.WHATSAPP:
        channel = selectors.channel_for_whatsapp_number(
            channel=channel, phone_number_id=_whatsapp_number_id(body)
        )
    for address, inbound in parsed.messages:
        tasks.chat_receive(channel.pk, address, inbound.to_dict())
    for provider_id, status in parsed.statuses:
        tasks.chat_status(channel.pk, provider_id, status)
    if channel.kind == Channel.Kind.SMS:
        return HttpResponse("<Response/>", content_type="text/xml")
    if parsed.reply:
        return JsonResponse(parsed.reply)
    return HttpResponse(status=200)


def _whatsapp_number_id(body: bytes) -> str:
    try:
        entry = json.loads(body)["entry"][0]["changes"][0]["value"]["metadata"]
        return str(entry.get("phone_number_id", ""))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""


@never_cache
def short_link(request: HttpRequest, code: str) -> HttpResponse:
    target = selectors.short_link_target(code=code)
    if not target or not target.startswith(settings.RUMBO_PUBLIC_URL + "/"):
        raise Http404
    return HttpResponseRedirect(target)


# Staff inbox ----------------------------------------------------------------------------------


def point_staff(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Password + second factor, no caching, a role at an information point."""

    @wraps(view)
    @verified_login_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        scope = staff_scope(request.user)
        if not scope.point_ids:
            raise PermissionDenied
        request.staff_scope = scope  # type: ignore[attr-defined]  # for the staff menu
        return view(request, *args, **kwargs)

    return wrapper


@point_staff
def inbox(request: HttpRequest) -> HttpResponse:
    return render(
        request, "chat/inbox.html", {"handoffs": selectors.handoff_list(user=request.user)}
    )


@point_staff
@require_http_methods(["GET", "POST"])
def handoff(request: HttpRequest, pk: int) -> HttpResponse:
    action = request.POST.get("action", "reply") if request.method == "POST" else ""
    forms = {
        "reply": ReplyForm(request.POST if action == "reply" else None),
        "appointment": HandoffAppointmentForm(
            request.POST if action == "appointment" else None, prefix="appointment"
        ),
        "consultation": HandoffConsultationForm(
            request.POST if action == "consultation" else None, prefix="consultation"
        ),
    }
    form = forms.get(action)
    if (action and action not in (*forms, "close")) or (form is not None and not form.is_valid()):
        # Refused before anything is read: a bad request leaves no audit entry behind.
        summary = selectors.handoff_summary(user=request.user, pk=pk)
        if summary is None:
            raise Http404
        context = {"handoff": summary, "forms": forms, "bad": form is None, "unread": True}
        return render(request, "chat/handoff.html", context, status=400)
    record = selectors.handoff_read(user=request.user, pk=pk)
    if action == "close":
        services.handoff_close(user=request.user, handoff=record)
        return redirect("chat:inbox")
    if form is not None:
        try:
            _handoff_act(request, record, action, form.cleaned_data)
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            return redirect("chat:handoff", pk=pk)
    status = 400 if form is not None and form.errors else 200
    context = {"handoff": record, "forms": forms, "messages_list": list(record.messages.all())}
    return render(request, "chat/handoff.html", context, status=status)


def _handoff_act(request: HttpRequest, record, action: str, data: dict) -> None:
    if action == "reply":
        services.handoff_reply(user=request.user, handoff=record, body=data["body"])
    elif action == "appointment":
        services.handoff_to_appointment(user=request.user, handoff=record, **data)
    else:
        services.handoff_to_consultation(user=request.user, handoff=record, **data)


# Simulator ------------------------------------------------------------------------------------


def _simulator_channel() -> Channel:
    channel, _created = Channel.objects.get_or_create(
        slug="simulator", defaults={"kind": Channel.Kind.SIMULATOR, "name": "Simulator"}
    )
    return channel


@powers_required
@require_http_methods(["GET", "POST"])
def simulator_page(request: HttpRequest) -> HttpResponse:
    """Talks to the engine as a channel does: the message goes through the same service as
    a webhook's, the answers through the same outgoing rows and sender."""
    address = f"staff-{request.user.pk}"
    form = SimulatorForm(request.POST or None)
    if request.method == "POST" and request.POST.get("reset"):
        simulator.transcript_clear(address)
        return redirect("chat:simulator")
    if request.method == "POST" and form.is_valid():
        inbound = _simulator_inbound(form.cleaned_data)
        if inbound is not None:
            shown = inbound.text or _option_title(address, inbound.choice)
            shown = shown or f"📍 {inbound.latitude}, {inbound.longitude}"
            simulator.transcript_add(address, {"from": "person", "text": shown})
            channel = _simulator_channel()
            services.inbound_receive(channel=channel, address=address, inbound=inbound)
            services.outgoing_send_all(channel=channel, address=address)
        return redirect("chat:simulator")
    context = {"form": form, "transcript": simulator.transcript(address)}
    return render(request, "chat/simulator.html", context, status=400 if form.errors else 200)


def _option_title(address: str, choice: str) -> str:
    """The title of the button pressed, as the person saw it."""
    for entry in reversed(simulator.transcript(address)):
        for option_id, title in entry.get("options") or []:
            if option_id == choice:
                return title
    return choice


def _simulator_inbound(data: dict) -> Inbound | None:
    if data.get("choice"):
        return Inbound(InboundKind.CHOICE, choice=data["choice"])
    if data.get("latitude") is not None and data.get("longitude") is not None:
        return Inbound(InboundKind.LOCATION, latitude=data["latitude"], longitude=data["longitude"])
    if data.get("text"):
        return Inbound(InboundKind.TEXT, text=data["text"])
    return None


@powers_required
def text_preview(request: HttpRequest) -> HttpResponse:
    """Every chat text and every question as each channel shows it."""
    form = PreviewForm(request.GET or None)
    language = form.cleaned_data["language"] if form.is_valid() else "es"
    channels = {
        kind: Channel(kind=kind, slug=kind, name=kind, account="0")
        for kind in ("whatsapp", "telegram", "sms")
    }
    rows = []
    with override(language):
        samples = [Outbound(text(key)) for key in DEFAULTS]
        flow = flow_load()
        if flow is not None:
            samples += [question_message(flow=flow, question=q, answers={}) for q in flow.questions]
        samples.append(
            Outbound(
                text("menu"),
                options=[Option("m:x", text("menu_plan")), Option("m:y", text("menu_search"))],
            )
        )
        for sample in samples:
            shown = {
                kind: [
                    json.dumps(request_.body, ensure_ascii=False, indent=1)
                    for request_ in adapter_for(kind).render(channel, "+000", sample, window=True)
                ]
                for kind, channel in channels.items()
            }
            rows.append((sample, shown))
    return render(request, "chat/preview.html", {"form": form, "rows": rows})
