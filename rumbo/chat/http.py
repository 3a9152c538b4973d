"""The one way the chat calls a provider: an HTTP POST to a URL under the provider's base URL
from settings, nothing else. Tests swap `transport` for a local fake."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

TIMEOUT_SECONDS = 10


class DisallowedURL(Exception):
    """A URL outside the provider's configured base URL: never called."""


@dataclass
class HttpResult:
    status: int  # 0: no answer (network error, timeout)
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def _urllib_transport(url: str, data: bytes, headers: dict[str, str]) -> HttpResult:
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return HttpResult(response.status, response.read(), dict(response.headers.items()))
    except urllib.error.HTTPError as error:
        return HttpResult(error.code, error.read(), dict(error.headers.items()))
    except (urllib.error.URLError, TimeoutError, OSError):
        return HttpResult(0)


transport: Callable[[str, bytes, dict[str, str]], HttpResult] = _urllib_transport


def http_post(*, base: str, path: str, data: bytes, headers: dict[str, str]) -> HttpResult:
    if not base.startswith(("https://", "http://")) or path.startswith(("//", "http")):
        raise DisallowedURL("outgoing calls go only under a provider's base URL")
    return transport(base + path, data, headers)
