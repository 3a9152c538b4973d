import io
import zipfile
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import login_with_second_factor
from rumbo.accounts.factories import UserFactory
from rumbo.infopoints.factories import InfoPointFactory
from rumbo.infopoints.models import InfoPoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    return client


def test_overdue_queue_lists_only_points_awaiting_confirmation(admin_client, settings):
    settings.RUMBO_INFOPOINT_CONFIRM_DAYS = 90
    today = timezone.localdate()
    stale = InfoPointFactory.create(name="Stale point", last_confirmed=today - timedelta(days=120))
    InfoPointFactory.create(name="Fresh point", last_confirmed=today - timedelta(days=3))
    response = admin_client.get(reverse("admin:infopoints_overdueinfopoint_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert stale.name in html
    assert "Fresh point" not in html


def test_confirm_action_clears_the_queue(admin_client):
    point = InfoPointFactory.create(last_confirmed=None)
    admin_client.post(
        reverse("admin:infopoints_overdueinfopoint_changelist"),
        {"action": "confirm_today", "_selected_action": [point.pk]},
    )
    point.refresh_from_db()
    assert point.last_confirmed == timezone.localdate()


def test_point_admin_pages_open(admin_client):
    point = InfoPointFactory.create()
    assert admin_client.get(reverse("admin:infopoints_infopoint_changelist")).status_code == 200
    change = reverse("admin:infopoints_infopoint_change", args=[point.pk])
    assert admin_client.get(change).status_code == 200


def test_export_download_is_a_zip(admin_client):
    InfoPointFactory.create()
    response = admin_client.get(reverse("admin:infopoints_hsds_export"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "json/organizations.json" in archive.namelist()


def test_import_upload_lists_problems_and_writes_nothing(admin_client):
    count = InfoPoint.objects.count()
    upload = io.BytesIO(b"not a zip")
    upload.name = "points.zip"
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.post(reverse("admin:infopoints_hsds_import"), {"file": upload})
    assert response.status_code == 400
    assert "not a zip archive" in response.content.decode()
    assert InfoPoint.objects.count() == count


def test_export_needs_permission(client):
    login_with_second_factor(client, UserFactory(is_staff=True))
    response = client.get(reverse("admin:infopoints_hsds_export"))
    assert response.status_code == 403
