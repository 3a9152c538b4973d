"""Staff login in two steps: email and password (locked after five failures by
django-axes), then a TOTP code (django-otp). Routed under /staff/ by rumbo.casework.urls."""

import time

import segno
from django.contrib.auth import authenticate, login, logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.forms import StaffLoginForm, TokenForm
from rumbo.accounts.middleware import SESSION_LAST_SEEN, SESSION_STARTED, STAFF_SESSION
from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_for_enrolment
from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record

PENDING_USER = "rumbo_pending_user"
PENDING_AT = "rumbo_pending_at"
# The second step must follow the first within five minutes.
PENDING_MAX_AGE = 300
HOME = "casework:home"


@sensitive_post_parameters("password")
@never_cache
def staff_login(request: HttpRequest) -> HttpResponse:
    form = StaffLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"].lower(),
            password=form.cleaned_data["password"],
        )
        if user is not None:
            request.session.cycle_key()
            request.session[PENDING_USER] = user.pk
            request.session[PENDING_AT] = time.time()
            confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            return redirect("casework:login_verify" if confirmed else "casework:login_enrol")
        form.add_error(None, _("The email address or the password is wrong."))
    expired = "expired" in request.GET
    return render(request, "accounts/login.html", {"form": form, "expired": expired})


def _pending_user(request: HttpRequest) -> User | None:
    started = request.session.get(PENDING_AT, 0)
    if time.time() - started > PENDING_MAX_AGE:
        return None
    pending = request.session.get(PENDING_USER)
    if not isinstance(pending, int):
        return None
    return User.objects.filter(pk=pending, is_active=True).first()


def _complete_login(request: HttpRequest, user: User, device: TOTPDevice) -> HttpResponse:
    for key in (PENDING_USER, PENDING_AT):
        request.session.pop(key, None)
    with transaction.atomic():
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        otp_login(request, device)
        audit_record(actor=user, action=AuditEntry.Action.LOGIN, target=user)
    now = time.time()
    request.session[STAFF_SESSION] = True
    request.session[SESSION_STARTED] = now
    request.session[SESSION_LAST_SEEN] = now
    return redirect(HOME)


@never_cache
def staff_login_verify(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("casework:login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            # verify_token throttles: each failure doubles the wait before the next try.
            if device.verify_token(form.cleaned_data["token"]):
                return _complete_login(request, user, device)
        form.add_error("token", _("This code is not valid. Wait for a new one and try again."))
    return render(request, "accounts/verify.html", {"form": form})


@never_cache
def staff_login_enrol(request: HttpRequest) -> HttpResponse:
    """First login: the staff member adds Rumbo to an authenticator app, then proves it."""
    user = _pending_user(request)
    if user is None or TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("casework:login")
    device = totp_device_for_enrolment(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            return _complete_login(request, user, device)
        form.add_error("token", _("This code is not valid. Wait for a new one and try again."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_data_uri": qr.svg_data_uri(scale=4, border=2),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
    }
    return render(request, "accounts/enrol.html", context)


@require_POST
def staff_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("casework:login")
