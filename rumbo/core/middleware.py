import logging
import time

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

logger = logging.getLogger("rumbo.request")


class RequestLogMiddleware:
    """Logs each request by its route pattern, never by its URL.

    URLs can carry plan codes or search terms, so neither the path values, the query string
    nor the client address reach the logs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        logger.info(
            "request",
            extra={
                "method": request.method,
                "route": match.route if match else "(unresolved)",
                "view": match.view_name if match else "",
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


class RefuseNulBytesMiddleware:
    """Answers 400 to a request whose address, query string, form or JSON body holds a NUL
    character.

    No one types one, and PostgreSQL refuses it in a text column, so a NUL that reached a
    query was a server error wherever a view forgot to check. Refusing it here closes that
    door for every page and API endpoint at once. File uploads (multipart) are left alone:
    binary files hold NUL bytes, and the upload gate reads them.
    """

    _markers = {
        "application/x-www-form-urlencoded": (b"%00", b"\x00"),
        "application/json": (b"\\u0000", b"\x00"),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._holds_nul(request):
            return HttpResponseBadRequest(
                _("The request holds a NUL character, which no address or form may contain."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    def _holds_nul(self, request) -> bool:
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query or "\x00" in request.path:
            return True
        markers = self._markers.get(request.content_type)
        if not markers:
            return False
        try:
            body = request.body
        except RequestDataTooBig:
            return False  # the view meets the same limit and answers 400 itself
        return any(marker in body for marker in markers)


class PageCacheMiddleware:
    """Answers anonymous GET and HEAD requests for public pages from the shared page cache,
    and stores the pages that may be stored (see rumbo/core/pagecache.py).

    Place it before the session, CSRF and authentication middleware (a hit skips them all)
    and before GZipMiddleware (it stores the gzipped bytes), but after any middleware that
    must see every request, such as counting or a campaign site's `request.campaign`.
    """

    def __init__(self, get_response):
        from rumbo.core import pagecache

        pagecache.watch_connections()
        self._cache = pagecache.PageCache(get_response)

    def __call__(self, request):
        return self._cache(request)
