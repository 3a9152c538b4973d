from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a login once its account has failed five times (django-axes).

    Every login through the web (staff login, admin) passes the request. Without one the call
    is not a web login (the test client's `login()`, a shell), so there is nothing to lock
    out and the next backend decides alone.
    """

    def authenticate(self, request: HttpRequest | None, *args, **kwargs):  # type: ignore[override]
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def lockout_username(request: HttpRequest | None, credentials: dict | None = None) -> str:
    """The account a login attempt names, as django-axes counts it (AXES_USERNAME_CALLABLE).

    Every login passes `username=` to authenticate() (Django's admin form does too), while
    axes would look for the user model's login field, `email`, and count every failure
    under an empty name. Lower case, as accounts are stored, so `Ana@X` and `ana@x` are
    one account's failures.
    """
    source = credentials if credentials is not None else getattr(request, "POST", {})
    name = source.get("username") or source.get("email") or ""
    return str(name).strip().lower()
