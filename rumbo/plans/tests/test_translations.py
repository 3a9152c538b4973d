import pytest
from django.conf import settings

from rumbo.plans.models import Choice, Question, Questionnaire

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_questionnaire_is_complete_in_every_language(flow, language):
    assert getattr(Questionnaire.objects.get(slug="plan-your-life"), f"title_{language}")
    for question in Question.objects.filter(questionnaire__slug="plan-your-life"):
        assert getattr(question, f"text_{language}"), (question.slug, language)
    for choice in Choice.objects.filter(question__questionnaire__slug="plan-your-life"):
        assert getattr(choice, f"label_{language}"), (choice.value, language)


def test_demo_loader_is_idempotent(flow):
    from rumbo.plans import demo

    before = (Question.objects.count(), Choice.objects.count())
    demo.load()
    assert (Question.objects.count(), Choice.objects.count()) == before
    assert not Question.objects.filter(is_demo=False).exists()
