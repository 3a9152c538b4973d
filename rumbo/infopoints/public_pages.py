from django.urls import reverse

from rumbo.core.models import Place
from rumbo.infopoints.models import InfoPoint


def _tapachula_query() -> str:
    tapachula = Place.objects.get(name="Tapachula", kind=Place.Kind.CITY)
    return (
        f"?country=MX&state={tapachula.parent_id}&place={tapachula.pk}&service=&language=&open=on"
    )


PAGES = {
    "list": lambda: reverse("infopoints:list"),
    # The list with results: the heaviest version of the page, held to the same budget.
    "list-results": lambda: reverse("infopoints:list") + _tapachula_query(),
    "map": lambda: reverse("infopoints:map") + _tapachula_query().replace("&open=on", ""),
    "detail": lambda: InfoPoint.objects.order_by("pk")[0].get_absolute_url(),
}
