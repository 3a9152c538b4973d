import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from rumbo.accounts.decorators import powers_required
from rumbo.accounts.models import User
from rumbo.accounts.permissions import user_holds_powers
from rumbo.accounts.selectors import recovery_code_count_unused
from rumbo.accounts.services import (
    AccountError,
    password_reset_with_recovery_code,
    recovery_codes_issue,
)
from rumbo.accounts.views import safe_next, second_factor_begin
from rumbo.casework.permissions import staff_scope
from rumbo.core.downloads import download_response
from rumbo.core.uploads import upload_read
from rumbo.learning import selectors, services
from rumbo.learning.forms import (
    CatalogueFilterForm,
    LoginForm,
    PackageUploadForm,
    RecoverForm,
    RecoveryCodesForm,
    RegisterForm,
    UsernameRegisterForm,
)
from rumbo.learning.models import Attempt, Course, CourseVersion, Question
from rumbo.learning.package import PACKAGE_LIMITS, PackageError, package_export, package_import
from rumbo.learning.permissions import user_can_manage_courses
from rumbo.learning.services import LearningError


class LearnerRequest(HttpRequest):
    """A request that `learner_required` let through: its user is logged in."""

    user: User


def _in_version_language(request: HttpRequest, version: CourseVersion) -> None:
    # A course taken in Arabic is entirely in Arabic, interface included, whatever the
    # visitor's language cookie says.
    translation.activate(version.language)
    request.LANGUAGE_CODE = version.language


# The services say which sort of refusal it is; the HTTP status is the views' choice.
REFUSAL_STATUS = {
    LearningError.Kind.INVALID: 400,
    LearningError.Kind.NOT_ALLOWED: 403,
    LearningError.Kind.NOT_FOUND: 404,
    LearningError.Kind.CONFLICT: 409,
}


def _refusal(
    request: HttpRequest, *, message: str, status: int, unverified: bool = False
) -> HttpResponse:
    if request.headers.get("accept", "").startswith("application/json"):
        return JsonResponse({"saved": False, "error": message}, status=status)
    return render(
        request,
        "learning/refused.html",
        {"message": message, "unverified": unverified},
        status=status,
    )


def _refuse(request: HttpRequest, error: LearningError) -> HttpResponse:
    return _refusal(
        request,
        message=error.message,
        status=REFUSAL_STATUS[error.kind],
        unverified=error.code == "unverified",
    )


def learner_required(
    *, back_to: Callable[..., str] | None = None, refusal: Promise | str = ""
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Anonymous visitors are sent to the learners' login page and brought back afterwards
    to `back_to(**the view's arguments)`, by default to the address they asked for. With a
    `refusal`, they get it with a 403 instead: a quiz answer is saved by a script, which
    cannot follow a login page."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.user.is_authenticated:
                return view(request, *args, **kwargs)
            if refusal:
                return _refusal(request, message=str(refusal), status=403)
            next_url = back_to(**kwargs) if back_to else request.get_full_path()
            return redirect_to_login(next_url, reverse("learning:login"))

        return wrapper

    return decorator


def _version_or_404(slug: str, language: str) -> CourseVersion:
    try:
        return selectors.version_get(slug=slug, language=language)
    except CourseVersion.DoesNotExist as error:
        raise Http404 from error


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None, topics=selectors.catalogue_topic_list())
    filters = form.cleaned_data if form.is_valid() else {}
    courses = selectors.course_catalogue(
        topic=filters.get("topic", ""), language=filters.get("language", "")
    )
    language = translation.get_language()
    items = [
        (course, selectors.version_for_reader(course=course, language=language))
        for course in courses
    ]
    enrolments = selectors.enrolment_list_for(user=request.user)
    # Staff of an information point find their trainings page from here.
    point_staff = bool(staff_scope(request.user).point_ids)
    return render(
        request,
        "learning/catalogue.html",
        {"form": form, "items": items, "enrolments": enrolments, "point_staff": point_staff},
    )


@require_GET
def course(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        published_course = selectors.course_get(slug=slug)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    shown = selectors.version_for_reader(
        course=published_course, language=translation.get_language()
    )
    versions = [
        (version, version.modules.count() < published_course.module_count)
        for version in published_course.versions.all()
    ]
    return render(
        request,
        "learning/course.html",
        {"course": published_course, "shown": shown, "versions": versions},
    )


@require_GET
def version(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    course_version = _version_or_404(slug, language)
    _in_version_language(request, course_version)
    enrolment = selectors.enrolment_for(user=request.user, version=course_version)
    outline = selectors.version_outline(version=course_version, enrolment=enrolment)
    return render(
        request,
        "learning/version.html",
        {"version": course_version, "enrolment": enrolment, "outline": outline},
    )


def _version_url(*, slug: str, language: str) -> str:
    return reverse("learning:version", kwargs={"slug": slug, "language": language})


@require_POST
@learner_required(back_to=_version_url)
def enrol(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    course_version = _version_or_404(slug, language)
    _in_version_language(request, course_version)
    try:
        services.enrolment_start(user=request.user, version=course_version)
    except LearningError as error:
        return _refuse(request, error)
    return redirect(course_version.get_absolute_url())


@require_GET
def lesson(
    request: HttpRequest, slug: str, language: str, module: int, lesson: str
) -> HttpResponse:
    course_version = _version_or_404(slug, language)
    _in_version_language(request, course_version)
    try:
        item = selectors.lesson_get(version=course_version, module=module, slug=lesson)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    # Lessons are open to everyone; progress is kept only for enrolled learners.
    enrolment = selectors.enrolment_for(user=request.user, version=course_version)
    if enrolment:
        services.lesson_mark_viewed(enrolment=enrolment, lesson=item)
    previous, following = selectors.lesson_neighbours(lesson=item)
    return render(
        request,
        "learning/lesson.html",
        {
            "version": course_version,
            "lesson": item,
            "html": selectors.lesson_render_html(body=item.body),
            "previous": previous,
            "following": following,
            "enrolment": enrolment,
        },
    )


@require_http_methods(["GET", "POST"])
@learner_required()
def quiz(request: HttpRequest, slug: str, language: str, module: int | None = None) -> HttpResponse:
    course_version = _version_or_404(slug, language)
    _in_version_language(request, course_version)
    try:
        item = selectors.quiz_get(version=course_version, module=module)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    enrolment = selectors.enrolment_for(user=request.user, version=course_version)
    if request.method == "POST":
        try:
            if enrolment is None:
                enrolment = services.enrolment_start(user=request.user, version=course_version)
            attempt = services.attempt_start(enrolment=enrolment, quiz=item)
        except LearningError as error:
            return _refuse(request, error)
        return redirect("learning:attempt", attempt=attempt.pk)
    attempts = selectors.attempt_list_for(enrolment=enrolment, quiz=item) if enrolment else []
    return render(
        request,
        "learning/quiz.html",
        {"version": course_version, "quiz": item, "attempts": attempts, "enrolment": enrolment},
    )


def _attempt_or_404(request: HttpRequest, attempt: int) -> Attempt:
    try:
        quiz_attempt = selectors.attempt_get_for_user(attempt_id=attempt, user=request.user)
    except ObjectDoesNotExist as error:
        raise Http404 from error
    _in_version_language(request, quiz_attempt.enrolment.version)
    return quiz_attempt


@require_GET
@learner_required()
def attempt(request: HttpRequest, attempt: int) -> HttpResponse:
    quiz_attempt = _attempt_or_404(request, attempt)
    if quiz_attempt.submitted_at:
        return redirect("learning:result", attempt=quiz_attempt.pk)
    return render(
        request,
        "learning/attempt.html",
        {
            "attempt": quiz_attempt,
            "version": quiz_attempt.enrolment.version,
            "items": selectors.attempt_questions(attempt=quiz_attempt),
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
@learner_required(refusal=gettext_lazy("Log in to answer."))
def answer(request: HttpRequest, attempt: int, question: int) -> HttpResponse:
    quiz_attempt = _attempt_or_404(request, attempt)
    try:
        services.answer_save(
            attempt=quiz_attempt,
            question_id=question,
            data=lambda kind: _answer_data(request, kind),
        )
    except LearningError as error:
        return _refuse(request, error)
    if request.headers.get("accept", "").startswith("application/json"):
        return JsonResponse({"saved": True})
    messages.success(request, _("Answer saved."))
    return redirect(
        reverse("learning:attempt", kwargs={"attempt": quiz_attempt.pk}) + f"#q{question}"
    )


@require_POST
@learner_required()
def submit(request: HttpRequest, attempt: int) -> HttpResponse:
    quiz_attempt = _attempt_or_404(request, attempt)
    try:
        services.attempt_submit(attempt=quiz_attempt)
    except LearningError as error:
        return _refuse(request, error)
    return redirect("learning:result", attempt=quiz_attempt.pk)


@require_GET
@learner_required()
def result(request: HttpRequest, attempt: int) -> HttpResponse:
    quiz_attempt = _attempt_or_404(request, attempt)
    if quiz_attempt.submitted_at is None:
        return redirect("learning:attempt", attempt=quiz_attempt.pk)
    return render(
        request,
        "learning/result.html",
        {
            "attempt": quiz_attempt,
            "version": quiz_attempt.enrolment.version,
            "items": selectors.attempt_questions(attempt=quiz_attempt),
            "complete": quiz_attempt.enrolment.completed_at is not None,
        },
    )


# Accounts of learners


def _email_rate_limited(request: HttpRequest, *, group: str, email: str) -> bool:
    """Each of these requests sends an email: limited per client address and per email
    address, so that nobody can make the site send mail without end (counted in the cache)."""
    by_address = is_ratelimited(
        request=request,
        group=f"{group}.address",
        key="ip",
        rate=settings.RUMBO_CAMPUS_EMAIL_RATE_PER_ADDRESS,
        method="POST",
        increment=True,
    )
    by_email = is_ratelimited(
        request=request,
        group=f"{group}.email",
        key=lambda _group, _request: email.lower(),
        rate=settings.RUMBO_CAMPUS_EMAIL_RATE_PER_EMAIL,
        method="POST",
        increment=True,
    )
    return by_address or by_email


REGISTERED_EMAIL = "rumbo_registered_email"


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if _email_rate_limited(request, group="learning.register", email=email):
            form.add_error(None, _("Too many requests. Please try again in an hour."))
            return render(request, "learning/register.html", {"form": form}, status=429)
        # The same answer whether or not the address already has an account, so the form
        # does not tell who studies here; the account's owner is told by email instead.
        services.learner_sign_up(
            email=email,
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password"],
            language=translation.get_language(),
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
        # Nobody is logged in yet (that would tell a new account from an existing one); the
        # confirmation link logs the new learner in when opened in this same browser.
        request.session[REGISTERED_EMAIL] = email.lower()
        return render(request, "learning/registered.html", {"email": email})
    return render(
        request, "learning/register.html", {"form": form}, status=400 if form.errors else 200
    )


@require_GET
def verify(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = services.learner_verify_email(token=token)
    except LearningError as error:
        return _refuse(request, error)
    registered_here = request.session.pop(REGISTERED_EMAIL, None) == user.email
    if not request.user.is_authenticated and registered_here and not user_holds_powers(user=user):
        # The browser that registered the account, holding its link: the same person.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if not request.user.is_authenticated:
        messages.success(request, _("Your email address is confirmed. Log in to enrol in courses."))
        return redirect("learning:login")
    messages.success(request, _("Your email address is confirmed. You can enrol in courses."))
    return redirect("learning:catalogue")


@require_POST
@learner_required(back_to=lambda: reverse("learning:catalogue"))
def verify_again(request: LearnerRequest) -> HttpResponse:
    email = request.user.email
    if not email:
        # An account without email has nothing to confirm.
        return redirect("learning:catalogue")
    if _email_rate_limited(request, group="learning.verify_again", email=email):
        message = _("Too many requests. Please try again in an hour.")
        return _refusal(request, message=message, status=429)
    services.learner_send_verification(
        user=request.user, base_url=request.build_absolute_uri("/").rstrip("/")
    )
    return render(request, "learning/registered.html", {"email": email})


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # authenticate() with the request lets login protection (django-axes) count failures.
        name = form.cleaned_data["username"].strip()
        user = authenticate(
            request,
            username=name.lower() if "@" in name else name,
            password=form.cleaned_data["password"],
        )
        if user is not None and user_holds_powers(user=user):
            # Staff and facilitators pass their second factor here too: a session opened
            # with a password alone never carries a power.
            next_url = safe_next(request, reverse("learning:catalogue"))
            return second_factor_begin(request, user=user, next_url=next_url)
        if user is not None:
            login(request, user)
            return redirect(safe_next(request, reverse("learning:catalogue")))
        form.add_error(None, _("The email address, username or password is not right."))
    return render(
        request,
        "learning/login.html",
        {"form": form, "next": safe_next(request, "")},
        status=400 if form.errors else 200,
    )


def _address_rate_limited(request: HttpRequest, *, group: str) -> bool:
    """Registrations and recoveries per client address (counted in the cache); failed
    recoveries also count against the account (django-axes), like failed logins."""
    return is_ratelimited(
        request=request,
        group=group,
        key="ip",
        rate=settings.RUMBO_CAMPUS_EMAIL_RATE_PER_ADDRESS,
        method="POST",
        increment=True,
    )


TOO_MANY = gettext_lazy("Too many requests. Please try again in an hour.")


def _show_recovery_codes(
    request: HttpRequest, codes: list[str], *, new_account: bool
) -> HttpResponse:
    # Shown once, in this answer only: never stored by the browser or a proxy.
    response = render(
        request,
        "learning/recovery_codes.html",
        {"codes": codes, "new_account": new_account},
    )
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def register_username(request: HttpRequest) -> HttpResponse:
    form = UsernameRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _address_rate_limited(request, group="learning.register_username"):
            form.add_error(None, str(TOO_MANY))
            return render(request, "learning/register_username.html", {"form": form}, status=429)
        try:
            user, codes = services.learner_register_username(
                username=form.cleaned_data["username"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
                language=translation.get_language(),
            )
        except LearningError as error:
            form.add_error("username", error.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return _show_recovery_codes(request, codes, new_account=True)
    return render(
        request,
        "learning/register_username.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@sensitive_post_parameters("password", "recovery_code")
@require_http_methods(["GET", "POST"])
def recover(request: HttpRequest) -> HttpResponse:
    """A learner without email who forgot their password: username, one recovery code and
    a new password. A wrong code is a failed login for the account (django-axes)."""
    form = RecoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _address_rate_limited(request, group="learning.recover"):
            form.add_error(None, str(TOO_MANY))
            return render(request, "learning/recover.html", {"form": form}, status=429)
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            recovery_code=form.cleaned_data["recovery_code"],
        )
        code_id = getattr(user, "recovery_code_id", None)
        if user is not None and code_id is not None and not user_holds_powers(user=user):
            try:
                password_reset_with_recovery_code(
                    user=user, recovery_code_id=code_id, password=form.cleaned_data["password"]
                )
            except AccountError as error:
                form.add_error("recovery_code", str(error))
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                left = recovery_code_count_unused(user=user)
                messages.success(
                    request,
                    ngettext(
                        "Your new password is set. You have %(count)s recovery code left.",
                        "Your new password is set. You have %(count)s recovery codes left.",
                        left,
                    )
                    % {"count": left},
                )
                return redirect("learning:catalogue")
        else:
            form.add_error(None, _("The username or the recovery code is not right."))
    return render(
        request, "learning/recover.html", {"form": form}, status=400 if form.errors else 200
    )


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
@learner_required()
def recovery_codes(request: LearnerRequest) -> HttpResponse:
    """A new set of recovery codes, after the learner proves the password again."""
    if user_holds_powers(user=request.user):
        raise PermissionDenied
    form = RecoveryCodesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=request.user.login_name, password=form.cleaned_data["password"]
        )
        if user is not None and user.pk == request.user.pk:
            return _show_recovery_codes(
                request, recovery_codes_issue(user=request.user), new_account=False
            )
        form.add_error("password", _("This password is not right."))
    left = recovery_code_count_unused(user=request.user)
    return render(
        request,
        "learning/recovery_codes_new.html",
        {"form": form, "left": left},
        status=400 if form.errors else 200,
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("learning:catalogue")


@require_GET
@powers_required
def staff_trainings(request: HttpRequest) -> HttpResponse:
    """Information-point staff: the courses they completed, and, for a coordinator, those of
    everyone at their points, each linked to its certificate's public verification page."""
    if not staff_scope(request.user).point_ids:
        raise PermissionDenied
    rows = services.staff_trainings_read(actor=request.user)
    return render(request, "learning/staff_trainings.html", {"rows": rows})


# Facilitators: every page below uses a power, so it needs the second factor
# (rumbo.accounts.decorators.powers_required) and is never stored by browsers or proxies.


def manager_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @powers_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_can_manage_courses(user=request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _managed_course(request: HttpRequest, slug: str) -> Course:
    try:
        return selectors.course_get_manageable(user=request.user, slug=slug)
    except ObjectDoesNotExist as error:
        raise Http404 from error


@require_http_methods(["GET", "POST"])
@manager_page
def manage(request: HttpRequest) -> HttpResponse:
    form = PackageUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not request.user.is_staff:
            raise PermissionDenied
        if form.is_valid():
            try:
                # Read no further than the limit: a huge upload is refused, not loaded.
                data = upload_read(
                    file=form.cleaned_data["package"],
                    name=_("course package"),
                    limits=PACKAGE_LIMITS,
                )
                imported = package_import(data=data, replace=form.cleaned_data["replace"])
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
@manager_page
def manage_course(request: HttpRequest, slug: str) -> HttpResponse:
    managed_course = _managed_course(request, slug)
    quizzes = [
        (item, selectors.quiz_item_analysis(quiz=item))
        for item in selectors.course_quizzes(course=managed_course)
    ]
    return render(
        request,
        "learning/manage_course.html",
        {
            "course": managed_course,
            "report": selectors.course_report(course=managed_course),
            "rows": services.course_enrolments_read(actor=request.user, course=managed_course),
            "quizzes": quizzes,
        },
    )


@require_GET
@manager_page
def manage_csv(request: HttpRequest, slug: str) -> HttpResponse:
    managed_course = _managed_course(request, slug)
    text = services.course_enrolments_csv(actor=request.user, course=managed_course)
    return download_response(
        text,
        filename=f"{managed_course.slug}-enrolments.csv",
        content_type="text/csv; charset=utf-8",
    )


@require_GET
@manager_page
def manage_statements(request: HttpRequest, slug: str) -> HttpResponse:
    managed_course = _managed_course(request, slug)
    statements = services.course_statements_export(
        actor=request.user,
        course=managed_course,
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return download_response(
        json.dumps(statements, ensure_ascii=False, indent=1),
        filename=f"{managed_course.slug}-xapi.json",
        content_type="application/json",
    )


@require_GET
@manager_page
def manage_package(request: HttpRequest, slug: str) -> HttpResponse:
    managed_course = _managed_course(request, slug)
    return download_response(
        package_export(course=managed_course),
        filename=f"{managed_course.slug}.zip",
        content_type="application/zip",
    )
