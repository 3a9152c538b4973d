import base64
import inspect
import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from rumbo.casework import crypto
from rumbo.casework.crypto import DecryptionError, value_decrypt, value_encrypt
from rumbo.casework.factories import ConsultationFactory, ReferralFactory
from rumbo.casework.models import Consultation

OLD = "old:" + base64.urlsafe_b64encode(os.urandom(32)).decode()
NEW = "new:" + base64.urlsafe_b64encode(os.urandom(32)).decode()


def raw_row(model, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {model._meta.db_table} WHERE id = %s", [pk])  # noqa: S608
        return " ".join(str(value) for value in cursor.fetchone())


@pytest.mark.django_db
def test_raw_database_row_holds_no_plaintext_of_encrypted_fields():
    consultation = ConsultationFactory(
        alias="Maria Lopez", contact="+52 962 123 4567", notes="Crossed at Tecun Uman"
    )
    row = raw_row(Consultation, consultation.pk)
    for plaintext in ("Maria Lopez", "962 123 4567", "Tecun Uman"):
        assert plaintext not in row
    assert row.count("enc1$") == 3
    assert Consultation.objects.get(pk=consultation.pk).alias == "Maria Lopez"


@pytest.mark.django_db
def test_key_rotation_keeps_records_readable_and_moves_them_to_the_new_key():
    SESSION_KEYS = settings.RUMBO_FIELD_ENCRYPTION_KEYS  # noqa: N806
    with override_settings(RUMBO_FIELD_ENCRYPTION_KEYS=OLD):
        referral = ReferralFactory(shared_alias="Ana", reason="Needs a lawyer")
        consultation_pk = referral.consultation_id
    # Records made under the session's own key (the demo data, when loaded) rotate too.
    with override_settings(RUMBO_FIELD_ENCRYPTION_KEYS=f"{NEW},{OLD},{SESSION_KEYS}"):
        assert "$old$" in raw_row(Consultation, consultation_pk)
        call_command("casework_rotate_keys", stdout=io.StringIO())
        row = raw_row(Consultation, consultation_pk)
        assert "$old$" not in row
        assert "$new$" in row
    # The old key can now be dropped: everything reads with the new one alone.
    with override_settings(RUMBO_FIELD_ENCRYPTION_KEYS=NEW):
        consultation = Consultation.objects.get(pk=consultation_pk)
        assert consultation.alias.startswith("Alias consultation")
        assert consultation.referrals.get().reason == "Needs a lawyer"


@pytest.mark.django_db
def test_a_value_without_its_key_does_not_decrypt():
    with override_settings(RUMBO_FIELD_ENCRYPTION_KEYS=OLD):
        pk = ConsultationFactory().pk
    with override_settings(RUMBO_FIELD_ENCRYPTION_KEYS=NEW), pytest.raises(DecryptionError):
        Consultation.objects.get(pk=pk)


def test_a_value_copied_into_another_column_does_not_decrypt():
    stored = value_encrypt(plaintext="secret", context="casework.consultation.notes")
    assert value_decrypt(stored=stored, context="casework.consultation.notes") == "secret"
    with pytest.raises(DecryptionError):
        value_decrypt(stored=stored, context="casework.consultation.alias")


def test_the_same_value_encrypts_differently_each_time():
    context = "casework.consultation.alias"
    assert value_encrypt(plaintext="Ana", context=context) != value_encrypt(
        plaintext="Ana", context=context
    )


@pytest.mark.parametrize(
    "encoded",
    [
        "not*base64!",  # binascii.Error
        "abc",  # incorrect padding
        "ñandú",  # non-ASCII: ValueError
        base64.urlsafe_b64encode(b"short").decode(),  # shorter than a nonce and a tag
        base64.urlsafe_b64encode(os.urandom(40)).decode(),  # InvalidTag
    ],
)
def test_malformed_ciphertext_raises_decryption_error(encoded):
    key_id = settings.RUMBO_FIELD_ENCRYPTION_KEYS.split(",")[0].split(":")[0]
    with pytest.raises(DecryptionError):
        value_decrypt(stored=f"enc1${key_id}${encoded}", context="casework.consultation.notes")


def test_decryption_catches_only_the_errors_of_a_bad_value():
    source = inspect.getsource(crypto)
    assert "except Exception" not in source
