import logging
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from rumbo.accounts.decorators import powers_required
from rumbo.core.models import Job
from rumbo.core.selectors import country_list

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"countries": country_list(role="origin")})


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("health check: database unreachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@powers_required
def job_detail(request: HttpRequest, job_id: UUID) -> HttpResponse:
    # Jobs are started from the admin (imports, exports, purges): Django staff only.
    if not request.user.is_staff:
        raise PermissionDenied
    job = get_object_or_404(Job, pk=job_id)
    return render(request, "core/job.html", {"job": job})
