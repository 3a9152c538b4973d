"""The funnel, counted from the records other apps create, without editing those apps.

A receiver adds one to the day's count of a step for the site the request came to (the
contextvar set by the counting middleware), never anything about the record: the plan's
code, the appointment's reference or the learner stay where they are. Consultations and
referrals are counted for the campaign the consultation records as its source, since staff
enter them on their own pages. Counts are added when the transaction commits, so a refused
write counts nothing. A request that asked not to be counted (DNT, Sec-GPC) adds nothing.
"""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save, pre_save

from rumbo.measurement import counters
from rumbo.measurement.models import DailyCount, Indicator

Step = Indicator.Measure


def _count_for_request(step: str) -> None:
    request = counters.current_request.get()
    if request is False:  # the visitor asked not to be counted
        return
    site, country = counters.request_site(request)
    day = counters.today()
    transaction.on_commit(
        lambda: counters.counts_add(
            site=site, country=country, metric=DailyCount.Metric.FUNNEL, key=step, day=day
        )
    )


def _count_for_campaign(step: str, *, campaign: Any, point_id: int | None, day) -> None:
    from rumbo.infopoints.models import InfoPoint

    country = ""
    if point_id:
        country = (
            InfoPoint.objects.filter(pk=point_id)
            .values_list("place__country__code", flat=True)
            .first()
            or ""
        )
    site = campaign.slug if campaign is not None else ""
    transaction.on_commit(
        lambda: counters.counts_add(
            site=site, country=country, metric=DailyCount.Metric.FUNNEL, key=step, day=day
        )
    )


def _completed_now(sender, instance, update_fields) -> bool:
    """True when this save sets `completed_at` for the first time."""
    if instance.completed_at is None:
        return False
    if instance._state.adding:
        return True
    if update_fields is not None and "completed_at" not in update_fields:
        return False
    return sender.objects.filter(pk=instance.pk, completed_at__isnull=True).exists()


def plan_pre_save(sender, instance, update_fields=None, **kwargs) -> None:
    instance._measurement_completed = _completed_now(sender, instance, update_fields)


def plan_saved(sender, instance, created, **kwargs) -> None:
    if created:
        _count_for_request(Step.STARTED)
    if getattr(instance, "_measurement_completed", False):
        _count_for_request(Step.PLANS)


def appointment_saved(sender, instance, created, **kwargs) -> None:
    if created and not instance.is_demo:
        _count_for_request(Step.APPOINTMENTS)


def consultation_saved(sender, instance, created, **kwargs) -> None:
    if not created or instance.is_demo:
        return
    campaign = instance.campaign
    if campaign is None and instance.tracked_code_id:
        campaign = instance.tracked_code.campaign
    _count_for_campaign(
        Step.CONSULTATIONS, campaign=campaign, point_id=instance.info_point_id, day=instance.date
    )


def referral_saved(sender, instance, created, **kwargs) -> None:
    if not created or instance.is_demo:
        return
    consultation = instance.consultation
    campaign = consultation.campaign
    if campaign is None and consultation.tracked_code_id:
        campaign = consultation.tracked_code.campaign
    _count_for_campaign(
        Step.REFERRALS, campaign=campaign, point_id=instance.from_point_id, day=counters.today()
    )


def enrolment_pre_save(sender, instance, update_fields=None, **kwargs) -> None:
    instance._measurement_completed = _completed_now(sender, instance, update_fields)


def enrolment_saved(sender, instance, created, **kwargs) -> None:
    if instance.is_demo:
        return
    if created:
        _count_for_request(Step.ENROLMENTS)
    if getattr(instance, "_measurement_completed", False):
        _count_for_request(Step.COMPLETIONS)


def connect() -> None:
    from rumbo.casework.models import AppointmentRequest, Consultation, Referral
    from rumbo.learning.models import Enrolment
    from rumbo.plans.models import Plan

    uid = "rumbo.measurement."
    pre_save.connect(plan_pre_save, sender=Plan, dispatch_uid=uid + "plan_pre")
    post_save.connect(plan_saved, sender=Plan, dispatch_uid=uid + "plan")
    post_save.connect(appointment_saved, sender=AppointmentRequest, dispatch_uid=uid + "appt")
    post_save.connect(consultation_saved, sender=Consultation, dispatch_uid=uid + "consult")
    post_save.connect(referral_saved, sender=Referral, dispatch_uid=uid + "referral")
    pre_save.connect(enrolment_pre_save, sender=Enrolment, dispatch_uid=uid + "enrol_pre")
    post_save.connect(enrolment_saved, sender=Enrolment, dispatch_uid=uid + "enrol")
