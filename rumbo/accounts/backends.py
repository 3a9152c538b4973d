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
