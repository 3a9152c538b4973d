import json

import pytest

from rumbo.certificates import views
from rumbo.certificates.services import certificate_revoke


def test_certificate_status_by_code(client, certificate):
    response = client.get(f"/api/certificates/{certificate.code.lower()}")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "valid"
    assert data["learner_name"] == "Amal Haddad"
    assert data["code"] == certificate.display_code


def test_revoked_certificate_status_carries_date_and_reason(client, certificate, admin_user):
    certificate_revoke(certificate=certificate, actor=admin_user, reason="Issued in error")
    data = client.get(f"/api/certificates/{certificate.display_code}").json()
    assert data["status"] == "revoked"
    assert data["revocation_reason"] == "Issued in error"
    assert data["revoked_at"]


@pytest.mark.parametrize(("code", "status"), [("2222-3333-4444", 404), ("nonsense", 400)])
def test_unknown_or_malformed_code_gets_a_message(client, db, code, status):
    response = client.get(f"/api/certificates/{code}")
    assert response.status_code == status
    assert response.json()["detail"]


def test_guessing_by_api_is_rate_limited(client, db, monkeypatch):
    monkeypatch.setattr(views, "VERIFY_RATE", "2/h")
    for _ in range(2):
        assert client.get("/api/certificates/2222-3333-4444").status_code == 404
    assert client.get("/api/certificates/2222-3333-4445").status_code == 429


def test_credential_checked_by_api(client, certificate):
    response = client.post(
        "/api/certificates/verify",
        json.dumps(certificate.credential),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["valid"] is True


def test_tampered_credential_by_api_is_invalid(client, certificate):
    tampered = certificate.credential | {"name": "Something else"}
    data = client.post(
        "/api/certificates/verify", json.dumps(tampered), content_type="application/json"
    ).json()
    assert data["valid"] is False
    assert "changed" in data["detail"]


@pytest.mark.parametrize("body", [b"", b"not json", b"[" * 5000, b" " * 70_000, b'"\xff"'])
def test_bad_body_by_api_gets_400_with_a_message(client, db, body):
    response = client.post("/api/certificates/verify", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_body_beyond_djangos_limit_gets_400_not_a_server_error(client, db):
    body = b"{" + b" " * 3_000_000 + b"}"
    response = client.post("/api/certificates/verify", body, content_type="application/json")
    assert response.status_code == 400
