from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

from rumbo.accounts.permissions import user_holds_powers

View = Callable[..., HttpResponse]


def _answered_without_store(view: View, request: HttpRequest, *args, **kwargs) -> HttpResponse:
    try:
        return view(request, *args, **kwargs)
    except (PermissionDenied, Http404, ObjectDoesNotExist) as error:
        # Answered here rather than by Django's handler, so that refusals too carry
        # no-store; a missing record and another point's record answer alike.
        if isinstance(error, ObjectDoesNotExist):
            error = Http404()
        return response_for_exception(request, error)


def _mark(wrapper: View) -> View:
    # Read by the tests that discover every page using a power (rumbo/accounts/tests/
    # test_powers_matrix.py), so a new one is checked without being listed by hand.
    wrapper.uses_powers = True  # type: ignore[attr-defined]
    return wrapper


def verified_login_required(view: View) -> View:
    """Logged in with password AND a second factor (django-otp); nothing is cached.

    A session that passed the password but not the code is sent back to the login, so no
    staff page is reachable with a password alone. `never_cache` sends
    `Cache-Control: no-store` (with no-cache, must-revalidate, private).
    """

    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not user.is_authenticated or not user.is_verified():  # type: ignore[union-attr,attr-defined]
            return redirect(reverse("casework:login"))
        return _answered_without_store(view, request, *args, **kwargs)

    return _mark(wrapper)


def powers_required(view: View) -> View:
    """For a page that uses a staff or facilitator power outside casework (course
    management, background jobs): the account must hold one AND this session must have
    passed the second factor, whichever login opened it; nothing is cached.

    Anonymous visitors, and holders who logged in with a password alone, are sent to the
    staff login (password, then code) and come back here; an account without powers, a
    learner, is refused.
    """

    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user_holds_powers(user=user):
            return response_for_exception(request, PermissionDenied())
        if not user.is_authenticated or not user.is_verified():  # type: ignore[attr-defined]
            return redirect_to_login(request.get_full_path(), reverse("casework:login"))
        return _answered_without_store(view, request, *args, **kwargs)

    return _mark(wrapper)
