import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import RecoveryCode, User
from rumbo.accounts.permissions import user_holds_powers
from rumbo.accounts.selectors import recovery_code_hash
from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.certificates.codes import code_display, code_generate

# Enough to lose a few and still get back in; printed on one small sheet.
RECOVERY_CODE_COUNT = 8


class AccountError(Exception):
    """A request the rules refuse; the message is for the person at the keyboard."""


@transaction.atomic
def user_ensure_superuser(*, email: str, password: str) -> tuple[User, bool]:
    """Creates the administrator if missing; an existing one keeps its password."""
    user = User.objects.filter(email=email).first()
    if user:
        return user, False
    return User.objects.create_superuser(email=email, password=password), True


def totp_device_for_enrolment(*, user: User) -> TOTPDevice:
    """The user's unconfirmed authenticator, created on first use; confirmed ones are
    never returned, so an enrolled factor cannot be re-shown. Not audited: an unconfirmed
    device opens nothing; confirming it is the change recorded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirms a new authenticator once the person proves it with a code from it; the
    enrolment is audited with the change."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=device.user, action=AuditEntry.Action.TOTP_ENROL, target=device.user)
    return True


@transaction.atomic
def totp_device_ensure(*, user: User, key_hex: str | None = None) -> TOTPDevice:
    """A confirmed authenticator for the user (demo data). An existing device keeps its
    key. Not audited: only demo data and tests call it; people's factors change through
    totp_device_confirm() and totp_device_provision()."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device:
        return device
    extra = {"key": key_hex} if key_hex else {}
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True, **extra)


@transaction.atomic
def totp_device_provision(*, user: User, replace: bool, actor: User | None = None) -> TOTPDevice:
    """Gives the user a new authenticator (an administrator's command, for the first
    administrator or a person who lost their phone). An existing confirmed one is replaced
    only when asked; either way the change is audited."""
    existing = TOTPDevice.objects.filter(user=user)
    had_one = existing.filter(confirmed=True).exists()
    if had_one and not replace:
        raise AccountError("The user already has an authenticator.")
    existing.delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
    action = AuditEntry.Action.TOTP_RESET if had_one else AuditEntry.Action.TOTP_ENROL
    audit_record(actor=actor, action=action, target=user, reason="totp_enrol command")
    return device


@transaction.atomic
def recovery_codes_issue(*, user: User) -> list[str]:
    """A new set of recovery codes for a learner, replacing any earlier set. The codes are
    returned once, to be shown and printed; only their salted hashes are kept. Accounts
    that hold a power never get any: they reset through an administrator (totp_enrol)."""
    if user_holds_powers(user=user):
        raise AccountError(_("Accounts that hold a power cannot have recovery codes."))
    RecoveryCode.objects.filter(user=user).delete()
    codes = [code_generate() for _index in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=recovery_code_hash(code=code, salt=secrets.token_hex(8)))
        for code in codes
    )
    audit_record(
        actor=user, action=AuditEntry.Action.UPDATE, target=user, reason="recovery codes issued"
    )
    return [code_display(code) for code in codes]


@transaction.atomic
def password_reset_with_recovery_code(*, user: User, recovery_code_id: int, password: str) -> None:
    """Sets a new password once a recovery code was proven (RecoveryCodeBackend). The code
    is used up in the same transaction; of two requests with one code, only the first
    changes the password."""
    used = RecoveryCode.objects.filter(pk=recovery_code_id, user=user, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not used:
        raise AccountError(_("This recovery code was already used."))
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        actor=user,
        action=AuditEntry.Action.UPDATE,
        target=user,
        reason="password reset with a recovery code",
    )
