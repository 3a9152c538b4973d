"""A small world for casework tests: two points in two countries, one user per role."""

from dataclasses import dataclass, field

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.factories import UserFactory
from rumbo.accounts.middleware import STAFF_SESSION
from rumbo.casework.factories import (
    AppointmentRequestFactory,
    ConsultationFactory,
    InfoPointFactory,
    ReferralFactory,
    StaffRoleFactory,
)
from rumbo.casework.models import StaffRole
from rumbo.core.factories import CountryFactory, OrganisationFactory, PlaceFactory

Role = StaffRole.Role


def login_verified(client: Client, user) -> Client:
    """Logs in as after both login steps: password and a TOTP code."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session[STAFF_SESSION] = True
    session.save()
    return client


@pytest.fixture(autouse=True)
def _no_report_cache(settings):
    """Reports are computed afresh in tests: a shared cache (Redis) outlives the test
    database, whose ids repeat from one run to the next. The cache has its own test."""
    settings.RUMBO_REPORT_CACHE_SECONDS = 0


@dataclass
class World:
    points: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    appointments: dict = field(default_factory=dict)
    consultations: dict = field(default_factory=dict)
    referrals: dict = field(default_factory=dict)
    secrets: dict = field(default_factory=dict)

    def client_for(self, role: str) -> Client:
        client = Client(headers={"accept-language": "en"})
        if role == "anonymous":
            return client
        user = self.users[role]
        if role.startswith("unverified"):
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            return client
        return login_verified(client, user)


@pytest.fixture
def world(db) -> World:
    mx, gt = CountryFactory(code="MX"), CountryFactory(code="GT")
    partner = OrganisationFactory(slug="partner", name="Partner NGO", is_partner=True)
    world = World()
    world.points = {
        "A": InfoPointFactory(slug="point-a", name="Point A", place=PlaceFactory(country=mx)),
        "B": InfoPointFactory(slug="point-b", name="Point B", place=PlaceFactory(country=gt)),
        "C": InfoPointFactory(slug="point-c", name="Point C", place=PlaceFactory(country=gt)),
    }
    for key in ("A", "B"):
        point = world.points[key]
        world.appointments[key] = AppointmentRequestFactory(
            info_point=point, reference=f"REF{key}-9999", alias=f"SECRET-APPOINTMENT-{key}"
        )
        world.consultations[key] = ConsultationFactory(
            info_point=point,
            alias=f"SECRET-ALIAS-{key}",
            contact=f"SECRET-CONTACT-{key}",
            notes=f"SECRET-NOTES-{key}",
        )
        # Each point refers a person to point C (no staff in this world) and to a partner.
        world.referrals[key] = ReferralFactory(
            consultation=world.consultations[key],
            to_point=world.points["C"],
            shared_alias=f"SECRET-ALIAS-{key}",
            shared_contact=f"SECRET-CONTACT-{key}",
            reason=f"SECRET-REASON-{key}",
        )
        world.referrals[f"{key}-partner"] = ReferralFactory(
            consultation=world.consultations[key], to_point=None, to_organisation=partner
        )
        world.secrets[key] = [
            f"SECRET-APPOINTMENT-{key}",
            f"SECRET-ALIAS-{key}",
            f"SECRET-CONTACT-{key}",
            f"SECRET-NOTES-{key}",
            f"SECRET-REASON-{key}",
            f"REF{key}-9999",
        ]
    roles = {
        "advisor_a": (Role.ADVISOR, "A"),
        "coordinator_a": (Role.COORDINATOR, "A"),
        "advisor_b": (Role.ADVISOR, "B"),
        "coordinator_b": (Role.COORDINATOR, "B"),
        "unverified_advisor_a": (Role.ADVISOR, "A"),
    }
    for name, (role, point) in roles.items():
        world.users[name] = StaffRoleFactory(
            user=UserFactory(email=f"{name}@example.org"), role=role, info_point=world.points[point]
        ).user
    world.users["country_manager_mx"] = StaffRoleFactory(
        user=UserFactory(email="cm@example.org"),
        role=Role.COUNTRY_MANAGER,
        info_point=None,
        country=mx,
    ).user
    for role in (Role.ADMINISTRATOR, Role.AUDITOR):
        world.users[role.value] = StaffRoleFactory(
            user=UserFactory(email=f"{role.value}@example.org"), role=role, info_point=None
        ).user
    world.users["no_role"] = UserFactory(email="learner@example.org")
    return world
