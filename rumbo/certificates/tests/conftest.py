import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from rumbo.certificates import views
from rumbo.certificates.factories import CompletedEnrolmentFactory, IssuerFactory
from rumbo.certificates.models import Certificate, Issuer
from rumbo.certificates.services import certificate_issue


@pytest.fixture(autouse=True)
def english():
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _generous_limits(request, monkeypatch):
    # No earlier test's lookups count against this one's limit (the cache may be shared).
    monkeypatch.setattr(views, "VERIFY_RATE", "1000/m")
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        cache.clear()


@pytest.fixture
def client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def openbadges_dir(standards_dir) -> Path:
    return standards_dir / "openbadges"


@pytest.fixture
def test_vector(openbadges_dir) -> dict:
    return json.loads((openbadges_dir / "testvector_obv3p0_eddsa-rdfc-2022_keys.json").read_text())


@pytest.fixture
def signed_example(openbadges_dir, test_vector) -> dict:
    return json.loads((openbadges_dir / test_vector["signedCredentialFile"]).read_text())


@pytest.fixture
def issuer(db) -> Issuer:
    # The demo data of other apps' tests may hold the default issuer already.
    Issuer.objects.filter(is_default=True).update(is_default=False)
    return IssuerFactory.create(slug="test-issuer", name="Test Organisation")


@pytest.fixture
def enrolment(issuer):
    return CompletedEnrolmentFactory.create(
        user__email="learner@example.org", user__full_name="Amal Haddad"
    )


@pytest.fixture
def certificate(enrolment) -> Certificate:
    return certificate_issue(enrolment=enrolment)
