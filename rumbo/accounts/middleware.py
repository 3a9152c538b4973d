import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

SESSION_STARTED = "rumbo_staff_started"
SESSION_LAST_SEEN = "rumbo_staff_last_seen"
STAFF_SESSION = "rumbo_staff"
# Activity is noted at most once a minute: saving the session on every request would cost a
# database write per page, for an idle limit that only needs minute precision.
LAST_SEEN_GRANULARITY = 60


class StaffSessionMiddleware:
    """Ends a staff session after 30 idle minutes, and after 12 hours whatever happens.

    A staff session is one opened by the staff login (or any session of a Django `is_staff`
    user), so learners keep their ordinary sessions. Requests without a session cookie are
    left alone, which keeps public pages free of `Vary: Cookie`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and self._is_staff_session(request):
            now = time.time()
            session = request.session
            started = session.setdefault(SESSION_STARTED, now)
            last_seen = session.get(SESSION_LAST_SEEN, now)
            if (
                now - last_seen > settings.RUMBO_STAFF_IDLE_TIMEOUT
                or now - started > settings.RUMBO_STAFF_SESSION_MAX_AGE
            ):
                logout(request)
                return redirect(f"{reverse('casework:login')}?expired=1")
            if now - last_seen >= LAST_SEEN_GRANULARITY or SESSION_LAST_SEEN not in session:
                session[SESSION_LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def _is_staff_session(request) -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        return bool(request.session.get(STAFF_SESSION) or user.is_staff)
