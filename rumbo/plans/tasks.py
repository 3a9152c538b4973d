from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from rumbo.plans.services import plan_purge_expired


@db_periodic_task(crontab(minute="17", hour="*"))
def plans_purge_expired() -> int:
    """Deletes expired plans every hour (they are already refused when opened)."""
    return plan_purge_expired()
