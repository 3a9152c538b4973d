from django.conf import settings
from django.core.management.base import BaseCommand

from rumbo.casework.services import personal_data_purge


class Command(BaseCommand):
    help = (
        "Erases the personal fields of casework records without activity for "
        "RUMBO_RETENTION_MONTHS months; aggregate figures stay. Runs daily as a Huey task."
    )

    def handle(self, *args, **options) -> None:
        months = settings.RUMBO_RETENTION_MONTHS
        for model, count in personal_data_purge().items():
            self.stdout.write(f"{model}: {count} records erased (idle for {months} months)")
