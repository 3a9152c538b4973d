"""The tracked links (public) and the measurement pages (campaign managers and the
regional officer, with the second factor)."""

import datetime
import io
from collections.abc import Callable
from functools import wraps

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from rumbo.accounts.decorators import powers_required
from rumbo.core.downloads import download_response
from rumbo.core.exports import csv_text, xlsx_bytes
from rumbo.core.forms import form_add_service_error
from rumbo.core.uploads import UploadError
from rumbo.measurement import permissions, selectors, services
from rumbo.measurement.donor import programme_choices
from rumbo.measurement.forms import (
    DonorReportForm,
    PeriodForm,
    SocialImportForm,
    TrackedLinkForm,
)
from rumbo.measurement.models import DonorReport, TrackedLink
from rumbo.measurement.social_import import social_import, social_template_csv

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_safe
def go(request: HttpRequest, code: str) -> HttpResponse:
    target = services.link_follow(code=code, request=request)
    if target is None:
        raise Http404
    response = HttpResponseRedirect(target)
    # Every click must reach this view to be counted: no cache may keep the redirect.
    add_never_cache_headers(response)
    return response


def measurer(view: Callable) -> Callable:
    """Second factor, and a campaign (or the region) whose figures the user may see."""

    @wraps(view)
    @powers_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (
            permissions.user_sees_region(user=user)
            or permissions.campaigns_measured_by(user=user).exists()
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _period(request: HttpRequest):
    sites = selectors.site_choices(user=request.user)
    form = PeriodForm(request.GET or None, sites=sites)
    if not form.is_bound:
        # The last 30 days up to yesterday, written into the form so the page says so.
        yesterday = timezone.localdate() - datetime.timedelta(days=1)
        default = {
            "site": sites[0][0],
            "date_from": (yesterday - datetime.timedelta(days=29)).isoformat(),
            "date_to": yesterday.isoformat(),
        }
        form = PeriodForm(default, sites=sites)
    if not form.is_valid():
        return form, None
    board = selectors.dashboard(
        user=request.user,
        site=form.cleaned_data["site"] or sites[0][0],
        date_from=form.cleaned_data["date_from"],
        date_to=form.cleaned_data["date_to"],
    )
    return form, board


@measurer
def dashboard(request: HttpRequest) -> HttpResponse:
    form, board = _period(request)
    context = {"form": form, "board": board, "query": request.GET.urlencode()}
    return render(request, "measurement/dashboard.html", context, status=200 if board else 400)


@measurer
def dashboard_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in ("csv", "xlsx"):
        raise Http404
    _form, board = _period(request)
    if board is None:
        return HttpResponse("400", status=400)
    rows = selectors.dashboard_rows(board)
    name = f"rumbo-measurement-{board.date_from}-{board.date_to}.{file_format}"
    if file_format == "csv":
        return download_response(
            csv_text(rows), filename=name, content_type="text/csv; charset=utf-8"
        )
    return download_response(
        xlsx_bytes(rows, title=str(board.date_to)), filename=name, content_type=XLSX
    )


@measurer
def link_list(request: HttpRequest) -> HttpResponse:
    campaigns = permissions.campaigns_measured_by(user=request.user)
    form = TrackedLinkForm(request.POST or None, campaigns=campaigns)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_save(link=form.instance)
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            return redirect("measurement:links")
    links = list(selectors.link_list(user=request.user))
    clicks = selectors.link_clicks(codes=[link.code for link in links])
    rows = [(link, clicks.get(link.code, 0)) for link in links]
    context = {"form": form, "rows": rows, "public_url": settings.RUMBO_PUBLIC_URL}
    return render(
        request,
        "measurement/links.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@measurer
def link_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaigns = permissions.campaigns_measured_by(user=request.user)
    link = get_object_or_404(TrackedLink, pk=pk, campaign__in=campaigns)
    form = TrackedLinkForm(request.POST or None, instance=link, campaigns=campaigns)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_save(link=form.instance)
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            return redirect("measurement:links")
    return render(
        request,
        "measurement/link_edit.html",
        {"form": form, "link": link},
        status=400 if request.method == "POST" else 200,
    )


@measurer
def link_qr(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    campaigns = permissions.campaigns_measured_by(user=request.user)
    link = get_object_or_404(TrackedLink, pk=pk, campaign__in=campaigns)
    if file_format not in ("svg", "png"):
        raise Http404
    address = settings.RUMBO_PUBLIC_URL + reverse("measurement:go", kwargs={"code": link.code})
    buffer = io.BytesIO()
    qr = segno.make(address, error="m")
    if file_format == "svg":
        qr.save(buffer, kind="svg", scale=10, xmldecl=True, title=address)
        content_type = "image/svg+xml"
    else:
        qr.save(buffer, kind="png", scale=12)
        content_type = "image/png"
    return download_response(
        buffer.getvalue(), filename=f"qr-{link.code}.{file_format}", content_type=content_type
    )


@measurer
def social_upload(request: HttpRequest) -> HttpResponse:
    campaigns = permissions.campaigns_measured_by(user=request.user)
    form = SocialImportForm(request.POST or None, request.FILES or None, campaigns=campaigns)
    report, errors = None, []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = social_import(
                data=upload.read(upload.size if upload.size < 11 * 2**20 else 11 * 2**20),
                name=upload.name,
                campaign=form.cleaned_data["campaign"],
            )
        except UploadError as error:
            errors = error.message.split("\n")
    status = 400 if request.method == "POST" and not report else 200
    context = {"form": form, "report": report, "errors": errors}
    return render(request, "measurement/social_import.html", context, status=status)


@measurer
def social_template(request: HttpRequest) -> HttpResponse:
    return download_response(
        social_template_csv(),
        filename="rumbo-social-results.csv",
        content_type="text/csv; charset=utf-8",
    )


@measurer
def donor_report_new(request: HttpRequest) -> HttpResponse:
    if not permissions.user_sees_region(user=request.user):
        raise PermissionDenied
    form = DonorReportForm(
        request.POST or None,
        programmes=programme_choices(),
        initial={"language": get_language()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = services.donor_report_start(
            user=request.user,
            programme=data["programme"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            language=data["language"],
        )
        return redirect("measurement:donor_report", pk=report.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "measurement/donor_form.html", {"form": form}, status=status)


def _donor_report(request: HttpRequest, pk) -> DonorReport:
    report = get_object_or_404(DonorReport.objects.select_related("job"), pk=pk)
    if not (
        report.created_by_id == request.user.pk or permissions.user_sees_region(user=request.user)
    ):
        raise PermissionDenied
    return report


@measurer
def donor_report(request: HttpRequest, pk) -> HttpResponse:
    report = _donor_report(request, pk)
    return render(request, "measurement/donor_report.html", {"report": report, "job": report.job})


@measurer
def donor_report_download(request: HttpRequest, pk, file_format: str) -> HttpResponse:
    report = _donor_report(request, pk)
    content = {"pdf": report.pdf, "xlsx": report.xlsx}.get(file_format)
    if content is None:
        raise Http404
    name = f"rumbo-results-{report.date_from}-{report.date_to}.{file_format}"
    content_type = "application/pdf" if file_format == "pdf" else XLSX
    return download_response(bytes(content), filename=name, content_type=content_type)
