from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from rumbo.accounts import selectors
from rumbo.accounts.models import User, username_normalise


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
    name = str(source.get("username") or source.get("email") or "").strip()
    # A username is counted in its stored form, so `ＡＭＡＬ` and `amal` are one account too.
    return name.lower() if "@" in name else username_normalise(name)


class RecoveryCodeBackend(ModelBackend):
    """A login with a username and one of its printed recovery codes instead of the
    password (a learner without email who forgot it). Like a password, a wrong code is a
    failed login that django-axes counts for the account, so codes cannot be guessed.

    Only proves the code: the account gets the id of the matching code as
    `recovery_code_id`, and `password_reset_with_recovery_code` uses it up and sets the
    new password. Accounts that hold a power have no recovery codes.
    """

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        recovery_code: str | None = None,
        **kwargs,
    ) -> User | None:
        if request is None or not username or not recovery_code:
            return None
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            return None
        match = selectors.recovery_code_find(user=user, code=recovery_code)
        if match is None or not self.user_can_authenticate(user):
            return None
        user.recovery_code_id = match.pk  # type: ignore[attr-defined]
        return user
