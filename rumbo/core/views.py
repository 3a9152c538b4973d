import logging
from uuid import UUID

from django.contrib.admin.views.decorators import staff_member_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_page, never_cache
from django.views.decorators.http import require_safe

from rumbo.core.models import Job
from rumbo.core.selectors import country_list

logger = logging.getLogger(__name__)


@cache_page(300)
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


@never_cache
@staff_member_required
@require_safe
def job_detail(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id)
    return render(request, "core/job.html", {"job": job})
