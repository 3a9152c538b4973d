import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.audit.models import AuditEntry
from rumbo.guides.admin import ReviewQueueFilter
from rumbo.guides.factories import (
    ArticleFactory,
    DocumentIssuanceFactory,
    PathwayFactory,
    SourceFactory,
    days_ago,
)
from rumbo.guides.models import Article, Document, DocumentIssuance, Pathway, SearchTerm, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    login_with_second_factor(client, user)
    return client


def review_queue(model, value: str):
    model_admin = site._registry[model]
    request = RequestFactory().get("/", {"review": value})
    queue = ReviewQueueFilter(request, {"review": [value]}, model, model_admin)
    return list(queue.queryset(request, model.objects.all()))


def test_review_queue_lists_only_stale_records(settings):
    settings.RUMBO_CONTENT_MAX_AGE_DAYS = 180
    stale = PathwayFactory(last_verified=days_ago(181))
    fresh = PathwayFactory(last_verified=days_ago(10))
    assert review_queue(Pathway, "stale") == [stale]
    assert review_queue(Pathway, "fresh") == [fresh]


def test_review_queue_works_for_articles(settings):
    stale = ArticleFactory(last_verified=days_ago(500))
    ArticleFactory()
    assert review_queue(Article, "stale") == [stale]


@pytest.mark.parametrize("model", [Pathway, Document, DocumentIssuance, Article, Source])
def test_admin_lists_and_add_forms_open(admin_client, model):
    PathwayFactory(last_verified=days_ago(400))
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert admin_client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"{prefix}_add")).status_code == 200


def test_admin_review_queue_page_shows_stale_pathway(admin_client):
    PathwayFactory(title="Old pathway", last_verified=days_ago(400))
    PathwayFactory(title="New pathway")
    response = admin_client.get(reverse("admin:guides_pathway_changelist"), {"review": "stale"})
    assert b"Old pathway" in response.content
    assert b"New pathway" not in response.content


def change_form_data(admin_client, pathway) -> tuple[str, dict]:
    url = reverse("admin:guides_pathway_change", args=[pathway.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data |= {
        "title_es": "Cosecha en Canadá",
        "summary_es": "Resumen",
        "destination": pathway.destination_id,
        "origin_countries": [country.pk for country in pathway.origin_countries.all()],
    }
    for prefix in ("rules", "steps"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return url, data


def test_saving_a_pathway_in_the_admin_reindexes_it(admin_client):
    pathway = PathwayFactory(title_es="Viejo")
    url, data = change_form_data(admin_client, pathway)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert SearchTerm.objects.filter(record_id=pathway.pk, language="es", term="cosech").exists()


def test_admin_explains_a_rule_whose_operator_does_not_fit(admin_client):
    pathway = PathwayFactory()
    url, data = change_form_data(admin_client, pathway)
    data |= {
        "rules-TOTAL_FORMS": 1,
        "rules-0-fact": "age",
        "rules-0-operator": "is_true",
        "rules-0-value": "",
        "rules-0-unmet_message_es": "Mayor de edad",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert pathway.rules.count() == 0
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert "operator" in errors[0]


def verify_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_verify", args=[record.pk])


def test_the_verify_page_shows_the_sources_and_marks_the_record_verified(admin_client):
    pathway = PathwayFactory(last_verified=None, title="Regional card")
    pathway.sources.add(SourceFactory(title="DOF agreement", edition="DOF, April 2019"))
    page = admin_client.get(verify_url(pathway)).content.decode()
    assert "DOF agreement" in page
    assert "DOF, April 2019" in page
    response = admin_client.post(
        verify_url(pathway), {"against": "DOF, April 2019", "checked": "on"}
    )
    assert response.status_code == 302
    pathway.refresh_from_db()
    assert pathway.last_verified == timezone.localdate()
    assert pathway.verified_against == "DOF, April 2019"
    assert AuditEntry.objects.filter(
        target_id=str(pathway.pk), target_type="guides.pathway"
    ).exists()


def test_verifying_without_confirming_the_check_changes_nothing(admin_client):
    issuance = DocumentIssuanceFactory(last_verified=None)
    response = admin_client.post(verify_url(issuance), {"against": "2024"})
    assert response.status_code == 200
    assert response.context["form"].errors["checked"]
    issuance.refresh_from_db()
    assert issuance.last_verified is None


def test_staff_without_the_change_permission_cannot_verify(client):
    article = ArticleFactory(last_verified=None)
    login_with_second_factor(client, UserFactory(is_staff=True))
    response = client.post(verify_url(article), {"against": "2024", "checked": "on"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.last_verified is None


def test_the_change_form_cannot_set_a_verification_date(admin_client):
    pathway = PathwayFactory(last_verified=None)
    url, data = change_form_data(admin_client, pathway)
    data |= {"last_verified": "2026-01-01", "reviewer": "Someone", "verified_against": "x"}
    assert admin_client.post(url, data).status_code == 302
    pathway.refresh_from_db()
    assert (pathway.last_verified, pathway.reviewer) == (None, "")


def test_the_review_queue_page_lists_unverified_facts_with_a_verify_link(admin_client):
    pathway = PathwayFactory(title="Never checked", last_verified=None, high_risk=True)
    PathwayFactory(title="Checked today")
    html = admin_client.get(reverse("admin:guides_review_queue")).content.decode()
    assert "Never checked" in html
    assert "Checked today" not in html
    assert verify_url(pathway) in html


def test_the_review_queue_filter_lists_unverified_records():
    unverified = PathwayFactory(last_verified=None)
    PathwayFactory()
    assert review_queue(Pathway, "unverified") == [unverified]


def test_editing_a_verified_pathway_makes_it_unverified_again(admin_client):
    pathway = PathwayFactory(title_es="Viejo")
    url, data = change_form_data(admin_client, pathway)
    assert admin_client.post(url, data).status_code == 302
    pathway.refresh_from_db()
    assert pathway.last_verified is None
    assert pathway.verified_against == ""


def test_saving_a_verified_pathway_unchanged_keeps_its_verification(admin_client):
    pathway = PathwayFactory(title_es="Cosecha en Canadá", summary_es="Resumen")
    url, data = change_form_data(admin_client, pathway)
    assert admin_client.post(url, data).status_code == 302
    pathway.refresh_from_db()
    assert pathway.last_verified == timezone.localdate()
