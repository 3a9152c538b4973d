"""The questionnaire, one question per page, and the plan. Plain forms and
POST-redirect-GET: everything works without JavaScript."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from rumbo.core.downloads import download_response
from rumbo.plans import pdf, qr
from rumbo.plans.engine import (
    AnswerError,
    Flow,
    flow_load,
    question_path,
    question_reachable,
)
from rumbo.plans.models import Plan, Question
from rumbo.plans.selectors import PlanExpired, PlanUnavailable, plan_get, plan_summary
from rumbo.plans.services import plan_answer, plan_delete, plan_start
from rumbo.plans.widgets import question_context

RATE_GROUP = "plans.create"


def plan_create_limited(request: HttpRequest) -> bool:
    # Per client address, counted only in the cache for the window (the address itself is
    # hashed into the cache key and never written to the database).
    return is_ratelimited(
        request=request,
        group=RATE_GROUP,
        key="ip",
        rate=settings.RUMBO_PLAN_CREATE_RATE,
        method="POST",
        increment=True,
    )


def plan_unavailable_status(error: PlanUnavailable) -> int:
    """The HTTP status for a code that opens no plan: gone once expired, else not found."""
    return 410 if isinstance(error, PlanExpired) else 404


def _unavailable(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request, "plans/landing.html", {"flow": flow_load(), "error": message}, status=status
    )


def _no_questionnaire(request: HttpRequest) -> HttpResponse:
    return _unavailable(request, _("The questionnaire is not available at the moment."), 503)


@require_GET
def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/landing.html", {"flow": flow_load()})


# No CSRF token: starting a plan acts for no one (a new, empty plan under a new random code),
# so a forged request gains nothing, and a token would keep the landing page, where every
# campaign sends its visitors, out of the shared page cache (ADR 0005; rate-limited below).
@csrf_exempt
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    flow = flow_load()
    if flow is None or not flow.questions:
        return _no_questionnaire(request)
    if plan_create_limited(request):
        return render(request, "plans/limited.html", status=429)
    plan = plan_start(flow=flow)
    return redirect("plans:question", code=plan.code, slug=flow.questions[0].slug)


@never_cache
@require_GET
def plan_open(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "")
    if not code.strip():
        return _unavailable(request, _("Enter the code of your plan."), 400)
    try:
        plan = plan_get(code=code)
    except PlanUnavailable as error:
        return _unavailable(request, error.message, plan_unavailable_status(error))
    return redirect(plan)


def _plan_or_error(request: HttpRequest, code: str) -> tuple[Plan, Flow] | HttpResponse:
    try:
        plan = plan_get(code=code)
    except PlanUnavailable as error:
        return _unavailable(request, error.message, plan_unavailable_status(error))
    flow = flow_load(questionnaire_id=plan.questionnaire_id)
    if flow is None or not flow.questions:
        return _no_questionnaire(request)
    return plan, flow


def _current(flow: Flow, plan: Plan) -> Question:
    return question_reachable(flow=flow, answers=plan.answers)[-1]


def _finished_plan_or_error(request: HttpRequest, code: str) -> tuple[Plan, Flow] | HttpResponse:
    found = _plan_or_error(request, code)
    if isinstance(found, HttpResponse):
        return found
    plan, flow = found
    current = _current(flow, plan)
    if plan.completed_at is None or current.slug not in plan.answers:
        # Unfinished, or changed answers opened a new branch: finish the questionnaire first.
        return redirect("plans:question", code=plan.code, slug=current.slug)
    return plan, flow


# No CSRF token: the plan's secret code in the address is the only authority over its
# answers, and no cookie carries it, so a forged request cannot act for anyone (ADR 0005).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    found = _plan_or_error(request, code)
    if isinstance(found, HttpResponse):
        return found
    plan, flow = found
    reachable = question_reachable(flow=flow, answers=plan.answers)
    if not reachable:
        return _no_questionnaire(request)
    asked = next((q for q in reachable if q.slug == slug), None)
    if asked is None:
        # An edited address: a question this person cannot reach from the answers given.
        current = reachable[-1]
        return _question_page(
            request,
            flow,
            plan,
            current,
            notice=_("That question is not part of your questionnaire yet. Please continue here."),
            status=400,
        )
    if request.method == "POST":
        values = request.POST.getlist("answer")
        try:
            following = plan_answer(flow=flow, plan=plan, question=asked, values=values)
        except AnswerError as error:
            return _question_page(
                request, flow, plan, asked, error=error.message, submitted=values, status=400
            )
        if following is None:
            return redirect(plan)
        return redirect("plans:question", code=plan.code, slug=following.slug)
    return _question_page(request, flow, plan, asked)


def _question_page(
    request: HttpRequest,
    flow: Flow,
    plan: Plan,
    asked: Question,
    *,
    error: str = "",
    notice: str = "",
    submitted: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    path = question_path(flow=flow, answers=plan.answers)
    slugs = [q.slug for q in path]
    position = slugs.index(asked.slug) if asked.slug in slugs else 0
    context = {
        "plan": plan,
        "flow": flow,
        "question": asked,
        # Explicit, so that a page shown at an edited address answers the right question.
        "action": reverse("plans:question", kwargs={"code": plan.code, "slug": asked.slug}),
        "position": position + 1,
        "total": len(question_path(flow=flow, answers=plan.answers, optimistic=True)),
        "previous": path[position - 1] if position > 0 else None,
        "error": error,
        "notice": notice,
        **question_context(
            flow=flow, plan=plan, question=asked, request=request, submitted=submitted
        ),
    }
    return render(request, "plans/question.html", context, status=status)


@never_cache
@require_GET
def plan_detail(request: HttpRequest, code: str) -> HttpResponse:
    found = _finished_plan_or_error(request, code)
    if isinstance(found, HttpResponse):
        return found
    plan, flow = found
    link = request.build_absolute_uri(plan.get_absolute_url())
    context = {
        "summary": plan_summary(flow=flow, plan=plan),
        "plan": plan,
        "link": link,
        "qr_svg": qr.qr_svg(link),
        "first_slug": flow.questions[0].slug,
    }
    return render(request, "plans/plan.html", context)


@never_cache
@require_GET
def plan_pdf(request: HttpRequest, code: str) -> HttpResponse:
    found = _finished_plan_or_error(request, code)
    if isinstance(found, HttpResponse):
        return found
    plan, flow = found
    link = request.build_absolute_uri(plan.get_absolute_url())
    content = pdf.plan_pdf(summary=plan_summary(flow=flow, plan=plan), link=link)
    return download_response(content, filename="plan.pdf", content_type="application/pdf")


@never_cache
@require_http_methods(["GET", "POST"])
def plan_delete_view(request: HttpRequest, code: str) -> HttpResponse:
    found = _plan_or_error(request, code)
    if isinstance(found, HttpResponse):
        return found
    plan, _flow = found
    if request.method == "POST":
        plan_delete(plan=plan)
        messages.success(request, _("Your plan was deleted. Nothing of it is kept."))
        return redirect(reverse("plans:landing"))
    return render(request, "plans/delete.html", {"plan": plan})
