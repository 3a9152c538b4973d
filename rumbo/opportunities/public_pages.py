from django.urls import reverse

from rumbo.core.models import Place
from rumbo.opportunities.selectors import opportunity_list_public


def _chinandega_query() -> str:
    chinandega = Place.objects.get(name="Chinandega", kind=Place.Kind.CITY, country__code="NI")
    return (
        f"?kind=learning&country=NI&state={chinandega.parent_id}&place={chinandega.pk}"
        "&age=19&free=on&language=spa"
    )


PAGES = {
    "list": lambda: reverse("opportunities:list"),
    # The list filtered and sorted by distance, with the place picker open: the heaviest
    # version of the page, held to the same budget.
    "list-results": lambda: reverse("opportunities:list") + _chinandega_query(),
    "detail": lambda: opportunity_list_public().order_by("pk")[0].get_absolute_url(),
    "correction": lambda: reverse(
        "opportunities:correction",
        kwargs={"slug": opportunity_list_public().order_by("pk")[0].slug},
    ),
}

EXCLUDED = {
    "partner": "a partner account's page (second factor)",
    "partner_new": "a partner account's page (second factor)",
    "partner_edit": "a partner account's page (second factor)",
    "partner_confirm": "POST only (a partner confirms a record)",
    "moderation": "moderators' page (second factor)",
    "import": "partners' and moderators' bulk import (second factor)",
    "moderation_revision": "moderators' page (second factor)",
    "moderation_correction": "POST only (a moderator closes a correction)",
    "confirm": "reached only through a signed link emailed to a partner",
}
