"""Reads for E-Campus pages, reports and exports."""

import random
import statistics
from dataclasses import dataclass, field
from typing import Any, cast

import markdown
import nh3
from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from rumbo.casework.models import StaffRole
from rumbo.casework.permissions import staff_scope
from rumbo.learning.models import (
    Answer,
    Attempt,
    Course,
    CourseVersion,
    Enrolment,
    Lesson,
    Module,
    Question,
    Quiz,
    Statement,
)
from rumbo.learning.permissions import course_manageable_filter, staff_training_readable_filter

LESSON_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "img", "blockquote",
    "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br",
}  # fmt: skip
LESSON_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}


def _same_origin_only(tag: str, attribute: str, value: str) -> str | None:
    # Lesson images come from our own storage; an outside image would leak the reader's visit.
    if tag == "img" and attribute == "src" and "//" in value:
        return None
    return value


def lesson_render_html(*, body: str) -> str:
    html = markdown.markdown(body, extensions=["tables"])
    return nh3.clean(
        html,
        tags=LESSON_TAGS,
        attributes=LESSON_ATTRIBUTES,
        attribute_filter=_same_origin_only,
        url_schemes={"https", "http", "mailto"},
    )


def course_catalogue(*, topic: str = "", language: str = "") -> QuerySet[Course]:
    versions = CourseVersion.objects.filter(is_published=True)
    courses = Course.objects.filter(versions__is_published=True)
    if topic:
        courses = courses.filter(topic=topic)
    if language:
        courses = courses.filter(versions__language=language, versions__is_published=True)
    return (
        courses.distinct()
        .prefetch_related(Prefetch("versions", queryset=versions), "facilitators")
        .order_by("slug")
    )


def catalogue_topic_list() -> set[str]:
    """The topics that have a published course: the only ones worth offering as a filter."""
    return set(Course.objects.filter(versions__is_published=True).values_list("topic", flat=True))


def course_get(*, slug: str) -> Course:
    return (
        Course.objects.prefetch_related(
            Prefetch("versions", queryset=CourseVersion.objects.filter(is_published=True)),
            "facilitators",
        )
        .filter(versions__is_published=True)
        .distinct()
        .get(slug=slug)
    )


def version_for_reader(*, course: Course, language: str) -> CourseVersion | None:
    """The version whose title a reader of `language` sees: their language's when it exists,
    else Spanish, else any (the page then marks the title with that version's language)."""
    versions = {v.language: v for v in course.versions.all()}
    return versions.get(language) or versions.get("es") or next(iter(versions.values()), None)


def version_get(*, slug: str, language: str) -> CourseVersion:
    return CourseVersion.objects.select_related("course").get(
        course__slug=slug, language=language, is_published=True
    )


def version_modules(*, version: CourseVersion) -> list[Module]:
    return list(
        version.modules.prefetch_related(
            Prefetch(
                "lessons",
                queryset=Lesson.objects.only("id", "module_id", "position", "slug", "title"),
            )
        ).select_related("quiz")
    )


def version_final_assessment(*, version: CourseVersion) -> Quiz | None:
    return version.quizzes.filter(module__isnull=True).first()


def quiz_get(*, version: CourseVersion, module: int | None) -> Quiz:
    """A module's quiz by the module's position, or the final assessment when `module` is
    None (or 0: no module has that position)."""
    quizzes = version.quizzes.select_related("module")
    if module:
        return quizzes.get(module__position=module)
    return quizzes.get(module__isnull=True)


def version_is_partial(*, version: CourseVersion, module_count: int | None = None) -> bool:
    if module_count is None:
        module_count = version.modules.count()
    return module_count < version.course.module_count


def version_problems(*, version: CourseVersion) -> list[str]:
    """What keeps a language version from being published (empty when it may be)."""
    problems = []
    modules = version_modules(version=version)
    for expected, module in enumerate(modules, start=1):
        if module.position != expected:
            problems.append(_("Module %(number)s is missing.") % {"number": expected})
            break
    for module in modules:
        if not module.lessons.all():
            problems.append(_("Module %(number)s has no lesson.") % {"number": module.position})
        quiz = getattr(module, "quiz", None)
        if quiz is None or not quiz.questions.exists():
            problems.append(_("Module %(number)s has no quiz.") % {"number": module.position})
    if not modules:
        problems.append(_("The version has no module."))
    return problems


@dataclass
class ModuleProgress:
    module: Module
    lessons: list[tuple[Lesson, bool]]
    quiz_passed: bool
    percent: int


@dataclass
class Outline:
    modules: list[ModuleProgress] = field(default_factory=list)
    final: Quiz | None = None
    final_passed: bool = False
    is_partial: bool = False
    resume: Lesson | None = None


def version_outline(*, version: CourseVersion, enrolment: Enrolment | None) -> Outline:
    modules = version_modules(version=version)
    viewed: set[int] = set()
    passed_quizzes: set[int] = set()
    if enrolment:
        viewed = set(enrolment.lesson_views.values_list("lesson_id", flat=True))
        passed_quizzes = set(
            enrolment.attempts.filter(passed=True).values_list("quiz_id", flat=True)
        )
    outline = Outline(
        final=version_final_assessment(version=version),
        is_partial=version_is_partial(version=version, module_count=len(modules)),
    )
    first_unviewed = None
    for module in modules:
        lessons = [(lesson, lesson.pk in viewed) for lesson in module.lessons.all()]
        quiz = getattr(module, "quiz", None)
        quiz_passed = bool(quiz and quiz.pk in passed_quizzes)
        steps = len(lessons) + (1 if quiz else 0)
        done = sum(1 for _lesson, seen in lessons if seen) + (1 if quiz_passed else 0)
        outline.modules.append(
            ModuleProgress(module, lessons, quiz_passed, round(100 * done / steps) if steps else 0)
        )
        if first_unviewed is None:
            first_unviewed = next((lesson for lesson, seen in lessons if not seen), None)
    outline.final_passed = bool(outline.final and outline.final.pk in passed_quizzes)
    if enrolment:
        outline.resume = enrolment.last_lesson or first_unviewed
    return outline


def lesson_get(*, version: CourseVersion, module: int, slug: str) -> Lesson:
    return (
        Lesson.objects.select_related("module__version__course")
        .prefetch_related("resources")
        .get(module__version=version, module__position=module, slug=slug)
    )


def lesson_neighbours(*, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
    siblings = list(
        Lesson.objects.filter(module__version_id=lesson.module.version_id)
        .select_related("module")
        .order_by("module__position", "position")
        .only("id", "slug", "title", "module__position", "module__version_id")
    )
    index = next(i for i, item in enumerate(siblings) if item.pk == lesson.pk)
    previous = siblings[index - 1] if index > 0 else None
    following = siblings[index + 1] if index + 1 < len(siblings) else None
    return previous, following


def enrolment_for(*, user: Any, version: CourseVersion) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, version=version).first()


def enrolment_list_for(*, user: Any) -> list[Enrolment]:
    """The learner's own courses, most recent first, to resume from the catalogue."""
    if not user.is_authenticated:
        return []
    return list(
        Enrolment.objects.filter(user=user)
        .select_related("version__course", "last_lesson__module__version__course", "certificate")
        .order_by("-enrolled_at")
    )


def enrolment_is_complete(*, enrolment: Enrolment) -> bool:
    """The completion rule: every lesson viewed, every module quiz passed and the final
    assessment passed, in a full (not partial) language version.

    Certificates should rely on this (or on `enrolment.completed_at`, which the services set
    the moment it first becomes true)."""
    version = enrolment.version
    final = version_final_assessment(version=version)
    if final is None or version_is_partial(version=version):
        return False
    lesson_ids = set(Lesson.objects.filter(module__version=version).values_list("id", flat=True))
    viewed = set(enrolment.lesson_views.values_list("lesson_id", flat=True))
    quiz_ids = set(version.quizzes.values_list("id", flat=True))
    passed = set(enrolment.attempts.filter(passed=True).values_list("quiz_id", flat=True))
    return bool(lesson_ids) and lesson_ids <= viewed and quiz_ids <= passed


def attempt_get_for_user(*, attempt_id: int, user: Any) -> Attempt:
    return Attempt.objects.select_related(
        "quiz__module", "enrolment__version__course", "enrolment__user"
    ).get(pk=attempt_id, enrolment__user=user)


def attempt_questions(*, attempt: Attempt) -> list[dict[str, Any]]:
    """The attempt's drawn questions in their stored order, each with its choices (shuffled
    reproducibly from the attempt's seed) and the answer saved so far."""
    questions = {
        question.pk: question
        for question in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related(
            "choices"
        )
    }
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    shuffle = random.Random(attempt.seed)  # noqa: S311 - ordering, not security
    items = []
    for question_id in attempt.question_ids:
        question = questions.get(question_id)
        if question is None:
            continue
        choices = list(question.choices.all())
        answer = answers.get(question_id)
        response = answer.response if answer else None
        item: dict[str, Any] = {"question": question, "answer": answer}
        if question.kind == Question.Kind.MATCHING:
            targets = choices[:]
            shuffle.shuffle(targets)
            chosen = response or {}
            item["pairs"] = [
                {"choice": choice, "selected": chosen.get(str(choice.pk))} for choice in choices
            ]
            item["targets"] = targets
        else:
            if question.kind != Question.Kind.TRUE_FALSE:
                shuffle.shuffle(choices)
            selected = set(response or [])
            item["choices"] = [(choice, choice.pk in selected) for choice in choices]
        items.append(item)
    return items


def attempt_list_for(*, enrolment: Enrolment, quiz: Quiz) -> QuerySet[Attempt]:
    return Attempt.objects.filter(enrolment=enrolment, quiz=quiz).order_by("number")


# Facilitators' reports


def course_list_manageable(*, user: Any) -> QuerySet[Course]:
    return Course.objects.filter(course_manageable_filter(user=user)).distinct().order_by("slug")


def course_get_manageable(*, user: Any, slug: str) -> Course:
    return course_list_manageable(user=user).get(slug=slug)


def course_report(*, course: Course) -> list[dict[str, Any]]:
    """Per language version: enrolments, completions and the completion rate."""
    rows = []
    versions = course.versions.annotate(
        enrolled=Count("enrolments"),
        completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False)),
    )
    for version in versions:
        rate = round(100 * version.completed / version.enrolled) if version.enrolled else 0
        rows.append(
            {
                "version": version,
                "enrolled": version.enrolled,
                "completed": version.completed,
                "rate": rate,
            }
        )
    return rows


def course_enrolment_rows(*, course: Course) -> list[dict[str, Any]]:
    """One row per enrolment with its progress, for the report and the CSV export."""
    enrolments = (
        Enrolment.objects.filter(version__course=course)
        .select_related("user", "version")
        .annotate(viewed=Count("lesson_views", distinct=True))
        .order_by("version__language", "enrolled_at")
    )
    lesson_totals = dict(
        CourseVersion.objects.filter(course=course)
        .annotate(total=Count("modules__lessons"))
        .values_list("language", "total")
    )
    passed = {}
    for enrolment_id, count in (
        Attempt.objects.filter(enrolment__version__course=course, passed=True)
        .values("enrolment_id")
        .annotate(count=Count("quiz", distinct=True))
        .values_list("enrolment_id", "count")
    ):
        passed[enrolment_id] = count
    rows = []
    for enrolment in enrolments:
        total = lesson_totals.get(enrolment.version.language, 0)
        rows.append(
            {
                "enrolment": enrolment,
                "language": enrolment.version.language,
                "lessons_viewed": enrolment.viewed,
                "lessons_total": total,
                "quizzes_passed": passed.get(enrolment.pk, 0),
                "completed_at": enrolment.completed_at,
            }
        )
    return rows


def course_quizzes(*, course: Course) -> QuerySet[Quiz]:
    return (
        Quiz.objects.filter(version__course=course)
        .select_related("version", "module")
        .prefetch_related("questions")
        .order_by("version__language", "module__position")
    )


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    try:
        return statistics.correlation(xs, ys)
    except statistics.StatisticsError:
        return None


def quiz_item_analysis(*, quiz: Quiz) -> list[dict[str, Any]]:
    """Classical item analysis over submitted attempts.

    Facility index: share of attempts answering the item correctly (an unanswered drawn item
    counts as wrong). Discrimination: correlation between the item (1/0) and the score on the
    rest of the attempt (corrected point-biserial), empty when it cannot be computed.
    """
    attempts = list(
        Attempt.objects.filter(quiz=quiz, submitted_at__isnull=False).only("id", "question_ids")
    )
    correct: dict[int, set[int]] = {}
    for attempt_id, question_id in Answer.objects.filter(
        attempt__in=[a.pk for a in attempts], is_correct=True
    ).values_list("attempt_id", "question_id"):
        correct.setdefault(attempt_id, set()).add(question_id)
    rows = []
    for question in quiz.questions.all():
        items: list[float] = []
        rest: list[float] = []
        for attempt in attempts:
            if question.pk not in attempt.question_ids:
                continue
            right = correct.get(attempt.pk, set())
            item = 1.0 if question.pk in right else 0.0
            others = len(attempt.question_ids) - 1
            items.append(item)
            rest.append((len(right) - item) / others if others else 0.0)
        facility = sum(items) / len(items) if items else None
        rows.append(
            {
                "question": question,
                "attempts": len(items),
                "facility": facility,
                "discrimination": _correlation(items, rest) if len(items) > 1 else None,
            }
        )
    return rows


def course_statements(*, course: Course) -> QuerySet[Statement]:
    return Statement.objects.filter(course=course).select_related("user").order_by("timestamp")


# Trainings of information-point staff


@dataclass
class StaffTrainings:
    """One staff member, their roles at the points the reader may see, and the courses they
    completed (newest first), each with its certificate when one was issued."""

    user: Any
    roles: list[Any]
    completions: list[Enrolment]


def staff_training_list(*, actor: Any) -> list[StaffTrainings]:
    """The staff whose trainings the actor may read (themselves; everyone at the points they
    coordinate), in three queries whatever their number."""
    visible_points = staff_scope(actor).point_ids
    users = (
        get_user_model()
        .objects.filter(staff_training_readable_filter(user=actor), is_active=True)
        .distinct()
        .order_by("full_name", "pk")
        .prefetch_related(
            Prefetch(
                "staff_roles",
                queryset=StaffRole.objects.filter(info_point_id__in=visible_points)
                .select_related("info_point")
                .order_by("info_point__name", "role"),
                to_attr="visible_roles",
            ),
            Prefetch(
                "enrolments",
                queryset=Enrolment.objects.filter(completed_at__isnull=False)
                .select_related("version__course", "certificate")
                .order_by("-completed_at"),
                to_attr="completions",
            ),
        )
    )
    return [
        StaffTrainings(
            user=user,
            roles=user.visible_roles,
            completions=cast(list[Enrolment], user.completions),
        )
        for user in users
    ]
