import io
from typing import cast
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.campaigns.factories import (
    CampaignFactory,
    CampaignRoleFactory,
    NewsItemFactory,
    PressContactFactory,
)
from rumbo.campaigns.models import CampaignRole, LandingRevision, NewsItem

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def campaign():
    return CampaignFactory(slug="ponele", name="Ponele plan")


@pytest.fixture
def manager_client(client, campaign, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    role = CampaignRoleFactory(campaign=campaign, role=CampaignRole.Role.MANAGER)
    login_with_second_factor(client, role.user)
    return client


def test_atom_feed_is_valid_with_the_required_elements(client, campaign):
    contact = PressContactFactory(campaign=campaign)
    item = NewsItemFactory(campaign=campaign, title="Lanzamiento")
    item.contacts.add(contact)
    NewsItemFactory(campaign=campaign, title="Borrador", published_at=None)
    response = client.get(reverse("campaigns:feed", kwargs={"slug": "ponele"}))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Lanzamiento"]
    for required in ("id", "title", "updated", "link"):
        assert entries[0].find(f"{ATOM}{required}") is not None, required


def test_regional_feed_holds_every_campaigns_news(client, campaign):
    NewsItemFactory(campaign=campaign, title="Uno")
    NewsItemFactory(campaign=CampaignFactory(), title="Dos")
    feed = ElementTree.fromstring(client.get(reverse("campaigns:regional_feed")).content)  # noqa: S314
    titles = {entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")}
    assert {"Uno", "Dos"} <= titles


def test_press_page_names_the_contacts(client, campaign):
    PressContactFactory(campaign=campaign, name="Ana Prensa")
    html = client.get(reverse("campaigns:press", kwargs={"slug": "ponele"})).content.decode()
    assert "Ana Prensa" in html
    assert "mailto:prensa@example.org" in html


def test_poster_is_a_pdf_download(client, campaign):
    response = client.get("/c/ponele/campaigns/ponele/poster.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")


def test_qr_code_encodes_the_site(client, campaign):
    response = client.get(reverse("campaigns:qr", kwargs={"slug": "ponele"}))
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_logo_is_served_sandboxed(client, campaign):
    campaign.logo_svg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'
    campaign.save()
    response = client.get(reverse("campaigns:logo", kwargs={"slug": "ponele"}))
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]


def test_partner_logos_are_shown_and_served_sandboxed(client, campaign):
    from rumbo.campaigns.models import Partnership
    from rumbo.core.factories import OrganisationFactory
    from rumbo.core.models import Organisation

    partnership = Partnership.objects.create(
        campaign=campaign,
        organisation=cast(Organisation, OrganisationFactory()),
        role=Partnership.Role.FUNDER,
        logo_svg='<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>',
    )
    logo = reverse("campaigns:partner_logo", kwargs={"slug": "ponele", "pk": partnership.pk})
    page = client.get(reverse("campaigns:partners", kwargs={"slug": "ponele"}))
    assert f'<img src="{logo}" alt=""' in page.content.decode()
    response = client.get(logo)
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    other = CampaignFactory(slug="otra")
    wrong = reverse("campaigns:partner_logo", kwargs={"slug": other.slug, "pk": partnership.pk})
    assert client.get(wrong).status_code == 404


def test_team_pages_need_the_second_factor(client, campaign):
    role = CampaignRoleFactory(campaign=campaign)
    client.force_login(role.user)  # password only
    response = client.get(reverse("campaigns:manage_campaign", kwargs={"slug": "ponele"}))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_manager_cannot_open_another_campaign(manager_client):
    CampaignFactory(slug="otra")
    url = reverse("campaigns:manage_campaign", kwargs={"slug": "otra"})
    assert manager_client.get(url).status_code == 404


def test_manager_edits_previews_and_publishes_the_landing_page(manager_client, campaign):
    url = reverse("campaigns:manage_block_new", kwargs={"slug": "ponele"})
    response = manager_client.post(
        url, {"kind": "problem", "order": "1", "title_es": "Nuevo mensaje", "body_es": "**Hola**"}
    )
    assert response.status_code == 302
    public = manager_client.get("/c/ponele/").content.decode()
    assert "Nuevo mensaje" not in public
    preview = manager_client.get(reverse("campaigns:manage_preview", kwargs={"slug": "ponele"}))
    assert "Nuevo mensaje" in preview.content.decode()
    assert "<strong>Hola</strong>" in preview.content.decode()
    manager_client.post(reverse("campaigns:manage_publish", kwargs={"slug": "ponele"}))
    assert "Nuevo mensaje" in manager_client.get("/c/ponele/").content.decode()
    assert LandingRevision.objects.filter(campaign=campaign, published_at__isnull=False).exists()


def test_block_form_keeps_input_when_the_title_is_missing(manager_client):
    url = reverse("campaigns:manage_block_new", kwargs={"slug": "ponele"})
    response = manager_client.post(url, {"kind": "problem", "order": "1", "body_es": "Guardado"})
    assert response.status_code == 200
    assert "Guardado" in response.content.decode()


def test_manager_posts_news_that_reaches_the_feed(manager_client, campaign):
    url = reverse("campaigns:manage_news", kwargs={"slug": "ponele"})
    manager_client.post(
        url, {"kind": "news", "title": "Feria de empleo", "body": "Ven.", "publish": "on"}
    )
    item = NewsItem.objects.get(campaign=campaign)
    assert item.published_at is not None
    feed = manager_client.get(reverse("campaigns:feed", kwargs={"slug": "ponele"}))
    assert b"Feria de empleo" in feed.content


def test_oversized_upload_answers_400_with_the_message(manager_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.RUMBO_CAMPAIGN_MATERIAL_MAX_MB = 1
    upload = io.BytesIO(b"%PDF-" + b"0" * (1024 * 1024 + 10))
    upload.name = "afiche.pdf"
    url = reverse("campaigns:manage_material", kwargs={"slug": "ponele"})
    response = manager_client.post(url, {"kind": "poster", "title": "Afiche", "file": upload})
    assert response.status_code == 400
    assert "larger than 1" in response.content.decode()
    assert 'value="Afiche"' in response.content.decode()


def test_mistyped_upload_answers_400(manager_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = io.BytesIO(b"<html>not a png</html>")
    upload.name = "card.png"
    url = reverse("campaigns:manage_material", kwargs={"slug": "ponele"})
    response = manager_client.post(url, {"kind": "card", "title": "Tarjeta", "file": upload})
    assert response.status_code == 400
    assert "not really a .png file" in response.content.decode()


def test_regional_list_links_to_each_site(client, campaign):
    html = client.get(reverse("campaigns:list")).content.decode()
    assert 'href="/c/ponele/"' in html


def test_manager_adds_a_channel_but_not_a_script_address(manager_client, campaign):
    url = reverse("campaigns:manage_channel", kwargs={"slug": "ponele"})
    refused = manager_client.post(url, {"platform": "x", "url": "javascript:alert(1)"})
    assert refused.status_code == 200
    assert not campaign.channels.exists()
    manager_client.post(url, {"platform": "x", "url": "https://x.example/ponele", "handle": "@p"})
    assert campaign.channels.get().url == "https://x.example/ponele"
    home = manager_client.get("/c/ponele/").content.decode()
    assert 'href="https://x.example/ponele" rel="noopener noreferrer"' in home
    assert "<script" not in home
    assert "<iframe" not in home


def test_manager_adds_a_partner_with_its_role(manager_client, campaign):
    from rumbo.opportunities.factories import ProviderFactory

    organisation = ProviderFactory(name="Universidad Demo")
    url = reverse("campaigns:manage_partner", kwargs={"slug": "ponele"})
    manager_client.post(url, {"organisation": organisation.pk, "role": "academic"})
    page = manager_client.get(reverse("campaigns:partners", kwargs={"slug": "ponele"}))
    assert "Universidad Demo" in page.content.decode()
    assert "Academic partner" in page.content.decode()


def test_manager_cannot_remove_another_campaigns_block(manager_client):
    from rumbo.campaigns.factories import LandingBlockFactory

    other = LandingBlockFactory(campaign=CampaignFactory())
    url = reverse(
        "campaigns:manage_remove", kwargs={"slug": "ponele", "kind": "block", "pk": other.pk}
    )
    assert manager_client.post(url).status_code == 404
    assert type(other).objects.filter(pk=other.pk).exists()


def test_removing_a_block_makes_a_new_draft_version(manager_client, campaign):
    from rumbo.campaigns.factories import LandingBlockFactory

    block = LandingBlockFactory(campaign=campaign)
    url = reverse(
        "campaigns:manage_remove", kwargs={"slug": "ponele", "kind": "block", "pk": block.pk}
    )
    manager_client.post(url)
    assert not campaign.blocks.exists()
    assert LandingRevision.objects.filter(campaign=campaign, published_at=None).count() == 1


def test_only_a_regional_officer_writes_regional_news(client, manager_client, campaign):
    url = reverse("campaigns:manage_regional_news")
    assert manager_client.get(url).status_code == 404
    officer = CampaignRoleFactory(campaign=None, role=CampaignRole.Role.OFFICER).user
    client.logout()
    login_with_second_factor(client, officer)
    client.post(url, {"kind": "release", "title": "Informe regional", "body": "B", "publish": "on"})
    item = NewsItem.objects.get(title="Informe regional")
    assert item.campaign is None
    feed = client.get(reverse("campaigns:regional_feed"))
    assert b"Informe regional" in feed.content
