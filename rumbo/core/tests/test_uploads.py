"""Every importer refuses the same hostile uploads with its error, and writes nothing.

The importers are not listed here: every module of Rumbo is imported, and each importer has
registered itself with rumbo.core.uploads; a module that reads a zip archive without the upload
gate fails `test_only_the_upload_gate_opens_zip_archives`.
"""

import ast
import io
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import FileField
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

import rumbo
from rumbo.core import uploads
from rumbo.core.tests.modules import rumbo_modules
from rumbo.core.uploads import Importer, UploadError, UploadLimits, importer_list

RUMBO_DIR = Path(rumbo.__file__).resolve().parent
MEGABYTE = 1024 * 1024


def all_importers() -> list[Importer]:
    rumbo_modules()  # each importer registers when its module is imported
    return importer_list()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@cache
def bomb(member: str, megabytes: int) -> bytes:
    """A zip of about 1 KB per MB it unpacks to: 201 MB make the issue's 204 KB bomb."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open(member, "w", force_zip64=True) as target:
            for _number in range(megabytes):
                target.write(b" " * MEGABYTE)
    return buffer.getvalue()


BILLION_LAUGHS = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""
# Compact block sequences: 20,000 levels in 40 KB, without the indentation a mapping needs.
DEEP_YAML = b"- " * 20_000 + b"x\n"
DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
# Each hostile upload and what the refusal must say (in English): the limit that caught it, or,
# for YAML sent to a JSON importer, that it is not JSON.
HOSTILE = {
    "not a zip": "not a zip archive",
    "empty file": "the file is empty",
    "zip slip": "outside its folder",
    "absolute path": "outside its folder",
    "zip bomb ratio": "compressed more than 100 to 1",
    "zip bomb total": "unpacks to more than 200 MB",
    "deep JSON": "deeper than 64 levels",
    "deep YAML": "deeper than 64 levels|not valid JSON",
    "YAML alias bomb": "anchors and aliases are not accepted|not valid JSON",
    "invalid UTF-8": "not UTF-8 text",
    "oversize": "larger than 50 MB",
}


def hostile_upload(kind: str, importer: Importer) -> bytes:
    member = importer.parsed_member
    if kind == "not a zip":
        return b"this is not a zip archive"
    if kind == "empty file":
        return b""
    if kind == "zip slip":
        return zipped({member: b"[]\n", "../../etc/cron.d/rumbo": b"* * * * * root true\n"})
    if kind == "absolute path":
        return zipped({member: b"[]\n", "/etc/cron.d/rumbo": b"* * * * * root true\n"})
    if kind == "zip bomb ratio":
        return bomb(member, 3)
    if kind == "zip bomb total":
        return bomb(member, importer.limits.max_unpacked_bytes // MEGABYTE + 1)
    if kind == "deep JSON":
        return zipped({member: DEEP_JSON})
    if kind == "deep YAML":
        return zipped({member: DEEP_YAML})
    if kind == "YAML alias bomb":
        return zipped({member: BILLION_LAUGHS})
    if kind == "invalid UTF-8":
        return zipped({member: b"slug: caf\xe9\n\xff\xfe\n"})
    if kind == "oversize":
        return oversize(importer.limits.max_upload_bytes)
    raise AssertionError(kind)


@cache
def oversize(limit: int) -> bytes:
    return zipped({"padding.bin": b"\0"}) + b"\0" * limit


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def refusal(importer: Importer, data: bytes) -> UploadError:
    with pytest.raises(UploadError) as refused:
        importer.run(data)
    return refused.value


# The importers


def test_every_known_importer_is_registered():
    names = {importer.name for importer in all_importers()}
    assert {"course package", "HSDS export"} <= names


def test_every_app_that_reads_a_zip_registers_an_importer():
    registered = {importer.run.__module__.split(".")[1] for importer in all_importers()}
    reading = {
        path.relative_to(RUMBO_DIR).parts[0]
        for path in RUMBO_DIR.rglob("*.py")
        if "tests" not in path.parts
        and path.name != "uploads.py"
        and "zip_read(" in path.read_text(encoding="utf-8")
    }
    assert reading <= registered


def _opens_zip_for_reading(call: ast.Call) -> bool:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name != "ZipFile":
        return False
    mode = call.args[1] if len(call.args) > 1 else None
    mode = next((k.value for k in call.keywords if k.arg == "mode"), mode)
    return mode is None or (isinstance(mode, ast.Constant) and mode.value == "r")


def test_only_the_upload_gate_opens_zip_archives():
    readers = []
    for path in RUMBO_DIR.rglob("*.py"):
        if "tests" in path.parts or path == RUMBO_DIR / "core" / "uploads.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(
            isinstance(node, ast.Call) and _opens_zip_for_reading(node) for node in ast.walk(tree)
        ):
            readers.append(str(path.relative_to(RUMBO_DIR)))
    assert readers == [], "read uploads with rumbo.core.uploads.zip_read"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", HOSTILE)
def test_every_importer_refuses_a_hostile_upload_and_writes_nothing(kind):
    for importer in all_importers():
        before = row_counts()
        with translation.override("en"):
            error = refusal(importer, hostile_upload(kind, importer))
        assert re.search(HOSTILE[kind], error.message), (importer.name, error.message)
        assert row_counts() == before, importer.name


@pytest.mark.django_db
@pytest.mark.parametrize("kind", HOSTILE)
def test_every_upload_page_answers_a_hostile_upload_with_4xx_and_its_message(admin_client, kind):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for importer in all_importers():
        if not importer.upload_view:
            continue
        data = hostile_upload(kind, importer)
        with translation.override("en"):
            expected = refusal(importer, data).message
        before = row_counts()
        response = admin_client.post(
            reverse(importer.upload_view),
            {importer.upload_field: SimpleUploadedFile("upload.zip", data)},
        )
        assert 400 <= response.status_code < 500, importer.name
        # Django's form refuses an empty file before the importer sees it, in its own words.
        messages = [expected, str(FileField.default_error_messages["empty"])]
        html = response.content.decode()
        assert any(escape(message) in html for message in messages), importer.name
        assert row_counts() == before, importer.name


# The gate itself


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_zip_bomb_of_204_kb_is_refused_without_unpacking(english, monkeypatch):
    data = bomb("json/organizations.json", 201)
    assert len(data) < 250 * 1024

    def unpack(*args, **kwargs):
        raise AssertionError("a member was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", unpack)
    with pytest.raises(UploadError, match="unpacks to more than 200 MB"):
        uploads.zip_read(data=data, name="bomb.zip")


def test_member_whose_header_understates_its_size_is_refused(english):
    data = zipped({"big.txt": b" " * 3 * MEGABYTE})
    declared = (3 * MEGABYTE).to_bytes(4, "little")
    assert data.count(declared) == 2  # the local and the central header
    forged = data.replace(declared, (100).to_bytes(4, "little"))
    with pytest.raises(UploadError, match="“big.txt” cannot be read"):
        uploads.zip_read(data=forged, name="forged.zip")


def test_archive_with_more_members_than_the_limit_is_refused(english):
    data = zipped({f"{number}.txt": b"x" for number in range(11)})
    with pytest.raises(UploadError, match="more than 10 files"):
        uploads.zip_read(data=data, name="many.zip", limits=UploadLimits(max_members=10))


@pytest.mark.parametrize(
    "member", ["../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", "a/./../x"]
)
def test_member_outside_the_archive_folder_is_refused(english, member):
    with pytest.raises(UploadError, match="outside its folder"):
        uploads.zip_read(data=zipped({member: b"x"}), name="slip.zip")


def test_small_member_that_compresses_well_is_accepted():
    files = uploads.zip_read(data=zipped({"a.yaml": b"title: x\n" * 10_000}), name="ok.zip")
    assert files["a.yaml"].startswith(b"title: x")


def test_json_nested_100000_levels_is_refused_before_parsing(english):
    with pytest.raises(UploadError, match=r"^deep.json, line 1: .*deeper than 64 levels"):
        uploads.json_load(text=DEEP_JSON.decode(), name="deep.json")


def test_brackets_inside_json_strings_do_not_count_as_nesting():
    text = '[{"a": "' + "[" * 1000 + '\\"["}]'
    assert uploads.json_load(text=text, name="ok.json") == [{"a": "[" * 1000 + '"['}]


def test_invalid_json_names_file_and_line(english):
    with pytest.raises(UploadError, match=r"^bad.json, line 2: the file is not valid JSON"):
        uploads.json_load(text='[\n{"a" 1}]', name="bad.json")


@pytest.mark.parametrize(
    "text",
    [
        DEEP_YAML.decode(),
        "[" * 20_000 + "]" * 20_000,
        "".join(" " * level + "a:\n" for level in range(100)),
    ],
    ids=["block sequences", "flow sequences", "mappings"],
)
def test_deeply_nested_yaml_is_refused_before_composing(english, text):
    with pytest.raises(UploadError, match="deeper than 64 levels"):
        uploads.yaml_load(text=text, name="deep.yaml")


def test_yaml_alias_bomb_is_refused(english):
    with pytest.raises(UploadError, match=r"^bomb.yaml, line 1: YAML anchors and aliases"):
        uploads.yaml_load(text=BILLION_LAUGHS.decode(), name="bomb.yaml")


def test_yaml_error_line_counts_from_the_first_line_given(english):
    with pytest.raises(UploadError, match=r"^lesson.md, line 4:"):
        uploads.yaml_load(text="title: a\nb: [\n", name="lesson.md", first_line=2)


def test_invalid_utf8_is_refused_naming_the_line(english):
    with pytest.raises(UploadError, match=r"^a.yaml, line 2: the file is not UTF-8 text"):
        uploads.text_decode(data=b"title: x\n\xff\n", name="a.yaml")


def test_upload_larger_than_the_limit_is_read_no_further(english):
    source = io.BytesIO(b"x" * 2000)
    with pytest.raises(UploadError, match="larger than"):
        uploads.upload_read(file=source, name="big.zip", limits=UploadLimits(max_upload_bytes=1000))
    assert source.tell() == 1001


def test_json_number_too_long_to_convert_is_refused(english):
    with pytest.raises(UploadError, match=r"^n.json: the file is not valid JSON"):
        uploads.json_load(text="[" + "9" * 5000 + "]", name="n.json")


def test_yaml_number_too_long_to_convert_is_refused(english):
    with pytest.raises(UploadError, match=r"^n.yaml: "):
        uploads.yaml_load(text="a: " + "9" * 5000 + "\n", name="n.yaml")


def test_archive_needing_an_unknown_zip_version_is_refused(english):
    data = bytearray(zipped({"a.txt": b"x"}))
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (107).to_bytes(2, "little")  # "version needed: 10.7"
    with pytest.raises(UploadError, match="not a zip archive|cannot be read"):
        uploads.zip_read(data=bytes(data), name="future.zip")
