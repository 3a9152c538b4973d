"""E-Campus: courses offered in several language versions, each a complete tree of modules,
lessons and quizzes in that one language, and the learners' progress through them.

A language version is its own tree (not translated fields) because a course taken in Arabic
must be entirely in Arabic: a version never falls back to another language's text.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import DemoMarked
from rumbo.core.validators import WebURLField


class Topic(models.TextChoices):
    MIGRATION_MANAGEMENT = "migration-management", _("Migration management")
    VULNERABLE_MIGRANTS = "vulnerable-migrants", _("Migrants in vulnerable situations")
    LGBTI_MIGRANTS = "lgbti-migrants", _("LGBTI migrants")
    COUNTER_TRAFFICKING = "counter-trafficking", _("Counter-trafficking")
    LABOUR_MIGRATION = "labour-migration", _("Labour migration")


class Facilitator(DemoMarked):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    bio = models.TextField(_("short biography"), blank=True)
    # Links an expert to a login, so they can read the reports of the courses they facilitate.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitator",
        verbose_name=_("user"),
    )

    class Meta:
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Course(DemoMarked):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    audience = models.CharField(_("audience"), max_length=250)
    hours_min = models.PositiveSmallIntegerField(_("estimated hours (from)"), default=1)
    hours_max = models.PositiveSmallIntegerField(_("estimated hours (to)"), default=1)
    module_count = models.PositiveSmallIntegerField(
        _("modules in the full course"),
        default=1,
        help_text=_("A language version with fewer modules is shown as partial."),
    )
    is_free = models.BooleanField(_("free"), default=True)
    facilitators = models.ManyToManyField(
        Facilitator, blank=True, related_name="courses", verbose_name=_("facilitators")
    )

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("learning:course", kwargs={"slug": self.slug})


class CourseVersion(DemoMarked):
    """The course in one language: its own title, modules, lessons and quizzes."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="versions", verbose_name=_("course")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    # Orderings name the foreign key column (course_id, not course): ordering by the relation
    # would join the related table for its own ordering, on every query, hot paths included.
    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["course_id", "language"]
        constraints = [
            models.UniqueConstraint(fields=["course", "language"], name="version_one_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse(
            "learning:version", kwargs={"slug": self.course.slug, "language": self.language}
        )


class Module(DemoMarked):
    version = models.ForeignKey(
        CourseVersion, on_delete=models.CASCADE, related_name="modules", verbose_name=_("version")
    )
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["version_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="module_unique_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Lesson(DemoMarked):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    position = models.PositiveSmallIntegerField(_("number"))
    slug = models.SlugField(_("identifier"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"))
    # Shown as a plain link: embedding a third-party player would load outside resources.
    video_url = WebURLField(_("video link"), blank=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["module_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["module", "position"], name="lesson_unique_position"),
            models.UniqueConstraint(fields=["module", "slug"], name="lesson_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        version = self.module.version
        return reverse(
            "learning:lesson",
            kwargs={
                "slug": version.course.slug,
                "language": version.language,
                "module": self.module.position,
                "lesson": self.slug,
            },
        )


class LessonResource(DemoMarked):
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="resources", verbose_name=_("lesson")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="learning/resources/")

    class Meta:
        verbose_name = _("downloadable resource")
        verbose_name_plural = _("downloadable resources")
        ordering = ["lesson_id", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return (self.file.name or "").rsplit("/", 1)[-1]


class Quiz(DemoMarked):
    """A module's quiz, or the version's final assessment when it has no module."""

    version = models.ForeignKey(
        CourseVersion, on_delete=models.CASCADE, related_name="quizzes", verbose_name=_("version")
    )
    module = models.OneToOneField(
        Module,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quiz",
        verbose_name=_("module"),
        help_text=_("Empty for the final assessment."),
    )
    title = models.CharField(_("title"), max_length=200)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)
    attempt_limit = models.PositiveSmallIntegerField(_("attempt limit"), default=3)
    wait_minutes = models.PositiveIntegerField(
        _("waiting time between attempts (minutes)"), default=0
    )
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn per attempt"), default=0, help_text=_("0 draws every question.")
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["version_id", "module__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version"],
                condition=models.Q(module__isnull=True),
                name="quiz_one_final_assessment",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Question(DemoMarked):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true-false", _("True or false")
        MATCHING = "matching", _("Matching")

    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="questions", verbose_name=_("quiz")
    )
    position = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("question"))
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["quiz_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "position"], name="question_unique_position")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(DemoMarked):
    """An option of a choice question, or a pair (text, match) of a matching question."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    position = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("text"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    match = models.CharField(_("matching text"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question_id", "position"]

    def __str__(self) -> str:
        return self.text


class LearnerProfile(models.Model):
    """What E-Campus keeps about a learner beyond the account itself."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learner_profile",
        verbose_name=_("user"),
    )
    email_verified_at = models.DateTimeField(_("email verified"), null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, blank=True
    )

    class Meta:
        verbose_name = _("learner profile")
        verbose_name_plural = _("learner profiles")

    def __str__(self) -> str:
        return str(self.user)


class Enrolment(DemoMarked):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("learner"),
    )
    version = models.ForeignKey(
        CourseVersion,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("version"),
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    last_lesson = models.ForeignKey(
        Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set once by the completion rule; certificates read it through enrolment_is_complete().
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="enrolment_one_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.version}"


class LessonView(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="lesson_views")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="lesson_view_once")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} · {self.lesson_id}"


class Attempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    # The draw is stored, so the attempt shows the same questions after a reload.
    seed = models.BigIntegerField()
    question_ids = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["enrolment_id", "quiz_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "quiz", "number"], name="attempt_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number}"


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # Choice ids for choice questions; {choice id: chosen choice id} for matching.
    response = models.JSONField()
    is_correct = models.BooleanField()
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="answer_one_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.question_id}"


class Statement(models.Model):
    """An xAPI statement, kept so a course's learning records can be sent to an outside LRS.

    The activity is stored as a path; the export makes it absolute under the instance URL.
    """

    class Verb(models.TextChoices):
        LAUNCHED = "launched", "launched"
        PROGRESSED = "progressed", "progressed"
        ANSWERED = "answered", "answered"
        PASSED = "passed", "passed"
        FAILED = "failed", "failed"
        COMPLETED = "completed", "completed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="statements")
    verb = models.CharField(max_length=12, choices=Verb.choices)
    activity_path = models.CharField(max_length=300)
    activity_type = models.CharField(max_length=20)
    activity_name = models.CharField(max_length=300)
    language = models.CharField(max_length=5)
    result = models.JSONField(null=True, blank=True)
    timestamp = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["timestamp"]
        indexes = [models.Index(fields=["course", "timestamp"])]

    def __str__(self) -> str:
        return f"{self.verb} {self.activity_path}"
