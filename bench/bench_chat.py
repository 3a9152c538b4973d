"""Chat channels: how fast a webhook answers the provider, and how many incoming messages
per second the engine handles.

1. Webhook: gunicorn (2 gthread workers) serves Rumbo; signed WhatsApp webhook calls (one
   text message each, a different person each time) are sent one after another over a
   keep-alive connection, and each answer's latency is measured; the view checks the
   signature, parses and enqueues (Huey on Redis when REDIS_URL is set), then answers 200.
   Baseline: a bare POST view behind the same middleware. Prints p50 and p95 per run.
2. Engine: in one process, `services.inbound_receive` (what the queue's worker runs) for
   conversations that greet, make the plan to its end (summary, link, PDF link), search the
   guides and ask for the nearest point by a place name; the answers are stored and their
   sending enqueued, not sent. Messages per second, one process; the machine has 2 cores, so
   two workers handle about twice that. Baseline: one ReceivedMessage insert per message
   (the least a handled message costs).

Each figure is the median of --runs runs, with its ratio to the baseline.

    .venv/bin/python bench/bench_chat.py [--runs 3] [--requests 400] [--conversations 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rumbo_bench_chat \
    REDIS_URL=redis://127.0.0.1:6379/7 .venv/bin/python bench/bench_chat.py
"""

import argparse
import hashlib
import hmac
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import gunicorn_start  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(tempfile.gettempdir()) / "rumbo_bench_chat"
PORT = int(os.environ.get("BENCH_CHAT_PORT", "8797"))
APP_SECRET = "bench-app-secret"  # noqa: S105 - a scratch instance's own


def environment() -> dict[str, str]:
    return os.environ | {
        "RUMBO_VAR_DIR": str(VAR),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{VAR / 'bench.sqlite3'}"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
        "RUMBO_CHAT_SECRET_BENCH_APP_SECRET": APP_SECRET,
        "RUMBO_CHAT_SECRET_BENCH_TOKEN": "unused",
        "RUMBO_FIELD_ENCRYPTION_KEYS": "bench:" + "A" * 43,
        "SECRET_KEY": "bench-secret-key-" + "x" * 40,
    }


def manage(*args: str) -> None:
    subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True
    )


def prepare() -> None:
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
    script = (
        "from rumbo.core import demo as core_demo; core_demo.load()\n"
        "from rumbo.guides import demo as guides_demo; guides_demo.load()\n"
        "from rumbo.infopoints import demo as points_demo; points_demo.load()\n"
        "from rumbo.plans import demo as plans_demo; plans_demo.load()\n"
        "from rumbo.chat.models import Channel\n"
        "Channel.objects.create(kind='whatsapp', slug='bench', name='bench', account='1',"
        " credentials='BENCH')\n"
    )
    subprocess.run(  # noqa: S603 - our own fixed command line
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=environment(), check=True,
    )  # fmt: skip


def signed_call(number: int) -> tuple[bytes, dict[str, str]]:
    message = {
        "from": f"5049{number:07d}",
        "id": f"wamid.BENCH{number}",
        "timestamp": str(1_800_000_000 + number),
        "type": "text",
        "text": {"body": "hola"},
    }
    value: dict = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"}}
    value["messages"] = [message]
    body = json.dumps(
        {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": value}]}]}
    ).encode()
    signature = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "X-Hub-Signature-256": signature}


def latencies(path: str, count: int, start: int) -> list[float]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    found = []
    for number in range(start, start + count):
        body, headers = signed_call(number)
        began = time.perf_counter()
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        found.append((time.perf_counter() - began) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
    return found


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def webhook_bench(runs: int, requests: int) -> None:
    server = gunicorn_start(
        wsgi="bench_chat_wsgi", port=PORT, workers=2, threads=4, env=environment()
    )
    try:
        latencies("/chat/hooks/bench/", 50, 10_000_000)  # warm up
        latencies("/bench-baseline/", 50, 0)
        base95, hook95, hook50 = [], [], []
        for run in range(runs):
            base = latencies("/bench-baseline/", requests, 0)
            hook = latencies("/chat/hooks/bench/", requests, (run + 1) * 1_000_000)
            base95.append(p95(base))
            hook95.append(p95(hook))
            hook50.append(statistics.median(hook))
            print(
                f"run {run + 1}: webhook p50 {hook50[-1]:.1f} ms, p95 {hook95[-1]:.1f} ms; "
                f"baseline p95 {base95[-1]:.1f} ms"
            )
        b, h = statistics.median(base95), statistics.median(hook95)
        print(
            f"webhook p95 (median of {runs}): {h:.1f} ms (p50 {statistics.median(hook50):.1f} "
            f"ms); baseline p95 {b:.1f} ms; ratio {h / b:.1f}x; target <= 50 ms"
        )
    finally:
        server.terminate()
        server.wait()


def engine_bench(runs: int, conversations: int) -> None:
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import transaction

    from rumbo.chat import services
    from rumbo.chat.crypto import lookup_hash
    from rumbo.chat.messages import Inbound, InboundKind
    from rumbo.chat.models import Channel, ReceivedMessage

    # Sending is the queue's other task: here it is only enqueued, never run.
    services._send_on_commit = lambda ids: None  # noqa: SLF001
    channel = Channel.objects.get(slug="bench")
    script = [
        "hola", "plan", "Honduras", "San Pedro Sula", "24", "1,2", "0",
        "buscar", "pasaporte", "menu", "punto cercano", "San Pedro Sula",
    ]  # fmt: skip
    counter = iter(range(10**9))

    def engine_run(offset: int) -> float:
        began = time.perf_counter()
        handled = 0
        for person in range(conversations):
            address = f"5048{offset + person:07d}"
            for said in script:
                services.inbound_receive(
                    channel=channel,
                    address=address,
                    inbound=Inbound(InboundKind.TEXT, text=said, provider_id=f"m{next(counter)}"),
                )
                handled += 1
        return handled / (time.perf_counter() - began)

    def baseline_run() -> float:
        began = time.perf_counter()
        total = conversations * len(script)
        for _index in range(total):
            with transaction.atomic():
                ReceivedMessage.objects.create(
                    channel=channel,
                    provider_id_hash=lookup_hash(kind="m", value=str(next(counter))),
                )
        return total / (time.perf_counter() - began)

    engine_run(9_000_000)  # warm up the kept questionnaire and catalogues
    rates, bases = [], []
    for run in range(runs):
        bases.append(baseline_run())
        rates.append(engine_run((run + 1) * 100_000))
        print(f"run {run + 1}: engine {rates[-1]:.0f} msgs/s; baseline {bases[-1]:.0f} msgs/s")
    rate, base = statistics.median(rates), statistics.median(bases)
    print(
        f"engine (median of {runs}): {rate:.0f} messages/s in one process "
        f"({len(script)} messages a conversation, plan to its end); baseline {base:.0f}/s; "
        f"ratio {rate / base:.2f}; target 200/s on 2 cores"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--conversations", type=int, default=30)
    options = parser.parse_args()
    prepare()
    webhook_bench(options.runs, options.requests)
    engine_bench(options.runs, options.conversations)


if __name__ == "__main__":
    main()
