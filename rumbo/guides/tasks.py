"""Background tasks of the guides: the weekly check of the official links the content cites."""

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from rumbo.guides.links import link_check_all


@db_periodic_task(crontab(day_of_week="1", hour="4", minute="40"))
def guides_links_check() -> dict[str, int]:
    """Checks every official address on Monday nights, where RUMBO_LINK_CHECK is on (it
    reaches the internet: off in the demo and tests unless asked for)."""
    if not settings.RUMBO_LINK_CHECK:
        return {}
    return link_check_all()
