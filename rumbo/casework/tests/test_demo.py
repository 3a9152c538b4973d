import pytest

from rumbo.casework import demo
from rumbo.casework.models import Consultation, StaffRole

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_demo_prints_staff_logins_with_their_totp_uris_as_demo_credentials():
    lines = demo.load()  # idempotent: a second load changes nothing
    assert "DEMO CREDENTIALS" in lines[0]
    assert sum("otpauth://totp/" in line for line in lines) == len(demo.STAFF)


def test_demo_has_every_role_and_several_months_of_consultations():
    assert set(StaffRole.objects.values_list("role", flat=True)) == set(StaffRole.Role.values)
    months = Consultation.objects.filter(is_demo=True).values("month").distinct().count()
    assert months >= 6
    assert Consultation.objects.filter(is_demo=True, consent_given=True).exclude(alias="").exists()
