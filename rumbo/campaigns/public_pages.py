from django.urls import reverse

from rumbo.campaigns.models import Campaign

PAGES = {
    "list": lambda: reverse("campaigns:list"),
    "detail": lambda: Campaign.objects.order_by("pk")[0].get_absolute_url(),
}
