"""A launch day under load: Locust (headless, loopback only) against two gunicorn app
servers behind one HAProxy port, ramping users until the 95th percentile passes 300 ms.

Needs Locust, kept out of Rumbo's own dependencies (it brings gevent):
`python3 -m venv /tmp/locust && /tmp/locust/bin/pip install 'locust>=2.30,<3'`, then point
BENCH_LOCUST at it (default /tmp/cache_locust/bin/locust); and HAProxy (apt-get install
haproxy). Uses the scratch instance of bench_launch_pages.py (whole demo; SQLite, or
PostgreSQL and Redis through DATABASE_URL and REDIS_URL). Writes the balancer's
configuration to the temporary folder, starts it and the two app servers on 127.0.0.1 only,
and runs bench/locustfile_launch.py: 70 % public content pages (home, guides, pathways,
documents, articles, points, opportunities, campaign pages), 20 % questionnaire steps and
plan pages of 30 prepared plans, 3 % appointment requests (form and post), 2 % E-Campus pages
of a logged-in learner, 5 % staff pages of a logged-in staff member with a second factor.

With --edit-every 10, a thread edits a pathway's Spanish title every 10 s (through the ORM,
committed) and, right after the commit, asks the balancer for the pathway page and the
guides index: a page without the new title is counted as stale.

    .venv/bin/python bench/bench_launch_load.py [--max-users 400] [--step-users 20]
        [--step-seconds 15] [--edit-every 10] [--workers 2] [--threads 2]
"""

import argparse
import gzip
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_launch_pages import environment, manage, prepare
from common import gunicorn_start

ROOT = Path(__file__).resolve().parent.parent
TMP = Path(tempfile.gettempdir())
BALANCER_PORT = int(os.environ.get("BENCH_LAUNCH_BALANCER_PORT", "8026"))
APP_PORTS = (8796, 8797)
LOCUST = os.environ.get("BENCH_LOCUST", "/tmp/cache_locust/bin/locust")  # noqa: S108

PREPARE = """
import json, random
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rumbo.accounts.models import User
from rumbo.core.pages import public_page_list
from rumbo.guides.models import Article, Document, Pathway
from rumbo.infopoints.models import InfoPoint
from rumbo.learning.models import CourseVersion, Lesson
from rumbo.plans.public_pages import PAGES as PLAN_PAGES

pages = {name: resolve() for name, resolve in public_page_list().items()}
public = [pages[n] for n in pages if n.split(":")[0] in (
    "core", "guides", "infopoints", "opportunities", "campaigns")]
public += [p.get_absolute_url() for p in Pathway.objects.all()[:40]]
public += [d.get_absolute_url() for d in Document.objects.all()[:20]]
public += [a.get_absolute_url() for a in Article.objects.all()[:20]]
public += [p.get_absolute_url() for p in InfoPoint.objects.all()[:20]]
plans = [PLAN_PAGES[n]() for n in PLAN_PAGES for _ in range(3) if n not in ("landing", "delete")]
plans += [reverse("plans:landing")] * 5

def session_for(user, otp=False):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if otp:
        store["otp_device_id"] = TOTPDevice.objects.filter(user=user).first().persistent_id
    store.create()
    return store.session_key

staff = User.objects.get(email="asesora.tapachula@example.org")
TOTPDevice.objects.get_or_create(user=staff, name="bench", defaults={"confirmed": True})
learner, _ = User.objects.get_or_create(email="bench-learner@example.org")
lesson = Lesson.objects.filter(module__version__is_published=True).first()
point = InfoPoint.objects.order_by("pk").first()
print("URLS", json.dumps({
    "public": public,
    "plans": plans,
    "appointment": reverse("casework:appointment_request", kwargs={"slug": point.slug}),
    "campus": [reverse("learning:catalogue"), lesson.get_absolute_url()],
    "learner_session": session_for(learner),
    "staff": [reverse("casework:home"), reverse("casework:consultation_list")],
    "staff_session": session_for(staff, otp=True),
    "edit_pathway": Pathway.objects.order_by("pk").first().slug,
}))
"""


def haproxy_start() -> subprocess.Popen:
    config = TMP / "rumbo_bench_launch_haproxy.cfg"
    servers = "\n".join(
        f"    server app{i} 127.0.0.1:{port} maxconn 64" for i, port in enumerate(APP_PORTS)
    )
    config.write_text(
        f"""global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option http-keep-alive
frontend rumbo
    bind 127.0.0.1:{BALANCER_PORT}
    default_backend apps
backend apps
    balance roundrobin
    option httpchk GET /healthz
{servers}
"""
    )
    return subprocess.Popen(["haproxy", "-f", str(config), "-db"])  # noqa: S603, S607


def fetch(path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", BALANCER_PORT, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", "Accept-Language": "es"})
    response = connection.getresponse()
    body = response.read()
    if response.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, body.decode()


def warm_up(urls: dict) -> None:
    """Every page a few times through the balancer, 8 at a time, so that each worker has
    loaded its code and kept content, and the page cache holds the public pages."""
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.monotonic() + 60
    while True:
        try:
            fetch("/healthz")
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    paths = [*urls["public"], *urls["plans"]] * 4
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(fetch, paths))


class Editor(threading.Thread):
    """Every `every` seconds, commits a new Spanish title for a pathway, then at once asks
    for the pages that show it and counts those that do not show it yet."""

    def __init__(self, slug: str, every: float) -> None:
        super().__init__(daemon=True)
        self.slug, self.every = slug, every
        self.edits = self.checks = self.stale = 0
        self.done = threading.Event()

    def run(self) -> None:
        os.environ.update(environment())
        import django

        django.setup()
        from rumbo.guides.models import Pathway

        pathway = Pathway.objects.get(slug=self.slug)
        while not self.done.wait(self.every):
            marker = f"Ruta editada {self.edits + 1} {time.time():.0f}"
            # The Spanish column, as an editor's admin form writes it (modeltranslation).
            setattr(pathway, "title_es", marker)  # noqa: B010 - a field mypy cannot see
            pathway.save(update_fields=["title_es"])  # autocommit: committed on return
            self.edits += 1
            for path in (pathway.get_absolute_url(), "/guides/"):
                status, body = fetch(path)
                self.checks += 1
                if status != 200 or marker not in body:
                    self.stale += 1
                    print(f"STALE after edit {self.edits}: {path} ({status})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-users", type=int, default=400)
    parser.add_argument("--step-users", type=int, default=20)
    parser.add_argument("--step-seconds", type=int, default=15)
    parser.add_argument("--edit-every", type=float, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--fresh", action="store_true")
    options = parser.parse_args()
    prepare(fresh=options.fresh)
    found = re.search(r"URLS (.*)", manage("shell", "-c", PREPARE, capture=True))
    if not found:
        raise SystemExit("could not prepare the URLs")
    urls = json.loads(found[1])
    urls_file = TMP / "rumbo_bench_launch_urls.json"
    urls_file.write_text(json.dumps(urls))
    steps_file = TMP / "rumbo_bench_launch_steps.jsonl"
    steps_file.unlink(missing_ok=True)
    servers = [
        gunicorn_start(
            wsgi="bench_launch_wsgi",
            port=port,
            workers=options.workers,
            threads=options.threads,
            env=environment(),
        )  # fmt: skip
        for port in APP_PORTS
    ]
    balancer = haproxy_start()
    editor = Editor(urls["edit_pathway"], options.edit_every) if options.edit_every else None
    try:
        warm_up(urls)
        if editor:
            editor.start()
        locust = subprocess.run(  # noqa: S603 - our own fixed command line
            [
                LOCUST, "-f", str(ROOT / "bench" / "locustfile_launch.py"), "--headless",
                "--host", f"http://127.0.0.1:{BALANCER_PORT}", "--only-summary",
                "--loglevel", "WARNING", "--stop-timeout", "5",
            ],
            env=os.environ | {
                "BENCH_LAUNCH_URLS": str(urls_file), "BENCH_LAUNCH_STEPS": str(steps_file),
                "BENCH_LAUNCH_STEP_USERS": str(options.step_users),
                "BENCH_LAUNCH_STEP_SECONDS": str(options.step_seconds),
                "BENCH_LAUNCH_MAX_USERS": str(options.max_users),
            },
            capture_output=True, text=True, timeout=3600,
        )  # fmt: skip
    finally:
        if editor and editor.is_alive():
            editor.done.set()
            editor.join(timeout=60)
        balancer.terminate()
        for server in servers:
            server.send_signal(2)  # SIGINT: gunicorn stops at once
        for server in servers:
            server.wait(timeout=60)
    print(locust.stdout[-6000:])
    print(locust.stderr[-3000:])
    steps = [json.loads(line) for line in steps_file.read_text().splitlines()]
    print("users  req/s  fail/s  p50  p95  p99 (ms, last 10 s of each step)")
    for step in steps:
        print(
            f"{step['users']:5} {step['rps']:6} {step['fail_per_s']:6} {step['p50']:5} "
            f"{step['p95']:5} {step['p99']:5}"
        )
    sustained = [s for s in steps if s["p95"] <= 300 and s["fail_per_s"] == 0]
    best = max(sustained, key=lambda s: s["rps"], default=None)
    database = environment()["DATABASE_URL"].split(":", 1)[0]
    cache = "redis" if os.environ.get("REDIS_URL") else "database cache"
    print(
        f"\n2 app servers x {options.workers} workers x {options.threads} threads behind "
        f"HAProxy, {os.cpu_count()} cores (shared), {database}, {cache}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    if best:
        print(
            f"sustained: {best['rps']} req/s at {best['users']} users, p50 {best['p50']} ms, "
            f"p95 {best['p95']} ms, p99 {best['p99']} ms, no failures in that step"
        )
    if editor:
        print(f"edits: {editor.edits}, checks after commit: {editor.checks}, stale: {editor.stale}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
