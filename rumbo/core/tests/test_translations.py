"""Every interface string is translated in Spanish, English, French and Arabic."""

import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings

from conftest import unavailable

APPS_DIR = Path(settings.BASE_DIR) / "rumbo"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
APPS_WITH_STRINGS = sorted(
    app.name
    for app in APPS_DIR.iterdir()
    if app.is_dir() and any(app.rglob("*.py")) and (app / "apps.py").exists()
)


def catalogue(app: str, language: str) -> Path:
    return APPS_DIR / app / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("app", APPS_WITH_STRINGS)
def test_catalogue_is_complete(app, language):
    path = catalogue(app, language)
    if not path.exists():
        # An app without translatable strings needs no catalogue; one with strings does.
        extracted = extract_messages(app)
        assert not extracted, (
            f"{app} has strings but no {language} catalogue: {sorted(extracted)[:5]}"
        )
        return
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy (unchecked) in {path}"


@pytest.mark.parametrize("app", APPS_WITH_STRINGS)
def test_catalogue_holds_every_string_of_the_code(app):
    path = catalogue(app, "es")
    in_code = extract_messages(app)
    in_catalogue = {entry.msgid for entry in polib.pofile(str(path))} if path.exists() else set()
    missing = sorted(in_code - in_catalogue)
    assert missing == [], f"run `make messages` and translate: {missing[:10]}"


@cache
def extract_messages(app: str) -> set[str]:
    """The msgids xgettext finds in the app's code and templates, via Django's makemessages
    run on a scratch copy so the real catalogues are untouched."""
    if not shutil.which("xgettext"):
        unavailable("GNU gettext (xgettext) is needed to extract strings: apt-get install gettext")
    scratch = Path(tempfile.mkdtemp(prefix="rumbo-i18n-")) / app
    shutil.copytree(
        APPS_DIR / app, scratch, ignore=shutil.ignore_patterns("locale", "__pycache__", "tests")
    )
    (scratch / "locale").mkdir()
    subprocess.run(
        [
            sys.executable,
            str(Path(settings.BASE_DIR) / "manage.py"),
            "makemessages",
            "-l",
            "es",
            "--no-location",
            "--no-wrap",
        ],
        cwd=scratch,
        check=True,
        capture_output=True,
    )
    extracted = scratch / "locale" / "es" / "LC_MESSAGES" / "django.po"
    msgids = (
        {entry.msgid for entry in polib.pofile(str(extracted))} if extracted.exists() else set()
    )
    shutil.rmtree(scratch.parent)
    return msgids
