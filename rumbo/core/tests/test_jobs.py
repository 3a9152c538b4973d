from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.core.models import Job
from rumbo.core.services import job_create, job_finish, job_progress
from rumbo.core.tasks import sessions_purge_expired

pytestmark = pytest.mark.django_db


def test_job_progress_is_recorded_and_shown_to_staff(client):
    job = job_create(kind="HSDS import")
    job_progress(job=job, done=25, total=100, message="organisations")
    login_with_second_factor(client, UserFactory(is_staff=True))
    html = client.get(job.get_absolute_url()).content.decode()
    assert "25" in html
    assert 'value="25"' in html
    assert 'http-equiv="refresh"' in html


def test_finished_job_stops_refreshing(client):
    job = job_create(kind="export", total=3)
    job_finish(job=job)
    login_with_second_factor(client, UserFactory(is_staff=True))
    html = client.get(job.get_absolute_url()).content.decode()
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE
    assert 'http-equiv="refresh"' not in html


def test_job_page_is_for_staff_only(client):
    job = job_create(kind="export")
    assert client.get(job.get_absolute_url()).status_code == 302
    client.force_login(UserFactory(is_staff=False))
    assert client.get(job.get_absolute_url()).status_code == 403


def test_job_page_needs_the_second_factor(client):
    job = job_create(kind="export")
    client.force_login(UserFactory(is_staff=True))
    assert client.get(job.get_absolute_url()).status_code != 200


def test_periodic_purge_removes_expired_sessions():
    Session.objects.create(
        session_key="expired", session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    Session.objects.create(
        session_key="current", session_data="", expire_date=timezone.now() + timedelta(days=1)
    )
    sessions_purge_expired.call_local()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]
