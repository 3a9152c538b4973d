from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User


@transaction.atomic
def user_ensure_superuser(*, email: str, password: str) -> tuple[User, bool]:
    """Creates the administrator if missing; an existing one keeps its password."""
    user = User.objects.filter(email=email).first()
    if user:
        return user, False
    return User.objects.create_superuser(email=email, password=password), True


def totp_device_for_enrolment(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator, created on first use; confirmed ones are
    never returned, so an enrolled factor cannot be re-shown."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


@transaction.atomic
def totp_device_ensure(*, user: User, key_hex: str | None = None) -> TOTPDevice:
    """A confirmed authenticator for the user (demo data, provisioning by an administrator).
    An existing device keeps its key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device:
        return device
    extra = {"key": key_hex} if key_hex else {}
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True, **extra)
