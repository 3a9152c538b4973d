import pytest

from rumbo.measurement import demo
from rumbo.measurement.factories import campaign
from rumbo.measurement.models import DailyCount, MonthlyCount, SocialResult, TrackedLink

pytestmark = pytest.mark.django_db


def test_demo_gives_90_days_of_every_kind_of_count_marked_as_demo_and_loads_again_the_same():
    for slug, code in (("ponele-plan-a-tu-vida", "HN"), ("yocamino", "NI")):
        campaign(slug, code)
    demo.load()
    counts = DailyCount.objects.filter(site="yocamino")
    assert counts.values("day").distinct().count() == demo.DAYS
    assert set(counts.values_list("metric", flat=True)) == {
        "view",
        "visit",
        "device",
        "funnel",
        "click",
    }
    assert not counts.filter(is_demo=False).exists()
    assert SocialResult.objects.filter(campaign__slug="yocamino", is_demo=True).exists()
    assert TrackedLink.objects.filter(campaign__slug="yocamino", is_demo=True).count() == 4
    total = sum(counts.values_list("count", flat=True))
    monthly = sum(MonthlyCount.objects.filter(site="yocamino").values_list("count", flat=True))
    assert monthly == total
    before = (DailyCount.objects.count(), SocialResult.objects.count(), total)
    demo.load()
    again = sum(DailyCount.objects.filter(site="yocamino").values_list("count", flat=True))
    assert (DailyCount.objects.count(), SocialResult.objects.count(), again) == before
