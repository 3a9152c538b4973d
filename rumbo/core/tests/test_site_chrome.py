import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from rumbo.core.templatetags.site_chrome import language_buttons, site_menu

pytestmark = pytest.mark.django_db


def test_menu_is_in_the_active_language():
    with translation.override("es"):
        spanish = site_menu()
    with translation.override("ar"):
        arabic = site_menu()
    assert 'aria-label="Principal"' in spanish
    assert spanish != arabic
    assert f'href="{reverse("plans:landing")}"' in arabic


def test_language_buttons_mark_the_active_language():
    with translation.override("fr"):
        buttons = language_buttons()
    assert 'value="fr" lang="fr" aria-describedby="language-label" aria-current="true"' in buttons
    assert 'value="es" lang="es" aria-describedby="language-label">' in buttons


@override_settings(RUMBO_SITE_NAME="Conectá con tu futuro")
def test_menu_follows_the_site_name():
    assert '<a class="brand" href="/">Conectá con tu futuro</a>' in site_menu()


def test_each_page_keeps_its_own_return_address(client):
    html = client.get(reverse("plans:landing")).content.decode()
    assert f'name="next" value="{reverse("plans:landing")}"' in html
