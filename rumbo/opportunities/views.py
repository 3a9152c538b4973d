from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from rumbo.accounts.decorators import View, powers_required
from rumbo.core.downloads import download_response
from rumbo.core.forms import form_add_service_error
from rumbo.core.places import municipality_resolve
from rumbo.core.uploads import UploadError, upload_read
from rumbo.opportunities import imports, selectors, services
from rumbo.opportunities.forms import (
    CorrectionForm,
    CorrectionReviewForm,
    ImportForm,
    OpportunityFilterForm,
    PartnerOpportunityForm,
    RevisionRejectForm,
)
from rumbo.opportunities.models import Correction
from rumbo.opportunities.permissions import user_can_moderate, user_is_partner

PER_PAGE = 10
TEMPLATE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None)
    context: dict = {"form": form, "page": None, "origin": None, "place_choices": []}
    if form.is_bound and not form.is_valid():
        # A filter the form refused is answered 400, with the form and its messages.
        return render(request, "opportunities/list.html", context, status=400)
    data = form.cleaned_data if form.is_bound else {}
    search = municipality_resolve(place=data.get("place"), query=data.get("q", ""))
    filters = form.filters(origin=search.place) if form.is_bound else selectors.OpportunityFilters()
    page = Paginator(selectors.opportunity_search_page(filters=filters), PER_PAGE).get_page(
        data.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context |= {
        "page": page,
        "entries": [
            (
                opportunity,
                selectors.opportunity_distance_km(opportunity=opportunity, origin=search.place)
                if search.place
                else None,
            )
            for opportunity in page
        ],
        "origin": search.place,
        "place_choices": search.choices,
        "not_found": bool(data.get("q", "").strip())
        and search.place is None
        and not search.choices,
        "query": query.urlencode(),
        "today": timezone.localdate(),
    }
    return render(request, "opportunities/list.html", context)


@require_GET
def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = selectors.opportunity_get(slug=slug)
    if opportunity is None:
        raise Http404(_("No open opportunity with this address."))
    return render(request, "opportunities/detail.html", {"opportunity": opportunity})


# --- Partners ----------------------------------------------------------------------------
# Every page below uses a power (a partner account or moderation), so it needs the second
# factor (rumbo.accounts.decorators.powers_required) and is never stored.


def _page_for(allowed: Callable[..., bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @powers_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not allowed(user=request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


partner_page = _page_for(user_is_partner)
moderator_page = _page_for(user_can_moderate)


@require_GET
@partner_page
def partner_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opportunities/partner_home.html",
        {
            "opportunities": selectors.partner_opportunity_list(user=request.user),
            "revisions": selectors.partner_revision_list(user=request.user),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
@partner_page
def partner_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    opportunity = None
    organisations = None
    if slug is not None:
        opportunity = selectors.partner_opportunity_get(user=request.user, slug=slug)
        if opportunity is None:
            raise Http404
    else:
        organisations = selectors.partner_organisation_list(user=request.user)
    form = PartnerOpportunityForm(
        request.POST or None, instance=opportunity, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.revision_submit(
                user=request.user,
                organisation=(
                    opportunity.provider if opportunity else form.cleaned_data["organisation"]
                ),
                opportunity=opportunity,
                values=form.cleaned_data,
                language=get_language(),
            )
        except ValidationError as error:
            form_add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Sent for review. The public page stays as it was until a moderator approves."),
            )
            return redirect("opportunities:partner")
    return render(
        request,
        "opportunities/partner_edit.html",
        {"form": form, "opportunity": opportunity},
        status=400 if form.errors else 200,
    )


@require_POST
@partner_page
def partner_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = selectors.partner_opportunity_get(user=request.user, slug=slug)
    if opportunity is None:
        raise Http404
    services.opportunity_confirm(opportunity=opportunity)
    messages.success(request, _("Thank you: the record is confirmed as current."))
    return redirect("opportunities:partner")


# --- Moderation ----------------------------------------------------------------------------


@require_GET
@moderator_page
def moderation_queue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opportunities/moderation_queue.html",
        {"revisions": selectors.revision_queue(), "corrections": selectors.correction_queue()},
    )


@require_http_methods(["GET", "POST"])
@moderator_page
def moderation_revision(request: HttpRequest, pk: int) -> HttpResponse:
    revision = selectors.revision_get(pk=pk)
    if revision is None:
        raise Http404
    form = RevisionRejectForm(request.POST if "reject" in request.POST else None)
    if request.method == "POST":
        try:
            if "approve" in request.POST:
                services.revision_approve(revision=revision, reviewer=request.user)
                messages.success(request, _("Approved: the change is public."))
                return redirect("opportunities:moderation")
            if form.is_valid():
                services.revision_reject(
                    revision=revision, reviewer=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Rejected; the partner sees your reason."))
                return redirect("opportunities:moderation")
        except ValidationError as error:
            form_add_service_error(form, error)
    return render(
        request,
        "opportunities/moderation_revision.html",
        {
            "revision": revision,
            "changes": selectors.revision_changes(revision=revision),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@moderator_page
def moderation_correction(request: HttpRequest, pk: int) -> HttpResponse:
    correction = get_object_or_404(Correction, pk=pk)
    form = CorrectionReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose resolved or dismissed."))
    services.correction_review(
        correction=correction, reviewer=request.user, status=form.cleaned_data["status"]
    )
    return redirect("opportunities:moderation")


# --- Public: confirmation links and corrections ----------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link emailed to a partner: GET shows the record and a button (mail scanners
    follow links; only the button's POST confirms). No login: the signed link is the key."""
    opportunity = selectors.opportunity_from_confirmation(
        token=token, max_age_days=services.CONFIRM_LINK_DAYS
    )
    if opportunity is None:
        return render(request, "opportunities/confirm.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        services.opportunity_confirm(opportunity=opportunity)
        done = True
    return render(request, "opportunities/confirm.html", {"opportunity": opportunity, "done": done})


# The public form acts for no session or account, so a forged POST could do nothing a direct
# one cannot; without a CSRF token the page stays the same for everyone.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate="10/h", method="POST", block=False)
def correction(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = selectors.opportunity_get(slug=slug)
    if opportunity is None:
        raise Http404(_("No open opportunity with this address."))
    form = CorrectionForm(request.POST or None)
    status, sent = 200, False
    if request.method == "POST":
        if getattr(request, "limited", False):
            form.add_error(
                None, _("Too many requests from this connection. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            # A robot that filled the hidden field is thanked like anyone, and nothing is kept.
            if not form.is_robot():
                services.correction_create(
                    opportunity=opportunity,
                    what_is_wrong=form.cleaned_data["what_is_wrong"],
                    correct_value=form.cleaned_data["correct_value"],
                    source=form.cleaned_data["source"],
                )
            sent = True
        else:
            status = 400
    return render(
        request,
        "opportunities/correction.html",
        {"opportunity": opportunity, "form": form, "sent": sent},
        status=status,
    )


# --- Bulk import ----------------------------------------------------------------------------


def _may_import(*, user) -> bool:
    return user_can_moderate(user=user) or user_is_partner(user=user)


@require_http_methods(["GET", "POST"])
@_page_for(_may_import)
def import_page(request: HttpRequest) -> HttpResponse:
    """Administrators' rows are written at once; a partner's become proposals to review."""
    file_format = request.GET.get("template", "")
    if file_format in ("csv", "xlsx"):
        return download_response(
            imports.template(file_format=file_format),
            filename=f"opportunities.{file_format}",
            content_type=TEMPLATE_TYPES[file_format],
        )
    form = ImportForm(request.POST or None, request.FILES or None)
    moderator = user_can_moderate(user=request.user)
    context: dict = {"form": form, "moderator": moderator, "columns": imports.COLUMNS}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = upload_read(file=upload, name=imports.UPLOAD_NAME)
            context["report"] = imports.opportunity_import(
                data=data, name=imports.UPLOAD_NAME, user=None if moderator else request.user
            )
        except UploadError as error:
            form.add_error("file", error.message)
            context["problems"] = getattr(error, "problems", [])
    return render(request, "opportunities/import.html", context, status=400 if form.errors else 200)
