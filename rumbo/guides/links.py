"""The check of every official address the guides cite (sources, issuances' official pages,
issuing institutions' sites): HEAD, then GET when the server refuses HEAD (405, 501);
redirects followed one by one up to a limit; a timeout per request; a pause between two
requests to the same host. Each address gets one LinkCheck row (status, final address,
when); broken and moved ones go to the review queue (rumbo.guides.review).

It reaches the internet, so the scheduled task (tasks.py) runs only where
settings.RUMBO_LINK_CHECK is on (production by default); `manage.py guides_check_links`
runs it at once. Tests point it at a local server. Plain urllib: no HTTP client library is
installed, and a checker needs nothing more.
"""

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.db import transaction
from django.utils import timezone

from rumbo.guides.models import DocumentIssuance, LinkCheck, Source

USER_AGENT = "RumboLinkCheck/1.0 (+checks the official pages cited by Rumbo's guides)"
TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 5
# Seconds between two requests to the same host: a few hundred links, a handful of hosts.
HOST_INTERVAL_SECONDS = 2.0
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
HEAD_REFUSED_CODES = frozenset({405, 501})


@dataclass(frozen=True)
class LinkResult:
    outcome: str  # a LinkCheck.Outcome value
    status: int | None
    final_url: str
    error: str = ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # Redirects are followed by link_check itself, to count them and record each hop.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


class HostPacer:
    """Waits so two requests to one host are at least `interval` seconds apart."""

    def __init__(
        self,
        interval: float = HOST_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        previous = self.last.get(host)
        if previous is not None:
            remaining = previous + self.interval - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last[host] = self.clock()


def _request(url: str, method: str, timeout: float) -> tuple[int, str | None]:
    """One request; returns the status and the Location header (redirects are not followed)."""
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked to be http(s)
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.headers.get("Location")
    except urllib.error.HTTPError as error:
        try:
            return error.code, error.headers.get("Location")
        finally:
            error.close()


def link_check(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_redirects: int = MAX_REDIRECTS,
    pacer: HostPacer | None = None,
) -> LinkResult:
    """Checks one address; never raises for a network or protocol failure."""
    pacer = pacer or HostPacer()
    current = url
    for _hop in range(max_redirects + 1):
        if urlsplit(current).scheme not in ("http", "https"):
            return LinkResult(LinkCheck.Outcome.BROKEN, None, current, "not an http(s) address")
        try:
            pacer.wait(current)
            status, location = _request(current, "HEAD", timeout)
            if status in HEAD_REFUSED_CODES:
                pacer.wait(current)
                status, location = _request(current, "GET", timeout)
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, socket.timeout | TimeoutError):
                reason = "timed out"
            return LinkResult(LinkCheck.Outcome.UNREACHABLE, None, current, str(reason)[:300])
        if status in REDIRECT_CODES and location:
            current = urljoin(current, location)
            continue
        if status >= 400:
            return LinkResult(LinkCheck.Outcome.BROKEN, status, current)
        moved = current.rstrip("/") != url.rstrip("/")
        outcome = LinkCheck.Outcome.MOVED if moved else LinkCheck.Outcome.OK
        return LinkResult(outcome, status, current)
    return LinkResult(
        LinkCheck.Outcome.BROKEN, None, current, f"more than {max_redirects} redirects"
    )


def official_url_list() -> list[str]:
    """Every address the content cites: sources, official pages, issuing institutions."""
    urls = set(Source.objects.values_list("url", flat=True))
    urls |= set(DocumentIssuance.objects.values_list("official_url", flat=True))
    urls |= set(DocumentIssuance.objects.values_list("institution__website", flat=True))
    return sorted(url for url in urls if url)


def link_check_all(
    *,
    urls: Iterable[str] | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_redirects: int = MAX_REDIRECTS,
    pacer: HostPacer | None = None,
) -> dict[str, int]:
    """Checks every cited address (or `urls`), records each result and forgets the checks
    of addresses no longer cited. Returns how many ended in each outcome."""
    pacer = pacer or HostPacer()
    cited = list(urls) if urls is not None else official_url_list()
    counts: dict[str, int] = {}
    for url in cited:
        result = link_check(url, timeout=timeout, max_redirects=max_redirects, pacer=pacer)
        LinkCheck.objects.update_or_create(
            url=url[:500],
            defaults={
                "outcome": result.outcome,
                "status": result.status,
                "final_url": result.final_url[:2000],
                "error": result.error[:300],
                "checked_at": timezone.now(),
            },
        )
        counts[result.outcome] = counts.get(result.outcome, 0) + 1
    if urls is None:
        with transaction.atomic():
            LinkCheck.objects.exclude(url__in=cited).delete()
    return counts
