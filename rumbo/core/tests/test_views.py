import json
import logging

import pytest
from django.conf import settings
from django.db import DatabaseError

from rumbo.core.logging import JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("demo_data")
def test_home_lists_the_parts_of_the_site_and_the_countries(client):
    html = client.get("/").content.decode()
    assert 'href="/campaigns/"' in html
    for country in ("México", "Guatemala", "Honduras", "El Salvador", "Nicaragua"):
        assert country in html


def test_home_is_spanish_by_default(client):
    html = client.get("/").content.decode()
    assert '<html lang="es" dir="ltr">' in html
    assert "Saltar al contenido" in html


def test_language_follows_the_browser_when_no_choice_was_made(client):
    html = client.get("/", headers={"accept-language": "fr"}).content.decode()
    assert '<html lang="fr" dir="ltr">' in html


def test_language_choice_is_remembered_without_an_account(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/campaigns/"})
    assert response.status_code == 302
    assert response["Location"] == "/campaigns/"
    html = client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "انتقل إلى المحتوى" in html


def test_language_switch_refuses_to_redirect_off_site(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_every_page_offers_all_languages(client):
    html = client.get("/").content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'name="language" value="{code}"' in html


def test_healthz_reports_the_database_without_secrets(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused to secret-host:5432")

    monkeypatch.setattr("rumbo.core.views.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "secret-host" not in response.content.decode()


def test_requests_are_logged_by_route_without_query_or_client(client, caplog):
    with caplog.at_level(logging.INFO, logger="rumbo.request"):
        client.get("/campaigns/?q=maria.lopez@example.org", REMOTE_ADDR="203.0.113.9")
    record = caplog.records[-1]
    assert record.route == "campaigns/"
    assert record.status == 200
    line = JsonFormatter().format(record)
    assert "maria.lopez" not in line
    assert "203.0.113.9" not in line
    assert json.loads(line)["route"] == "campaigns/"


def test_unknown_page_is_a_404_not_an_error(client):
    assert client.get("/campaigns/no-such-campaign/").status_code == 404


def test_head_requests_are_answered_for_link_checkers_and_load_balancers(client):
    assert client.head("/").status_code == 200
    assert client.head("/healthz").status_code == 200


def test_unknown_address_gets_a_translated_page_not_found(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'href="/"' in response.content.decode()
