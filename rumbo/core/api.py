from ninja import Router, Schema

from rumbo.core.selectors import country_list, place_search

router = Router(tags=["places"])


class CountryOut(Schema):
    code: str
    name: str
    role: str


class PlaceOut(Schema):
    id: int
    name: str
    kind: str
    country: str
    state: str | None
    latitude: float
    longitude: float


@router.get("/countries", response=list[CountryOut])
def countries(request):
    return list(country_list())


@router.get("/places", response=list[PlaceOut])
def places(request, q: str, country: str | None = None):
    """Places of the gazetteer whose name matches `q`, ignoring accents and case."""
    return [
        PlaceOut(
            id=place.pk,
            name=place.name,
            kind=place.kind,
            country=place.country.code,
            state=place.parent.name if place.parent else None,
            latitude=place.latitude,
            longitude=place.longitude,
        )
        for place in place_search(query=q[:100], country_code=country)
    ]
