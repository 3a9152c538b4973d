"""Partners propose, moderators approve or reject; the live record waits for approval."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.core.factories import country
from rumbo.opportunities import selectors, services
from rumbo.opportunities.factories import (
    OpportunityFactory,
    PartnerMembershipFactory,
    ProviderFactory,
)
from rumbo.opportunities.models import Opportunity, OpportunityRevision

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(no_opportunities):
    # The demo's own pending proposal goes with the demo opportunities.
    return PartnerMembershipFactory.create()


@pytest.fixture
def partner_client(client, member):
    login_with_second_factor(client, member.user)
    return client


@pytest.fixture
def moderator_client(client):
    login_with_second_factor(client, UserFactory.create(is_staff=True, is_superuser=True))
    return client


def new_values(**changes):
    values = {
        "kind": "learning",
        "subkind": "vocational_course",
        "title": "Curso de soldadura",
        "summary": "Gratis, tres meses.",
        "description": "",
        "is_online": False,
        "age_min": 16,
        "age_max": 30,
        "sex": "any",
        "schooling": "none",
        "is_free": True,
        "cost": "",
        "stipend": "",
        "starts_on": None,
        "ends_on": None,
        "application_deadline": timezone.localdate() + timedelta(days=30),
        "apply_url": "https://example.org/soldadura",
        "apply_phone": "",
        "apply_whatsapp": "",
        "how_to_apply": "",
    }
    return values | changes


def test_partner_edit_leaves_the_live_record_until_approval(member):
    live = OpportunityFactory.create(provider=member.organisation, title="Antes", title_es="Antes")
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=live,
        values={"title": "Después", "age_max": 25},
        language="es",
    )
    live.refresh_from_db()
    assert live.title_es == "Antes"
    assert revision.status == OpportunityRevision.Status.PENDING
    services.revision_approve(revision=revision, reviewer=UserFactory.create())
    live.refresh_from_db()
    assert (live.title_es, live.age_max) == ("Después", 25)


def test_partner_cannot_propose_changes_to_another_organisations_record(member):
    other = OpportunityFactory.create(provider=ProviderFactory.create())
    with pytest.raises(PermissionDenied):
        services.revision_submit(
            user=member.user,
            organisation=member.organisation,
            opportunity=other,
            values={"title": "Mío"},
            language="es",
        )
    with pytest.raises(PermissionDenied):
        services.revision_submit(
            user=member.user,
            organisation=other.provider,
            opportunity=other,
            values={"title": "Mío"},
            language="es",
        )
    assert not OpportunityRevision.objects.exists()


def test_proposal_with_a_past_deadline_is_refused_naming_the_field(member):
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.revision_submit(
            user=member.user,
            organisation=member.organisation,
            opportunity=None,
            values=new_values(application_deadline=yesterday),
            language="es",
        )
    assert "application_deadline" in refused.value.message_dict
    assert not OpportunityRevision.objects.exists()


def test_new_opportunity_proposed_in_english_is_published_with_spanish_fallback(member):
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=None,
        values=new_values(title="Welding course"),
        language="en",
    )
    created = services.revision_approve(revision=revision, reviewer=UserFactory.create())
    assert created.status == Opportunity.Status.PUBLISHED
    assert (created.title_en, created.title_es) == ("Welding course", "Welding course")
    assert created.provider == member.organisation
    assert created.slug == "welding-course"


def test_second_proposal_replaces_the_pending_one(member):
    live = OpportunityFactory.create(provider=member.organisation)
    for title in ("Uno", "Dos"):
        services.revision_submit(
            user=member.user,
            organisation=member.organisation,
            opportunity=live,
            values={"title": title},
            language="es",
        )
    assert list(OpportunityRevision.objects.values_list("data", flat=True)) == [{"title_es": "Dos"}]


def test_rejection_needs_a_reason_and_keeps_it(member):
    live = OpportunityFactory.create(provider=member.organisation)
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=live,
        values={"title": "X"},
        language="es",
    )
    with pytest.raises(ValidationError):
        services.revision_reject(revision=revision, reviewer=UserFactory.create(), reason="  ")
    services.revision_reject(
        revision=revision, reviewer=UserFactory.create(), reason="Falta fuente"
    )
    revision.refresh_from_db()
    assert (revision.status, revision.reason) == ("rejected", "Falta fuente")
    with pytest.raises(ValidationError):
        services.revision_approve(revision=revision, reviewer=UserFactory.create())


def test_diff_lists_only_changed_fields_with_both_values(member):
    live = OpportunityFactory.create(provider=member.organisation, age_max=30, title_es="Curso")
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=live,
        values={"title": "Curso", "age_max": 25, "sex": "women"},
        language="es",
    )
    with translation.override("en"):
        changes = selectors.revision_changes(revision=revision)
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("maximum age", "30", "25"),
        ("for", "Everyone", "Women"),
    ]


# Views


def test_partner_page_lists_only_the_partners_records(partner_client, member):
    own = OpportunityFactory.create(provider=member.organisation)
    other = OpportunityFactory.create()
    response = partner_client.get(reverse("opportunities:partner"))
    assert response.status_code == 200
    assert list(response.context["opportunities"]) == [own]
    assert other.title not in response.content.decode()


def test_partner_editing_another_organisations_record_gets_404(partner_client):
    other = OpportunityFactory.create()
    url = reverse("opportunities:partner_edit", kwargs={"slug": other.slug})
    assert partner_client.get(url).status_code == 404
    assert partner_client.post(url, {"title": "x"}).status_code == 404


def test_partner_form_sends_a_proposal_and_keeps_input_on_error(partner_client, member):
    live = OpportunityFactory.create(provider=member.organisation)
    url = reverse("opportunities:partner_edit", kwargs={"slug": live.slug})
    data = {
        k: ("on" if v is True else v) for k, v in new_values().items() if v not in (None, False)
    }
    bad = partner_client.post(url, data | {"age_min": "40", "age_max": "20"})
    assert bad.status_code == 400
    assert 'value="40"' in bad.content.decode()
    assert not OpportunityRevision.objects.exists()
    good = partner_client.post(url, data)
    assert good.status_code == 302
    assert OpportunityRevision.objects.get().data["title_es"] == "Curso de soldadura"


def test_learner_without_partner_account_is_refused(client):
    login_with_second_factor(client, UserFactory.create(is_staff=False))
    assert client.get(reverse("opportunities:partner")).status_code in (302, 403)


def test_moderator_sees_diff_and_approves(moderator_client, member):
    live = OpportunityFactory.create(provider=member.organisation, age_max=30)
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=live,
        values={"age_max": 25},
        language="es",
    )
    url = reverse("opportunities:moderation_revision", kwargs={"pk": revision.pk})
    page = moderator_client.get(url)
    assert "<ins>25</ins>" in page.content.decode()
    assert moderator_client.post(url, {"approve": "1"}).status_code == 302
    live.refresh_from_db()
    assert live.age_max == 25


def test_moderator_rejects_with_reason_and_partner_sees_it(moderator_client, member, client):
    live = OpportunityFactory.create(provider=member.organisation)
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=live,
        values={"age_max": 25},
        language="es",
    )
    url = reverse("opportunities:moderation_revision", kwargs={"pk": revision.pk})
    assert moderator_client.post(url, {"reject": "1", "reason": ""}).status_code == 400
    assert (
        moderator_client.post(url, {"reject": "1", "reason": "Dato sin fuente"}).status_code == 302
    )
    login_with_second_factor(client, member.user)
    assert "Dato sin fuente" in client.get(reverse("opportunities:partner")).content.decode()


def test_partner_cannot_moderate(partner_client):
    assert partner_client.get(reverse("opportunities:moderation")).status_code == 403


def test_new_record_country_defaults_to_the_organisations(member):
    member.organisation.country = country("HN")
    member.organisation.save()
    revision = services.revision_submit(
        user=member.user,
        organisation=member.organisation,
        opportunity=None,
        values=new_values(),
        language="es",
    )
    created = services.revision_approve(revision=revision, reviewer=UserFactory.create())
    assert created.country.code == "HN"
