"""Saving a quiz answer under load: p95 with 200 concurrent learners on PostgreSQL.

Starts gunicorn on 127.0.0.1 against a scratch PostgreSQL database (rumbo_learning_bench),
creates 200 verified learners each with an open quiz attempt and a logged-in session, then
runs 200 threads, one per learner, each posting an answer (as quiz.js does, with
Accept: application/json and the CSRF header), waiting a think time, and answering again.
The baseline is a bare view behind the same middleware (sessions, CSRF, auth), posted to
with the same cookies, in the same run. Phases alternate (baseline, answers) several times;
the script prints each run and the median of the runs' p50/p95, and the ratio.

    .venv/bin/python bench/bench_learning_answer.py [--learners 200] [--think 2.0]
        [--seconds 20] [--runs 3] [--workers 2] [--threads 8]
"""

import argparse
import http.client
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from common import gunicorn_start  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "rumbo_learning_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
PORT = 8766


def environment() -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/6"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'bench'}",
    }


def prepare_database() -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        db.execute(f"CREATE DATABASE {DATABASE}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment(), check=True
    )


def prepare_learners(count: int) -> list[dict]:
    """Creates the learners, their attempts and sessions; returns what each thread needs."""
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from django.utils import timezone

    from rumbo.accounts.models import User
    from rumbo.learning import services
    from rumbo.learning.demo import trafficking_package_files, zipped
    from rumbo.learning.models import CourseVersion, Enrolment, LearnerProfile, Question
    from rumbo.learning.package import package_import

    package_import(data=zipped(trafficking_package_files()))
    version = CourseVersion.objects.get(course__slug="countering-human-trafficking", language="es")
    quiz = version.quizzes.get(module__position=1)
    learners = []
    for number in range(count):
        user = User.objects.create_user(email=f"bench{number}@example.org", full_name="Bench")
        LearnerProfile.objects.create(user=user, email_verified_at=timezone.now())
        enrolment = Enrolment.objects.create(user=user, version=version)
        attempt = services.attempt_start(enrolment=enrolment, quiz=quiz)
        client = Client()
        client.force_login(user)
        questions = [
            (question.pk, [str(choice.pk) for choice in question.choices.all()])
            for question in Question.objects.filter(pk__in=attempt.question_ids)
            .exclude(kind="matching")
            .prefetch_related("choices")
        ]
        learners.append(
            {
                "session": client.cookies["sessionid"].value,
                "csrf": secrets.token_hex(16),  # a 32-character unmasked token
                "attempt": attempt.pk,
                "questions": questions,
            }
        )
    return learners


def start_server(workers: int, threads: int) -> subprocess.Popen:
    return gunicorn_start(
        wsgi="bench_learning_wsgi", port=PORT, workers=workers, threads=threads, env=environment()
    )


def run_phase(learners: list[dict], *, baseline: bool, seconds: float, think: float) -> dict:
    durations: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def learner_loop(learner: dict) -> None:
        rng = random.Random()
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        headers = {
            "Cookie": f"sessionid={learner['session']}; csrftoken={learner['csrf']}",
            "X-CSRFToken": learner["csrf"],
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "Host": "127.0.0.1",
        }
        # Spread the first requests over one think time, as real learners do not start together.
        time.sleep(rng.uniform(0, think))
        while time.monotonic() < stop_at:
            question, choices = rng.choice(learner["questions"])
            if baseline:
                path = "/bench-baseline/"
            else:
                path = f"/campus/attempt/{learner['attempt']}/answer/{question}/"
            body = f"choice={rng.choice(choices)}"
            started = time.perf_counter()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                status = 0
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    durations.append(elapsed)
                else:
                    errors.append(status)
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))
        connection.close()

    threads = [threading.Thread(target=learner_loop, args=(learner,)) for learner in learners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    durations.sort()
    return {
        "requests": len(durations),
        "errors": len(errors),
        "rate": len(durations) / seconds,
        "p50": durations[len(durations) // 2] * 1000 if durations else float("nan"),
        "p95": durations[int(len(durations) * 0.95)] * 1000 if durations else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between answers")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    options = parser.parse_args()

    prepare_database()
    learners = prepare_learners(options.learners)
    server = start_server(options.workers, options.threads)
    results: dict[str, list[dict]] = {"baseline": [], "answer": []}
    try:
        for run in range(options.runs):
            for name in ("baseline", "answer"):
                result = run_phase(
                    learners,
                    baseline=name == "baseline",
                    seconds=options.seconds,
                    think=options.think,
                )
                results[name].append(result)
                print(
                    f"run {run + 1} {name:8}: {result['requests']} requests "
                    f"({result['rate']:.0f}/s), {result['errors']} errors, "
                    f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms",
                    flush=True,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    base_p95 = statistics.median(r["p95"] for r in results["baseline"])
    answer_p95 = statistics.median(r["p95"] for r in results["answer"])
    base_p50 = statistics.median(r["p50"] for r in results["baseline"])
    answer_p50 = statistics.median(r["p50"] for r in results["answer"])
    print(
        f"\n{options.learners} learners, think time ~{options.think:g} s, "
        f"gunicorn {options.workers}x{options.threads} gthread, PostgreSQL, Redis sessions"
    )
    print(f"baseline (bare view): median p50 {base_p50:.1f} ms, median p95 {base_p95:.1f} ms")
    print(f"save an answer:       median p50 {answer_p50:.1f} ms, median p95 {answer_p95:.1f} ms")
    print(f"ratio p95 answer/baseline: {answer_p95 / base_p95:.2f}  (target: p95 <= 30 ms)")


if __name__ == "__main__":
    main()
