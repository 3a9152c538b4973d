"""Small shared templates of the E-Campus."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("en", (1, 1), "1 hour"),
        ("en", (3, 5), "3–5 hours"),
        ("es", (2, 2), "2 horas"),
        ("fr", (1, 1), "1 heure"),
    ],
)
def test_a_course_duration_reads_as_people_say_it(language, hours, expected):
    course = SimpleNamespace(hours_min=hours[0], hours_max=hours[1])
    with translation.override(language):
        assert render_to_string("learning/_hours.html", {"course": course}) == expected
