import io

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.factories import UserFactory
from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure

pytestmark = pytest.mark.django_db


def test_printed_code_is_accepted_by_the_authenticator(capsys):
    user = User.objects.create_user(email="advisor@example.org")
    totp_device_ensure(user=user)
    call_command("totp_code", "advisor@example.org")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6
    assert TOTPDevice.objects.get(user=user).verify_token(code)


def test_user_without_authenticator_gets_a_clear_error():
    UserFactory(email="nobody@example.org")
    with pytest.raises(CommandError, match="no confirmed authenticator"):
        call_command("totp_code", "nobody@example.org")


def test_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("totp_code", "x@example.org")


def test_admin_site_requires_the_second_factor(client):
    from conftest import login_with_second_factor

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/").status_code == 302
    login_with_second_factor(client, admin)
    assert client.get("/admin/").status_code == 200


def test_admin_login_takes_password_and_code_in_one_submission(client, capsys):
    User.objects.create_superuser(email="editor@example.org", password="a long passphrase 42")
    user = User.objects.get(email="editor@example.org")
    totp_device_ensure(user=user)
    call_command("totp_code", "editor@example.org")
    code = capsys.readouterr().out.strip()
    response = client.post(
        "/admin/login/?next=/admin/",
        {
            "username": "editor@example.org",
            "password": "a long passphrase 42",
            "otp_token": code,
            "next": "/admin/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_refuses_a_wrong_code(client):
    User.objects.create_superuser(email="editor@example.org", password="a long passphrase 42")
    totp_device_ensure(user=User.objects.get(email="editor@example.org"))
    response = client.post(
        "/admin/login/",
        {
            "username": "editor@example.org",
            "password": "a long passphrase 42",
            "otp_token": "000000",
        },
    )
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_enrol_gives_the_first_administrator_an_authenticator(capsys):
    user = User.objects.create_superuser(email="root@example.org", password="a long passphrase 42")
    call_command("totp_enrol", "root@example.org")
    assert capsys.readouterr().out.startswith("otpauth://totp/")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_enrol_refuses_to_replace_a_device_silently():
    user = User.objects.create_user(email="advisor@example.org")
    first = totp_device_ensure(user=user)
    with pytest.raises(CommandError, match="--replace"):
        call_command("totp_enrol", "advisor@example.org")
    call_command("totp_enrol", "advisor@example.org", "--replace", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(pk=first.pk).exists()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_enrol_names_an_unknown_user():
    with pytest.raises(CommandError, match="nobody@example.org"):
        call_command("totp_enrol", "nobody@example.org")
