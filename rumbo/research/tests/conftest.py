import pytest
from django.conf import settings

from conftest import login_with_second_factor
from rumbo.research.factories import MembershipFactory, SurveyProjectFactory, WaveFactory
from rumbo.research.models import ProjectMembership


@pytest.fixture
def project(db):
    return SurveyProjectFactory(
        slug="test-survey",
        design="clustered",
        strata_field="stratum",
        cluster_field="cluster",
        weight_field="w",
        exposure_field="recall",
        exposure_values=["yes"],
    )


@pytest.fixture
def baseline(project):
    return WaveFactory(project=project, name="Baseline", order=0)


@pytest.fixture
def follow_up(project):
    return WaveFactory(project=project, name="Follow-up", order=1, kind="follow_up")


@pytest.fixture
def researcher(project):
    return MembershipFactory(project=project).user


@pytest.fixture
def researcher_client(client, researcher):
    """Logged in with the second factor, reading the pages in English."""
    login_with_second_factor(client, researcher)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def viewer_client(client, project):
    user = MembershipFactory(project=project, role=ProjectMembership.Role.VIEWER).user
    login_with_second_factor(client, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
