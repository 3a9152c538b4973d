"""Public pages from the page cache against a bare Django view, on 2 cores, with gunicorn.

Prepares a scratch instance (its own RUMBO_VAR_DIR, SQLite unless DATABASE_URL names a
PostgreSQL database containing 'bench'; REDIS_URL for the Redis cache) with the whole demo,
starts gunicorn (3 sync-like gthread workers of 1 thread), warms each page once, then measures
with `wrk` (apt-get install wrk; 1 thread, 16 keep-alive connections, gzip, Spanish), in
alternation, the bare view (the baseline, same middleware, never cached) and every anonymous
public page of `rumbo.core.pages.public_page_list()` that the cache stores. Prints each
run, the median requests/s, and the ratio to the baseline of the same run. Then the CPU time
per request of each page with the cache turned off (cold: what a content change costs during
a spike) and of the question and plan pages, in one process through the same application.

    .venv/bin/python bench/bench_launch_pages.py [--seconds 5] [--runs 3] [--only guides]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rumbo_bench_launch \\
        REDIS_URL=redis://127.0.0.1:6379/8 .venv/bin/python bench/bench_launch_pages.py
"""

import argparse
import http.client
import json
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
VAR = Path(os.environ.get("BENCH_LAUNCH_VAR", Path(tempfile.gettempdir()) / "rumbo_bench_launch"))
PORT = int(os.environ.get("BENCH_LAUNCH_PORT", "8794"))


def environment(**extra: str) -> dict[str, str]:
    return (
        os.environ
        | {
            "RUMBO_VAR_DIR": str(VAR),
            "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
        }
        | extra
    )


def manage(*args: str, capture: bool = False) -> str:
    done = subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=environment(), check=True, capture_output=capture, text=True,
    )  # fmt: skip
    return done.stdout or ""


def prepare(*, fresh: bool) -> None:
    url = environment()["DATABASE_URL"]
    if not fresh and (VAR / "prepared").exists():
        return
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
    manage("demo", "-v0")
    (VAR / "prepared").write_text(url)


def page_urls() -> dict[str, str]:
    script = (
        "import json\n"
        "from rumbo.core.pages import public_page_list\n"
        "print('PAGES', json.dumps({n: f() for n, f in sorted(public_page_list().items())}))\n"
    )
    output = manage("shell", "-c", script, capture=True)
    found = re.search(r"PAGES (.*)", output)
    if not found:
        raise SystemExit(output)
    return json.loads(found[1])


def get(path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request(
        "GET", path, headers={"Accept-Encoding": "gzip", "Accept-Language": "es"} | headers
    )
    response = connection.getresponse()
    response.read()
    return response


def wrk(path: str, *, seconds: float, connections: int) -> float:
    output = subprocess.run(  # noqa: S603 - our own fixed command line
        [
            shutil.which("wrk") or "wrk", "--threads", "1", "--connections", str(connections),
            "--duration", f"{round(seconds)}s", "-H", "Accept-Encoding: gzip",
            "-H", "Accept-Language: es", f"http://127.0.0.1:{PORT}{path}",
        ],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in output or "Socket errors" in output:
        print(output)
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not found:
        raise SystemExit(output)
    return float(found[1])


def cpu_per_request(paths: list[str], count: int = 60, *, cached: bool = False) -> None:
    """In this process: CPU milliseconds per request (process time, so the machine's other
    work is not counted), the page cache off (cold pages) or on (hits, after a warm-up)."""
    import io

    from bench_launch_wsgi import application
    from django.conf import settings

    settings.RUMBO_PAGE_CACHE_ENABLED = cached

    def call(path: str) -> None:
        route, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": route, "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1",
            "HTTP_ACCEPT_ENCODING": "gzip", "HTTP_ACCEPT_LANGUAGE": "es",
            "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
        }  # fmt: skip
        status: list[str] = []
        body = application(environ, lambda code, headers, *_: status.append(code))  # type: ignore[arg-type]
        b"".join(body)
        body.close()
        if not status[0].startswith(("200", "302")):
            raise ValueError(status[0])

    for path in paths:
        try:
            for _ in range(5):
                call(path)
        except ValueError as error:
            print(f"skipped {path}: answered {error}")
            continue
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
    if sys.argv[1:2] == ["--cpu-cached"]:
        cpu_per_request(sys.argv[2:], count=300, cached=True)
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--only", default="", help="measure only pages whose name holds this")
    parser.add_argument("--fresh", action="store_true", help="rebuild the scratch instance")
    parser.add_argument("--no-cpu", action="store_true")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    prepare(fresh=options.fresh)
    urls = page_urls()
    server = gunicorn_start(
        wsgi="bench_launch_wsgi", port=PORT, workers=options.workers,
        threads=options.threads, env=environment(),
    )  # fmt: skip
    pages = {"baseline": "/bench-baseline/"}
    try:
        for name, path in urls.items():
            if options.only not in name:
                continue
            get(path)
            state = get(path).headers.get("X-Page-Cache", "")
            if state == "hit":
                pages[name] = path
            else:
                print(f"not cached: {name} {path} ({state or 'bypassed'})")
        results: dict[str, list[float]] = {name: [] for name in pages}
        for path in pages.values():
            wrk(path, seconds=1, connections=options.connections)  # warm-up
        for run in range(1, options.runs + 1):
            for name, path in pages.items():
                rate = wrk(path, seconds=options.seconds, connections=options.connections)
                results[name].append(rate)
                print(f"run {run} {name}: {rate:.0f} req/s", flush=True)
    finally:
        server.send_signal(15)
        server.wait(timeout=30)
    database = environment()["DATABASE_URL"].split(":", 1)[0]
    cache = "redis" if os.environ.get("REDIS_URL") else "database cache"
    print(
        f"\n{options.workers} workers x {options.threads} threads, {os.cpu_count()} cores, "
        f"{options.connections} connections, {options.seconds} s x {options.runs} runs, "
        f"{database}, {cache}, load average {os.getloadavg()[0]:.1f}"
    )
    baseline = statistics.median(results["baseline"])
    for name, rates in results.items():
        median = statistics.median(rates)
        print(f"median {name}: {median:.0f} req/s ({median / baseline:.2f} x baseline)")
    if options.no_cpu:
        return
    hits = subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, __file__, "--cpu-cached", *pages.values()],
        cwd=ROOT, env=environment(), check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    hit_ms = dict(re.findall(r"CPU (\S+) ([\d.]+)", hits))
    bare_ms = float(hit_ms[pages["baseline"]])
    print("\nCPU per request from the cache, in-process (median of 5 x 60; bare view first):")
    for name, path in pages.items():
        ms = float(hit_ms[path])
        print(f"cpu-hit {name}: {ms:.3f} ms (bare view / this = {bare_ms / ms:.2f})")
    cold = [urls[n] for n in urls if options.only in n]
    cpu = subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, __file__, "--cpu", *cold],
        cwd=ROOT, env=environment(), check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    by_path = dict(re.findall(r"CPU (\S+) ([\d.]+)", cpu))
    print("\nCPU per request, cache off (median of 5 x 12 requests, in-process):")
    for name, path in urls.items():
        if path in by_path:
            print(f"cpu {name}: {by_path[path]} ms")


if __name__ == "__main__":
    main()
