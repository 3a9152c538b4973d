import pytest
from django.urls import reverse

from rumbo.learning.models import Course, CourseVersion, Lesson, Question, Quiz
from rumbo.learning.package import package_export

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Course, CourseVersion, Lesson, Quiz, Question])
def test_admin_list_and_change_pages_open(admin_client, course, model):
    name = model._meta.model_name
    assert admin_client.get(reverse(f"admin:learning_{name}_changelist")).status_code == 200
    item = model.objects.order_by("pk").first()
    assert (
        admin_client.get(reverse(f"admin:learning_{name}_change", args=[item.pk])).status_code
        == 200
    )


def test_admin_action_exports_the_course_package(admin_client, course):
    response = admin_client.post(
        reverse("admin:learning_course_changelist"),
        {"action": "export_package", "_selected_action": [course.pk]},
    )
    assert response.content == package_export(course=course)


def test_admin_publish_refuses_an_incomplete_version(admin_client, version_es):
    version_es.modules.get(position=2).lessons.all().delete()
    CourseVersion.objects.filter(pk=version_es.pk).update(is_published=False)
    admin_client.post(
        reverse("admin:learning_courseversion_changelist"),
        {"action": "publish", "_selected_action": [version_es.pk]},
    )
    version_es.refresh_from_db()
    assert version_es.is_published is False
