"""The next concrete step for a pathway not met yet: the nearest point offering the service."""

import pytest

from rumbo.core.factories import PlaceFactory, country
from rumbo.guides.eligibility import Facts
from rumbo.infopoints.factories import InfoPointFactory
from rumbo.infopoints.models import Service
from rumbo.opportunities.selectors import pathway_next_step

pytestmark = pytest.mark.django_db


# A country without demo information points, so only this module's points count.
@pytest.fixture
def points():
    labour, _created = Service.objects.get_or_create(
        code="labour-mobility", defaults={"name": "Programas de movilidad laboral"}
    )
    xb = country("XB")
    near = InfoPointFactory.create(
        name="Cerca", place=PlaceFactory.create(country=xb, latitude=10.1, longitude=-84.0)
    )
    far = InfoPointFactory.create(
        name="Lejos", place=PlaceFactory.create(country=xb, latitude=9.0, longitude=-83.0)
    )
    other = InfoPointFactory.create(
        name="Sin el servicio",
        place=PlaceFactory.create(country=xb, latitude=10.1, longitude=-84.0),
    )
    near.services.add(labour)
    far.services.add(labour)
    return near, far, other


def test_work_pathway_points_to_the_nearest_labour_mobility_point(points):
    near, _far, _other = points
    home = PlaceFactory.create(country=country("XB"), latitude=10.05, longitude=-84.05)
    step = pathway_next_step(pathway_kind="temporary_work", facts=Facts(place_id=home.pk))
    assert step is not None
    assert (step.name, step.url) == (near.name, near.get_absolute_url())
    assert step.distance_km is not None
    assert step.distance_km < 10


def test_without_a_place_any_point_of_the_country_offering_it(points):
    step = pathway_next_step(pathway_kind="seasonal_work", facts=Facts(nationality="xb"))
    assert step is not None
    assert step.name in {"Cerca", "Lejos"}


def test_no_point_offering_the_service_gives_none(points):
    assert pathway_next_step(pathway_kind="asylum", facts=Facts(nationality="XB")) is None
    assert pathway_next_step(pathway_kind="temporary_work", facts=Facts(nationality="XC")) is None
