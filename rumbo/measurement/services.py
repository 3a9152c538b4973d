"""Every write of the measurement app."""

import datetime
from typing import Any

from django.db import transaction

from rumbo.core.models import Job
from rumbo.core.services import job_create
from rumbo.measurement import counters
from rumbo.measurement.models import DailyCount, DonorReport, TrackedLink
from rumbo.measurement.targets import target_problem


@transaction.atomic
def link_save(*, link: TrackedLink) -> TrackedLink:
    """Creates or updates a tracked link. Its clicks are counted under its code, so a new
    target keeps them; the code itself cannot change once printed."""
    if link.pk:
        link.code = TrackedLink.objects.values_list("code", flat=True).get(pk=link.pk)
    link.full_clean()
    link.save()
    return link


def link_follow(*, code: str, request: Any) -> str | None:
    """The target of an active link, counting the click unless the visitor asked not to be
    counted; None for an unknown, inactive or no longer acceptable link."""
    link = (
        TrackedLink.objects.select_related("campaign__country")
        .filter(code=code, is_active=True)
        .first()
    )
    if link is None or target_problem(link.target):
        return None
    meta = request.META
    if meta.get("HTTP_DNT") != "1" and meta.get("HTTP_SEC_GPC") != "1":
        counters.counts_add(
            site=link.campaign.slug,
            country=link.campaign.country.code,
            metric=DailyCount.Metric.CLICK,
            key=link.code,
        )
    return link.target


def donor_report_start(
    *,
    user: Any,
    programme: str,
    date_from: datetime.date,
    date_to: datetime.date,
    language: str,
) -> DonorReport:
    """Queues a donor report; its page follows the job's progress."""
    from rumbo.measurement.tasks import donor_report_build

    with transaction.atomic():
        job = job_create(kind="donor report", total=4, created_by=user)
        report = DonorReport.objects.create(
            job=job,
            programme=programme,
            date_from=date_from,
            date_to=date_to,
            language=language,
            created_by=user,
        )
    transaction.on_commit(lambda: donor_report_build(str(report.pk)))
    return report


def donor_report_job(*, report: DonorReport) -> Job:
    return Job.objects.get(pk=report.job_id)
