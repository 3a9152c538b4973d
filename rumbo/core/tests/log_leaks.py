"""What must never appear in a log line, checked over every line the test suite writes.

The root conftest.py collects each line, formatted by the production formatter, and at the
end of the run fails it if `log_leaks` finds any. These patterns are deliberately separate
from the formatter's own redaction (rumbo.core.logging), so that a gap in one is caught by
the other.
"""

import re
from collections.abc import Iterable

LEAKS = {
    # A plan's code: 22 URL-safe characters (rumbo.plans.services.CODE_BYTES), random, so
    # mixed case with a digit; the run also checks every code it created, whatever its shape.
    "plan code": re.compile(
        r"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Z])"
        r"(?=[A-Za-z0-9_-]*[a-z])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])"
    ),
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*[A-Za-z]"),
    "phone number": re.compile(r"\+\d(?:[ -]?\d){7,14}"),
    "query string": re.compile(r"/[^\s\"]*\?[^\s\"]*="),
}
SECRET_MIN_LENGTH = 12
_WORD = re.compile(r"[A-Za-z0-9_-]+")


def log_leaks(lines: Iterable[str], *, secrets: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(what leaked, line) for each line that holds a plan code, an email, a phone number, a
    query string, or any of `secrets` (the codes of the plans the run created)."""
    # A short code set by hand in a test ("gone") is a word, not a secret worth the alarm.
    known = {secret for secret in secrets if len(secret) >= SECRET_MIN_LENGTH}
    found = []
    for line in lines:
        for name, pattern in LEAKS.items():
            if pattern.search(line):
                found.append((name, line))
                break
        else:
            # A set lookup per word, not a search per secret: a run creates thousands of plans.
            if known.intersection(_WORD.findall(line)):
                found.append(("plan code", line))
    return found
