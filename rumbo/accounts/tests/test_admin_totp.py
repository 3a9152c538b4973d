import pytest
from django.urls import reverse

from rumbo.accounts.factories import UserFactory
from rumbo.accounts.services import totp_device_ensure

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("view", ["otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"])
def test_no_administrator_can_read_another_persons_totp_seed(admin_client, view):
    device = totp_device_ensure(user=UserFactory.create(is_staff=True))
    response = admin_client.get(reverse(f"admin:{view}", args=[device.pk]))
    assert response.status_code == 403
    assert device.key not in response.content.decode()


def test_an_unknown_device_is_refused_not_a_server_error(admin_client):
    response = admin_client.get(reverse("admin:otp_totp_totpdevice_config", args=[999_999]))
    assert response.status_code == 403
