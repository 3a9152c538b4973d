import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/api/core/places?q=%00", "/points/?country=MX%00", "/guides/search/?q=a%00b"]
)
def test_a_nul_in_the_query_string_is_refused_before_any_view(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_nul_in_a_form_is_refused(client):
    response = client.post(
        "/campus/login/",
        "email=a%00@example.org&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_a_nul_in_a_json_body_is_refused(client):
    body = json.dumps({"answers": {"country": "HN\u0000"}})
    response = client.post("/api/plans/", body, content_type="application/json")
    assert response.status_code == 400


def test_a_file_upload_may_hold_nul_bytes(client):
    upload = SimpleUploadedFile("package.zip", b"PK\x03\x04\x00\x00")
    response = client.post("/campus/login/", {"email": "a@example.org", "file": upload})
    assert response.status_code != 400 or b"NUL" not in response.content


def test_an_ordinary_request_passes(client):
    assert client.get("/api/core/places?q=San").status_code == 200
