"""The verification pages in a real browser: accessible in Spanish and Arabic, usable by
typing a code as a person would."""

import json

import pytest
from django.conf import settings

from rumbo.certificates.models import Certificate

pytestmark = pytest.mark.browser


def test_verification_by_typed_code_passes_axe_in_spanish_and_arabic(
    page, live_demo, axe_check, screenshot
):
    certificate = Certificate.objects.order_by("pk").first()
    assert certificate is not None, "the demo issues a certificate"
    for language in ("es", "ar"):
        page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_demo.url}]
        )
        page.goto("/verify/")
        axe_check(page)
        # Typed as a person reads it aloud: lower case, spaces instead of dashes.
        page.fill("#code", certificate.display_code.replace("-", " ").lower())
        page.locator("#code").press("Enter")
        page.wait_for_url(f"**{certificate.get_absolute_url()}")
        assert certificate.learner_name in page.content()
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        axe_check(page)
        screenshot(page, f"certificates-certificate-{language}")
        page.goto("/verify/?code=2222-3333-4444")
        axe_check(page)
        page.fill("#credential", json.dumps(certificate.credential))
        page.locator("button.secondary").click()
        page.wait_for_selector("#check-result")
        assert page.locator("#check-result").get_attribute("role") == "status"
        axe_check(page)
        screenshot(page, f"certificates-check-{language}")
