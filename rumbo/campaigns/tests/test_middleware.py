import pytest
from django.test import override_settings
from django.urls import reverse

from rumbo.campaigns.factories import CampaignFactory
from rumbo.campaigns.sites import campaign_sites_clear, theme_css, theme_hash

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sites_cleared():
    campaign_sites_clear()
    yield
    campaign_sites_clear()


@pytest.fixture
def campaign():
    return CampaignFactory(slug="ponele", name="Ponele plan", domain="ponele.example")


def test_prefix_serves_the_campaign_landing_page_with_its_theme(client, campaign):
    response = client.get("/c/ponele/")
    assert response.status_code == 200
    assert response.wsgi_request.campaign == campaign
    html = response.content.decode()
    assert "<h1>Ponele plan</h1>" in html
    assert f"<style>{theme_css(campaign)}</style>" in html


def test_prefix_keeps_the_site_on_every_public_page(client, campaign):
    response = client.get("/c/ponele/plan/")
    assert response.status_code == 200
    html = response.content.decode()
    # reverse() and {% url %} write links under the prefix.
    assert 'href="/c/ponele/guides/?origin=HN"' in html
    assert 'class="brand" href="/c/ponele/"' in html
    assert 'name="next" value="/c/ponele/plan/"' in html


def test_reverse_is_back_to_normal_after_a_campaign_request(client, campaign):
    client.get("/c/ponele/plan/")
    assert reverse("plans:landing") == "/plan/"


def test_prefix_without_trailing_slash_redirects(client, campaign):
    response = client.get("/c/ponele?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/c/ponele/?x=1"


def test_unknown_slug_is_not_found(client, campaign):
    assert client.get("/c/nadie/").status_code == 404


@override_settings(ALLOWED_HOSTS=["ponele.example", "testserver"])
def test_own_domain_serves_the_campaign_at_the_root(client, campaign):
    response = client.get("/", headers={"host": "ponele.example"})
    assert response.status_code == 200
    assert response.wsgi_request.campaign == campaign
    assert "<h1>Ponele plan</h1>" in response.content.decode()
    guides = client.get("/guides/", headers={"host": "PONELE.example:8000"})
    assert guides.wsgi_request.campaign == campaign
    assert 'class="brand" href="/"' in guides.content.decode()


@override_settings(ALLOWED_HOSTS=["ponele.example", "testserver", "otro.example"])
def test_an_allowed_host_that_is_no_campaign_is_the_regional_site(client, campaign):
    response = client.get("/plan/", headers={"host": "otro.example"})
    assert response.status_code == 200
    assert response.wsgi_request.campaign is None
    assert "<style>" not in response.content.decode()


def test_a_host_not_allowed_is_refused(client, campaign):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_csp_allows_exactly_the_theme_and_nothing_external(client, campaign):
    response = client.get("/c/ponele/")
    policy = response["Content-Security-Policy"]
    style = next(part for part in policy.split("; ") if part.startswith("style-src "))
    assert style == f"style-src 'self' {theme_hash(theme_css(campaign))}"
    assert "http" not in policy
    assert "'unsafe-inline'" not in policy


def test_theme_is_tiny(campaign):
    assert len(theme_css(campaign).encode()) <= 2048


def test_no_cookie_is_set_for_a_visitor(client, campaign):
    for path in ("/c/ponele/", "/c/ponele/guides/", "/c/ponele/plan/", "/c/ponele/materials/"):
        response = client.get(path.replace("/materials/", "/campaigns/ponele/materials/"))
        assert response.cookies == {}, path


def test_cached_pages_vary_by_site(client, campaign, settings):
    settings.RUMBO_PAGE_CACHE_ENABLED = True
    settings.ALLOWED_HOSTS = ["ponele.example", "testserver"]
    for _ in range(2):
        themed = client.get("/c/ponele/plan/")
        regional = client.get("/plan/")
        own_domain = client.get("/plan/", headers={"host": "ponele.example"})
    assert themed.get("X-Page-Cache") == "hit"
    assert f"<style>{theme_css(campaign)}</style>" in themed.content.decode()
    assert theme_hash(theme_css(campaign)) in themed["Content-Security-Policy"]
    assert "<style>" not in regional.content.decode()
    assert theme_hash(theme_css(campaign)) not in regional["Content-Security-Policy"]
    assert 'class="brand" href="/"' in own_domain.content.decode()
    assert "Ponele plan" in own_domain.content.decode()


@pytest.mark.parametrize("path", ["/c/ponele/", "/c/ponele/guides/", "/c/ponele/plan/"])
def test_campaign_pages_fit_the_first_round_trip(client, campaign, path):
    response = client.get(path, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) <= 14_600
