from datetime import date

from django.db import transaction
from django.utils import timezone

from rumbo.infopoints.models import InfoPoint


@transaction.atomic
def info_point_confirm_many(*, point_ids: list[int], on: date | None = None) -> int:
    return InfoPoint.objects.filter(pk__in=point_ids).update(
        last_confirmed=on or timezone.localdate(), updated_at=timezone.now()
    )
