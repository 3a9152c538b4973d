"""The bounding-box prefilter returns exactly what sorting the whole list returns."""

import random

import pytest

from rumbo.core.factories import PlaceFactory, country
from rumbo.opportunities.factories import OpportunityFactory
from rumbo.opportunities.selectors import (
    NearestFirst,
    OpportunityFilters,
    opportunity_search,
    opportunity_search_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(no_opportunities, monkeypatch):
    # Short lists are sorted whole; these tests are about the box.
    monkeypatch.setattr("rumbo.opportunities.selectors.SORT_WHOLE_BELOW", 0)
    rng = random.Random(7)
    gt = country("GT")
    places = [
        PlaceFactory.create(
            country=gt, latitude=rng.uniform(13.5, 17.5), longitude=rng.uniform(-92, -88.5)
        )
        for _number in range(30)
    ]
    for number in range(60):
        kind = number % 10
        OpportunityFactory.create(
            country=gt,
            is_online=kind == 0,
            places=[] if kind == 1 else rng.sample(places, rng.randint(1, 3)),
        )
    return places


@pytest.mark.parametrize("index", [0, 7, 19])
def test_prefiltered_pages_equal_the_full_sort(spread, index):
    filters = OpportunityFilters(origin=spread[index])
    paged = opportunity_search_page(filters=filters)
    assert isinstance(paged, NearestFirst)
    full = [item.pk for item in opportunity_search(filters=filters)]
    assert paged.count() == len(full) == 60
    for start in (0, 10, 50):
        assert [item.pk for item in paged[start : start + 10]] == full[start : start + 10]


def test_far_origin_falls_back_to_the_full_sort(spread):
    far = PlaceFactory.create(country=country("GT"), latitude=40.0, longitude=-60.0)
    filters = OpportunityFilters(origin=far)
    full = [item.pk for item in opportunity_search(filters=filters)]
    assert [item.pk for item in opportunity_search_page(filters=filters)[0:10]] == full[:10]
