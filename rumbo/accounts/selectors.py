from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User


def totp_device_has_confirmed(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_device_list_confirmed(*, user: User) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


def totp_device_confirmed_for_email(*, email: str) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user__email=email.lower(), confirmed=True).first()
