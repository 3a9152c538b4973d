"""Background tasks of the core app. Huey runs them: on the SQLite file by default, on Redis
when REDIS_URL is set (`make demo` starts a worker beside the web server)."""

from django.core.management import call_command
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


@db_periodic_task(crontab(hour="3", minute="15"))
def sessions_purge_expired() -> None:
    call_command("clearsessions")
