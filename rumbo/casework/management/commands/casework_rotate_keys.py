from django.core.management.base import BaseCommand

from rumbo.casework.services import field_keys_rotate


class Command(BaseCommand):
    help = (
        "Re-encrypts every encrypted field with the first key of RUMBO_FIELD_ENCRYPTION_KEYS. "
        "Put the new key first, run this, then remove the old key (docs/security.md)."
    )

    def handle(self, *args, **options) -> None:
        for model, count in field_keys_rotate().items():
            self.stdout.write(f"{model}: {count} records re-encrypted")
