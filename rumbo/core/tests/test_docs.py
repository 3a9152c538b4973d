import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
ENV_READ = re.compile(
    r'(?:environ\.get\(|environ\[|env_list\(|secret_setting\()\s*"([A-Z][A-Z0-9_]+)"'
)


def test_every_environment_variable_is_documented_in_the_readme():
    read = set(ENV_READ.findall((ROOT / "config" / "settings.py").read_text()))
    readme = (ROOT / "README.md").read_text()
    assert "DATABASE_URL" in read
    undocumented = sorted(name for name in read if f"`{name}`" not in readme)
    assert undocumented == []


def test_readme_quick_start_is_the_two_make_commands():
    readme = (ROOT / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make (\w+)", quick_start, flags=re.MULTILINE)
    assert commands == ["demo", "test"]


def test_architecture_doc_names_every_app():
    architecture = (ROOT / "docs" / "architecture.md").read_text()
    apps = [path.name for path in (ROOT / "rumbo").iterdir() if (path / "apps.py").exists()]
    missing = sorted(app for app in apps if f"{app}/" not in architecture)
    assert missing == []
