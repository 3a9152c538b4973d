"""The second-factor login, in two steps: email and password (locked after five failures
by django-axes), then a TOTP code (django-otp). Routed under /staff/ by
rumbo.casework.urls. Every account that holds a power (rumbo.accounts.permissions) passes
here, whichever login form it started from; learners never do."""

import time

import segno
from django.contrib.auth import authenticate, login, logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts import selectors
from rumbo.accounts.forms import StaffLoginForm, TokenForm
from rumbo.accounts.middleware import SESSION_LAST_SEEN, SESSION_STARTED, STAFF_SESSION
from rumbo.accounts.models import User
from rumbo.accounts.permissions import user_holds_powers
from rumbo.accounts.services import totp_device_confirm, totp_device_for_enrolment
from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record

PENDING_USER = "rumbo_pending_user"
PENDING_AT = "rumbo_pending_at"
PENDING_NEXT = "rumbo_pending_next"
# The second step must follow the first within five minutes.
PENDING_MAX_AGE = 300


def safe_next(request: HttpRequest, default: str) -> str:
    """The `next` of the request when it stays on this site, else the default."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def second_factor_begin(request: HttpRequest, *, user: User, next_url: str) -> HttpResponse:
    """After a right password: the account is not logged in yet; the code step (or the
    authenticator's setup, the first time) follows. Used by every login form."""
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_AT] = time.time()
    request.session[PENDING_NEXT] = next_url
    confirmed = selectors.totp_device_has_confirmed(user=user)
    return redirect("casework:login_verify" if confirmed else "casework:login_enrol")


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
        if user is not None and user_holds_powers(user=user):
            return second_factor_begin(request, user=user, next_url=safe_next(request, ""))
        if user is not None:
            # A learner's account: no authenticator is set up for it here, and no session.
            form.add_error(
                None,
                _("This login is for staff and facilitators. Learners log in at the E-Campus."),
            )
        else:
            form.add_error(None, _("The email address or the password is wrong."))
    expired = "expired" in request.GET
    return render(
        request,
        "accounts/login.html",
        {"form": form, "expired": expired, "next": safe_next(request, "")},
        status=400 if form.errors else 200,
    )


def _pending_user(request: HttpRequest) -> User | None:
    started = request.session.get(PENDING_AT, 0)
    if time.time() - started > PENDING_MAX_AGE:
        return None
    pending = request.session.get(PENDING_USER)
    if not isinstance(pending, int):
        return None
    user = User.objects.filter(pk=pending, is_active=True).first()
    # Checked again: a power removed in the meantime closes this door too.
    return user if user is not None and user_holds_powers(user=user) else None


def _home_for(user: User) -> str:
    if user.staff_roles.exists():  # type: ignore[attr-defined]
        return reverse("casework:home")
    return reverse("learning:manage")


def _complete_login(request: HttpRequest, user: User, device: TOTPDevice) -> HttpResponse:
    next_url = request.session.get(PENDING_NEXT) or ""
    for key in (PENDING_USER, PENDING_AT, PENDING_NEXT):
        request.session.pop(key, None)
    with transaction.atomic():
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        otp_login(request, device)
        audit_record(actor=user, action=AuditEntry.Action.LOGIN, target=user)
    now = time.time()
    request.session[STAFF_SESSION] = True
    request.session[SESSION_STARTED] = now
    request.session[SESSION_LAST_SEEN] = now
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    return redirect(next_url or _home_for(user))


@never_cache
def staff_login_verify(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("casework:login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in selectors.totp_device_list_confirmed(user=user):
            # verify_token throttles: each failure doubles the wait before the next try.
            if device.verify_token(form.cleaned_data["token"]):
                return _complete_login(request, user, device)
        form.add_error("token", _("This code is not valid. Wait for a new one and try again."))
    return render(
        request, "accounts/verify.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
def staff_login_enrol(request: HttpRequest) -> HttpResponse:
    """First login: the person adds Rumbo to an authenticator app, then proves it."""
    user = _pending_user(request)
    if user is None or selectors.totp_device_has_confirmed(user=user):
        return redirect("casework:login")
    device = totp_device_for_enrolment(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_device_confirm(device=device, token=form.cleaned_data["token"]):
            return _complete_login(request, user, device)
        form.add_error("token", _("This code is not valid. Wait for a new one and try again."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_data_uri": qr.svg_data_uri(scale=4, border=2),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
    }
    return render(request, "accounts/enrol.html", context, status=400 if form.errors else 200)


@require_POST
def staff_logout(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("casework:login")


@never_cache
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF refusal (settings.CSRF_FAILURE_VIEW), never stored: on a staff page it
    is answered within a session that may hold personal data."""
    return django_csrf_failure(request, reason=reason)
