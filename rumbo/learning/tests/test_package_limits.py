"""The course package is read within the upload limits: nesting, aliases, web addresses."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from rumbo.learning.demo import trafficking_package_files, zipped
from rumbo.learning.models import Course, Lesson
from rumbo.learning.package import PackageError, package_export, package_import

pytestmark = pytest.mark.django_db

LESSON = "es/modules/1/1-que-es-la-trata.md"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def with_lesson(front_matter: bytes) -> bytes:
    files = trafficking_package_files()
    files[LESSON] = b"---\n" + front_matter + b"---\nText\n"
    return zipped(files)


def test_alias_bomb_in_lesson_front_matter_is_refused_with_its_line():
    front = b"title: T\nlol: &a [x, x, x, x, x, x, x, x, x]\nmore: [*a, *a, *a, *a, *a]\n"
    with pytest.raises(PackageError, match=rf"^{LESSON}, line 3: YAML anchors and aliases"):
        package_import(data=with_lesson(front))
    assert not Course.objects.exists()


def test_front_matter_nested_20000_levels_is_refused_not_a_recursion_error():
    front = b"title: T\nx: " + b"[" * 20_000 + b"]" * 20_000 + b"\n"
    with pytest.raises(PackageError, match=rf"^{LESSON}, line 3: .*deeper than 64 levels"):
        package_import(data=with_lesson(front))
    assert not Course.objects.exists()


def test_course_yaml_nested_20000_levels_is_refused():
    files = trafficking_package_files()
    files["course.yaml"] = b"- " * 20_000 + b"x\n"
    with pytest.raises(PackageError, match=r"^course.yaml, line 1: .*deeper than 64 levels"):
        package_import(data=zipped(files))


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(document.cookie)", "data:text/html,<script>x</script>", "ftp://x.org/v"],
)
def test_lesson_video_url_that_is_not_http_is_refused_with_its_line(address):
    front = b"title: T\nvideo_url: '" + address.encode() + b"'\n"
    with pytest.raises(PackageError, match=rf"^{LESSON}, line 2: the field “video_url” must be"):
        package_import(data=with_lesson(front))
    assert not Course.objects.exists()


def test_lesson_video_url_over_https_is_imported():
    package_import(data=with_lesson(b"title: T\nvideo_url: https://video.example/v\n"))
    lesson = Lesson.objects.get(module__version__language="es", module__position=1, position=1)
    assert lesson.video_url == "https://video.example/v"


def test_export_of_a_course_uses_no_yaml_alias(course):
    # The importer refuses aliases: the exporter must never write one.
    exported = package_export(course=course)
    Course.objects.all().delete()
    assert package_import(data=exported).slug == course.slug


def test_resource_path_leaving_its_folder_in_front_matter_is_refused():
    front = b"title: T\nresources:\n- {title: R, file: files/../module.yaml}\n"
    with pytest.raises(PackageError, match=rf"^{LESSON}, line 4: the file"):
        package_import(data=with_lesson(front))


def test_lesson_with_javascript_video_url_fails_full_clean(course):
    lesson = Lesson.objects.filter(module__version__course=course).first()
    lesson.video_url = "javascript:alert(1)"
    with pytest.raises(ValidationError, match="http:// or https://"):
        lesson.full_clean()


def test_lesson_page_does_not_link_a_javascript_video_url(client, course):
    lesson = Lesson.objects.filter(module__version__language="es").first()
    # Written past validation, as an older import could.
    Lesson.objects.filter(pk=lesson.pk).update(video_url="javascript:alert(1)")
    page = client.get(lesson.get_absolute_url()).content.decode()
    assert "javascript:alert" not in page
