import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.factories import UserFactory
from rumbo.accounts.middleware import SESSION_LAST_SEEN, SESSION_STARTED
from rumbo.audit.models import AuditEntry
from rumbo.casework.factories import StaffRoleFactory

PASSWORD = "correct horse battery staple"
LOGIN = "/staff/login/"
HOME = "/staff/"


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def advisor(db):
    return StaffRoleFactory(user=UserFactory(email="advisor@example.org")).user


@pytest.fixture
def device(advisor):
    return TOTPDevice.objects.create(user=advisor, name="phone", confirmed=True)


def log_in(client, device: TOTPDevice, password: str = PASSWORD):
    response = client.post(LOGIN, {"username": "advisor@example.org", "password": password})
    assert response["Location"] == reverse("casework:login_verify")
    return client.post(reverse("casework:login_verify"), {"token": code_for(device)})


def test_staff_login_needs_the_password_and_a_totp_code(client, device):
    response = log_in(client, device)
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200
    assert AuditEntry.objects.filter(action="login", actor=device.user).count() == 1


def test_a_password_alone_does_not_open_staff_pages(client, device):
    client.post(LOGIN, {"username": "advisor@example.org", "password": PASSWORD})
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == LOGIN


def test_a_session_without_second_factor_is_refused(client, advisor):
    client.force_login(advisor, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(HOME)["Location"] == LOGIN


def test_a_wrong_code_is_refused(client, device):
    client.post(LOGIN, {"username": "advisor@example.org", "password": PASSWORD})
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("casework:login_verify"), {"token": wrong})
    assert response.status_code == 400
    assert client.get(HOME).status_code == 302


def test_first_login_enrols_an_authenticator(client, advisor):
    response = client.post(LOGIN, {"username": "advisor@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("casework:login_enrol")
    page = client.get(reverse("casework:login_enrol"))
    assert b"data:image/svg+xml" in page.content
    device = TOTPDevice.objects.get(user=advisor, confirmed=False)
    response = client.post(reverse("casework:login_enrol"), {"token": code_for(device)})
    assert response["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed


def test_account_locks_after_five_failed_passwords(client, device):
    for _attempt in range(5):
        client.post(LOGIN, {"username": "advisor@example.org", "password": "wrong password"})
    # Even the right password is refused now.
    response = client.post(LOGIN, {"username": "advisor@example.org", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "Location" not in response
    assert "Cuenta bloqueada" in response.content.decode()


def test_four_failures_do_not_lock(client, device):
    for _attempt in range(4):
        client.post(LOGIN, {"username": "advisor@example.org", "password": "wrong password"})
    assert log_in(client, device)["Location"] == HOME


def test_staff_session_ends_after_30_idle_minutes(client, device):
    log_in(client, device)
    session = client.session
    session[SESSION_LAST_SEEN] = time.time() - 31 * 60
    session.save()
    response = client.get(HOME)
    assert response["Location"] == f"{LOGIN}?expired=1"
    assert client.get(HOME)["Location"] == LOGIN


def test_activity_keeps_the_staff_session_alive(client, device):
    log_in(client, device)
    session = client.session
    session[SESSION_LAST_SEEN] = time.time() - 29 * 60
    session.save()
    assert client.get(HOME).status_code == 200


def test_staff_session_ends_after_12_hours_even_when_active(client, device):
    log_in(client, device)
    session = client.session
    session[SESSION_STARTED] = time.time() - 12 * 3600 - 1
    session[SESSION_LAST_SEEN] = time.time() - 60
    session.save()
    assert client.get(HOME)["Location"] == f"{LOGIN}?expired=1"


def test_staff_pages_are_not_stored_by_browsers_or_proxies(client, device):
    log_in(client, device)
    assert "no-store" in client.get(HOME)["Cache-Control"]


def test_public_pages_get_no_session_from_the_staff_middleware(client, db):
    response = client.get("/")
    assert "sessionid" not in response.cookies
