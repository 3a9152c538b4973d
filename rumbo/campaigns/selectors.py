from django.db.models import QuerySet

from rumbo.campaigns.models import Campaign


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("country").prefetch_related("funders", "implementers")
