"""The casework benchmarks' data: 1,000,000 consultations on PostgreSQL.

Run alone, it (re)loads the scratch database `rumbo_casework_bench`; the other
bench_casework_*.py scripts call `ensure()`, which loads only when the data is missing.

100 information points in 5 countries (20 each), 24 months of consultations spread over
the points (about 416 per point and month), 10 % of them referred on, 20 appointment
requests per point for today, 20 advisors (one per point of the first 20) and one regional
administrator. Consultations go in with COPY; their encrypted fields hold one ciphertext
per field made with the bench key (decryption cost is the same as with distinct values).
"""

import datetime
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "rumbo_casework_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
CONSULTATIONS = 1_000_000
POINTS_PER_COUNTRY = 20
COUNTRIES = ["MX", "GT", "HN", "SV", "NI"]
MONTHS = 24
STAFF = 20
# A fixed bench key (never used anywhere else), so the server and the scripts agree.
BENCH_KEYS = "bench:" + "QkVOQ0hLRVlCRU5DSEtFWUJFTkNIS0VZQkVOQ0hLRVk="


def environment() -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "RUMBO_FIELD_ENCRYPTION_KEYS": BENCH_KEYS,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
    }


def setup_django() -> None:
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _loaded() -> bool:
    import psycopg

    try:
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{DATABASE}") as db:
            row = db.execute("SELECT count(*) FROM casework_consultation").fetchone()
            return bool(row and row[0] >= CONSULTATIONS)
    except psycopg.Error:
        return False


def ensure() -> None:
    if not _loaded():
        load()
    setup_django()


def load() -> None:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        db.execute(f"CREATE DATABASE {DATABASE}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment(), check=True
    )
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from rumbo.accounts.models import User
    from rumbo.accounts.services import totp_device_ensure
    from rumbo.casework.crypto import value_encrypt
    from rumbo.casework.models import AppointmentRequest, Consultation, StaffRole
    from rumbo.core.models import Country, Organisation, Place
    from rumbo.core.services import country_load_all
    from rumbo.infopoints.models import InfoPoint

    rng = random.Random(5)  # noqa: S311 - synthetic data
    country_load_all()
    organisation = Organisation.objects.create(slug="bench", name="Bench NGO", kind="ngo")
    points = []
    for code in COUNTRIES:
        country = Country.objects.get(code=code)
        for index in range(POINTS_PER_COUNTRY):
            place = Place.objects.create(
                country=country,
                kind="city",
                name=f"Bench {code} {index}",
                latitude=15,
                longitude=-90,
            )
            points.append(
                InfoPoint.objects.create(
                    organisation=organisation,
                    name=f"Point {code} {index}",
                    slug=f"bench-{code.lower()}-{index}",
                    address="Calle 1",
                    place=place,
                    latitude=15,
                    longitude=-90,
                )
            )
    nationalities = list(Country.objects.values_list("pk", flat=True))
    first_month = timezone.localdate().replace(day=1)
    months = [first_month]
    for _index in range(MONTHS - 1):
        months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
    alias = value_encrypt(plaintext="Bench Alias", context="casework.consultation.alias")
    contact = value_encrypt(plaintext="+502 5555 0000", context="casework.consultation.contact")
    notes = value_encrypt(plaintext="Bench notes", context="casework.consultation.notes")
    now = timezone.now()
    C = Consultation
    columns = (
        "is_demo, created_at, last_activity_at, info_point_id, date, month, channel, "
        "topic_pathways, topic_documents, topic_opportunities, topic_risks, age_band, sex, "
        "nationality_id, situation, source, outcome, consent_given, consent_version, "
        "alias, contact, notes"
    )
    point_ids = [point.pk for point in points]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY casework_consultation ({columns}) FROM STDIN") as copy,
    ):
        for _index in range(CONSULTATIONS):
            month = rng.choice(months)
            date = month + datetime.timedelta(days=rng.randrange(28))
            consent = rng.random() < 0.7
            copy.write_row(
                (
                    False,
                    now,
                    now,
                    rng.choice(point_ids),
                    date,
                    month,
                    rng.choice(C.Channel.values),
                    rng.random() < 0.4,
                    rng.random() < 0.5,
                    rng.random() < 0.3,
                    rng.random() < 0.2,
                    rng.choice(C.AgeBand.values),
                    rng.choice(C.Sex.values),
                    rng.choice(nationalities),
                    rng.choice(C.Situation.values),
                    rng.choice(C.Source.values),
                    rng.choice(C.Outcome.values),
                    consent,
                    "2026-11" if consent else "",
                    alias if consent else "",
                    contact if consent else "",
                    notes if consent else "",
                )
            )
    reason = value_encrypt(plaintext="Bench reason", context="casework.referral.reason")
    with connection.cursor() as cursor:
        # One consultation in ten is referred to the next point.
        cursor.execute(
            "INSERT INTO casework_referral (is_demo, created_at, last_activity_at, consultation_id,"
            " from_point_id, to_point_id, month, status, shares_personal_data, shared_alias,"
            " shared_contact, reason, updated_at)"
            " SELECT false, created_at, created_at, id, info_point_id,"
            " (SELECT min(id) FROM infopoints_infopoint p WHERE p.id > c.info_point_id),"
            " month, 'sent', false, '', '', %s, created_at"
            " FROM casework_consultation c WHERE id %% 10 = 0"
            " AND info_point_id < (SELECT max(id) FROM infopoints_infopoint)",
            [reason],
        )
        cursor.execute("ANALYZE")
    today = timezone.localdate()
    AppointmentRequest.objects.bulk_create(
        AppointmentRequest(
            info_point=point,
            reference=f"B{point.pk:03d}-{index:04d}",
            alias="Bench",
            contact_channel="whatsapp",
            contact="+502 5555 0000",
            preferred_date=today,
            preferred_slot="morning",
            topic="documents",
        )
        for point in points
        for index in range(20)
    )
    for index, point in enumerate(points[:STAFF]):
        user = User.objects.create_user(email=f"advisor{index}@bench.example", password=None)
        totp_device_ensure(user=user)
        StaffRole.objects.create(user=user, role=StaffRole.Role.ADVISOR, info_point=point)
    admin = User.objects.create_user(email="admin@bench.example", password=None)
    totp_device_ensure(user=admin)
    StaffRole.objects.create(user=admin, role=StaffRole.Role.ADMINISTRATOR)
    print(f"loaded {CONSULTATIONS:,} consultations in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    load()
