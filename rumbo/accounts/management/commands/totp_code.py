from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from rumbo.accounts.selectors import totp_device_confirmed_for_email


class Command(BaseCommand):
    help = (
        "Prints the current two-factor code of a user's authenticator, so the demo's staff "
        "and admin logins can be tried without a phone. Refused in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        if settings.PRODUCTION:
            raise CommandError("Refused with RUMBO_ENV=production: codes stay on people's phones.")
        device = totp_device_confirmed_for_email(email=email)
        if device is None:
            raise CommandError(f"{email} has no confirmed authenticator.")
        # The same computation TOTPDevice.verify_token() checks against.
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
