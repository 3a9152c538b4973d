import hashlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from rumbo.accounts.services import totp_device_ensure, user_ensure_superuser
from rumbo.core.discovery import app_module_list

DEMO_ADMIN_EMAIL = "admin@rumbo.example"
DEMO_ADMIN_PASSWORD = "rumbo-demo-admin"  # noqa: S105 - printed on purpose; demo only
# 20 bytes as hex, like the keys authenticators expect; fixed, printed, demo only.
DEMO_ADMIN_TOTP_KEY = hashlib.sha1(b"rumbo-demo-admin-totp").hexdigest()  # noqa: S324


class Command(BaseCommand):
    help = "Loads the demo data of every app (idempotent) and creates the demo administrator."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            self.stderr.write("Refusing to load demo data with RUMBO_ENV=production.")
            raise SystemExit(1)
        for config, module in app_module_list("demo"):
            with transaction.atomic():
                # load() may return lines to print, such as demo logins.
                notes = module.load() or []
            self.stdout.write(f"demo data loaded: {config.label}")
            for line in notes:
                self.stdout.write(f"  {line}")
        admin_user, created = user_ensure_superuser(
            email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD
        )
        # The admin site asks for a second factor like every staff page; the key is fixed so
        # that a phone enrolled once keeps working after the demo is loaded again.
        device = totp_device_ensure(user=admin_user, key_hex=DEMO_ADMIN_TOTP_KEY)
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo administrator (DEMO CREDENTIALS)"
                + (" created" if created else "")
                + f": /admin/  email {DEMO_ADMIN_EMAIL}  password {DEMO_ADMIN_PASSWORD}"
            )
        )
        self.stdout.write(f"  TOTP: {device.config_url}")
        self.stdout.write(
            "  No phone at hand? `.venv/bin/python manage.py totp_code EMAIL` prints the"
            " current two-factor code of any demo login."
        )
