"""A learner registers, takes module 1 in Arabic, loses the connection in the middle of the
quiz, and finds every answer kept when it comes back."""

import re
import time

import pytest
from django.conf import settings
from django.core import mail

from rumbo.learning.models import Answer, Attempt, Question

pytestmark = pytest.mark.browser


def wait_for(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def answer(page, question: Question) -> None:
    choices = list(question.choices.all())
    if question.kind == "matching":
        for choice in choices:
            page.select_option(f"#m{choice.pk}", str(choice.pk))
        return
    for choice in choices:
        if choice.is_correct:
            page.check(f"#c{choice.pk}")


def test_learner_takes_module_one_in_arabic_through_a_dropped_connection(
    page, axe_check, screenshot
):
    page.goto("/campus/register/")
    axe_check(page)
    page.fill("#id_full_name", "Amal Haddad")
    page.fill("#id_email", "amal@example.org")
    page.fill("#id_password", "un camino largo 2026")
    page.click("form[action='/campus/register/'] button[type=submit]")
    page.wait_for_selector("text=amal@example.org")

    link = re.search(r"https?://\S+/campus/verify/\S+", str(mail.outbox[-1].body)).group(0)
    page.goto(link)
    page.wait_for_url("**/campus/")

    page.goto("/campus/countering-human-trafficking/ar/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.click("form[action$='/enrol/'] button")
    page.wait_for_selector("progress")
    axe_check(page)

    page.click("a[href$='/m1/ma-huwa-al-ittijar/']")
    page.wait_for_selector("h1:has-text('العناصر الثلاثة للاتجار')")
    assert page.get_attribute("html", "dir") == "rtl"
    axe_check(page)
    screenshot(page, "learning-lesson-ar")

    page.click("a[href$='/m1/quiz/']")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/campus/attempt/\d+/$"))
    axe_check(page)
    attempt = Attempt.objects.get(enrolment__user__email="amal@example.org")
    questions = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    order = attempt.question_ids

    # The first answer goes through while online.
    answer(page, questions[order[0]])
    # Every choice given is right, so "correct" means the whole answer arrived.
    wait_for(lambda: Answer.objects.filter(attempt=attempt, is_correct=True).count() == 1)

    page.context.set_offline(True)
    for question_id in order[1:]:
        answer(page, questions[question_id])
    page.wait_for_selector("#quiz-status:not([hidden])")
    screenshot(page, "learning-quiz-offline-ar")
    assert Answer.objects.filter(attempt=attempt).count() == 1

    page.context.set_offline(False)
    wait_for(lambda: Answer.objects.filter(attempt=attempt, is_correct=True).count() == len(order))

    page.reload()
    for question_id in order:
        question = questions[question_id]
        if question.kind == "matching":
            for choice in question.choices.all():
                assert page.input_value(f"#m{choice.pk}") == str(choice.pk)
        else:
            for choice in question.choices.all():
                assert page.is_checked(f"#c{choice.pk}") == choice.is_correct
    screenshot(page, "learning-quiz-restored-ar")

    page.click("#submit-quiz button")
    page.wait_for_selector("#result")
    assert "100" in page.inner_text("#result")
    axe_check(page)

    page.click("main a.button")
    assert page.get_attribute("#progress-1", "value") == "100"
    assert page.get_attribute("html", "dir") == "rtl"
    axe_check(page)
    screenshot(page, "learning-progress-ar")


@pytest.mark.parametrize("language", ["es", "ar"])
def test_public_campus_pages_pass_axe(page, live_demo, axe_check, language):
    cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_demo.url}
    page.context.add_cookies([cookie])
    page.goto("/campus/")
    assert page.get_attribute("html", "lang") == language
    axe_check(page)
    page.click("a[href='/campus/countering-human-trafficking/']")
    page.wait_for_selector("h1")
    axe_check(page)
    page.goto("/campus/login/")
    axe_check(page)
    page.goto("/campus/countering-human-trafficking/es/m2/crisis-y-riesgo/")
    assert page.get_attribute("html", "lang") == "es"
    axe_check(page)
