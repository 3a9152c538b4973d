"""The current time for the directory's "open now". One function, so that tests (including
browser tests, whose live server runs in the test process) can fix the time."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
