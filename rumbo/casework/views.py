"""Staff pages (under /staff/) and the public appointment request. Views parse the
request, call one selector or service and render; permissions live in selectors."""

import json
from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from rumbo.accounts.decorators import verified_login_required
from rumbo.audit.models import AuditEntry
from rumbo.audit.selectors import audit_entry_list
from rumbo.casework import selectors, services
from rumbo.casework.forms import (
    AppointmentRequestForm,
    AppointmentStatusForm,
    ConsultationForm,
    ReasonForm,
    ReferralStatusForm,
    ReportForm,
)
from rumbo.casework.models import Consultation
from rumbo.casework.permissions import StaffScope, staff_scope, user_can_read_audit_log
from rumbo.casework.reports import report_csv, report_xlsx
from rumbo.core.downloads import download_response
from rumbo.core.forms import form_add_service_error
from rumbo.core.numbers import parse_int
from rumbo.infopoints.models import InfoPoint


def staff_page(allowed: Callable[[StaffScope], bool]):
    """Password + second factor, no caching, and a role that `allowed` accepts."""

    def decorator(view):
        @wraps(view)
        @verified_login_required
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            scope = staff_scope(request.user)
            if not allowed(scope):
                raise PermissionDenied
            request.staff_scope = scope  # type: ignore[attr-defined]  # for the staff menu
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Lists show the latest records only: a phone screen holds a few, and older ones are
# reached from their consultation or appointment.
LIST_SIZE = 50

any_staff = staff_page(lambda scope: scope.is_staff_member)
point_staff = staff_page(lambda scope: bool(scope.point_ids))
report_staff = staff_page(lambda scope: scope.sees_reports)
auditor = staff_page(lambda scope: scope.auditor)


@any_staff
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    scope = staff_scope(request.user)
    context = {
        "scope": scope,
        "today": today,
        "appointments": selectors.appointment_list_for_day(user=request.user, day=today),
        "points": selectors.staff_point_list(user=request.user),
    }
    return render(request, "casework/home.html", context)


@point_staff
def appointment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        # Validated before reading: a refused request leaves no read (no audit entry) behind.
        form = AppointmentStatusForm(request.POST)
        if not form.is_valid():
            if not selectors.appointment_exists(user=request.user, pk=pk):
                raise Http404
            return _bad_request(request, _("Choose one of the statuses offered."))
        appointment = selectors.appointment_read(user=request.user, pk=pk)
        services.appointment_status_update(
            user=request.user, appointment=appointment, status=form.cleaned_data["status"]
        )
        return redirect("casework:home")
    appointment = selectors.appointment_read(user=request.user, pk=pk)
    form = AppointmentStatusForm(initial={"status": appointment.status})
    return render(
        request, "casework/appointment_detail.html", {"appointment": appointment, "form": form}
    )


@point_staff
def consultation_list(request: HttpRequest) -> HttpResponse:
    consultations = selectors.consultation_list(user=request.user)[:LIST_SIZE]
    return render(request, "casework/consultation_list.html", {"consultations": consultations})


@point_staff
def consultation_create(request: HttpRequest) -> HttpResponse:
    points = selectors.staff_point_list(user=request.user)
    raw_point = request.POST.get("point") or request.GET.get("point")
    raw_appointment = request.GET.get("appointment")
    chosen = parse_int(raw_point, minimum=1)
    appointment_pk = parse_int(raw_appointment, minimum=1)
    if (raw_point and chosen is None) or (raw_appointment and appointment_pk is None):
        # A malformed address is refused, never read as "no point chosen": the record
        # would otherwise land silently on the first point.
        return _bad_request(request, _("This address names no information point or appointment."))
    point = points.filter(pk=chosen).first() if chosen else points.first()
    if chosen and point is None:
        raise PermissionDenied  # never fall back silently to another point
    appointment = None
    if appointment_pk:
        # The form shows the appointment's reference only: no personal data is read.
        appointment = selectors.appointment_summary(user=request.user, pk=appointment_pk)
        point = appointment.info_point
    if point is None:
        raise PermissionDenied
    form = ConsultationForm(
        request.POST or None,
        initial={
            "date": timezone.localdate(),
            "topics": [appointment.topic] if appointment else [],
        },
        destination_points=selectors.referral_destination_points(exclude_ids=[point.pk]),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.consultation_create(
                user=request.user,
                info_point=point,
                appointment=appointment,
                date=data["date"],
                channel=data["channel"],
                topics=data["topics"],
                age_band=data["age_band"],
                sex=data["sex"],
                nationality=data["nationality"],
                situation=data["situation"],
                source=data["source"],
                campaign=data["campaign"],
                tracked_code=data["tracked_code"],
                outcome=data["outcome"],
                follow_up_on=data["follow_up_on"],
                consent_given=data["consent_given"],
                alias=data["alias"],
                contact=data["contact"],
                notes=data["notes"],
                refer_to_point=data["refer_to_point"],
                refer_to_organisation=data["refer_to_organisation"],
                share_with_referral=data["share_with_referral"],
            )
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            return redirect("casework:consultation_detail", pk=consultation.pk)
    context = {"form": form, "point": point, "points": points, "appointment": appointment}
    return render(
        request,
        "casework/consultation_form.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@point_staff
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = selectors.consultation_read(user=request.user, pk=pk)
    context = {
        "consultation": consultation,
        "referrals": consultation.referrals.select_related("to_point", "to_organisation"),
        "can_manage": selectors.consultation_can_manage(user=request.user, pk=consultation.pk),
        "reason_form": ReasonForm(),
    }
    return render(request, "casework/consultation_detail.html", context)


def _manage(request: HttpRequest, pk: int, action: str) -> tuple[Consultation, str] | HttpResponse:
    """The consultation and the reason for exporting or erasing it, or the page that asks
    for the reason again. Checked before reading, so a refused request leaves no read (and
    no audit entry) behind."""
    if not selectors.consultation_can_manage(user=request.user, pk=pk):
        raise PermissionDenied
    form = ReasonForm(request.POST)
    if not form.is_valid():
        context = {"pk": pk, "form": form, "action": action}
        return render(request, "casework/consultation_reason.html", context, status=400)
    consultation = selectors.consultation_read(user=request.user, pk=pk)
    return consultation, form.cleaned_data["reason"]


@require_POST
@point_staff
def consultation_export(request: HttpRequest, pk: int) -> HttpResponse:
    managed = _manage(request, pk, "export")
    if isinstance(managed, HttpResponse):
        return managed
    consultation, reason = managed
    record = services.consultation_export(
        user=request.user, consultation=consultation, reason=reason
    )
    return download_response(
        json.dumps(record, ensure_ascii=False, indent=2, default=str),
        filename=f"record-{consultation.pk}.json",
        content_type="application/json",
    )


@require_POST
@point_staff
def consultation_erase(request: HttpRequest, pk: int) -> HttpResponse:
    managed = _manage(request, pk, "erase")
    if isinstance(managed, HttpResponse):
        return managed
    consultation, reason = managed
    services.consultation_erase(user=request.user, consultation=consultation, reason=reason)
    return redirect("casework:consultation_detail", pk=pk)


@point_staff
def referral_list(request: HttpRequest) -> HttpResponse:
    received, sent = selectors.referral_list(user=request.user)
    return render(
        request,
        "casework/referral_list.html",
        {"received": received[:LIST_SIZE], "sent": sent[:LIST_SIZE]},
    )


@point_staff
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        # Checked and validated before reading: a refused request leaves no read behind.
        if not selectors.referral_status_updatable(user=request.user, pk=pk):
            raise PermissionDenied
        form = ReferralStatusForm(request.POST)
        if not form.is_valid():
            return _bad_request(request, _("Choose one of the statuses offered."))
        referral = selectors.referral_read(user=request.user, pk=pk)
        services.referral_status_update(
            user=request.user, referral=referral, status=form.cleaned_data["status"]
        )
        return redirect("casework:referral_detail", pk=pk)
    referral = selectors.referral_read(user=request.user, pk=pk)
    context = {
        "referral": referral,
        "form": ReferralStatusForm(initial={"status": referral.status}),
        "can_update": selectors.referral_can_update_status(user=request.user, referral=referral),
    }
    return render(request, "casework/referral_detail.html", context)


def _report(request: HttpRequest):
    today = timezone.localdate()
    form = ReportForm(
        request.GET or None,
        months=selectors.report_month_list(today=today),
        points=selectors.report_point_list(user=request.user),
        countries=selectors.report_country_list(user=request.user),
    )
    month, point, country = today.replace(day=1), None, None
    if form.is_bound:
        # A point or country outside the user's scope is not among the choices.
        if not form.is_valid():
            return form, None
        month = form.cleaned_data["month"] or month
        point, country = form.cleaned_data["point"], form.cleaned_data["country"]
    report = selectors.report_monthly(
        user=request.user, month=month, info_point_id=point, country_id=country
    )
    return form, report


@report_staff
def report(request: HttpRequest) -> HttpResponse:
    form, monthly = _report(request)
    query = request.GET.urlencode()
    context = {"form": form, "report": monthly, "query": query}
    return render(request, "casework/report.html", context, status=200 if monthly else 400)


@report_staff
def report_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in ("csv", "xlsx"):
        raise Http404
    _form, monthly = _report(request)
    if monthly is None:
        return HttpResponse(_("Choose a month and a point or country you may see."), status=400)
    services.report_export_audit(user=request.user, report=monthly, file_format=file_format)
    name = f"rumbo-report-{monthly.month:%Y-%m}.{file_format}"
    if file_format == "csv":
        return download_response(
            report_csv(monthly), filename=name, content_type="text/csv; charset=utf-8"
        )
    return download_response(
        report_xlsx(monthly),
        filename=name,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@auditor
def audit_log(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "")
    if action and action not in AuditEntry.Action.values:
        return _bad_request(request, _("There is no such kind of audit entry."))
    entries = audit_entry_list(readable=user_can_read_audit_log(request.user), action=action)[:200]
    return render(request, "casework/audit_log.html", {"entries": entries})


# The public request acts for no session or account, so a forged POST could do nothing a
# direct one cannot; without a CSRF token the form page stays the same for everyone.
@csrf_exempt
@ratelimit(key="ip", rate="10/h", method="POST", block=False)
def appointment_request(request: HttpRequest, slug: str) -> HttpResponse:
    points = InfoPoint.objects.exclude(status=InfoPoint.Status.CLOSED)
    point: InfoPoint = get_object_or_404(points, slug=slug)
    form = AppointmentRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            form.add_error(
                None, _("Too many requests from this connection. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            appointment = services.appointment_request_create(
                info_point=point,
                alias=form.cleaned_data["alias"],
                contact_channel=form.cleaned_data["contact_channel"],
                contact=form.cleaned_data["contact"],
                preferred_date=form.cleaned_data["preferred_date"],
                preferred_slot=form.cleaned_data["preferred_slot"],
                topic=form.cleaned_data["topic"],
            )
            # The confirmation is rendered, not redirected to: the reference never enters a URL.
            response = render(
                request,
                "casework/appointment_done.html",
                {"point": point, "appointment": appointment},
            )
            add_never_cache_headers(response)
            return response
        else:
            status = 400
    response = render(
        request, "casework/appointment_request.html", {"point": point, "form": form}, status=status
    )
    # A redisplayed form holds the visitor's alias and phone: no cache may keep it.
    add_never_cache_headers(response)
    return response


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "casework/bad_request.html", {"message": message}, status=400)
