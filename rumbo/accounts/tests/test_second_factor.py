"""Which login sends whom where, and the audit of second-factor changes."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.audit.models import AuditEntry
from rumbo.learning.factories import LearnerProfileFactory
from rumbo.learning.models import Facilitator

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def entries_about(user: User):
    """Audit entries about `user` (the session's demo data holds entries of its own)."""
    return AuditEntry.objects.filter(target_type="accounts.user", target_id=str(user.pk))


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def learner():
    return LearnerProfileFactory(user__email="learner@example.org").user


@pytest.fixture
def facilitator():
    user = User.objects.create_user(email="facilitator@example.org", password=PASSWORD)
    Facilitator.objects.create(slug="marta", name="Marta", user=user)
    return user


def test_staff_login_refuses_a_learner_and_sets_up_no_authenticator(client, learner):
    response = client.post(
        reverse("casework:login"),
        {"username": learner.email, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "for staff and facilitators" in response.content.decode()
    assert client.get(reverse("casework:login_enrol"))["Location"] == reverse("casework:login")
    assert not TOTPDevice.objects.filter(user=learner).exists()


def test_campus_login_sends_a_facilitator_to_the_second_factor(client, facilitator):
    totp_device_ensure(user=facilitator)
    response = client.post(
        reverse("learning:login"), {"username": facilitator.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("casework:login_verify")
    assert "_auth_user_id" not in client.session


def test_campus_login_of_a_facilitator_without_authenticator_sets_one_up(client, facilitator):
    response = client.post(
        reverse("learning:login"), {"username": facilitator.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("casework:login_enrol")


def test_after_the_code_the_campus_login_returns_where_it_was_going(client, facilitator):
    device = totp_device_ensure(user=facilitator)
    client.post(
        reverse("learning:login") + "?next=/campus/manage/",
        {"username": facilitator.email, "password": PASSWORD},
    )
    response = client.post(reverse("casework:login_verify"), {"token": code_for(device)})
    assert response["Location"] == "/campus/manage/"
    assert client.get("/campus/manage/").status_code == 200


def test_campus_login_of_a_learner_opens_an_ordinary_session(client, learner):
    response = client.post(
        reverse("learning:login"), {"username": learner.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("learning:catalogue")
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_enrolling_an_authenticator_at_the_staff_login_is_audited(client, facilitator):
    client.post(reverse("casework:login"), {"username": facilitator.email, "password": PASSWORD})
    client.get(reverse("casework:login_enrol"))
    device = TOTPDevice.objects.get(user=facilitator, confirmed=False)
    client.post(reverse("casework:login_enrol"), {"token": code_for(device)})
    entry = entries_about(facilitator).get(action=AuditEntry.Action.TOTP_ENROL)
    assert (entry.actor, entry.target_id) == (facilitator, str(facilitator.pk))


def test_a_wrong_code_at_enrolment_confirms_nothing_and_audits_nothing(client, facilitator):
    client.post(reverse("casework:login"), {"username": facilitator.email, "password": PASSWORD})
    client.get(reverse("casework:login_enrol"))
    device = TOTPDevice.objects.get(user=facilitator, confirmed=False)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("casework:login_enrol"), {"token": wrong})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=facilitator, confirmed=True).exists()
    assert not entries_about(facilitator).exists()


def test_totp_enrol_command_is_audited(facilitator, capsys):
    call_command("totp_enrol", facilitator.email)
    assert capsys.readouterr().out.startswith("otpauth://")
    entry = entries_about(facilitator).get()
    assert (entry.action, entry.actor, entry.target_id) == (
        AuditEntry.Action.TOTP_ENROL,
        None,
        str(facilitator.pk),
    )


def test_totp_enrol_replace_is_audited_as_a_replacement(facilitator):
    old = totp_device_ensure(user=facilitator)
    call_command("totp_enrol", facilitator.email, "--replace")
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert entries_about(facilitator).get().action == AuditEntry.Action.TOTP_RESET


def test_totp_enrol_without_replace_changes_nothing_and_audits_nothing(facilitator):
    old = totp_device_ensure(user=facilitator)
    with pytest.raises(CommandError, match="--replace"):
        call_command("totp_enrol", facilitator.email)
    assert list(TOTPDevice.objects.filter(user=facilitator)) == [old]
    assert not entries_about(facilitator).exists()


def test_a_csrf_refusal_is_never_stored(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("casework:login"), {"username": "a@example.org"})
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
