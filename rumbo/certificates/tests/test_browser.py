"""The verification pages in a real browser: accessible in Spanish and Arabic, usable by
typing a code as a person would; and the whole journey of an Arabic-speaking learner without
email, from registration to a certificate another phone verifies by its QR code."""

import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.conf import settings

from rumbo.certificates.models import Certificate
from rumbo.learning.models import Answer, Attempt, CourseVersion, Question

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


def _answer_rightly(page, question: Question) -> None:
    choices = list(question.choices.all())
    if question.kind == "matching":
        for choice in choices:
            page.select_option(f"#m{choice.pk}", str(choice.pk))
        return
    for choice in choices:
        if choice.is_correct:
            page.check(f"#c{choice.pk}")


def _wait_for(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def _pass_quiz(page, quiz_url: str, username: str) -> None:
    page.goto(quiz_url)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/campus/attempt/\d+/$"))
    attempt = Attempt.objects.filter(enrolment__user__username=username).latest("pk")
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    for question in questions:
        _answer_rightly(page, question)
    # Every answer is saved by the page's script as it is given; all right means all arrived.
    _wait_for(
        lambda: (
            Answer.objects.filter(attempt=attempt, is_correct=True).count()
            == len(attempt.question_ids)
        )
    )
    page.click("#submit-quiz button")
    page.wait_for_selector("#result")


def _qr_link(pdf: bytes) -> str:
    """The address the PDF's QR code holds, read from the rendered page as a phone reads it."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    codes = [code for code in zxingcpp.read_barcodes(image) if code.format.name == "QRCode"]
    assert len(codes) == 1, "the PDF holds one QR code"
    return codes[0].text


def test_arabic_learner_without_email_completes_the_course_and_verifies_by_qr(
    page, browser, live_demo, axe_check, screenshot
):
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_demo.url}]
    )
    # Registration without email: a username, and recovery codes shown once.
    page.goto("/campus/register/")
    page.click("a[href='/campus/register/username/']")
    assert page.get_attribute("html", "dir") == "rtl"
    axe_check(page)
    page.fill("#id_full_name", "أمل حداد")
    page.fill("#id_username", "amal_h")
    page.fill("#id_password", "طريق طويل 2026 amal")
    page.click("main form button[type=submit]")
    page.wait_for_selector("ol.codes")
    assert page.locator("ol.codes li").count() == 8
    axe_check(page)
    screenshot(page, "certificates-journey-codes-ar")

    version = CourseVersion.objects.get(course__slug="countering-human-trafficking", language="ar")
    page.goto(version.get_absolute_url())
    page.click("form[action$='/enrol/'] button")
    page.wait_for_selector("progress")
    for module in version.modules.order_by("position"):
        for lesson in module.lessons.order_by("position"):
            page.goto(lesson.get_absolute_url())
            assert page.get_attribute("html", "lang") == "ar"
        _pass_quiz(page, f"{version.get_absolute_url()}m{module.position}/quiz/", "amal_h")
    _pass_quiz(page, f"{version.get_absolute_url()}final/", "amal_h")
    page.wait_for_selector("a[href$='/pdf/']")
    assert page.get_attribute("html", "dir") == "rtl"
    axe_check(page)
    screenshot(page, "certificates-journey-result-ar")

    certificate = Certificate.objects.get(enrolment__user__username="amal_h")
    assert certificate.language == "ar"
    assert certificate.learner_name == "أمل حداد"
    with page.expect_download() as pdf_download:
        page.click("a[href$='/pdf/']")
    pdf = Path(pdf_download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    with page.expect_download() as credential_download:
        page.click("a[href$='/credential/']")
    credential_path = credential_download.value.path()
    credential = json.loads(Path(credential_path).read_text())
    assert credential["credentialSubject"]["identifier"][0]["identityType"] == "userName"

    # Another phone scans the printed QR code and opens its address.
    link = _qr_link(pdf)
    assert link == settings.RUMBO_PUBLIC_URL + certificate.get_absolute_url()
    other = browser.new_context(base_url=live_demo.url, viewport={"width": 360, "height": 740})
    try:
        phone = other.new_page()
        phone.goto(urlsplit(link).path)
        assert phone.locator("[role=status]").count() == 1
        assert "أمل حداد" in phone.inner_text("main")
        assert certificate.display_code in phone.inner_text("main")
        axe_check(phone)
        screenshot(phone, "certificates-journey-verified")
        # The downloaded credential checks out there too: signature, key, not revoked.
        phone.goto("/verify/")
        phone.set_input_files("#file", credential_path)
        phone.locator("button.secondary").click()
        phone.wait_for_selector("#check-result")
        assert phone.get_attribute("#check-result", "class") == "ok"
        assert phone.locator(f"a[href='{certificate.get_absolute_url()}']").count() == 1
        axe_check(phone)
    finally:
        other.close()
