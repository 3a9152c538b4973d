"""Demo courses, built as course packages and imported, so the demo also exercises the
package format. Idempotent: a course that already exists is left as it is (it may hold the
demo learner's progress).

Language versions: "Countering Human Trafficking in Humanitarian Settings" is complete (11
modules, their quizzes and the final assessment) in Spanish, English, French and Arabic, so a
learner can finish it, and earn its certificate, in any of the four. The short courses are in
Spanish and English.
"""

import io
import zipfile
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from rumbo.accounts.services import recovery_codes_issue
from rumbo.learning import demo_content as content
from rumbo.learning import demo_content_ar, demo_content_fr
from rumbo.learning.models import Course, CourseVersion, Enrolment, Facilitator, LearnerProfile
from rumbo.learning.package import ZIP_DATE, _dump, package_import
from rumbo.learning.services import lesson_mark_viewed

LEARNER_EMAIL = "learner@rumbo.example"
LEARNER_PASSWORD = "rumbo-demo-learner"  # noqa: S105 - printed on purpose; demo only
# A learner without email: username and password, and recovery codes instead of an email.
USERNAME_LEARNER = "amal_demo"
USERNAME_LEARNER_PASSWORD = "rumbo-demo-username"  # noqa: S105 - printed on purpose; demo only
FACILITATOR_EMAIL = "facilitator@rumbo.example"
FACILITATOR_PASSWORD = "rumbo-demo-facilitator"  # noqa: S105 - printed on purpose; demo only

FACILITATORS = [
    {
        "slug": "marta-quiroga",
        "name": "Marta Quiroga",
        "bio": {
            "es": "Especialista en protección con diez años de trabajo en respuesta a emergencias en Centroamérica.",
            "en": "Protection specialist with ten years of emergency response work in Central America.",
            "fr": "Spécialiste de la protection, dix ans d'intervention d'urgence en Amérique centrale.",
            "ar": "أخصائية في الحماية لديها عشر سنوات من العمل في الاستجابة للطوارئ في أمريكا الوسطى.",
        },
    },
    {
        "slug": "samir-haddad",
        "name": "Samir Haddad",
        "bio": {
            "es": "Formador en lucha contra la trata y asistencia a sobrevivientes.",
            "en": "Trainer in counter-trafficking and survivor assistance.",
            "fr": "Formateur en lutte contre la traite et en assistance aux survivants.",
            "ar": "مدرب في مكافحة الاتجار بالبشر ومساعدة الناجين.",
        },
    },
]


def _quiz(title: str, questions: list, *, draw: int = 0, wait: int = 0) -> bytes:
    items = []
    for kind, text, explanation, choices in questions:
        if kind == content.MA:
            rendered = [{"text": left, "match": right} for left, right in choices]
        else:
            rendered = [{"text": label, "correct": correct} for label, correct in choices]
        items.append({"kind": kind, "text": text, "explanation": explanation, "choices": rendered})
    return _dump(
        {
            "title": title,
            "pass_mark": 70,
            "attempt_limit": 3,
            "wait_minutes": wait,
            "draw_count": draw,
            "questions": items,
        }
    )


def _module_files(files: dict[str, bytes], language: str, position: int, module: tuple) -> None:
    title, slug, lesson_title, body, questions = module
    folder = f"{language}/modules/{position}"
    files[f"{folder}/module.yaml"] = _dump({"title": title, "summary": ""})
    files[f"{folder}/1-{slug}.md"] = (
        b"---\n" + _dump({"title": lesson_title}) + b"---\n" + body.encode() + b"\n"
    )
    files[f"{folder}/quiz.yaml"] = _quiz(content.QUIZ_TITLE[language], questions)


# Modules 2 to 11 and the final assessment of the languages written in their own files.
_WRITTEN_APART = {"fr": demo_content_fr, "ar": demo_content_ar}


def later_modules(language: str) -> list[tuple]:
    """Modules 2 to 11 of the counter-trafficking course in a language."""
    if language in _WRITTEN_APART:
        return list(_WRITTEN_APART[language].LATER_MODULES)
    return [module[language] for module in content.LATER_MODULES]


def final_assessment(language: str) -> tuple:
    if language in _WRITTEN_APART:
        return _WRITTEN_APART[language].FINAL
    return content.FINAL[language]


def _course_yaml(
    slug: str,
    topic: str,
    audience: dict,
    hours: tuple,
    modules: int,
    languages: list,
    facilitators: list,
) -> bytes:
    return _dump(
        {
            "slug": slug,
            "topic": topic,
            "audience": audience,
            "hours_min": hours[0],
            "hours_max": hours[1],
            "module_count": modules,
            "free": True,
            "facilitators": facilitators,
            "languages": languages,
        }
    )


def trafficking_package_files() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    languages = ["ar", "en", "es", "fr"]
    files["course.yaml"] = _course_yaml(
        "countering-human-trafficking",
        "counter-trafficking",
        {
            "es": "Personal humanitario, instituciones de gobierno, agencias de la ONU y ONG",
            "en": "Humanitarian personnel, government entities, UN agencies and NGOs",
            "fr": "Personnel humanitaire, institutions publiques, agences des Nations unies et ONG",
            "ar": "العاملون في المجال الإنساني والجهات الحكومية ووكالات الأمم المتحدة والمنظمات غير الحكومية",
        },
        # The demo's lessons are short (about 500 words and 42 questions per language):
        # an hour, not the 3 to 5 hours of the real course (tests/test_demo.py checks it).
        (1, 1),
        11,
        languages,
        FACILITATORS,
    )
    for language in languages:
        files[f"{language}/version.yaml"] = _dump(
            {
                "title": content.TRAFFICKING_TITLE[language],
                "summary": content.TRAFFICKING_SUMMARY[language],
                "published": True,
            }
        )
        _module_files(files, language, 1, content.trafficking_first_module(language))
        for position, module in enumerate(later_modules(language), start=2):
            _module_files(files, language, position, module)
        title, questions = final_assessment(language)
        # A bank of eight questions; each attempt draws five.
        files[f"{language}/final.yaml"] = _quiz(title, questions, draw=5, wait=10)
    return files


def short_package_files(spec: dict[str, Any]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    languages = ["en", "es"]
    files["course.yaml"] = _course_yaml(
        spec["slug"], spec["topic"], spec["audience"], (1, 2), len(spec["modules"]), languages, []
    )
    for language in languages:
        files[f"{language}/version.yaml"] = _dump(
            {
                "title": spec["title"][language],
                "summary": spec["summary"][language],
                "published": True,
            }
        )
        bank = []
        for position, module in enumerate(spec["modules"], start=1):
            _module_files(files, language, position, module[language])
            bank.extend(module[language][4])
        files[f"{language}/final.yaml"] = _quiz(content.FINAL[language][0], bank, draw=3)
    return files


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), data)
    return buffer.getvalue()


def load() -> list[str]:
    packages = [trafficking_package_files()] + [
        short_package_files(spec) for spec in content.SHORT_COURSES
    ]
    for files in packages:
        slug = _slug_of(files)
        if not Course.objects.filter(slug=slug).exists():
            package_import(data=zipped(files), is_demo=True)
    User = get_user_model()
    learner = User.objects.filter(email=LEARNER_EMAIL).first()
    if learner is None:
        learner = User.objects.create_user(
            email=LEARNER_EMAIL, password=LEARNER_PASSWORD, full_name="Lucía Ramírez Pérez"
        )
    LearnerProfile.objects.update_or_create(
        user=learner, defaults={"email_verified_at": timezone.now(), "preferred_language": "es"}
    )
    version = CourseVersion.objects.get(course__slug="countering-human-trafficking", language="es")
    enrolment, created = Enrolment.objects.get_or_create(
        user=learner, version=version, defaults={"is_demo": True}
    )
    if created:
        first = version.modules.get(position=1).lessons.order_by("position").first()
        if first:
            lesson_mark_viewed(enrolment=enrolment, lesson=first)
    facilitator_user = User.objects.filter(email=FACILITATOR_EMAIL).first()
    if facilitator_user is None:
        facilitator_user = User.objects.create_user(
            email=FACILITATOR_EMAIL, password=FACILITATOR_PASSWORD, full_name="Marta Quiroga"
        )
    Facilitator.objects.filter(slug="marta-quiroga").update(user=facilitator_user)
    without_email = User.objects.filter(username=USERNAME_LEARNER).first()
    if without_email is None:
        without_email = User.objects.create_user(
            username=USERNAME_LEARNER,
            password=USERNAME_LEARNER_PASSWORD,
            full_name="أمل حداد",
        )
        LearnerProfile.objects.create(user=without_email, preferred_language="ar")
    # Codes are kept only as hashes, so each load issues a new set to print one of them.
    recovery_code = recovery_codes_issue(user=without_email)[0]
    return [
        f"E-Campus learner: http://127.0.0.1:8000/campus/login/  email {LEARNER_EMAIL}  password {LEARNER_PASSWORD}",
        f"E-Campus facilitator reports: http://127.0.0.1:8000/campus/manage/  email {FACILITATOR_EMAIL}  password {FACILITATOR_PASSWORD}",
        f"E-Campus learner without email: http://127.0.0.1:8000/campus/login/  username {USERNAME_LEARNER}  password {USERNAME_LEARNER_PASSWORD}  (a recovery code: {recovery_code}, at /campus/recover/)",
    ]


def _slug_of(files: dict[str, bytes]) -> str:
    import yaml

    return yaml.safe_load(files["course.yaml"])["slug"]
