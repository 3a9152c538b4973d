import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from rumbo.learning.demo import trafficking_package_files, zipped
from rumbo.learning.models import Course, Facilitator, Lesson, LessonResource, Question
from rumbo.learning.package import PackageError, package_export, package_import

pytestmark = pytest.mark.django_db


def broken(name: str, content: bytes | None) -> bytes:
    files = trafficking_package_files()
    if content is None:
        files.pop(name)
    else:
        files[name] = content
    return zipped(files)


def test_round_trip_changes_nothing(course):
    lesson = Lesson.objects.get(module__version__language="es", module__position=1)
    resource = LessonResource(lesson=lesson, title="Hoja de indicadores")
    resource.file.save("guia/indicadores.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    first = package_export(course=course)
    Course.objects.all().delete()
    Facilitator.objects.all().delete()
    package_import(data=first)
    second = package_export(course=Course.objects.get())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(second)) as archive:
        assert archive.read("es/modules/1/files/indicadores.pdf") == b"%PDF-1.4 demo"
        assert "ar/modules/1/quiz.yaml" in archive.namelist()


def test_yaml_syntax_error_names_file_and_line(db):
    quiz = b"title: Quiz\nquestions:\n  - kind: single\n    text: [unclosed\n"
    with pytest.raises(PackageError, match=r"^es/modules/2/quiz.yaml, line \d+:"):
        package_import(data=broken("es/modules/2/quiz.yaml", quiz))


def test_missing_field_names_file_and_line(db):
    quiz = (
        b"title: Quiz\nquestions:\n"
        b"- kind: single\n  text: A\n  choices:\n  - {text: x, correct: true}\n  - {text: y}\n"
        b"- kind: single\n  choices:\n  - {text: x, correct: true}\n  - {text: y}\n"
    )
    with pytest.raises(PackageError) as error:
        package_import(data=broken("en/modules/3/quiz.yaml", quiz))
    assert str(error.value) == "en/modules/3/quiz.yaml, line 8: the field “text” is missing"


def test_error_in_lesson_front_matter_gives_the_line_in_the_file(db):
    lesson = b"---\ntitle: Ok\nvideo_url: [1\n---\nText\n"
    with pytest.raises(PackageError, match=r"es/modules/1/1-que-es-la-trata.md, line [34]:"):
        package_import(data=broken("es/modules/1/1-que-es-la-trata.md", lesson))


def test_single_choice_with_two_correct_answers_is_refused(db):
    quiz = b"title: Q\nquestions:\n- kind: single\n  text: A\n  choices:\n  - {text: x, correct: true}\n  - {text: y, correct: true}\n"
    with pytest.raises(PackageError, match="line 3: this question needs exactly one correct"):
        package_import(data=broken("fr/modules/1/quiz.yaml", quiz))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not a zip archive"),
        (zipped({"x.txt": b"hi"}), "course.yaml is missing"),
    ],
)
def test_broken_archive_gets_a_clear_message(db, data, message):
    with pytest.raises(PackageError, match=message):
        package_import(data=data)


def test_missing_version_file_is_named(db):
    with pytest.raises(PackageError, match="fr/version.yaml is missing"):
        package_import(data=broken("fr/version.yaml", None))


def test_nothing_is_written_when_a_late_file_is_wrong(db):
    with pytest.raises(PackageError):
        package_import(data=broken("es/final.yaml", b"title: F\nquestions: []\n"))
    assert not Course.objects.exists()
    assert not Question.objects.exists()
    assert not Facilitator.objects.exists()


def test_existing_course_is_not_overwritten_without_replace(course):
    with pytest.raises(PackageError, match="already exists"):
        package_import(data=package_export(course=course))


def test_replace_is_refused_when_learners_are_enrolled(enrolment):
    with pytest.raises(PackageError, match="Learners are enrolled"):
        package_import(data=package_export(course=enrolment.version.course), replace=True)


def test_commands_export_and_import(course, tmp_path):
    target = tmp_path / "course.zip"
    call_command("course_export", course.slug, str(target))
    Course.objects.all().delete()
    call_command("course_import", str(target))
    assert Course.objects.get().versions.count() == 4


def test_import_command_reports_file_and_line(db, tmp_path):
    target = tmp_path / "bad.zip"
    target.write_bytes(broken("course.yaml", b"slug: x\ntopic: nope\n"))
    with pytest.raises(CommandError, match="course.yaml, line 1: unknown topic"):
        call_command("course_import", str(target))


def test_upload_of_broken_package_shows_the_error_not_a_500(admin_client):
    upload = SimpleUploadedFile("bad.zip", b"garbage", content_type="application/zip")
    response = admin_client.post(reverse("learning:manage"), {"package": upload})
    assert response.status_code == 400
    assert "not a zip archive" in response.content.decode()


def test_upload_of_valid_package_imports_it(admin_client):
    upload = SimpleUploadedFile("ok.zip", zipped(trafficking_package_files()))
    response = admin_client.post(reverse("learning:manage"), {"package": upload})
    assert response.status_code == 302
    assert Course.objects.filter(slug="countering-human-trafficking").exists()


def test_package_download_for_staff(admin_client, course):
    response = admin_client.get(reverse("learning:manage_package", kwargs={"slug": course.slug}))
    assert response.content == package_export(course=course)


def test_resource_path_leaving_its_folder_is_refused(db):
    files = trafficking_package_files()
    files["es/modules/1/files/../module.yaml"] = b"x"
    lesson = b"---\ntitle: T\nresources:\n- {title: R, file: files/../module.yaml}\n---\nText\n"
    files["es/modules/1/1-que-es-la-trata.md"] = lesson
    # The archive itself is refused (zip slip) before any lesson is read.
    with pytest.raises(PackageError, match=r"outside its folder: “es/modules/1/files/\.\./"):
        package_import(data=zipped(files))


def test_value_too_long_for_its_column_is_reported_and_nothing_written(db):
    version = b"published: true\ntitle: " + b"x" * 300 + b"\n"
    with pytest.raises(PackageError, match="es/version.yaml, line 1: .*longer than 200"):
        package_import(data=broken("es/version.yaml", version))
    assert not Course.objects.exists()
