"""One JSON object per log line, so logs can be shipped and queried without parsing prose;
and no line ever carries a secret or personal data.

Every logger, Django's own included, writes through `JsonFormatter` (config/settings.py,
LOGGING). Django's messages name the request's path (`Forbidden (CSRF cookie not set.):
/plan/<code>/delete/`), and a plan's code is the only key to that plan: so the formatter
writes the route pattern (`plan/<str:code>/delete/`) instead of any path, drops the request
object, and blanks out whatever looks like a path, a query string, an address, an email, a
phone number or a random token in messages, exception texts and extra fields.
"""

import json
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest
from django.urls import Resolver404, resolve

UNRESOLVED = "(unresolved)"
_PLACEHOLDER = "\x00route\x00"
# A message or exception longer than this is cut (after redaction): a hostile 10,000-character
# value quoted in an error must not fill the log.
MAX_TEXT = 4000


# Order matters: whole URLs and emails before paths, paths before bare numbers.
def _path_route(path: str) -> str:
    """The route pattern of a site path (`plan/<str:code>/`), or `[path]`."""
    try:
        return resolve(path.split("?", 1)[0].split("#", 1)[0]).route
    except Resolver404:
        return "[path]"
    except Exception:  # a log line must be written even if resolving itself fails
        return "[path]"


_REDACTIONS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+"), "[url]"),
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # A path starts with a slash that follows nothing path-like: not `1/2`, not the
    # `<str:code>/` of a route pattern. It runs to the next space or quote, query included.
    (re.compile(r"(?<![\w>.:/-])/[^\s'\"]*"), lambda match: _path_route(match.group())),
    (re.compile(r"\?[^\s'\"]*=[^\s'\"]*"), "[query]"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"), "[address]"),
    (re.compile(r"\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){3,7}\b"), "[address]"),
    # Phone numbers: international (+502 1234 5678), local (5555-1234, 5555 1234; not the
    # `200 5120` of a status and a size) or a long digit run.
    (re.compile(r"\+\d[\d .()-]{6,}\d"), "[phone]"),
    (re.compile(r"(?<![\w.])(?:\d{3,4}[.-]\d{4}|\d{4} \d{4})(?![\w.])"), "[phone]"),
    (re.compile(r"(?<![\w.])\d{8,}(?![\w.])"), "[phone]"),
    # Random tokens (plan codes are 22 URL-safe characters; session keys, CSRF tokens):
    # mixed case with a digit from 16 characters on, or mixed case at exactly 22.
    (
        re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Z])(?=[\w-]*[a-z])[\w-]{16,}(?![\w-])"),
        "[token]",
    ),
    (re.compile(r"(?<![\w-])(?=[\w-]*[A-Z])(?=[\w-]*[a-z])[\w-]{22}(?![\w-])"), "[token]"),
]
# A traceback's own frame lines name source files, not data, and are kept whole.
_FRAME_LINE = re.compile(r'^\s*File "[^"]*", line \d+')


def redact(text: str) -> str:
    """`text` without paths, query strings, addresses, emails, phone numbers or tokens."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def _redact_traceback(text: str) -> str:
    return "\n".join(line if _FRAME_LINE.match(line) else redact(line) for line in text.split("\n"))


def _route(request: HttpRequest) -> tuple[str, str]:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return UNRESOLVED, ""
    return match.route, match.view_name or ""


def _safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    return redact(str(value))


class JsonFormatter(logging.Formatter):
    # Attributes every LogRecord has; anything else was passed with `extra=` and is logged.
    _standard = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
    # Objects Django attaches to its records: a request (its URL, cookies and headers) or,
    # from the development server, a socket. The route and status stand in for them.
    _dropped = {"request"}

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
        }
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            route, view = _route(request)
            # Django formats the path into its messages (URL-decoded, so it may hold spaces
            # a pattern would stop at): replace it whole by the route before any pattern.
            for path in sorted(
                {request.get_full_path(), request.path, request.path_info}, key=len, reverse=True
            ):
                message = message.replace(path, _PLACEHOLDER)
            message = redact(message).replace(_PLACEHOLDER, route)
            entry |= {"method": request.method, "route": route, "view": view}
        else:
            message = redact(message)
        entry["message"] = message
        entry |= {
            key: _safe(value)
            for key, value in vars(record).items()
            if key not in self._standard and key not in self._dropped
        }
        if record.exc_info:
            entry["exception"] = _redact_traceback(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = _redact_traceback(record.exc_text)
        if record.stack_info:
            entry["stack"] = _redact_traceback(self.formatStack(record.stack_info))
        return json.dumps(entry, default=str)
