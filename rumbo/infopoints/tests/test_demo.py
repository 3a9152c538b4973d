import pytest

from rumbo.infopoints.models import InfoPoint, InfoPointLanguage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_demo_has_at_least_thirty_points_in_the_five_countries():
    points = InfoPoint.objects.filter(is_demo=True)
    assert points.count() >= 30
    countries = set(points.values_list("place__country__code", flat=True))
    assert countries == {"MX", "GT", "HN", "SV", "NI"}


def test_every_demo_point_sits_in_a_municipality_near_its_coordinates():
    for point in InfoPoint.objects.filter(is_demo=True).select_related("place"):
        assert point.place.kind == "city"
        assert abs(point.place.latitude - point.latitude) < 0.1
        assert abs(point.place.longitude - point.longitude) < 0.1
        assert point.opening_hours.exists()
        assert point.services.exists()


def test_demo_speaks_kiche_garifuna_and_miskito_where_they_are_spoken():
    def places(code: str) -> set[str]:
        return set(
            InfoPointLanguage.objects.filter(code=code).values_list(
                "info_point__place__name", flat=True
            )
        )

    assert {"Totonicapán", "Santa Cruz del Quiché"} <= places("quc")
    assert "La Ceiba" in places("cab")
    assert "Bluefields" in places("miq")
