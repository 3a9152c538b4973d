import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from rumbo.certificates.keys import secret_key_generate

MANAGE = str(Path(settings.BASE_DIR) / "manage.py")


def run_manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    # A fresh process, as a deployment would start it: without the test run's database,
    # cache, or the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE.
    dropped = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, MANAGE, *args],
        env=clean
        | {"DJANGO_SETTINGS_MODULE": "config.settings", "RUMBO_VAR_DIR": str(tmp_path)}
        | env,
        capture_output=True,
        text=True,
        check=False,
    )


def production_env(tmp_path: Path) -> dict[str, str]:
    return {
        "RUMBO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "rumbo.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "RUMBO_FIELD_ENCRYPTION_KEYS": "k1:" + base64.urlsafe_b64encode(os.urandom(32)).decode(),
        "RUMBO_CREDENTIAL_SIGNING_KEY": secret_key_generate(),
    }


def test_production_settings_pass_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        env=production_env(tmp_path),
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = run_manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_development_secret_key_is_generated_once_and_kept(tmp_path):
    first = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        env={"SECRET_KEY": ""},
        tmp_path=tmp_path,
    )
    second = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        env={"SECRET_KEY": ""},
        tmp_path=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    key = first.stdout.strip().splitlines()[-1]
    assert len(key) >= 50
    assert second.stdout.strip().splitlines()[-1] == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_default_database_is_sqlite_in_wal_mode(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
        env={},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"
    assert (tmp_path / "rumbo.sqlite3").exists()


def test_redis_url_selects_redis_for_cache_and_tasks(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from huey.contrib.djhuey import HUEY; "
        "print(settings.CACHES['default']['BACKEND'], type(HUEY).__name__)",
        env={"REDIS_URL": "redis://127.0.0.1:6379/0"},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "django.core.cache.backends.redis.RedisCache",
        "RedisHuey",
    ]


def test_without_redis_cache_and_tasks_use_the_embedded_defaults(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; from huey.contrib.djhuey import HUEY; "
        "print(settings.CACHES['default']['BACKEND'], type(HUEY).__name__)",
        env={},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "django.core.cache.backends.db.DatabaseCache",
        "SqliteHuey",
    ]
