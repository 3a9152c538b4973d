"""Learners without email: registration with a username, recovery codes shown once, the
password reset with a code, and the lockout and rate limits that guard them."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from rumbo.accounts.models import RecoveryCode, User
from rumbo.accounts.selectors import recovery_code_count_unused
from rumbo.learning.models import Enrolment

pytestmark = pytest.mark.django_db
PASSWORD = "un camino largo 2026"
CODE = re.compile(r"<code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})</code>")


@pytest.fixture(autouse=True)
def _english(settings):
    # The messages below are asserted in English, whatever the site's default language.
    settings.LANGUAGE_CODE = "en"


def register(client, username="Amal_H", **headers):
    data = {"full_name": "Amal Haddad", "username": username, "password": PASSWORD}
    return client.post(reverse("learning:register_username"), data, **headers)


def recover(client, code, username="amal_h", password="otra clave larga 2026", **headers):  # noqa: S107
    data = {"username": username, "recovery_code": code, "password": password}
    return client.post(reverse("learning:recover"), data, **headers)


def test_registration_with_a_username_logs_in_and_shows_the_codes_once(client):
    response = register(client)
    page = response.content.decode()
    codes = CODE.findall(page)
    assert response.status_code == 200
    assert len(codes) == 8
    assert "no-store" in response["Cache-Control"]
    user = User.objects.get(username="amal_h")
    assert user.email is None
    assert client.session["_auth_user_id"] == str(user.pk)
    assert RecoveryCode.objects.filter(user=user).count() == 8
    stored = " ".join(RecoveryCode.objects.values_list("code_hash", flat=True))
    assert not any(code.replace("-", "") in stored for code in codes)
    # Shown once: nothing on the site shows them again.
    again = client.get(reverse("learning:recovery_codes")).content.decode()
    assert not CODE.findall(again)


def test_a_taken_username_is_refused_with_the_input_kept(client):
    register(client)
    other = register(client.__class__(), username="AMAL_H")
    page = other.content.decode()
    assert other.status_code == 400
    assert "taken" in page
    assert 'value="AMAL_H"' in page or 'value="amal_h"' in page
    assert 'value="Amal Haddad"' in page


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("a", "Use 3 to 30 letters"),
        ("amal haddad", "Use 3 to 30 letters"),
        ("amal@example.org", "Use 3 to 30 letters"),
        ("x" * 31, "at most 30 characters"),
    ],
)
def test_a_malformed_username_is_refused_by_name(client, username, message):
    accounts = User.objects.count()  # the session's demo data holds an "Amal Haddad" too
    response = register(client, username=username)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.count() == accounts


def test_a_learner_without_email_enrols_without_confirming_anything(client, course):
    register(client)
    version = course.versions.get(language="ar")
    response = client.post(
        reverse("learning:enrol", kwargs={"slug": course.slug, "language": "ar"})
    )
    assert response.status_code == 302
    assert Enrolment.objects.filter(user__username="amal_h", version=version).exists()


def test_the_campus_login_takes_a_username(client):
    register(client)
    client.logout()
    response = client.post(reverse("learning:login"), {"username": "Amal_H", "password": PASSWORD})
    assert response["Location"] == reverse("learning:catalogue")


def test_a_recovery_code_sets_a_new_password_once(client):
    codes = CODE.findall(register(client).content.decode())
    client.logout()
    response = recover(client, codes[2].lower())
    assert response["Location"] == reverse("learning:catalogue")
    user = User.objects.get(username="amal_h")
    assert user.check_password("otra clave larga 2026")
    assert recovery_code_count_unused(user=user) == 7
    client.logout()
    reused = recover(client, codes[2], password="una tercera clave 2026")
    assert reused.status_code == 400
    user.refresh_from_db()
    assert user.check_password("otra clave larga 2026")


def test_a_wrong_code_keeps_the_input_and_says_so(client):
    register(client)
    client.logout()
    response = recover(client, "AAAA-BBBB-CCCC")
    page = response.content.decode()
    assert response.status_code == 400
    assert "recovery code is not right" in page
    assert 'value="amal_h"' in page
    assert "_auth_user_id" not in client.session


def test_the_new_password_must_follow_the_password_rules(client):
    codes = CODE.findall(register(client).content.decode())
    client.logout()
    response = recover(client, codes[0], password="short")
    assert response.status_code == 400
    assert recovery_code_count_unused(user=User.objects.get(username="amal_h")) == 8


def test_wrong_codes_lock_the_account_like_wrong_passwords(client):
    codes = CODE.findall(register(client).content.decode())
    client.logout()
    for attempt in range(6):
        headers = {"REMOTE_ADDR": f"203.0.113.{attempt + 10}", "HTTP_USER_AGENT": f"B/{attempt}"}
        recover(client, "AAAA-BBBB-CCCC", **headers)
    fresh = {"REMOTE_ADDR": "198.51.100.9", "HTTP_USER_AGENT": "Other/1"}
    response = recover(client, codes[0], **fresh)
    assert response.status_code == 429
    assert recovery_code_count_unused(user=User.objects.get(username="amal_h")) == 8
    login = client.post(
        reverse("learning:login"), {"username": "amal_h", "password": PASSWORD}, **fresh
    )
    assert login.status_code == 429


@override_settings(RUMBO_CAMPUS_EMAIL_RATE_PER_ADDRESS="2/h")
def test_registrations_without_email_are_limited_per_address(client):
    assert register(client, username="uno").status_code == 200
    assert register(client.__class__(), username="dos").status_code == 200
    response = register(client.__class__(), username="tres")
    assert response.status_code == 429
    assert not User.objects.filter(username="tres").exists()


def test_new_codes_need_the_password_and_replace_the_old(client):
    old = CODE.findall(register(client).content.decode())
    wrong = client.post(reverse("learning:recovery_codes"), {"password": "not it at all"})
    assert wrong.status_code == 400
    response = client.post(reverse("learning:recovery_codes"), {"password": PASSWORD})
    new = CODE.findall(response.content.decode())
    assert len(new) == 8
    assert not set(new) & set(old)
    client.logout()
    assert recover(client, old[0]).status_code == 400
    assert recover(client, new[0])["Location"] == reverse("learning:catalogue")


def test_the_new_codes_page_needs_a_login(client):
    response = client.get(reverse("learning:recovery_codes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("learning:login"))
