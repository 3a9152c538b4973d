"""Providers re-confirm their records by a signed, expiring link; stale records leave lists."""

import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from rumbo.opportunities import services
from rumbo.opportunities.factories import OpportunityFactory, PartnerMembershipFactory
from rumbo.opportunities.models import CONFIRM_VALID_DAYS
from rumbo.opportunities.selectors import opportunity_list_public

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_record_not_confirmed_in_time_leaves_the_public_list():
    today = timezone.localdate()
    fresh = OpportunityFactory.create(confirmed_on=today - timedelta(days=CONFIRM_VALID_DAYS))
    stale = OpportunityFactory.create(confirmed_on=today - timedelta(days=CONFIRM_VALID_DAYS + 1))
    public = set(opportunity_list_public(today=today))
    assert fresh in public
    assert stale not in public


def test_confirmation_link_shows_a_button_and_the_post_confirms(client):
    old = timezone.localdate() - timedelta(days=CONFIRM_VALID_DAYS + 5)
    record = OpportunityFactory.create(confirmed_on=old)
    path = path_of(services.confirmation_url(opportunity=record))
    page = client.get(path)
    assert page.status_code == 200
    record.refresh_from_db()
    assert record.confirmed_on == old  # a mail scanner following the link confirms nothing
    assert client.post(path).status_code == 200
    record.refresh_from_db()
    assert record.confirmed_on == timezone.localdate()
    assert record in opportunity_list_public()


def test_used_link_no_longer_works(client):
    record = OpportunityFactory.create(confirmed_on=timezone.localdate() - timedelta(days=10))
    path = path_of(services.confirmation_url(opportunity=record))
    client.post(path)
    assert client.post(path).status_code == 404


def test_expired_or_forged_link_is_refused(client, monkeypatch):
    record = OpportunityFactory.create(confirmed_on=timezone.localdate() - timedelta(days=10))
    signed_at = int(time.time()) - (services.CONFIRM_LINK_DAYS + 1) * 86400
    with monkeypatch.context() as patch:
        patch.setattr(
            signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(signed_at)
        )
        path = path_of(services.confirmation_url(opportunity=record))
    assert client.post(path).status_code == 404
    forged = reverse("opportunities:confirm", kwargs={"token": "eyJwayI6MX0:abc:def"})
    assert client.post(forged).status_code == 404
    record.refresh_from_db()
    assert record.confirmed_on != timezone.localdate()


def test_reminders_go_to_partner_accounts_of_records_due():
    member = PartnerMembershipFactory.create()
    due = timezone.localdate() - timedelta(days=CONFIRM_VALID_DAYS - 10)
    OpportunityFactory.create(provider=member.organisation, confirmed_on=due, title="Vence pronto")
    OpportunityFactory.create(provider=member.organisation, title="Recién confirmada")
    assert services.confirmation_reminders_send() == 1
    (message,) = mail.outbox
    assert message.to == [member.user.email]
    assert "Vence pronto" in message.body
    assert "Recién confirmada" not in message.body
    assert "/opportunities/confirm/" in message.body


def test_partner_confirms_from_own_page(client):
    from conftest import login_with_second_factor

    member = PartnerMembershipFactory.create()
    record = OpportunityFactory.create(
        provider=member.organisation, confirmed_on=timezone.localdate() - timedelta(days=100)
    )
    login_with_second_factor(client, member.user)
    url = reverse("opportunities:partner_confirm", kwargs={"slug": record.slug})
    assert client.post(url).status_code == 302
    record.refresh_from_db()
    assert record.confirmed_on == timezone.localdate()
