import hashlib
import hmac

from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import RecoveryCode, User
from rumbo.certificates.codes import code_normalise


def totp_device_has_confirmed(*, user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_device_list_confirmed(*, user: User) -> list[TOTPDevice]:
    return list(TOTPDevice.objects.filter(user=user, confirmed=True))


def totp_device_confirmed_for_email(*, email: str) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user__email=email.lower(), confirmed=True).first()


def recovery_code_find(*, user: User, code: str) -> RecoveryCode | None:
    """The user's unused recovery code that the typed `code` is, if any (typed however a
    person types it: case, spaces and dashes do not matter)."""
    compact = code_normalise(code)
    unused = RecoveryCode.objects.filter(user=user, used_at__isnull=True)
    if compact is None:
        return None
    # Every unused code is compared, in constant time, whichever matches.
    found = None
    for candidate in unused:
        if recovery_code_matches(stored=candidate.code_hash, code=compact):
            found = candidate
    return found


def recovery_code_count_unused(*, user: User) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def recovery_code_hash(*, code: str, salt: str) -> str:
    """How a recovery code is kept: sha256 of a random salt and the code. A fast hash is
    enough here (unlike for passwords): codes are random, about 2^59 each, not chosen."""
    return f"sha256${salt}${hashlib.sha256((salt + code).encode()).hexdigest()}"


def recovery_code_matches(*, stored: str, code: str) -> bool:
    algorithm, _separator, rest = stored.partition("$")
    salt, _separator, _digest = rest.partition("$")
    if algorithm != "sha256" or not salt:
        return False
    return hmac.compare_digest(stored, recovery_code_hash(code=code, salt=salt))
