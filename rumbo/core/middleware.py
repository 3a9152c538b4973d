import logging
import time

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
