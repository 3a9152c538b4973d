import pytest
from django.core.cache import cache
from django.urls import reverse

from rumbo.certificates.pdf import certificate_pdf
from rumbo.certificates.services import certificate_revoke


@pytest.mark.parametrize("language", ["es", "en", "fr", "ar"])
def test_pdf_is_made_in_the_course_language(certificate, language):
    certificate.language = language
    certificate.save()
    cache.clear()
    data = certificate_pdf(certificate=certificate)
    assert data.startswith(b"%PDF")
    # The font is embedded, so Arabic and accented names print (no Latin-1 fallback).
    assert b"FontFile2" in data


def test_pdf_is_kept_once_made(certificate, monkeypatch):
    first = certificate_pdf(certificate=certificate)
    monkeypatch.setattr("rumbo.certificates.pdf._render", lambda *args: pytest.fail("redrawn"))
    assert certificate_pdf(certificate=certificate) == first


def test_learner_downloads_their_certificate_pdf(client, certificate):
    client.force_login(certificate.enrolment.user)
    response = client.get(reverse("certificates:pdf", args=[certificate.display_code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_nobody_else_downloads_a_learners_pdf(client, certificate, admin_user):
    url = reverse("certificates:pdf", args=[certificate.display_code])
    assert client.get(url).status_code == 404
    client.force_login(admin_user)
    assert client.get(url).status_code == 404


def test_revoked_certificate_pdf_is_no_longer_offered(client, certificate, admin_user):
    certificate_revoke(certificate=certificate, actor=admin_user, reason="Issued in error")
    client.force_login(certificate.enrolment.user)
    url = reverse("certificates:pdf", args=[certificate.display_code])
    assert client.get(url).status_code == 404
