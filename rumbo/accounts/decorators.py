from collections.abc import Callable
from functools import wraps

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache


def verified_login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
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
        try:
            return view(request, *args, **kwargs)
        except (PermissionDenied, Http404, ObjectDoesNotExist) as error:
            # Answered here rather than by Django's handler, so that refusals too carry
            # no-store; a missing record and another point's record answer alike.
            if isinstance(error, ObjectDoesNotExist):
                error = Http404()
            return response_for_exception(request, error)

    return wrapper
