"""One gate for every uploaded file: zip archives, JSON and YAML read within fixed limits.

Every importer (the course package, the HSDS import, and any future one) reads its upload
through `zip_read`, `json_load` and `yaml_load`, and registers itself with `importer_register`
so the upload class test (rumbo/core/tests/test_uploads.py) feeds it the same hostile files.
The limits are checked before the expensive step they protect: the archive's size before it is
opened, each member's real size (read in bounded chunks, never trusting the header) before the
next is read, the nesting depth of JSON and YAML before the recursive parser runs. Every
refusal is an `UploadError` with a translated message naming the file, and the line when known.
"""

import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath
from typing import IO, Any

import yaml
from django.utils.translation import gettext as _

MEGABYTE = 1024 * 1024
CHUNK_BYTES = 64 * 1024
# Small members compress well (a YAML file of repeated keys reaches 50:1); the ratio limit only
# applies beyond this many bytes, so it cannot refuse a legitimate small file.
RATIO_FLOOR_BYTES = MEGABYTE


@dataclass(frozen=True)
class UploadLimits:
    max_upload_bytes: int = 50 * MEGABYTE
    max_members: int = 10_000
    max_unpacked_bytes: int = 200 * MEGABYTE
    # Deflate reaches about 1,000:1 on a bomb; real JSON, YAML and documents stay under 20:1.
    max_ratio: int = 100
    max_text_bytes: int = 20 * MEGABYTE
    max_depth: int = 64


DEFAULT_LIMITS = UploadLimits()


class UploadError(Exception):
    """An upload refused: `message` is translated and names the file (and line when known)."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None) -> None:
        if file and line is not None:
            message = _("%(file)s, line %(line)s: %(problem)s") % {
                "file": file,
                "line": line,
                "problem": message,
            }
        elif file:
            message = _("%(file)s: %(problem)s") % {"file": file, "problem": message}
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line


# Zip archives


def upload_check_size(*, data: bytes, name: str, limits: UploadLimits = DEFAULT_LIMITS) -> None:
    if len(data) > limits.max_upload_bytes:
        raise UploadError(
            _("the file is larger than %(size)s MB")
            % {"size": limits.max_upload_bytes // MEGABYTE},
            file=name,
        )
    if not data:
        raise UploadError(_("the file is empty"), file=name)


def upload_read(*, file: IO[bytes], name: str, limits: UploadLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of an uploaded file, read no further than the size limit (a file stored on
    disk by Django's upload handler is never read whole into memory when it is too large)."""
    data = file.read(limits.max_upload_bytes + 1)
    upload_check_size(data=data, name=name, limits=limits)
    return data


def _member_name_safe(name: str) -> bool:
    """False for a name that could land outside the folder it is extracted to (zip slip)."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and ":" not in path.parts[0]


def zip_read(*, data: bytes, name: str, limits: UploadLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """The files of a zip archive by name, refused whole if any limit is passed.

    The sizes written in the archive are checked first (a bomb that declares its size is refused
    without unpacking anything), then every member is decompressed in chunks while counting the
    real bytes, so a member that lies about its size is stopped at the limit."""
    upload_check_size(data=data, name=name, limits=limits)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        ValueError,
        OSError,
    ) as error:
        raise UploadError(_("the file is not a zip archive"), file=name) from error
    files: dict[str, bytes] = {}
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if not members:
            raise UploadError(_("the zip archive holds no file"), file=name)
        if len(members) > limits.max_members:
            raise UploadError(
                _("the zip archive holds more than %(count)s files")
                % {"count": limits.max_members},
                file=name,
            )
        declared = 0
        for info in members:
            if not _member_name_safe(info.filename):
                raise UploadError(
                    _("the archive holds a file outside its folder: “%(member)s”")
                    % {"member": info.filename[:200]},
                    file=name,
                )
            if info.flag_bits & 0x1:
                raise UploadError(_("the archive is encrypted"), file=name)
            declared += info.file_size
            _check_unpacked(declared, info.compress_size, info.file_size, name, limits)
        total = 0
        for info in members:
            files[info.filename] = _member_read(archive, info, total, name, limits)
            total += len(files[info.filename])
    return files


def _check_unpacked(
    total: int, compressed: int, unpacked: int, name: str, limits: UploadLimits
) -> None:
    if total > limits.max_unpacked_bytes:
        raise UploadError(
            _("the archive unpacks to more than %(size)s MB")
            % {"size": limits.max_unpacked_bytes // MEGABYTE},
            file=name,
        )
    if unpacked > RATIO_FLOOR_BYTES and unpacked > max(compressed, 1) * limits.max_ratio:
        raise UploadError(
            _("the archive is compressed more than %(ratio)s to 1, like a zip bomb")
            % {"ratio": limits.max_ratio},
            file=name,
        )


def _member_read(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, before: int, name: str, limits: UploadLimits
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK_BYTES):
                size += len(chunk)
                _check_unpacked(before + size, info.compress_size, size, name, limits)
                chunks.append(chunk)
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, ValueError) as error:
        raise UploadError(
            _("the archive member “%(member)s” cannot be read") % {"member": info.filename},
            file=name,
        ) from error
    return b"".join(chunks)


def text_decode(*, data: bytes, name: str, limits: UploadLimits = DEFAULT_LIMITS) -> str:
    if len(data) > limits.max_text_bytes:
        raise UploadError(
            _("the file is larger than %(size)s MB") % {"size": limits.max_text_bytes // MEGABYTE},
            file=name,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UploadError(_("the file is not UTF-8 text"), file=name, line=line) from error


# JSON

# A string (with its escapes) or a bracket: strings are skipped so brackets inside them do not
# count. The unrolled form keeps the regular expression linear on long strings.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def json_load(*, text: str, name: str, limits: UploadLimits = DEFAULT_LIMITS) -> Any:
    """Parsed JSON, refused before parsing if it nests deeper than the limit (json.loads
    recurses once per level and would end in RecursionError)."""
    if len(text) > limits.max_text_bytes:
        raise UploadError(
            _("the file is larger than %(size)s MB") % {"size": limits.max_text_bytes // MEGABYTE},
            file=name,
        )
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        found = match.group()
        if found in ("[", "{"):
            depth += 1
            if depth > limits.max_depth:
                raise _too_deep(name, text.count("\n", 0, match.start()) + 1, limits)
        elif found in ("]", "}"):
            depth -= 1
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UploadError(
            _("the file is not valid JSON: %(problem)s") % {"problem": error.msg},
            file=name,
            line=error.lineno,
        ) from error
    except ValueError as error:
        # A number of more than 4,300 digits (Python's guard against slow conversions).
        raise UploadError(
            _("the file is not valid JSON: %(problem)s") % {"problem": error}, file=name
        ) from error


def _too_deep(name: str, line: int, limits: UploadLimits) -> UploadError:
    return UploadError(
        _("the data nests deeper than %(depth)s levels") % {"depth": limits.max_depth},
        file=name,
        line=line,
    )


# YAML

_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def yaml_load(
    *,
    text: str,
    name: str,
    loader: type[yaml.SafeLoader] = yaml.SafeLoader,
    first_line: int = 1,
    limits: UploadLimits = DEFAULT_LIMITS,
) -> Any:
    """Parsed YAML, read with a safe loader, after a first pass over the parser's events (which
    do not recurse) that refuses deep nesting, anchors and aliases: an alias repeats a subtree
    without bound (the billion laughs), and nothing Rumbo exports uses one."""
    if len(text) > limits.max_text_bytes:
        raise UploadError(
            _("the file is larger than %(size)s MB") % {"size": limits.max_text_bytes // MEGABYTE},
            file=name,
        )
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + first_line if event.start_mark else first_line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise UploadError(
                    _("YAML anchors and aliases are not accepted"), file=name, line=line
                )
            if isinstance(event, _COLLECTION_START):
                depth += 1
                if depth > limits.max_depth:
                    raise _too_deep(name, line, limits)
            elif isinstance(event, _COLLECTION_END):
                depth -= 1
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader or a subclass of it
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise UploadError(
            str(error.problem or error.context),
            file=name,
            line=(mark.line if mark else 0) + first_line,
        ) from error
    except yaml.YAMLError as error:
        raise UploadError(str(error), file=name) from error
    except ValueError as error:
        # A value the safe constructors refuse, such as an integer of more than 4,300 digits.
        raise UploadError(str(error), file=name) from error


# The registry of importers, read by the upload class test


@dataclass(frozen=True)
class Importer:
    """An importer of uploaded archives: `run` takes the uploaded bytes and imports them, all or
    nothing, raising `UploadError` (or a subclass) for a file it refuses. `parsed_member` is the
    first text file it parses, where the upload class test puts its hostile texts;
    `upload_view` names the URL of the page that takes the upload in its form field
    `upload_field`, which must answer 4xx with the message."""

    name: str
    run: Callable[[bytes], object]
    parsed_member: str
    upload_view: str = ""
    upload_field: str = "file"
    limits: UploadLimits = DEFAULT_LIMITS


_IMPORTERS: dict[str, Importer] = {}


def importer_register(importer: Importer) -> Importer:
    _IMPORTERS[importer.name] = importer
    return importer


def importer_list() -> list[Importer]:
    return [_IMPORTERS[name] for name in sorted(_IMPORTERS)]
