import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.guides.admin import ReviewQueueFilter
from rumbo.guides.factories import ArticleFactory, PathwayFactory, days_ago
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
        "last_verified": pathway.last_verified.isoformat(),
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
