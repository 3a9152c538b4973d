"""Questionnaire pages under load: requests per second on 2 cores, served by gunicorn.

Prepares a scratch instance (its own RUMBO_VAR_DIR: SQLite database, collected static files),
loads the core and plans demo data, starts one plan answered up to the destination question,
starts gunicorn (2 gthread workers), then measures with `wrk` (apt-get install wrk), in
alternation, a bare Django view behind the same middleware (the baseline), an empty page
rendered with the site's base.html (what every page pays for its menu and language form),
and two question pages: the age question (a number field) and the destination question (a
list of countries).
Prints each run, the median requests/s of each, and the ratio to the baseline; then, since
the machine may be shared, the CPU time each page takes per request in one process (through
the same WSGI application, measured with time.process_time).

    .venv/bin/python bench/bench_plans_questionnaire.py [--seconds 10] [--runs 3]
        [--connections 16] [--workers 2] [--threads 4] [--no-health-checks]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rumbo_bench_plans ...   # on PostgreSQL
"""

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import gunicorn_start  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(tempfile.gettempdir()) / "rumbo_bench_plans"
PORT = int(os.environ.get("BENCH_PLANS_PORT", "8793"))


def environment() -> dict[str, str]:
    return os.environ | {
        "RUMBO_VAR_DIR": str(VAR),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
    }


def manage(*args: str) -> None:
    subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True
    )


def prepare() -> dict[str, str]:
    """A fresh scratch instance; returns the paths of the pages to measure."""
    url = environment()["DATABASE_URL"]
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[-1]
        if "bench" not in name:
            raise SystemExit("the PostgreSQL database name must contain 'bench': it is reset")
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {name}")
            db.execute(f"CREATE DATABASE {name}")
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    manage("migrate", "-v0")
    manage("createcachetable")
    manage("collectstatic", "--noinput", "-v0")
    script = (
        "from rumbo.core import demo as core_demo; core_demo.load()\n"
        "from rumbo.plans import demo; demo.load()\n"
        "from rumbo.core.models import Place\n"
        "from rumbo.plans.engine import flow_load\n"
        "from rumbo.plans.services import plan_start\n"
        "flow = flow_load(); plan = plan_start(flow=flow)\n"
        "place = Place.objects.get(country__code='HN', kind='city', name='San Pedro Sula')\n"
        "plan.answers = {'country': 'HN', 'place': place.pk, 'age': 24, 'goal': 'migrate'}\n"
        "plan.save()\n"
        "print('CODE', plan.code)\n"
    )
    output = subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=environment(), check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    code = re.search(r"CODE (\S+)", output)
    if not code:
        raise SystemExit(f"could not create the plan: {output}")
    return {
        "baseline": "/bench-baseline/",
        "site page (base.html only)": "/bench-site-page/",
        "age question": f"/plan/{code[1]}/q/age/",
        "destination question": f"/plan/{code[1]}/q/destination/",
    }


def start_server(workers: int, threads: int) -> subprocess.Popen:
    try:
        http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).connect()
    except OSError:
        pass  # free, as it should be
    else:
        raise SystemExit(f"port {PORT} is taken by another server: set BENCH_PLANS_PORT")
    return gunicorn_start(
        wsgi="bench_plans_wsgi", port=PORT, workers=workers, threads=threads, env=environment()
    )


def check_page(path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip", "Accept-Language": "es"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    return len(body)


def wrk(path: str, *, seconds: float, connections: int) -> float:
    output = subprocess.run(  # noqa: S603 - our own fixed command line
        [
            shutil.which("wrk") or "wrk",
            "--threads",
            "1",
            "--connections",
            str(connections),
            "--duration",
            f"{round(seconds)}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            "-H",
            "Accept-Language: es",
            f"http://127.0.0.1:{PORT}{path}",
        ],  # fmt: skip
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        print(output)
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not found:
        raise SystemExit(output)
    return float(found[1])


def cpu_per_request(paths: list[str], count: int = 300) -> None:
    """In this process, through the WSGI application: CPU milliseconds per request (process
    time, so waiting for the machine's other work is not counted)."""
    import io

    from bench_plans_wsgi import application

    def call(path: str) -> None:
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "HTTP_ACCEPT_ENCODING": "gzip",
            "HTTP_ACCEPT_LANGUAGE": "es", "wsgi.input": io.BytesIO(b""),
            "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
        }  # fmt: skip
        status: list[str] = []
        body = application(environ, lambda code, headers, *_: status.append(code))  # type: ignore[arg-type]
        b"".join(body)
        body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{path} answered {status[0]}")

    for path in paths:
        for _ in range(30):
            call(path)
        samples = []
        for _ in range(5):
            started = time.process_time()
            for _ in range(count // 5):
                call(path)
            samples.append((time.process_time() - started) / (count // 5) * 1000)
        print(f"CPU {path} {statistics.median(samples):.2f}")


def main() -> None:
    if sys.argv[1:2] == ["--cpu"]:
        cpu_per_request(sys.argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--no-health-checks",
        action="store_true",
        help="experiment: turn off the database's per-request health check (settings keep it)",
    )
    options = parser.parse_args()
    if options.no_health_checks:
        os.environ["BENCH_NO_HEALTH_CHECKS"] = "1"
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    pages = prepare()
    server = start_server(options.workers, options.threads)
    results: dict[str, list[float]] = {name: [] for name in pages}
    try:
        for name, path in pages.items():
            print(f"{name}: {path} ({check_page(path)} bytes gzipped)")
            wrk(path, seconds=2, connections=options.connections)  # warm-up
        for run in range(1, options.runs + 1):
            for name, path in pages.items():
                rate = wrk(path, seconds=options.seconds, connections=options.connections)
                results[name].append(rate)
                print(f"run {run} {name}: {rate:.0f} req/s")
    finally:
        server.send_signal(15)
        server.wait(timeout=30)
    cpu = subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, __file__, "--cpu", *pages.values()],
        cwd=ROOT, env=environment(), check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    cpu_ms = dict(re.findall(r"CPU (\S+) ([\d.]+)", cpu))
    print(
        f"\n{options.workers} workers x {options.threads} threads, {os.cpu_count()} cores, "
        f"{options.connections} connections, {options.seconds:.0f} s x {options.runs} runs, "
        f"{environment()['DATABASE_URL'].split(':', 1)[0]}"
        + (", health checks off" if options.no_health_checks else "")
    )
    baseline = statistics.median(results["baseline"])
    for name, rates in results.items():
        median = statistics.median(rates)
        print(
            f"median {name}: {median:.0f} req/s ({median / baseline:.2f} x baseline); "
            f"{cpu_ms[pages[name]]} ms CPU per request in-process"
        )


if __name__ == "__main__":
    main()
