import pytest

from rumbo.campaigns.models import (
    Campaign,
    CampaignRole,
    LandingRevision,
    Material,
    NewsItem,
    Partnership,
    SocialChannel,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_demo_has_five_themed_campaign_sites():
    campaigns = Campaign.objects.filter(is_demo=True, domain__endswith=".localhost")
    assert campaigns.count() == 5
    assert all(c.slogan and c.logo_svg.startswith("<svg") for c in campaigns)


def test_demo_sites_have_published_pages_partners_channels_materials_and_news():
    for campaign in Campaign.objects.filter(is_demo=True):
        assert LandingRevision.objects.filter(campaign=campaign, published_at__isnull=False)
        assert Partnership.objects.filter(campaign=campaign, role="funder").exists()
        assert SocialChannel.objects.filter(campaign=campaign).count() == 3
        kinds = set(Material.objects.filter(campaign=campaign).values_list("kind", flat=True))
        assert kinds == {"poster", "audio", "video"}
        release = NewsItem.objects.get(campaign=campaign, kind="release")
        assert release.is_demo
        assert release.published_at
        assert release.contacts.exists()


def test_demo_media_carry_transcripts_and_captions():
    media = Material.objects.filter(kind__in=["audio", "video"], is_demo=True)
    assert media.count() == 10
    assert all(m.transcript and m.captions.startswith("WEBVTT") for m in media)


def test_demo_facts_are_on_the_landing_pages():
    mexico = LandingRevision.objects.filter(campaign__slug="migrar-informados").first()
    assert "59 %" in str(mexico.content)
    assert "49 %" in str(mexico.content)
    nicaragua = LandingRevision.objects.filter(campaign__slug="yocamino").first()
    assert "60 %" in str(nicaragua.content)


def test_demo_campaign_manager_and_officer_exist():
    assert CampaignRole.objects.filter(
        role="manager", campaign__slug="ponele-plan-a-tu-vida"
    ).exists()
    assert CampaignRole.objects.filter(role="officer", campaign=None).exists()
