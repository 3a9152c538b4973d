"""Locust users for bench_launch_load.py (a launch day): 70 % public content pages, 20 %
questionnaire steps and plan pages, 5 % appointment requests and E-Campus pages of a
logged-in learner, 5 % staff pages. The URLs and sessions come from the JSON file named by
BENCH_LAUNCH_URLS (written by bench_launch_load.py); the load shape ramps users up in steps
until the 95th percentile of the last step passes 300 ms (or the user limit is reached) and
writes one line per step to BENCH_LAUNCH_STEPS."""

import json
import os
import random
import re

from locust import HttpUser, LoadTestShape, constant_pacing, task

URLS = json.loads(open(os.environ["BENCH_LAUNCH_URLS"]).read())  # noqa: SIM115, PTH123
STEP_USERS = int(os.environ.get("BENCH_LAUNCH_STEP_USERS", "20"))
STEP_SECONDS = int(os.environ.get("BENCH_LAUNCH_STEP_SECONDS", "15"))
MAX_USERS = int(os.environ.get("BENCH_LAUNCH_MAX_USERS", "400"))
P95_LIMIT_MS = 300
HEADERS = {"Accept-Encoding": "gzip", "Accept-Language": "es"}
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor(HttpUser):
    # Each simulated visitor asks for a page every 0.5 s at most: the rate grows with users.
    wait_time = constant_pacing(0.5)

    def on_start(self) -> None:
        self.client.headers.update(HEADERS)

    @task(70)
    def public_page(self) -> None:
        self.client.get(random.choice(URLS["public"]), name="public")  # noqa: S311

    @task(20)
    def questionnaire_or_plan(self) -> None:
        self.client.get(random.choice(URLS["plans"]), name="plan")  # noqa: S311

    @task(3)
    def appointment_request(self) -> None:
        url = URLS["appointment"]
        page = self.client.get(url, name="appointment form")
        token = TOKEN.search(page.content or b"")
        if token:
            self.client.post(
                url,
                data={"csrfmiddlewaretoken": token[1].decode(), "message": ""},
                headers={"Referer": self.host + url},
                name="appointment post",
                catch_response=False,
            )

    @task(2)
    def learner_page(self) -> None:
        self.client.get(
            random.choice(URLS["campus"]),  # noqa: S311
            cookies={"sessionid": URLS["learner_session"]},
            name="campus (learner)",
        )

    @task(5)
    def staff_page(self) -> None:
        self.client.get(
            random.choice(URLS["staff"]),  # noqa: S311
            cookies={"sessionid": URLS["staff_session"]},
            name="staff",
        )


class RampUntilSlow(LoadTestShape):
    """Adds STEP_USERS users every STEP_SECONDS; stops after the first step whose p95 (over
    its last 10 s) passes 300 ms, or at MAX_USERS."""

    def __init__(self) -> None:
        super().__init__()
        self.step = 0
        self.last_checked = 0
        self.stop = False

    def tick(self):  # noqa: ANN201 - Locust's signature
        run_time = self.get_run_time()
        step = int(run_time // STEP_SECONDS)
        if step > self.step:
            stats = self.runner.stats.total
            p95 = stats.get_current_response_time_percentile(0.95) or 0
            line = {
                "users": self.runner.user_count,
                "rps": round(stats.current_rps, 1),
                "fail_per_s": round(stats.current_fail_per_sec, 2),
                "p50": stats.get_current_response_time_percentile(0.5),
                "p95": p95,
                "p99": stats.get_current_response_time_percentile(0.99),
            }
            with open(os.environ["BENCH_LAUNCH_STEPS"], "a") as steps:  # noqa: PTH123
                steps.write(json.dumps(line) + "\n")
            self.step = step
            if p95 > P95_LIMIT_MS or self.runner.user_count >= MAX_USERS:
                return None
        users = min(MAX_USERS, (step + 1) * STEP_USERS)
        return users, STEP_USERS
