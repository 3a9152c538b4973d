"""Anyone may suggest a correction on a public opportunity; it reaches the moderators."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.opportunities.factories import OpportunityFactory
from rumbo.opportunities.models import Correction

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    cache.clear()  # the rate limit counts in the cache
    return OpportunityFactory.create()


def url(record) -> str:
    return reverse("opportunities:correction", kwargs={"slug": record.slug})


def test_detail_page_links_to_the_correction_form(client, record):
    assert url(record) in client.get(record.get_absolute_url()).content.decode()


def test_anonymous_correction_is_stored_without_personal_data(client, record):
    response = client.post(
        url(record), {"what_is_wrong": "El plazo cambió", "correct_value": "30 de junio"}
    )
    assert response.status_code == 200
    correction = Correction.objects.get()
    assert (correction.opportunity, correction.what_is_wrong) == (record, "El plazo cambió")
    assert {f.name for f in Correction._meta.fields}.isdisjoint({"email", "name", "ip", "phone"})


def test_honeypot_filled_is_thanked_but_not_stored(client, record):
    response = client.post(url(record), {"what_is_wrong": "spam", "company": "Spam Ltd"})
    assert response.status_code == 200
    assert not Correction.objects.exists()


def test_empty_correction_comes_back_with_a_message(client, record):
    response = client.post(url(record), {"what_is_wrong": "", "source": "mi fuente"})
    assert response.status_code == 400
    assert "mi fuente" in response.content.decode()
    assert not Correction.objects.exists()


def test_corrections_are_rate_limited(client, record):
    for _number in range(10):
        client.post(url(record), {"what_is_wrong": "x"})
    response = client.post(url(record), {"what_is_wrong": "once more"})
    assert response.status_code == 429
    assert Correction.objects.count() == 10


def test_moderator_sees_the_correction_and_resolves_it(client, record):
    client.post(url(record), {"what_is_wrong": "Teléfono equivocado"})
    login_with_second_factor(client, UserFactory.create(is_staff=True, is_superuser=True))
    queue = client.get(reverse("opportunities:moderation"))
    assert "Teléfono equivocado" in queue.content.decode()
    correction = Correction.objects.get()
    done = client.post(
        reverse("opportunities:moderation_correction", kwargs={"pk": correction.pk}),
        {"status": "resolved"},
    )
    assert done.status_code == 302
    correction.refresh_from_db()
    assert correction.status == "resolved"


def test_correction_for_a_missing_opportunity_is_404(client):
    response = client.post("/opportunities/no-such-thing/correction/", {"what_is_wrong": "x"})
    assert response.status_code == 404
