import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

from config import settings as production_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_content_security_policy_forbids_inline_scripts_and_third_parties(client):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "http" not in policy


def test_pages_cannot_be_framed(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_language_cookie_is_httponly_and_samesite(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_session_and_csrf_cookies_are_httponly_and_samesite():
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Lax"


def test_passwords_are_hashed_with_argon2():
    # The test settings swap in a fast hasher; the real settings are checked here.
    assert (
        production_settings.PASSWORD_HASHERS[0]
        == "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_argon2_hasher_is_usable():
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("a long passphrase", hasher.salt())
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("a long passphrase", encoded)


def test_public_pages_carry_no_third_party_url(client):
    from rumbo.core.pages import public_page_list

    for name, url in public_page_list().items():
        html = client.get(url()).content.decode()
        for attribute in ("src=", "href=", "action="):
            for value in html.split(attribute)[1:]:
                target = value[1 : value.find(value[0], 1)]
                # Outbound links a person may follow (official sources) are fine; loads are not.
                if attribute == "src=":
                    assert not target.startswith(("http:", "https:", "//")), (
                        f"{name} loads {target}"
                    )
