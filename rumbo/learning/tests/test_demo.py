"""The demo counter-trafficking course: complete in each of its four languages."""

import math
import re

import pytest

from rumbo.learning.models import Lesson, Question
from rumbo.learning.selectors import version_problems

pytestmark = pytest.mark.django_db
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
# A slow reader on a phone, and a minute to read and answer each question.
WORDS_PER_MINUTE = 100
MINUTES_PER_QUESTION = 1


@pytest.mark.parametrize("language", ["es", "en", "fr", "ar"])
def test_every_language_version_has_all_modules_quizzes_and_the_final(course, language):
    version = course.versions.get(language=language)
    assert version.is_published
    assert version_problems(version=version) == []
    assert version.modules.count() == course.module_count == 11
    assert all(module.quiz.questions.count() >= 3 for module in version.modules.all())
    assert version.quizzes.get(module__isnull=True).questions.count() == 8


def test_the_arabic_version_holds_no_text_in_another_language(course):
    version = course.versions.get(language="ar")
    texts = [version.title, version.summary]
    for lesson in Lesson.objects.filter(module__version=version).select_related("module"):
        texts += [lesson.module.title, lesson.title, lesson.body]
    for question in Question.objects.filter(quiz__version=version).prefetch_related("choices"):
        texts += [question.text, question.explanation]
        texts += [choice.text for choice in question.choices.all()]
    foreign = [text for text in texts if LATIN_WORD.search(text)]
    assert foreign == []


def test_the_french_version_is_not_the_english_one(course):
    french = course.versions.get(language="fr")
    english = course.versions.get(language="en")
    french_titles = set(french.modules.values_list("title", flat=True))
    english_titles = set(english.modules.values_list("title", flat=True))
    # "Coordination" is the same word in both languages.
    assert french_titles & english_titles <= {"Coordination"}
    assert french.summary != english.summary


@pytest.mark.parametrize("language", ["es", "en", "fr", "ar"])
def test_the_stated_hours_match_what_there_is_to_read_and_answer(course, language):
    version = course.versions.get(language=language)
    words = sum(
        len(body.split())
        for body in Lesson.objects.filter(module__version=version).values_list("body", flat=True)
    )
    questions = Question.objects.filter(quiz__version=version).count()
    minutes = words / WORDS_PER_MINUTE + questions * MINUTES_PER_QUESTION
    assert course.hours_min <= math.ceil(minutes / 60) <= course.hours_max
