"""Staff pages under load: p95 with 20 concurrent staff on PostgreSQL, 1,000,000 consultations.

Starts gunicorn on 127.0.0.1 against the scratch database of bench_casework_data.py, opens
one logged-in, two-factor-verified session per advisor (20 advisors at 20 points), then runs
20 threads, one per advisor, each requesting a staff page picked at random - today's
requests (/staff/), the consultation list, one consultation of its point (an audited read:
one INSERT per view), the referrals, the monthly report of its point - waiting a think time,
and going on. The baseline is a bare view behind the same middleware with the same cookies,
in the same run. Phases alternate (baseline, pages) several times; the script prints each run
and the median of the runs' p50/p95, per page and overall. Target: p95 <= 200 ms.

    .venv/bin/python bench/bench_casework_staff.py [--seconds 20] [--runs 3] [--think 1.0]
        [--workers 2] [--threads 4]
"""

import argparse
import http.client
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_casework_data  # noqa: E402
from common import gunicorn_start  # noqa: E402

ROOT = bench_casework_data.ROOT
PORT = 8767


def staff_sessions() -> list[dict]:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from rumbo.accounts.middleware import SESSION_LAST_SEEN, SESSION_STARTED, STAFF_SESSION
    from rumbo.casework.models import Consultation, StaffRole

    staff = []
    for role in StaffRole.objects.filter(role=StaffRole.Role.ADVISOR).select_related("user"):
        user = role.user
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
        session[STAFF_SESSION] = True
        session[SESSION_STARTED] = session[SESSION_LAST_SEEN] = time.time()
        session.create()
        consultations = list(
            Consultation.objects.filter(info_point_id=role.info_point_id)
            .order_by("-date")
            .values_list("pk", flat=True)[:200]
        )
        staff.append(
            {
                "cookie": f"{settings.SESSION_COOKIE_NAME}={session.session_key}",
                "point": role.info_point_id,
                "consultations": consultations,
            }
        )
    return staff


PAGES = {
    "today": lambda member, rng: "/staff/",
    "consultation list": lambda member, rng: "/staff/consultations/",
    "consultation": lambda member, rng: (
        f"/staff/consultations/{rng.choice(member['consultations'])}/"
    ),
    "referrals": lambda member, rng: "/staff/referrals/",
    "report": lambda member, rng: f"/staff/reports/?point={member['point']}",
}


def start_server(workers: int, threads: int) -> subprocess.Popen:
    # Pages name their CSS through the static files manifest, as in production.
    subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=bench_casework_data.environment(),
        check=True,
    )
    return gunicorn_start(
        wsgi="bench_casework_wsgi",
        port=PORT,
        workers=workers,
        threads=threads,
        env=bench_casework_data.environment(),
    )


def run_phase(staff: list[dict], *, baseline: bool, seconds: float, think: float) -> dict:
    durations: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def member_loop(member: dict, seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311 - load pattern, not a secret
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        time.sleep(rng.random() * think)  # staff do not all click at the same instant
        while time.perf_counter() < deadline:
            page = "baseline" if baseline else rng.choice(list(PAGES))
            path = "/bench-baseline/" if baseline else PAGES[page](member, rng)
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": member["cookie"]})
                response = connection.getresponse()
            except (http.client.RemoteDisconnected, ConnectionError):
                # gunicorn closed the idle keep-alive connection during the think time;
                # a browser would reconnect too (the reconnection counts in the figure).
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                connection.request("GET", path, headers={"Cookie": member["cookie"]})
                response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if response.status != 200:
                    errors.append(f"{path}: {response.status}")
                durations.setdefault(page, []).append(elapsed)
            time.sleep(rng.expovariate(1 / think) if think else 0)

    threads = [
        threading.Thread(target=member_loop, args=(member, index))
        for index, member in enumerate(staff)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    return durations


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    options = parser.parse_args()
    bench_casework_data.ensure()
    staff = staff_sessions()
    server = start_server(options.workers, options.threads)
    summary: dict[str, dict[str, list[float]]] = {}
    try:
        for run in range(options.runs):
            for baseline in (True, False):
                durations = run_phase(
                    staff, baseline=baseline, seconds=options.seconds, think=options.think
                )
                if not baseline:
                    durations["all pages"] = [d for page in PAGES for d in durations.get(page, [])]
                for page, values in durations.items():
                    p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
                    summary.setdefault(page, {"p50": [], "p95": [], "n": []})
                    summary[page]["p50"].append(p50)
                    summary[page]["p95"].append(p95)
                    summary[page]["n"].append(len(values))
                    print(
                        f"run {run + 1} {page:>18}: n={len(values):5d} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms"
                    )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(
        f"\n{len(staff)} concurrent staff, think time {options.think} s, gunicorn "
        f"{options.workers}x{options.threads} gthread, PostgreSQL, Redis sessions; median of {options.runs} runs:"
    )
    base95 = statistics.median(summary["baseline"]["p95"])
    for page, figures in summary.items():
        p50, p95 = statistics.median(figures["p50"]), statistics.median(figures["p95"])
        print(
            f"{page:>18}: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  (p95 ratio to baseline {p95 / base95:4.1f})"
        )
    overall = statistics.median(summary["all pages"]["p95"])
    print(
        f"target p95 <= 200 ms over all staff pages: {'met' if overall <= 200 else 'MISSED'} ({overall:.0f} ms)"
    )


if __name__ == "__main__":
    main()
