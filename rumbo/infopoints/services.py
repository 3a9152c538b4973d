from datetime import date

from django.db import transaction
from django.utils import timezone

from rumbo.infopoints.models import InfoPoint


@transaction.atomic
def info_point_confirm(*, point: InfoPoint, on: date | None = None) -> InfoPoint:
    """Records that the organisation checked the point's details (today by default)."""
    point.last_confirmed = on or timezone.localdate()
    point.full_clean()
    point.save(update_fields=["last_confirmed", "updated_at"])
    return point


@transaction.atomic
def info_point_confirm_many(*, point_ids: list[int], on: date | None = None) -> int:
    return InfoPoint.objects.filter(pk__in=point_ids).update(
        last_confirmed=on or timezone.localdate(), updated_at=timezone.now()
    )
