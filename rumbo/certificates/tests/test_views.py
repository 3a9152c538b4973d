import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rumbo.certificates import views
from rumbo.certificates.services import certificate_revoke

FORM = "/verify/"
CHECK = "/verify/check/"


def test_form_page_works_without_javascript(client, db):
    response = client.get(FORM)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="code"' in html
    assert "<script" not in html


def test_typed_code_in_any_case_with_spaces_opens_the_certificate(client, certificate):
    typed = " ".join(certificate.code[i : i + 4] for i in range(0, 12, 4)).lower()
    response = client.get(FORM, {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == certificate.get_absolute_url()


def test_certificate_page_shows_valid_name_course_and_date(client, certificate):
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid" in html
    assert "Amal Haddad" in html
    assert certificate.course_title in html
    assert str(certificate.completed_at.year) in html
    assert "learner@example.org" not in html


def test_certificate_address_without_dashes_redirects_to_the_one_address(client, certificate):
    response = client.get(f"/verify/{certificate.code.lower()}/")
    assert response.status_code == 301
    assert response["Location"] == certificate.get_absolute_url()


def test_revoked_certificate_shows_date_and_reason(client, certificate, admin_user):
    certificate_revoke(certificate=certificate, actor=admin_user, reason="Obtained by fraud")
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Revoked on" in html
    assert "Obtained by fraud" in html
    assert "Valid:" not in html


def test_unknown_code_answers_404_with_a_message(client, db):
    response = client.get(FORM, {"code": "2222-3333-4444"})
    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


@pytest.mark.parametrize("code", ["", "hello", "0000-0000-0000", "x" * 1000, "<b>1</b>"])
def test_malformed_code_answers_400_with_a_message(client, db, code):
    response = client.get(FORM, {"code": code})
    assert response.status_code == 400
    assert "12 letters and digits" in response.content.decode()


def test_malformed_code_in_the_address_answers_400(client, db):
    assert client.get("/verify/not-a-code/").status_code == 400


def test_guessing_codes_is_rate_limited_with_a_translated_message(client, db, monkeypatch):
    monkeypatch.setattr(views, "VERIFY_RATE", "3/h")
    for _ in range(3):
        assert client.get(FORM, {"code": "2222-3333-4444"}).status_code == 404
    response = client.get(FORM, {"code": "2222-3333-4445"})
    assert response.status_code == 429
    assert "Too many checks" in response.content.decode()
    client.cookies["django_language"] = "es"
    spanish = client.get("/verify/2222-3333-4446/")
    assert spanish.status_code == 429
    assert "Demasiadas consultas" in spanish.content.decode()


def test_valid_codes_do_not_count_against_the_limit(client, certificate, monkeypatch):
    monkeypatch.setattr(views, "VERIFY_RATE", "2/h")
    for _ in range(5):
        assert client.get(certificate.get_absolute_url()).status_code == 200


def test_pasted_credential_is_checked(client, certificate):
    response = client.post(CHECK, {"credential": json.dumps(certificate.credential)})
    assert response.status_code == 200
    assert "The credential is valid" in response.content.decode()


def test_uploaded_credential_is_checked(client, certificate):
    upload = SimpleUploadedFile(
        "badge.json", json.dumps(certificate.credential).encode(), "application/json"
    )
    response = client.post(CHECK, {"file": upload})
    assert response.status_code == 200
    assert "The credential is valid" in response.content.decode()


def test_tampered_credential_is_invalid_with_the_reason(client, certificate):
    tampered = certificate.credential | {"name": "A degree in medicine"}
    response = client.post(CHECK, {"credential": json.dumps(tampered)})
    assert response.status_code == 422
    assert "changed since it was issued" in response.content.decode()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("", 400),
        ("not json", 400),
        ("[" * 5000 + "]" * 5000, 400),
        ('{"a": "' + "x" * 70_000 + '"}', 400),
        ('"just a string"', 422),
        ("[1, 2, 3]", 422),
        ("{}", 422),
        ('{"type": ["OpenBadgeCredential"], "proof": {"verificationMethod": 5}}', 422),
    ],
)
def test_bad_credential_input_gets_a_message_never_a_server_error(client, db, text, status):
    response = client.post(CHECK, {"credential": text})
    assert response.status_code == status
    assert 'id="check-result"' in response.content.decode()


def test_oversized_upload_is_refused_naming_the_file(client, db):
    upload = SimpleUploadedFile("big.json", b" " * 70_000 + b"{}", "application/json")
    response = client.post(CHECK, {"file": upload})
    assert response.status_code == 400
    assert "big.json" in response.content.decode()


def test_upload_that_is_not_utf8_is_refused(client, db):
    upload = SimpleUploadedFile("badge.json", b'{"a": "\xff"}', "application/json")
    assert client.post(CHECK, {"file": upload}).status_code == 400


def test_issuer_document_is_json_with_the_public_key(client, certificate):
    response = client.get(reverse("certificates:issuer", kwargs={"slug": "test-issuer"}))
    assert response.status_code == 200
    document = response.json()
    assert (
        document["verificationMethod"][0]["id"]
        == (certificate.credential["proof"]["verificationMethod"])
    )


def test_unknown_issuer_is_404(client, db):
    assert client.get("/verify/issuers/nobody/").status_code == 404


def test_learner_downloads_their_own_credential(client, certificate):
    client.force_login(certificate.enrolment.user)
    response = client.get(reverse("certificates:credential", args=[certificate.display_code]))
    assert response.status_code == 200
    assert json.loads(response.content) == certificate.credential
    assert "attachment" in response["Content-Disposition"]


def test_nobody_else_downloads_a_learners_credential(client, certificate, admin_user):
    url = reverse("certificates:credential", args=[certificate.display_code])
    assert client.get(url).status_code == 404
    client.force_login(admin_user)
    assert client.get(url).status_code == 404


def test_paste_beyond_djangos_limit_gets_400_not_a_server_error(client, db):
    response = client.post(CHECK, {"credential": "x" * 3_000_000})
    assert response.status_code == 400
    assert "the pasted text: the text is larger than 64 KB" in response.content.decode()
