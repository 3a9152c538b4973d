"""Demo casework: staff of two information points and six months of synthetic
consultations. The logins and TOTP secrets printed by `make demo` are DEMO CREDENTIALS,
derived from fixed seeds; they exist only in demo databases (the demo command refuses to
run in production)."""

import datetime
import hashlib
import random

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.campaigns.models import Campaign
from rumbo.casework.models import (
    AppointmentRequest,
    Consultation,
    Referral,
    StaffRole,
    Topic,
)
from rumbo.casework.services import staff_role_grant
from rumbo.core.models import Country
from rumbo.infopoints.models import InfoPoint

DEMO_PASSWORD = "demo-rumbo-2026"  # noqa: S105 - printed on purpose: demo databases only
Role = StaffRole.Role
POINTS = ["tapachula-centro", "tecun-uman"]
STAFF = [
    # email, full name, role, point slug or country code
    ("asesora.tapachula@example.org", "Lucía Asesora", Role.ADVISOR, "tapachula-centro"),
    (
        "coordinador.tapachula@example.org",
        "Mario Coordinador",
        Role.COORDINATOR,
        "tapachula-centro",
    ),
    ("asesor.tecunuman@example.org", "Diego Asesor", Role.ADVISOR, "tecun-uman"),
    ("coordinadora.tecunuman@example.org", "Ana Coordinadora", Role.COORDINATOR, "tecun-uman"),
    ("gerente.mexico@example.org", "Sofía Gerente", Role.COUNTRY_MANAGER, "MX"),
    ("admin.regional@example.org", "Raúl Administrador", Role.ADMINISTRATOR, None),
    ("auditoria@example.org", "Elena Auditora", Role.AUDITOR, None),
]
MONTHS = 6
PER_POINT_AND_MONTH = (40, 90)
NATIONALITIES = ["MX", "GT", "HN", "SV", "NI", "VE", "HT", "CU", "CO", "EC"]
ALIASES = ["Ana", "Luis", "María", "José", "Carmen", "Kevin", "Yesenia", "Wilson", "Dayana"]


def demo_totp_key(email: str) -> str:
    """A fixed key per demo login (hex, 20 bytes), so a reload keeps phones enrolled."""
    return hashlib.sha1(f"rumbo-demo-totp:{email}".encode()).hexdigest()  # noqa: S324


def load() -> list[str]:
    points = {point.slug: point for point in InfoPoint.objects.filter(slug__in=POINTS)}
    if len(points) < len(POINTS):
        return ["casework: demo information points missing, no staff created"]
    lines = [
        "Demo staff logins at /staff/login/ (DEMO CREDENTIALS: never use them on a real server).",
        f"Password for all: {DEMO_PASSWORD}",
    ]
    with transaction.atomic():
        for email, name, role, scope in STAFF:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
            device = totp_device_ensure(user=user, key_hex=demo_totp_key(email))
            staff_role_grant(
                user=user,
                role=role,
                info_point=points.get(scope or ""),
                country=Country.objects.get(code=scope) if role == Role.COUNTRY_MANAGER else None,
            )
            StaffRole.objects.filter(user=user).update(is_demo=True)
            lines.append(f"  {email} · {StaffRole.Role(role).label} · {scope or 'region'}")
            lines.append(f"    TOTP: {device.config_url}")
        if not Consultation.objects.filter(is_demo=True).exists():
            _consultations_generate(points=list(points.values()))
    return lines


def demo_device(email: str) -> TOTPDevice:
    return TOTPDevice.objects.get(user__email=email, confirmed=True)


def _consultations_generate(*, points: list[InfoPoint]) -> None:
    rng = random.Random(2026)  # noqa: S311 - seeded synthetic data, not a secret
    today = timezone.localdate()
    now = timezone.now()
    nationalities = list(Country.objects.filter(code__in=NATIONALITIES))
    campaigns = {c.country_id: c for c in Campaign.objects.all()}
    advisors = {
        role.info_point_id: role.user
        for role in StaffRole.objects.filter(role=Role.ADVISOR).select_related("user")
    }
    consultations = []
    for point in points:
        country_id = point.place.country_id
        month = today.replace(day=1)
        for _index in range(MONTHS):
            days = (today - month).days + 1 if month == today.replace(day=1) else 28
            for _n in range(rng.randint(*PER_POINT_AND_MONTH)):
                date = month + datetime.timedelta(days=rng.randrange(days))
                consent = rng.random() < 0.7
                source = rng.choice(Consultation.Source.values)
                topics = rng.sample(list(Consultation.TOPIC_FIELDS.values()), rng.randint(1, 2))
                consultations.append(
                    Consultation(
                        is_demo=True,
                        info_point=point,
                        advisor=advisors.get(point.pk),
                        date=date,
                        month=month,
                        channel=rng.choice(Consultation.Channel.values),
                        age_band=rng.choices(Consultation.AgeBand.values, [1, 4, 10, 8, 4, 1])[0],
                        sex=rng.choices(Consultation.Sex.values, [10, 9, 1, 1])[0],
                        nationality=rng.choice(nationalities) if nationalities else None,
                        situation=rng.choice(Consultation.Situation.values),
                        source=source,
                        campaign=campaigns.get(country_id) if source == "campaign" else None,
                        outcome=rng.choices(Consultation.Outcome.values, [10, 3, 3, 1])[0],
                        consent_given=consent,
                        consent_version="2026-11" if consent else "",
                        alias=rng.choice(ALIASES) if consent else "",
                        contact=f"+502 5{rng.randrange(10**6, 10**7)}" if consent else "",
                        created_at=now,
                        last_activity_at=now,
                        **dict.fromkeys(topics, True),
                    )
                )
            month = (month - datetime.timedelta(days=1)).replace(day=1)
    created = Consultation.objects.bulk_create(consultations, batch_size=500)
    referrals = []
    for consultation in created:
        if consultation.outcome == Consultation.Outcome.REFERRED:
            other = next(p for p in points if p.pk != consultation.info_point_id)
            shares = consultation.consent_given and rng.random() < 0.5
            referrals.append(
                Referral(
                    is_demo=True,
                    consultation=consultation,
                    from_point_id=consultation.info_point_id,
                    to_point=other,
                    month=consultation.month,
                    status=rng.choice(Referral.Status.values),
                    shares_personal_data=shares,
                    shared_alias=consultation.alias if shares else "",
                    shared_contact=consultation.contact if shares else "",
                    created_at=now,
                    last_activity_at=now,
                )
            )
    Referral.objects.bulk_create(referrals, batch_size=500)
    slots = AppointmentRequest.Slot.values
    for point in points:
        for index in range(3):
            AppointmentRequest.objects.create(
                is_demo=True,
                info_point=point,
                reference=f"DEMO-{point.pk % 100:02d}{index}{rng.choice('ABCDEFGH')}"[:9],
                alias=rng.choice(ALIASES),
                contact_channel=rng.choice(AppointmentRequest.Contact.values),
                contact=f"+52 962 {rng.randrange(10**6, 10**7)}",
                preferred_date=today,
                preferred_slot=slots[index % len(slots)],
                topic=rng.choice(Topic.values),
            )
