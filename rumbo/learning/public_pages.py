from django.urls import reverse

from rumbo.learning.models import CourseVersion, Lesson

PAGES = {
    "catalogue": lambda: reverse("learning:catalogue"),
    "course": lambda: (
        CourseVersion.objects.filter(is_published=True)
        .order_by("course__slug")[0]
        .course.get_absolute_url()
    ),
    "version": lambda: (
        CourseVersion.objects.filter(is_published=True)
        .order_by("course__slug", "language")[0]
        .get_absolute_url()
    ),
    "lesson": lambda: (
        Lesson.objects.filter(module__version__is_published=True)
        .order_by(
            "module__version__course__slug",
            "module__version__language",
            "module__position",
            "position",
        )[0]
        .get_absolute_url()
    ),
    "register": lambda: reverse("learning:register"),
    "login": lambda: reverse("learning:login"),
    "register_username": lambda: reverse("learning:register_username"),
    "recover": lambda: reverse("learning:recover"),
}

EXCLUDED = {
    "verify": "a one-time link from an email; redirects",
    "verify_again": "POST only (sends the verification link again)",
    "logout": "POST only",
    "recovery_codes": "needs a logged-in learner (new recovery codes)",
    "enrol": "POST only",
    "quiz": "needs a logged-in learner",
    "final": "needs a logged-in learner",
    "attempt": "a learner's own quiz attempt; budget tested in learning/tests",
    "answer": "POST only (saves one answer)",
    "submit": "POST only",
    "result": "a learner's own result",
    "manage": "facilitators and staff only",
    "staff_trainings": "information-point staff only (their own and their point's trainings)",
    "manage_course": "facilitators and staff only",
    "manage_csv": "CSV download for facilitators",
    "manage_statements": "JSON download for facilitators",
    "manage_package": "zip download for facilitators",
}
