from django.core.management import call_command
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="2", minute="30"))
def casework_purge_daily() -> None:
    """Retention: erases personal data idle for RUMBO_RETENTION_MONTHS (default 12)."""
    call_command("casework_purge")
