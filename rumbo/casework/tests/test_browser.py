import re

import pytest
from django_otp.oath import totp

from rumbo.casework.demo import DEMO_PASSWORD, demo_device
from rumbo.casework.models import Consultation

pytestmark = pytest.mark.browser
ADVISOR = "asesora.tapachula@example.org"


def current_code(email: str) -> str:
    device = demo_device(email)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_advisor_records_a_consultation_on_a_phone(page, axe_check, screenshot):
    page.goto("/staff/login/")
    page.fill("#id_username", ADVISOR)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.fill("#id_token", current_code(ADVISOR))
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/staff/$"))
    axe_check(page)

    page.click("main a[href='/staff/consultations/new/']")
    page.check("#id_channel_0")
    page.check("#id_topics_1")
    page.check("#id_age_band_2")
    page.check("#id_sex_0")
    page.select_option("#id_situation", "transit")
    page.select_option("#id_source", "radio")
    page.check("#id_outcome_0")
    page.check("#id_consent_given")
    page.fill("#id_alias", "Rosa Demo")
    page.fill("#id_contact", "+502 5555 0101")
    axe_check(page)
    screenshot(page, "casework-consultation-form-phone")
    page.click("main form.quick button[type=submit]")

    page.wait_for_url(re.compile(r"/staff/consultations/\d+/$"))
    assert "Rosa Demo" in page.content()
    axe_check(page)
    screenshot(page, "casework-consultation-detail-phone")
    pk = int(page.url.rstrip("/").rsplit("/", 1)[1])
    consultation = Consultation.objects.get(pk=pk)
    assert consultation.alias == "Rosa Demo"
    assert consultation.info_point.slug == "tapachula-centro"
    # Nothing personal is left in the browser's storage.
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_public_appointment_request_from_a_point_page(page, axe_check):
    page.goto("/points/tapachula-centro/")
    page.click("a[href='/points/tapachula-centro/appointment/']")
    axe_check(page)
    page.fill("#id_alias", "Luz")
    page.fill("#id_contact", "+52 962 555 0199")
    page.fill("#id_preferred_date", page.evaluate("new Date().toISOString().slice(0, 10)"))
    page.click("main button[type=submit]")
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", reference)
    axe_check(page)


@pytest.mark.parametrize("language", ["es", "ar"])
def test_appointment_request_page_passes_axe(page, axe_check, language):
    from django.conf import settings

    page.goto("/")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": page.url}]
    )
    page.goto("/points/tapachula-centro/appointment/")
    assert page.locator("html").get_attribute("lang") == language
    axe_check(page)
