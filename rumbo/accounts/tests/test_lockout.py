"""The per-account lockout (django-axes) for each of the three login forms.

Failures are counted by account, whatever the address or browser they come from, and one
account's failures never lock another's login.
"""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.casework.factories import StaffRoleFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def staff_login(client, email: str, password: str, **headers):
    return client.post(
        reverse("casework:login"), {"username": email, "password": password}, **headers
    )


def campus_login(client, email: str, password: str, **headers):
    return client.post(
        reverse("learning:login"), {"username": email, "password": password}, **headers
    )


def admin_login(client, email: str, password: str, **headers):
    device = TOTPDevice.objects.get(user__email=email.lower())
    data = {"username": email, "password": password, "otp_token": code_for(device)}
    return client.post("/admin/login/?next=/admin/", data | {"next": "/admin/"}, **headers)


LOGINS = {"staff": staff_login, "campus": campus_login, "admin": admin_login}


def account(email: str) -> User:
    """An account every login form accepts: Django staff with a casework role and an
    authenticator."""
    user = User.objects.create_user(email=email, password=PASSWORD, is_staff=True)
    StaffRoleFactory(user=user)
    totp_device_ensure(user=user)
    return user


def from_somewhere_new(attempt: int) -> dict:
    return {"REMOTE_ADDR": f"203.0.113.{attempt + 10}", "HTTP_USER_AGENT": f"Browser/{attempt}"}


@pytest.mark.parametrize("login", LOGINS)
def test_six_failures_from_changing_addresses_lock_the_account(client, login):
    account("ana@example.org")
    send = LOGINS[login]
    for attempt in range(6):
        send(client, "ana@example.org", "wrong password", **from_somewhere_new(attempt))
    response = send(client, "ana@example.org", PASSWORD, **from_somewhere_new(99))
    assert response.status_code == 429
    assert "Location" not in response
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("login", LOGINS)
def test_the_lockout_counts_the_account_whatever_the_case_of_its_address(client, login):
    account("ana@example.org")
    send = LOGINS[login]
    for attempt in range(6):
        send(client, "ANA@example.org", "wrong password", **from_somewhere_new(attempt))
    response = send(client, "ana@example.org", PASSWORD, **from_somewhere_new(99))
    assert response.status_code == 429


@pytest.mark.parametrize("login", LOGINS)
def test_one_accounts_failures_do_not_lock_another_account(client, login):
    account("ana@example.org")
    account("bea@example.org")
    send = LOGINS[login]
    for attempt in range(6):
        send(client, "ana@example.org", "wrong password", **from_somewhere_new(attempt))
    fresh = {"REMOTE_ADDR": "198.51.100.7", "HTTP_USER_AGENT": "Other/1"}
    assert send(client, "bea@example.org", "wrong password", **fresh).status_code != 429
    response = send(client, "bea@example.org", PASSWORD, **fresh)
    assert response.status_code == 302, response.status_code
