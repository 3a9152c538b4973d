"""Accounts without email: a username login and printed recovery codes, kept as salted
hashes, each opening the account once, guarded by the per-account lockout."""

import pytest
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from rumbo.accounts.backends import lockout_username
from rumbo.accounts.models import RecoveryCode, User
from rumbo.accounts.selectors import recovery_code_count_unused, recovery_code_find
from rumbo.accounts.services import (
    RECOVERY_CODE_COUNT,
    AccountError,
    password_reset_with_recovery_code,
    recovery_codes_issue,
)
from rumbo.audit.models import AuditEntry
from rumbo.casework.factories import StaffRoleFactory

pytestmark = pytest.mark.django_db
PASSWORD = "un camino largo 2026"


@pytest.fixture
def amal() -> User:
    return User.objects.create_user(username="Amal.H", password=PASSWORD, full_name="Amal H")


def login_request():
    return RequestFactory().post("/campus/login/", REMOTE_ADDR="203.0.113.5")


def test_a_username_account_needs_no_email_and_is_stored_in_lower_case(amal):
    assert amal.email is None
    assert amal.username == "amal.h"
    assert str(amal) == "amal.h"


def test_an_account_needs_an_email_or_a_username():
    with pytest.raises(ValueError, match="email address or a username"):
        User.objects.create_user(password=PASSWORD)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(full_name="Nobody")


def test_two_accounts_without_email_can_exist(amal):
    User.objects.create_user(username="bilal", password=PASSWORD)
    assert User.objects.filter(email__isnull=True).count() >= 2


def test_the_password_login_accepts_the_username_in_any_case_or_width(amal):
    for typed in ("amal.h", "AMAL.H", "ＡＭＡＬ.Ｈ"):
        assert authenticate(login_request(), username=typed, password=PASSWORD) == amal


def test_the_lockout_counts_a_username_in_its_stored_form():
    assert lockout_username(None, {"username": " ＡＭＡＬ.h "}) == "amal.h"
    assert lockout_username(None, {"username": "Ana@Example.org"}) == "ana@example.org"


def test_codes_are_shown_once_and_kept_only_as_salted_hashes(amal):
    codes = recovery_codes_issue(user=amal)
    assert len(codes) == len(set(codes)) == RECOVERY_CODE_COUNT
    stored = list(RecoveryCode.objects.filter(user=amal).values_list("code_hash", flat=True))
    compact = [code.replace("-", "") for code in codes]
    assert all(hash_.startswith("sha256$") for hash_ in stored)
    assert not any(
        code in hash_ or part in hash_
        for hash_ in stored
        for code, part in zip(codes, compact, strict=True)
    )
    # Two codes never share a salt, so equal codes would not share a hash either.
    assert len({hash_.split("$")[1] for hash_ in stored}) == RECOVERY_CODE_COUNT


def test_a_code_is_found_however_it_is_typed(amal):
    code = recovery_codes_issue(user=amal)[3]
    assert recovery_code_find(user=amal, code=code.lower().replace("-", " ")) is not None
    assert recovery_code_find(user=amal, code="AAAA-AAAA-AAAA") is None
    assert recovery_code_find(user=amal, code="not a code at all") is None


def test_issuing_new_codes_replaces_the_old_ones_and_is_audited(amal):
    old = recovery_codes_issue(user=amal)
    recovery_codes_issue(user=amal)
    assert recovery_code_find(user=amal, code=old[0]) is None
    assert RecoveryCode.objects.filter(user=amal).count() == RECOVERY_CODE_COUNT
    assert (
        AuditEntry.objects.filter(
            target_type="accounts.user", target_id=str(amal.pk), reason="recovery codes issued"
        ).count()
        == 2
    )


def test_a_holder_of_powers_gets_no_recovery_codes():
    staff = User.objects.create_user(email="advisor@example.org", password=PASSWORD)
    StaffRoleFactory(user=staff)
    with pytest.raises(AccountError):
        recovery_codes_issue(user=staff)


def test_a_code_proves_the_account_and_resets_the_password_once(amal):
    code = recovery_codes_issue(user=amal)[0]
    proven = authenticate(login_request(), username="amal.h", recovery_code=code)
    assert proven == amal
    password_reset_with_recovery_code(
        user=amal, recovery_code_id=proven.recovery_code_id, password="otra clave larga 2026"
    )
    amal.refresh_from_db()
    assert amal.check_password("otra clave larga 2026")
    assert recovery_code_count_unused(user=amal) == RECOVERY_CODE_COUNT - 1
    assert authenticate(login_request(), username="amal.h", recovery_code=code) is None
    with pytest.raises(AccountError):
        password_reset_with_recovery_code(
            user=amal, recovery_code_id=proven.recovery_code_id, password="a third one 2026"
        )


def test_another_accounts_code_does_not_open_an_account(amal):
    other = User.objects.create_user(username="bilal", password=PASSWORD)
    code = recovery_codes_issue(user=other)[0]
    recovery_codes_issue(user=amal)
    assert authenticate(login_request(), username="amal.h", recovery_code=code) is None


def test_a_recovery_code_is_not_a_password(amal):
    code = recovery_codes_issue(user=amal)[0]
    assert authenticate(login_request(), username="amal.h", password=code) is None
