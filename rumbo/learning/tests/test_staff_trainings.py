"""The staff trainings page: each staff member of a point sees their own completed courses;
a coordinator sees everyone's at their points, and each read of a colleague is audited."""

import pytest
from django.urls import reverse

from conftest import login_with_second_factor
from rumbo.accounts.models import User
from rumbo.audit.models import AuditEntry
from rumbo.casework.factories import StaffRoleFactory
from rumbo.casework.models import StaffRole
from rumbo.certificates.factories import CompletedEnrolmentFactory, IssuerFactory
from rumbo.certificates.models import Issuer
from rumbo.certificates.services import certificate_issue
from rumbo.core.factories import CountryFactory
from rumbo.learning.selectors import staff_training_list

pytestmark = pytest.mark.django_db
URL = "/campus/trainings/"


@pytest.fixture
def point_staff(db):
    """A point with a coordinator and a trained advisor; another point with its advisor."""
    # The session's demo data may hold the default issuer already.
    Issuer.objects.filter(is_default=True).update(is_default=False)
    IssuerFactory.create(slug="trainings-issuer")
    advisor = StaffRoleFactory(user__full_name="Lucía Asesora").user
    point = advisor.staff_roles.get().info_point
    coordinator = StaffRoleFactory(
        user__full_name="Mario Coordinador", role=StaffRole.Role.COORDINATOR, info_point=point
    ).user
    elsewhere = StaffRoleFactory(user__full_name="Diego Asesor").user
    trained = CompletedEnrolmentFactory.create(user=advisor, version__title="Contra la trata")
    certificate = certificate_issue(enrolment=trained)
    CompletedEnrolmentFactory.create(user=elsewhere, version__title="Otro curso")
    return {
        "advisor": advisor,
        "coordinator": coordinator,
        "elsewhere": elsewhere,
        "certificate": certificate,
    }


def test_the_url_is_the_staff_trainings_page():
    assert reverse("learning:staff_trainings") == URL


def test_a_coordinator_sees_the_trainings_of_their_points_staff_with_verification_links(
    client, point_staff
):
    login_with_second_factor(client, point_staff["coordinator"])
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lucía Asesora" in page
    assert "Contra la trata" in page
    assert point_staff["certificate"].get_absolute_url() in page
    assert "Diego Asesor" not in page
    assert "Otro curso" not in page
    assert "no-store" in response["Cache-Control"]


def test_reading_a_colleagues_trainings_is_audited_and_ones_own_is_not(client, point_staff):
    coordinator, advisor = point_staff["coordinator"], point_staff["advisor"]
    login_with_second_factor(client, coordinator)
    client.get(URL)
    entries = AuditEntry.objects.filter(actor=coordinator, reason="staff trainings")
    assert set(entries.values_list("target_id", flat=True)) == {str(advisor.pk)}
    assert entries.get().action == AuditEntry.Action.READ
    assert entries.get().info_point_id == advisor.staff_roles.get().info_point_id


def test_an_advisor_sees_only_their_own_trainings(client, point_staff):
    login_with_second_factor(client, point_staff["advisor"])
    page = client.get(URL).content.decode()
    assert "Contra la trata" in page
    assert "Mario Coordinador" not in page
    assert not AuditEntry.objects.filter(reason="staff trainings").exists()


def test_the_selector_follows_the_second_factor(point_staff):
    # A user object that has not passed the second factor reads nobody's trainings.
    assert staff_training_list(actor=point_staff["coordinator"]) == []


def test_a_learner_is_refused_and_an_anonymous_visitor_sent_to_the_staff_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("casework:login"))
    learner = User.objects.create_user(email="learner@example.org", password="x" * 12)
    client.force_login(learner)
    assert client.get(URL).status_code == 403


def test_staff_without_a_point_are_refused(client, db):
    manager = StaffRoleFactory(
        role=StaffRole.Role.COUNTRY_MANAGER, info_point=None, country=CountryFactory()
    ).user
    login_with_second_factor(client, manager)
    assert client.get(URL).status_code == 403


def test_the_page_reads_in_a_fixed_number_of_queries(
    client, point_staff, django_assert_max_num_queries
):
    for _extra in range(3):
        extra = StaffRoleFactory(
            info_point=point_staff["advisor"].staff_roles.get().info_point
        ).user
        CompletedEnrolmentFactory.create(user=extra)
    login_with_second_factor(client, point_staff["coordinator"])
    with django_assert_max_num_queries(25):
        assert client.get(URL).status_code == 200


def test_the_catalogue_links_the_page_for_point_staff_only(client, point_staff):
    client.force_login(point_staff["advisor"])
    assert URL in client.get(reverse("learning:catalogue")).content.decode()
    client.force_login(User.objects.create_user(email="learner@example.org", password="x" * 12))
    assert URL not in client.get(reverse("learning:catalogue")).content.decode()
