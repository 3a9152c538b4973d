"""Portable course packages: a zip of YAML and Markdown, one folder per language.

    course.yaml                          slug, topic, audience, hours, facilitators, languages
    <lang>/version.yaml                  title, summary, published
    <lang>/modules/<n>/module.yaml       title, summary
    <lang>/modules/<n>/<p>-<slug>.md     a lesson: YAML front matter (title, video_url,
                                         resources) then the Markdown text
    <lang>/modules/<n>/files/<name>      the lesson resources' files
    <lang>/modules/<n>/quiz.yaml         the module quiz
    <lang>/final.yaml                    the final assessment

Export is deterministic (sorted entries, fixed timestamps), so exporting an imported package
gives the same bytes. Import validates the whole package first and names the file and line of
every problem; it writes nothing unless everything is valid.
"""

import io
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from rumbo.core.uploads import (
    Importer,
    UploadError,
    UploadLimits,
    importer_register,
    text_decode,
    yaml_load,
    zip_read,
)
from rumbo.core.validators import is_web_url
from rumbo.learning.models import (
    Choice,
    Course,
    CourseVersion,
    Facilitator,
    Lesson,
    LessonResource,
    Module,
    Question,
    Quiz,
    Topic,
)
from rumbo.learning.services import LearningError, course_delete_content

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
LESSON_NAME = re.compile(r"^(\d{1,4})-([a-z0-9][a-z0-9-]{0,79})\.md$")
MODULE_PATH = re.compile(r"^([a-z]{2})/modules/(\d{1,3})/(.+)$")
RESOURCE_PATH = re.compile(r"^files/[A-Za-z0-9_-][A-Za-z0-9._-]*$")
# A package is read within the limits every upload shares (rumbo.core.uploads): 50 MB, 200 MB
# unpacked, 10,000 files, YAML nesting 64 levels deep at most and no anchors or aliases.
PACKAGE_LIMITS = UploadLimits()

# The course package's errors are the uploads' one error class: a package refused for its size
# or its nesting reads like one refused for a missing field, naming the file and line.
PackageError = UploadError


def _dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000).encode()


# Export


def _quiz_data(quiz: Quiz) -> dict[str, Any]:
    questions = []
    for question in quiz.questions.all():
        choices: list[dict[str, Any]] = []
        for choice in question.choices.all():
            if question.kind == Question.Kind.MATCHING:
                choices.append({"text": choice.text, "match": choice.match})
            else:
                choices.append({"text": choice.text, "correct": choice.is_correct})
        questions.append(
            {
                "kind": question.kind,
                "text": question.text,
                "explanation": question.explanation,
                "choices": choices,
            }
        )
    return {
        "title": quiz.title,
        "pass_mark": quiz.pass_mark,
        "attempt_limit": quiz.attempt_limit,
        "wait_minutes": quiz.wait_minutes,
        "draw_count": quiz.draw_count,
        "questions": questions,
    }


def package_files(*, course: Course) -> dict[str, bytes]:
    versions = list(course.versions.order_by("language"))
    files: dict[str, bytes] = {}
    files["course.yaml"] = _dump(
        {
            "slug": course.slug,
            "topic": course.topic,
            "audience": {code: getattr(course, f"audience_{code}") or "" for code in LANGUAGES},
            "hours_min": course.hours_min,
            "hours_max": course.hours_max,
            "module_count": course.module_count,
            "free": course.is_free,
            "facilitators": [
                {
                    "slug": facilitator.slug,
                    "name": facilitator.name,
                    "bio": {code: getattr(facilitator, f"bio_{code}") or "" for code in LANGUAGES},
                }
                for facilitator in course.facilitators.order_by("slug")
            ],
            "languages": [version.language for version in versions],
        }
    )
    for version in versions:
        root = version.language
        files[f"{root}/version.yaml"] = _dump(
            {"title": version.title, "summary": version.summary, "published": version.is_published}
        )
        modules = version.modules.prefetch_related("lessons__resources").select_related("quiz")
        for module in modules:
            folder = f"{root}/modules/{module.position}"
            files[f"{folder}/module.yaml"] = _dump(
                {"title": module.title, "summary": module.summary}
            )
            for lesson in module.lessons.all():
                front: dict[str, Any] = {"title": lesson.title}
                if lesson.video_url:
                    front["video_url"] = lesson.video_url
                resources = list(lesson.resources.all())
                if resources:
                    front["resources"] = [
                        {"title": resource.title, "file": f"files/{resource.filename}"}
                        for resource in resources
                    ]
                    for resource in resources:
                        with resource.file.open("rb") as handle:
                            files[f"{folder}/files/{resource.filename}"] = handle.read()
                body = lesson.body if lesson.body.endswith("\n") else lesson.body + "\n"
                files[f"{folder}/{lesson.position}-{lesson.slug}.md"] = (
                    b"---\n" + _dump(front) + b"---\n" + body.encode()
                )
            quiz = getattr(module, "quiz", None)
            if quiz is not None:
                files[f"{folder}/quiz.yaml"] = _dump(_quiz_data(quiz))
        final = version.quizzes.filter(module__isnull=True).first()
        if final is not None:
            files[f"{root}/final.yaml"] = _dump(_quiz_data(final))
    return files


def package_export(*, course: Course) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in sorted(package_files(course=course).items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


# Import: parsing and validation


class _Mapping(dict):
    line = 0


class _LineLoader(yaml.SafeLoader):
    """Remembers the line of each mapping, so validation errors can name it."""

    def construct_line_mapping(self, node):
        data = _Mapping()
        data.line = node.start_mark.line + 1
        yield data
        data.update(self.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_mapping)


def _line(data: Any) -> int:
    return getattr(data, "line", 1)


def _fail(name: str, line: int, message: str) -> PackageError:
    return PackageError(message, file=name, line=line)


def _yaml(name: str, text: str, first_line: int = 1) -> _Mapping:
    data = yaml_load(
        text=text, name=name, loader=_LineLoader, first_line=first_line, limits=PACKAGE_LIMITS
    )
    if not isinstance(data, dict):
        raise _fail(name, first_line, _("expected a mapping of fields"))
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data  # type: ignore[return-value]


def _shift_lines(data: Any, offset: int) -> None:
    if isinstance(data, _Mapping):
        data.line += offset
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift_lines(value, offset)


def _field(
    name: str,
    data: Any,
    key: str,
    kind: type | tuple,
    *,
    required: bool = True,
    default: Any = None,
    max_length: int = 0,
):
    line = _line(data)
    if key not in data:
        if required:
            raise _fail(name, line, _("the field “%(field)s” is missing") % {"field": key})
        return default
    value = data[key]
    if value is None and not required:
        return default
    if isinstance(value, bool) and kind in (int, (int,)):
        value = None
    if not isinstance(value, kind):
        raise _fail(name, line, _("the field “%(field)s” has the wrong type") % {"field": key})
    if max_length and isinstance(value, str) and len(value) > max_length:
        raise _fail(
            name,
            line,
            _("the field “%(field)s” is longer than %(max)s characters")
            % {"field": key, "max": max_length},
        )
    return value


def _number(
    name: str, data: Any, key: str, default: int, *, low: int = 0, high: int = 32767
) -> int:
    value = _field(name, data, key, int, required=False, default=default)
    if not low <= value <= high:
        raise _fail(name, _line(data), _("the field “%(field)s” is out of range") % {"field": key})
    return value


@dataclass
class _QuizSpec:
    title: str
    numbers: dict[str, int]
    questions: list[dict[str, Any]]


@dataclass
class _LessonSpec:
    position: int
    slug: str
    title: str
    body: str
    video_url: str
    resources: list[tuple[str, str, bytes]]


@dataclass
class _ModuleSpec:
    position: int
    title: str
    summary: str
    lessons: list[_LessonSpec] = field(default_factory=list)
    quiz: _QuizSpec | None = None


@dataclass
class _VersionSpec:
    language: str
    title: str
    summary: str
    published: bool
    modules: list[_ModuleSpec] = field(default_factory=list)
    final: _QuizSpec | None = None


def _quiz(name: str, text: str) -> _QuizSpec:
    data: Any = _yaml(name, text)
    questions = []
    raw_questions = _field(name, data, "questions", list)
    if not raw_questions:
        raise _fail(name, _line(data), _("a quiz needs at least one question"))
    kinds = set(Question.Kind.values)
    for raw in raw_questions:
        if not isinstance(raw, dict):
            raise _fail(name, _line(data), _("each question must be a mapping"))
        kind = _field(name, raw, "kind", str)
        if kind not in kinds:
            raise _fail(name, _line(raw), _("unknown question kind “%(kind)s”") % {"kind": kind})
        choices: list[dict[str, Any]] = []
        for choice in _field(name, raw, "choices", list):
            if not isinstance(choice, dict):
                raise _fail(name, _line(raw), _("each choice must be a mapping"))
            text_value = _field(name, choice, "text", str, max_length=300)
            if kind == Question.Kind.MATCHING:
                choices.append(
                    {
                        "text": text_value,
                        "match": _field(name, choice, "match", str, max_length=300),
                    }
                )
            else:
                correct = _field(name, choice, "correct", bool, required=False, default=False)
                choices.append({"text": text_value, "correct": correct})
        correct_count = sum(1 for choice in choices if choice.get("correct"))
        if len(choices) < 2:
            raise _fail(name, _line(raw), _("a question needs at least two choices"))
        if kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE) and correct_count != 1:
            raise _fail(name, _line(raw), _("this question needs exactly one correct choice"))
        if kind == Question.Kind.MULTIPLE and correct_count < 1:
            raise _fail(name, _line(raw), _("this question needs at least one correct choice"))
        questions.append(
            {
                "kind": kind,
                "text": _field(name, raw, "text", str),
                "explanation": _field(name, raw, "explanation", str, required=False, default=""),
                "choices": choices,
            }
        )
    numbers = {
        "pass_mark": _number(name, data, "pass_mark", 70, high=100),
        "attempt_limit": _number(name, data, "attempt_limit", 3, low=1),
        "wait_minutes": _number(name, data, "wait_minutes", 0),
        "draw_count": _number(name, data, "draw_count", 0, high=len(questions)),
    }
    return _QuizSpec(_field(name, data, "title", str, max_length=200), numbers, questions)


def _lesson(name: str, text: str, files: dict[str, bytes], folder: str) -> _LessonSpec:
    match = LESSON_NAME.match(name.rsplit("/", 1)[-1])
    if not match:
        raise _fail(name, 1, _("a lesson file is named <number>-<identifier>.md"))
    if not text.startswith("---\n"):
        raise _fail(name, 1, _("a lesson starts with a front matter block between “---” lines"))
    end = text.find("\n---\n", 3)
    if end < 0:
        raise _fail(name, 1, _("the front matter block is not closed with “---”"))
    front: Any = _yaml(name, text[4 : end + 1], first_line=2)
    resources = []
    for resource in _field(name, front, "resources", list, required=False, default=[]):
        if not isinstance(resource, dict):
            raise _fail(name, _line(front), _("each resource must be a mapping"))
        path = _field(name, resource, "file", str)
        content = files.get(f"{folder}/{path}")
        if content is None or not RESOURCE_PATH.match(path):
            raise _fail(
                name,
                _line(resource),
                _("the file “%(path)s” is not in the package") % {"path": path},
            )
        resources.append(
            (_field(name, resource, "title", str), path.removeprefix("files/"), content)
        )
    video_url = _field(name, front, "video_url", str, required=False, default="", max_length=200)
    if video_url and not is_web_url(video_url):
        raise _fail(
            name,
            _line(front),
            _("the field “%(field)s” must be a web address starting with http:// or https://")
            % {"field": "video_url"},
        )
    return _LessonSpec(
        position=int(match.group(1)),
        slug=match.group(2),
        title=_field(name, front, "title", str, max_length=200),
        body=text[end + 5 :],
        video_url=video_url,
        resources=resources,
    )


def _read(files: dict[str, bytes], name: str) -> str:
    return text_decode(data=files[name], name=name, limits=PACKAGE_LIMITS)


def package_parse(*, data: bytes) -> tuple[dict[str, Any], list[_VersionSpec]]:
    files = zip_read(data=data, name=_("course package"), limits=PACKAGE_LIMITS)
    if "course.yaml" not in files:
        raise PackageError(_("course.yaml is missing from the package."))
    name = "course.yaml"
    course: Any = _yaml(name, _read(files, name))
    slug = _field(name, course, "slug", str)
    if not re.fullmatch(r"[a-z0-9-]{1,80}", slug):
        raise _fail(name, _line(course), _("the slug may hold only a-z, 0-9 and hyphens"))
    if _field(name, course, "topic", str) not in Topic.values:
        raise _fail(
            name, _line(course), _("unknown topic “%(topic)s”") % {"topic": course["topic"]}
        )
    _field(name, course, "audience", dict)
    for key in ("hours_min", "hours_max", "module_count"):
        _number(name, course, key, 1, low=1)
    for facilitator in _field(name, course, "facilitators", list, required=False, default=[]):
        if not isinstance(facilitator, dict):
            raise _fail(name, _line(course), _("each facilitator must be a mapping"))
        _field(name, facilitator, "slug", str, max_length=60)
        _field(name, facilitator, "name", str, max_length=150)
        _field(name, facilitator, "bio", dict, required=False, default={})
    languages = _field(name, course, "languages", list)
    versions = []
    for language in languages:
        if language not in LANGUAGES:
            raise _fail(
                name, _line(course), _("unknown language “%(language)s”") % {"language": language}
            )
        versions.append(_version(files, language))
    for path in files:
        if path != "course.yaml" and path.split("/", 1)[0] not in languages:
            raise PackageError(
                _("%(file)s: this language is not listed in course.yaml") % {"file": path}
            )
    return course, versions


def _version(files: dict[str, bytes], language: str) -> _VersionSpec:
    name = f"{language}/version.yaml"
    if name not in files:
        raise PackageError(_("%(file)s is missing from the package.") % {"file": name})
    data = _yaml(name, _read(files, name))
    spec = _VersionSpec(
        language=language,
        title=_field(name, data, "title", str, max_length=200),
        summary=_field(name, data, "summary", str, required=False, default=""),
        published=_field(name, data, "published", bool, required=False, default=False),
    )
    modules: dict[int, _ModuleSpec] = {}
    for path in sorted(files):
        match = MODULE_PATH.match(path)
        if not match or match.group(1) != language or match.group(3) != "module.yaml":
            continue
        position = int(match.group(2))
        module_data = _yaml(path, _read(files, path))
        modules[position] = _ModuleSpec(
            position=position,
            title=_field(path, module_data, "title", str, max_length=200),
            summary=_field(path, module_data, "summary", str, required=False, default=""),
        )
    for path in sorted(files):
        match = MODULE_PATH.match(path)
        if not match or match.group(1) != language:
            continue
        position, rest = int(match.group(2)), match.group(3)
        module = modules.get(position)
        if module is None:
            raise PackageError(_("%(file)s: the module has no module.yaml") % {"file": path})
        folder = f"{language}/modules/{position}"
        if rest == "quiz.yaml":
            module.quiz = _quiz(path, _read(files, path))
        elif rest.endswith(".md") and "/" not in rest:
            module.lessons.append(_lesson(path, _read(files, path), files, folder))
        elif rest != "module.yaml" and not rest.startswith("files/"):
            raise PackageError(_("%(file)s: unexpected file") % {"file": path})
    for module in modules.values():
        positions = [lesson.position for lesson in module.lessons]
        if len(set(positions)) != len(positions):
            raise PackageError(
                _("%(folder)s: two lessons have the same number")
                % {"folder": f"{language}/modules/{module.position}"}
            )
    spec.modules = [modules[key] for key in sorted(modules)]
    final_name = f"{language}/final.yaml"
    if final_name in files:
        spec.final = _quiz(final_name, _read(files, final_name))
    return spec


# Import: writing


def _create_quiz(version: CourseVersion, module: Module | None, spec: _QuizSpec) -> None:
    is_demo = version.is_demo
    quiz = Quiz.objects.create(
        version=version, module=module, title=spec.title, is_demo=is_demo, **spec.numbers
    )
    for q_position, raw in enumerate(spec.questions, start=1):
        question = Question.objects.create(
            quiz=quiz,
            position=q_position,
            kind=raw["kind"],
            text=raw["text"],
            explanation=raw["explanation"],
            is_demo=is_demo,
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                position=c_position,
                text=choice["text"],
                is_correct=choice.get("correct", False),
                match=choice.get("match", ""),
                is_demo=is_demo,
            )
            for c_position, choice in enumerate(raw["choices"], start=1)
        )


def package_import(*, data: bytes, replace: bool = False, is_demo: bool = False) -> Course:
    """Imports a course package, all or nothing."""
    course_data, versions = package_parse(data=data)
    try:
        return _write(course_data, versions, replace=replace, is_demo=is_demo)
    except (DatabaseError, ValueError, TypeError) as error:
        # A value the parser let through but the database refuses (a title longer than its
        # column, say): the transaction is rolled back and the error reported, never a 500.
        raise PackageError(
            _("The package could not be saved: %(error)s") % {"error": error}
        ) from error


def _write(
    course_data: dict[str, Any], versions: list[_VersionSpec], *, replace: bool, is_demo: bool
) -> Course:
    slug = course_data["slug"]
    with transaction.atomic():
        existing = Course.objects.filter(slug=slug).first()
        if existing:
            if not replace:
                raise PackageError(_("A course “%(slug)s” already exists.") % {"slug": slug})
            try:
                course_delete_content(course=existing)
            except LearningError as error:
                raise PackageError(error.message) from error
        audience = course_data["audience"]
        course = Course.objects.create(
            slug=slug,
            topic=course_data["topic"],
            hours_min=course_data.get("hours_min", 1),
            hours_max=course_data.get("hours_max", 1),
            module_count=course_data.get("module_count", 1),
            is_free=bool(course_data.get("free", True)),
            is_demo=is_demo,
            **{f"audience_{code}": audience.get(code) or "" for code in LANGUAGES},
        )
        for raw in course_data.get("facilitators") or []:
            bio = raw.get("bio") or {}
            facilitator, _created = Facilitator.objects.update_or_create(
                slug=raw["slug"],
                defaults={"name": raw["name"], "is_demo": is_demo}
                | {f"bio_{code}": bio.get(code) or "" for code in LANGUAGES},
            )
            course.facilitators.add(facilitator)
        for spec in versions:
            version = CourseVersion.objects.create(
                course=course,
                language=spec.language,
                title=spec.title,
                summary=spec.summary,
                is_published=spec.published,
                is_demo=is_demo,
            )
            for module_spec in spec.modules:
                module = Module.objects.create(
                    version=version,
                    position=module_spec.position,
                    title=module_spec.title,
                    summary=module_spec.summary,
                    is_demo=is_demo,
                )
                for lesson_spec in module_spec.lessons:
                    lesson = Lesson.objects.create(
                        module=module,
                        position=lesson_spec.position,
                        slug=lesson_spec.slug,
                        title=lesson_spec.title,
                        body=lesson_spec.body,
                        video_url=lesson_spec.video_url,
                        is_demo=is_demo,
                    )
                    for title, filename, content in lesson_spec.resources:
                        resource = LessonResource(lesson=lesson, title=title, is_demo=is_demo)
                        # A fresh folder per file keeps its name, so a re-export is identical.
                        resource.file.save(
                            f"{uuid.uuid4().hex}/{filename}", ContentFile(content), save=False
                        )
                        resource.save()
                if module_spec.quiz:
                    _create_quiz(version, module, module_spec.quiz)
            if spec.final:
                _create_quiz(version, None, spec.final)
    return course


importer_register(
    Importer(
        name="course package",
        run=lambda data: package_import(data=data),
        parsed_member="course.yaml",
        upload_view="learning:manage",
        upload_field="package",
        limits=PACKAGE_LIMITS,
    )
)
