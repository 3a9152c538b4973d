import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def test_a_campaign_id_sent_as_invalid_utf8_gets_the_forms_message(admin_client):
    response = admin_client.post(
        reverse("admin:chat_channel_add"),
        b"kind=whatsapp&slug=x&name=x&campaign=\xff\xfe\xc3(",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not response.context["adminform"].form.is_valid()


def test_the_channel_list_shows_each_webhook_address(admin_client):
    response = admin_client.get(reverse("admin:chat_channel_changelist"))
    assert response.status_code == 200
    assert "/chat/hooks/whatsapp-demo/" in response.content.decode()
