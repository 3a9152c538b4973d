import pytest
from django.urls import reverse

from rumbo.audit.models import AuditEntry
from rumbo.certificates.models import Certificate, Issuer

CHANGELIST = "admin:certificates_certificate_changelist"


@pytest.mark.parametrize("model", [Certificate, Issuer])
def test_admin_list_and_change_pages_open(admin_client, certificate, model):
    name = model._meta.model_name
    assert admin_client.get(reverse(f"admin:certificates_{name}_changelist")).status_code == 200
    item = model.objects.order_by("pk").first()
    url = reverse(f"admin:certificates_{name}_change", args=[item.pk])
    assert admin_client.get(url).status_code == 200


def test_revoke_action_asks_for_a_reason_first(admin_client, certificate):
    response = admin_client.post(
        reverse(CHANGELIST), {"action": "revoke", "_selected_action": [certificate.pk]}
    )
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoke_action_revokes_with_the_reason_and_audits(admin_client, admin_user, certificate):
    admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "revoke",
            "_selected_action": [certificate.pk],
            "apply": "1",
            "reason": "Issued to the wrong person",
        },
    )
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Issued to the wrong person"
    assert AuditEntry.objects.filter(
        actor=admin_user, action="revoke", target_id=str(certificate.pk)
    ).exists()


def test_certificates_cannot_be_deleted_in_the_admin(admin_client, certificate):
    url = reverse("admin:certificates_certificate_delete", args=[certificate.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_issuer_identifier_cannot_change_once_created(admin_client, issuer):
    url = reverse("admin:certificates_issuer_change", args=[issuer.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="slug"' not in html
