import csv
import json

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rumbo.learning import selectors, services
from rumbo.learning.forms import CatalogueFilterForm, LoginForm, PackageUploadForm, RegisterForm
from rumbo.learning.models import CourseVersion, Question
from rumbo.learning.package import PackageError, package_export, package_import
from rumbo.learning.permissions import user_can_manage_courses
from rumbo.learning.services import LearningError
from rumbo.learning.xapi import statements_export


def _in_version_language(request: HttpRequest, version: CourseVersion) -> None:
    # A course taken in Arabic is entirely in Arabic, interface included, whatever the
    # visitor's language cookie says.
    translation.activate(version.language)
    request.LANGUAGE_CODE = version.language


def _refuse(request: HttpRequest, error: LearningError) -> HttpResponse:
    if request.headers.get("accept", "").startswith("application/json"):
        return JsonResponse({"saved": False, "error": error.message}, status=error.status)
    return render(
        request,
        "learning/refused.html",
        {"message": error.message, "unverified": error.code == "unverified"},
        status=error.status,
    )


def _version_or_404(slug: str, language: str) -> CourseVersion:
    try:
        return selectors.version_get(slug=slug, language=language)
    except CourseVersion.DoesNotExist as error:
        raise Http404 from error


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    courses = selectors.course_catalogue(
        topic=filters.get("topic", ""), language=filters.get("language", "")
    )
    language = translation.get_language()
    items = [
        (course, selectors.version_title_for(course=course, language=language))
        for course in courses
    ]
    enrolments = selectors.enrolment_list_for(user=request.user)
    return render(
        request,
        "learning/catalogue.html",
        {"form": form, "items": items, "enrolments": enrolments},
    )


@require_GET
def course(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        found = selectors.course_get(slug=slug)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    title = selectors.version_title_for(course=found, language=translation.get_language())
    versions = [
        (version, version.modules.count() < found.module_count) for version in found.versions.all()
    ]
    return render(
        request, "learning/course.html", {"course": found, "title": title, "versions": versions}
    )


@require_GET
def version(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    found = _version_or_404(slug, language)
    _in_version_language(request, found)
    enrolment = selectors.enrolment_for(user=request.user, version=found)
    outline = selectors.version_outline(version=found, enrolment=enrolment)
    return render(
        request,
        "learning/version.html",
        {"version": found, "enrolment": enrolment, "outline": outline},
    )


@require_POST
def enrol(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    found = _version_or_404(slug, language)
    _in_version_language(request, found)
    if not request.user.is_authenticated:
        return redirect_to_login(found.get_absolute_url(), reverse("learning:login"))
    try:
        services.enrolment_start(user=request.user, version=found)
    except LearningError as error:
        return _refuse(request, error)
    return redirect(found.get_absolute_url())


@require_GET
def lesson(
    request: HttpRequest, slug: str, language: str, module: int, lesson: str
) -> HttpResponse:
    found = _version_or_404(slug, language)
    _in_version_language(request, found)
    try:
        item = selectors.lesson_get(version=found, module=module, slug=lesson)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    # Lessons are open to everyone; progress is kept only for enrolled learners.
    enrolment = selectors.enrolment_for(user=request.user, version=found)
    if enrolment:
        services.lesson_mark_viewed(enrolment=enrolment, lesson=item)
    previous, following = selectors.lesson_neighbours(lesson=item)
    return render(
        request,
        "learning/lesson.html",
        {
            "version": found,
            "lesson": item,
            "html": selectors.lesson_render_html(body=item.body),
            "previous": previous,
            "following": following,
            "enrolment": enrolment,
        },
    )


@require_http_methods(["GET", "POST"])
def quiz(request: HttpRequest, slug: str, language: str, module: int | None = None) -> HttpResponse:
    found = _version_or_404(slug, language)
    _in_version_language(request, found)
    quizzes = found.quizzes.select_related("module")
    item = (
        quizzes.filter(module__position=module).first()
        if module
        else quizzes.filter(module__isnull=True).first()
    )
    if item is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("learning:login"))
    enrolment = selectors.enrolment_for(user=request.user, version=found)
    if request.method == "POST":
        try:
            if enrolment is None:
                enrolment = services.enrolment_start(user=request.user, version=found)
            attempt = services.attempt_start(enrolment=enrolment, quiz=item)
        except LearningError as error:
            return _refuse(request, error)
        return redirect("learning:attempt", attempt=attempt.pk)
    attempts = selectors.attempt_list_for(enrolment=enrolment, quiz=item) if enrolment else []
    return render(
        request,
        "learning/quiz.html",
        {"version": found, "quiz": item, "attempts": attempts, "enrolment": enrolment},
    )


def _attempt_or_404(request: HttpRequest, attempt: int):
    try:
        found = selectors.attempt_get_for_user(attempt_id=attempt, user=request.user)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    _in_version_language(request, found.enrolment.version)
    return found


@require_GET
def attempt(request: HttpRequest, attempt: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("learning:login"))
    found = _attempt_or_404(request, attempt)
    if found.submitted_at:
        return redirect("learning:result", attempt=found.pk)
    return render(
        request,
        "learning/attempt.html",
        {
            "attempt": found,
            "version": found.enrolment.version,
            "items": selectors.attempt_questions(attempt=found),
        },
    )


def _answer_data(request: HttpRequest, kind: str):
    if kind == Question.Kind.MATCHING:
        return {
            key.removeprefix("match-"): value
            for key, value in request.POST.items()
            if key.startswith("match-") and value
        }
    return request.POST.getlist("choice")


@require_POST
def answer(request: HttpRequest, attempt: int, question: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refuse(request, LearningError(_("Log in to answer."), status=403))
    found = _attempt_or_404(request, attempt)
    try:
        services.answer_save(
            attempt=found, question_id=question, data=lambda kind: _answer_data(request, kind)
        )
    except LearningError as error:
        return _refuse(request, error)
    if request.headers.get("accept", "").startswith("application/json"):
        return JsonResponse({"saved": True})
    messages.success(request, _("Answer saved."))
    return redirect(reverse("learning:attempt", kwargs={"attempt": found.pk}) + f"#q{question}")


@require_POST
def submit(request: HttpRequest, attempt: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("learning:login"))
    found = _attempt_or_404(request, attempt)
    try:
        services.attempt_submit(attempt=found)
    except LearningError as error:
        return _refuse(request, error)
    return redirect("learning:result", attempt=found.pk)


@require_GET
def result(request: HttpRequest, attempt: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("learning:login"))
    found = _attempt_or_404(request, attempt)
    if found.submitted_at is None:
        return redirect("learning:attempt", attempt=found.pk)
    return render(
        request,
        "learning/result.html",
        {
            "attempt": found,
            "version": found.enrolment.version,
            "items": selectors.attempt_questions(attempt=found),
            "complete": found.enrolment.completed_at is not None,
        },
    )


# Accounts of learners


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.learner_register(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
                language=translation.get_language(),
            )
        except LearningError as error:
            form.add_error("email", error.message)
        else:
            services.learner_send_verification(
                user=user, base_url=request.build_absolute_uri("/").rstrip("/")
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return render(request, "learning/registered.html", {"email": user.email})
    return render(
        request, "learning/register.html", {"form": form}, status=400 if form.errors else 200
    )


@require_GET
def verify(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.learner_verify_email(token=token)
    except LearningError as error:
        return _refuse(request, error)
    messages.success(request, _("Your email address is confirmed. You can enrol in courses."))
    return redirect("learning:catalogue")


@require_POST
def verify_again(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("learning:catalogue"), reverse("learning:login"))
    services.learner_send_verification(
        user=request.user, base_url=request.build_absolute_uri("/").rstrip("/")
    )
    return render(request, "learning/registered.html", {"email": request.user.email})


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # authenticate() with the request lets login protection (django-axes) count failures.
        user = authenticate(
            request,
            username=form.cleaned_data["email"].lower(),
            password=form.cleaned_data["password"],
        )
        if user is not None:
            login(request, user)
            return redirect(_safe_next(request, reverse("learning:catalogue")))
        form.add_error(None, _("The email address or the password is not right."))
    return render(
        request,
        "learning/login.html",
        {"form": form, "next": _safe_next(request, "")},
        status=400 if form.errors else 200,
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("learning:catalogue")


# Facilitators


def _manager_or_login(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("learning:login"))
    if not user_can_manage_courses(user=request.user):
        return _refuse(
            request, LearningError(_("Only facilitators and staff can see this."), status=403)
        )
    return None


def _managed_course(request: HttpRequest, slug: str):
    try:
        return selectors.course_get_manageable(user=request.user, slug=slug)
    except ObjectDoesNotExist as error:
        raise Http404 from error


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    if refused := _manager_or_login(request):
        return refused
    form = PackageUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not request.user.is_staff:
            return _refuse(request, LearningError(_("Only staff can import courses."), status=403))
        if form.is_valid():
            try:
                imported = package_import(
                    data=form.cleaned_data["package"].read(), replace=form.cleaned_data["replace"]
                )
            except PackageError as error:
                form.add_error("package", str(error))
            else:
                messages.success(request, _("Course %(slug)s imported.") % {"slug": imported.slug})
                return redirect("learning:manage")
        status = 400
    return render(
        request,
        "learning/manage.html",
        {"courses": selectors.course_list_manageable(user=request.user), "form": form},
        status=status,
    )


@require_GET
def manage_course(request: HttpRequest, slug: str) -> HttpResponse:
    if refused := _manager_or_login(request):
        return refused
    found = _managed_course(request, slug)
    quizzes = [
        (item, selectors.quiz_item_analysis(quiz=item))
        for item in selectors.course_quizzes(course=found)
    ]
    return render(
        request,
        "learning/manage_course.html",
        {
            "course": found,
            "report": selectors.course_report(course=found),
            "rows": selectors.course_enrolment_rows(course=found),
            "quizzes": quizzes,
        },
    )


@require_GET
def manage_csv(request: HttpRequest, slug: str) -> HttpResponse:
    if refused := _manager_or_login(request):
        return refused
    found = _managed_course(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-enrolments.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["email", "full_name", "language", "enrolled_at", "lessons_viewed", "lessons_total",
         "quizzes_passed", "completed_at"]
    )  # fmt: skip
    for row in selectors.course_enrolment_rows(course=found):
        enrolment = row["enrolment"]
        writer.writerow(
            [
                enrolment.user.email,
                enrolment.user.full_name,
                row["language"],
                enrolment.enrolled_at.isoformat(),
                row["lessons_viewed"],
                row["lessons_total"],
                row["quizzes_passed"],
                row["completed_at"].isoformat() if row["completed_at"] else "",
            ]
        )
    return response


@require_GET
def manage_statements(request: HttpRequest, slug: str) -> HttpResponse:
    if refused := _manager_or_login(request):
        return refused
    found = _managed_course(request, slug)
    statements = statements_export(
        course=found, base_url=request.build_absolute_uri("/").rstrip("/")
    )
    response = HttpResponse(
        json.dumps(statements, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-xapi.json"'
    return response


@require_GET
def manage_package(request: HttpRequest, slug: str) -> HttpResponse:
    if refused := _manager_or_login(request):
        return refused
    found = _managed_course(request, slug)
    response = HttpResponse(package_export(course=found), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}.zip"'
    return response
