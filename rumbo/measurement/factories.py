import factory

from rumbo.campaigns.models import Campaign
from rumbo.core.factories import country
from rumbo.measurement.models import TrackedLink


def campaign(slug: str = "ponele-plan-a-tu-vida", code: str = "HN") -> Campaign:
    found, _created = Campaign.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").title(), "country": country(code)}
    )
    return found


class TrackedLinkFactory(factory.django.DjangoModelFactory[TrackedLink]):
    class Meta:
        model = TrackedLink

    code = factory.Sequence(lambda n: f"link-{n}")
    campaign = factory.LazyFunction(campaign)
    kind = TrackedLink.Kind.POSTER
    label = factory.Sequence(lambda n: f"Poster {n}")
    target = "/plan/"
