from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure


class Command(BaseCommand):
    help = (
        "Gives a user an authenticator and prints its otpauth:// address to scan, for the "
        "first administrator after `createsuperuser` or a person who lost their phone."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--replace", action="store_true", help="Replace the user's existing authenticator."
        )

    @transaction.atomic
    def handle(self, *args, email: str, replace: bool, **options):
        user = User.objects.filter(email=email.lower()).first()
        if user is None:
            raise CommandError(f"No user with the email address {email}.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.filter(confirmed=True).exists() and not replace:
            raise CommandError(f"{email} already has an authenticator; use --replace to reset it.")
        existing.delete()
        device = totp_device_ensure(user=user)
        self.stdout.write(device.config_url)
