"""What the benchmark scripts share: a scratch database for Django, and a gunicorn server
with a bare baseline view, started and awaited on 127.0.0.1."""

import http.client
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_setup_scratch(name: str) -> None:
    """Sets Django up on a scratch database: a SQLite file in the temporary folder, unless
    DATABASE_URL names another. The scripts reset it, so its name must contain 'bench'."""
    scratch = Path(tempfile.gettempdir()) / f"rumbo_bench_{name}.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "bench" not in os.environ["DATABASE_URL"]:
        sys.exit("DATABASE_URL must name a scratch database containing 'bench': it is reset.")
    if os.environ["DATABASE_URL"].startswith("sqlite"):
        scratch.unlink(missing_ok=True)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def gunicorn_start(
    *, wsgi: str, port: int, workers: int, threads: int, env: dict[str, str]
) -> subprocess.Popen:
    """Starts gunicorn (gthread workers) on 127.0.0.1:`port` and waits until its
    /bench-baseline/ view answers; every bench WSGI module mounts that bare view."""
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            f"{wsgi}:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/bench-baseline/")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("gunicorn did not start")
