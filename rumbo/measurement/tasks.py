"""Background work: writing waiting counts, building donor reports."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from rumbo.measurement import counters


@db_periodic_task(crontab(minute="*"))
def counts_flush_periodic() -> None:
    """The worker's own counts (funnel events from tasks); web processes flush theirs when
    they are due (rumbo.measurement.counters)."""
    counters.counts_flush()


@db_task()
def donor_report_build(report_id: str) -> None:
    from rumbo.measurement.donor import donor_report_run

    donor_report_run(report_id=report_id)
