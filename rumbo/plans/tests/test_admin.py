import pytest
from django.urls import reverse

from rumbo.plans.models import Question, Questionnaire

pytestmark = pytest.mark.django_db


def test_questionnaire_admin_lists_its_questions_inline(admin_client, flow):
    questionnaire = Questionnaire.objects.get(slug="plan-your-life")
    response = admin_client.get(
        reverse("admin:plans_questionnaire_change", args=[questionnaire.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="title_ar"' in html
    assert "questions-TOTAL_FORMS" in html


def test_question_admin_edits_choices_and_conditions_in_every_language(admin_client, flow):
    question = Question.objects.get(questionnaire__slug="plan-your-life", slug="destination")
    response = admin_client.get(reverse("admin:plans_question_change", args=[question.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="text_fr"' in html
    assert "choices-TOTAL_FORMS" in html
    assert "conditions-TOTAL_FORMS" in html


def test_plans_are_not_browsable_in_the_admin(admin_client):
    assert "plans/plan/" not in admin_client.get(reverse("admin:index")).content.decode()
