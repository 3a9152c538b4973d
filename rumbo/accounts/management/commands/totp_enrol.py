from django.core.management.base import BaseCommand, CommandError

from rumbo.accounts.models import User
from rumbo.accounts.services import AccountError, totp_device_provision


class Command(BaseCommand):
    help = (
        "Gives a user an authenticator and prints its otpauth:// address to scan, for the "
        "first administrator after `createsuperuser` or a person who lost their phone. "
        "Audited as a change of credential."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--replace", action="store_true", help="Replace the user's existing authenticator."
        )

    def handle(self, *args, email: str, replace: bool, **options):
        user = User.objects.filter(email=email.lower()).first()
        if user is None:
            raise CommandError(f"No user with the email address {email}.")
        try:
            device = totp_device_provision(user=user, replace=replace)
        except AccountError:
            raise CommandError(
                f"{email} already has an authenticator; use --replace to reset it."
            ) from None
        self.stdout.write(device.config_url)
