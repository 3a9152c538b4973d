import datetime

import pytest
from django.utils import timezone
from huey.api import PeriodicTask

from rumbo.plans.models import Plan
from rumbo.plans.services import plan_start
from rumbo.plans.tasks import plans_purge_expired

pytestmark = pytest.mark.django_db


def test_purge_deletes_expired_plans_only(flow):
    expired, current = plan_start(flow=flow), plan_start(flow=flow)
    Plan.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    plans_purge_expired.call_local()
    assert list(Plan.objects.values_list("pk", flat=True)) == [current.pk]


def test_purge_is_a_periodic_task():
    assert issubclass(plans_purge_expired.task_class, PeriodicTask)
