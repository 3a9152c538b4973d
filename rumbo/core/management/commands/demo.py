from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from rumbo.accounts.services import user_ensure_superuser

DEMO_ADMIN_EMAIL = "admin@rumbo.example"
DEMO_ADMIN_PASSWORD = "rumbo-demo-admin"  # noqa: S105 - printed on purpose; demo only


class Command(BaseCommand):
    help = "Loads the demo data of every app (idempotent) and creates the demo administrator."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            self.stderr.write("Refusing to load demo data with RUMBO_ENV=production.")
            raise SystemExit(1)
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if config.name.startswith("rumbo.") and find_spec(module_name):
                with transaction.atomic():
                    # load() may return lines to print, such as demo logins.
                    notes = import_module(module_name).load() or []
                self.stdout.write(f"demo data loaded: {config.label}")
                for line in notes:
                    self.stdout.write(f"  {line}")
        _user, created = user_ensure_superuser(email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD)
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo administrator"
                + (" created" if created else "")
                + f": http://127.0.0.1:8000/admin/  email {DEMO_ADMIN_EMAIL}"
                + f"  password {DEMO_ADMIN_PASSWORD}"
            )
        )
