"""Counts public page views as daily aggregates, and nothing about whoever viewed them.

It sits outermost (after the security middleware), so a page answered by the page cache is
counted too. For each public GET answered 200 it derives, in memory and for this request only:
the site (campaign or regional), the page kind (the URL's name, never its values), whether
this is the first page of a visit (the Referer is not this site) and then its source (the
referring site's domain, or "direct"), and the device class from the User-Agent. Those four
words are added to counters; the request, its address, its agent and its Referer are then
dropped. No cookie is read or set. A request carrying `DNT: 1` or `Sec-GPC: 1` is not counted
at all, and neither is anything it causes (see rumbo.measurement.signals).
"""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from rumbo.measurement import counters
from rumbo.measurement.models import DailyCount

VIEW, DEVICE, VISIT = (
    str(metric)
    for metric in (DailyCount.Metric.VIEW, DailyCount.Metric.DEVICE, DailyCount.Metric.VISIT)
)

# Pages that are not the public's: staff and admin pages, the API, files, the tracked links
# (their view counts the click itself) and the dashboard.
NOT_PUBLIC_PREFIXES = (
    "/admin/",
    "/api/",
    "/staff/",
    "/static/",
    "/media/",
    "/jobs/",
    "/go/",
    "/measurement/",
    "/i18n/",
    "/healthz",
    "/favicon",
    "/robots",
)
BOT = re.compile(r"bot|crawl|spider|slurp|preview|headless|monitor|curl|wget|python", re.I)
TABLET = re.compile(r"ipad|tablet|kindle|silk|(android(?!.*mobile))", re.I)
MOBILE = re.compile(r"mobi|iphone|ipod|android|opera mini|kaios|windows phone", re.I)
# Second-level labels under which registrations happen (gob.mx, com.gt, co.uk): the domain
# kept is one label more, so "x.gob.mx" stays "x.gob.mx", while a personal sub-domain such as
# "maria.blogspot.com" is cut to "blogspot.com".
SECOND_LEVEL = {"com", "co", "org", "net", "gob", "gov", "edu", "ac", "or", "ne", "go", "mil"}


def device_class(user_agent: str) -> str:
    """mobile, tablet or desktop; "" for a robot (not counted)."""
    if not user_agent or BOT.search(user_agent):
        return ""
    if "Mobi" in user_agent and "iPad" not in user_agent:
        return "mobile"  # most visitors: phones say "Mobile" (skips the longer searches)
    if TABLET.search(user_agent):
        return "tablet"
    if MOBILE.search(user_agent):
        return "mobile"
    return "desktop"


def referring_domain(referer: str) -> str:
    host = (urlsplit(referer).hostname or "").lower().rstrip(".")
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return ""  # no name, or a bare address: nothing worth keeping
    labels = host.removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])[:100]


def opted_out(request) -> bool:
    meta = request.META
    return meta.get("HTTP_DNT") == "1" or meta.get("HTTP_SEC_GPC") == "1"


# Page kinds of fixed addresses (routes without parameters), so a page from the cache is
# not resolved again; addresses holding values (a plan's code) are never kept.
_FIXED_KINDS: dict[tuple[str | None, str], str] = {}
FIXED_KINDS_MAX = 2000


def page_kind(request) -> str:
    """ "namespace:name" of the page, or "" for a page that is not public."""
    path = request.path_info
    if path.startswith(NOT_PUBLIC_PREFIXES):
        return ""
    urlconf = getattr(request, "urlconf", None)
    if (kind := _FIXED_KINDS.get((urlconf, path))) is not None:
        return kind
    match = getattr(request, "resolver_match", None)
    if match is None:  # answered before URL resolution, e.g. from the page cache
        try:
            match = resolve(path, urlconf)
        except Resolver404:
            return ""
    kind = ""
    if not getattr(match.func, "uses_powers", False) and match.url_name:
        kind = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    if not match.args and not match.kwargs and len(_FIXED_KINDS) < FIXED_KINDS_MAX:
        _FIXED_KINDS[(urlconf, path)] = kind
    return kind


class CountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counted = not opted_out(request)
        # False tells the funnel's receivers that this visitor asked not to be counted.
        token = counters.current_request.set(request if counted else False)
        try:
            response = self.get_response(request)
        finally:
            counters.current_request.reset(token)
        if counted and request.method == "GET" and response.status_code == 200:
            self.count(request)
        return response

    def count(self, request) -> None:
        device = device_class(request.META.get("HTTP_USER_AGENT", ""))
        if not device:
            return
        kind = page_kind(request)
        if not kind:
            return
        site, country = counters.request_site(request)
        entries = [(site, country, VIEW, kind), (site, country, DEVICE, device)]
        referer = request.META.get("HTTP_REFERER", "")
        own_host = request.META.get("HTTP_HOST", "").rsplit(":", 1)[0].lower()
        # A page reached from another page of this site is a view, not a new visit.
        if not referer or (urlsplit(referer).hostname or "").lower() != own_host:
            source = referring_domain(referer) if referer else ""
            entries.append((site, country, VISIT, source or "direct"))
        counters.counts_add_many(entries)
