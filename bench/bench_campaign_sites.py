"""What a campaign site costs a page: the same public pages through the regional address, the
/c/<slug>/ prefix and the campaign's own domain, rendered (page cache off) in one process on a
scratch database with the demo's campaigns. Prints the median milliseconds of each run, the
ratio to the regional page measured in the same run, and each page's gzipped size.

    .venv/bin/python bench/bench_campaign_sites.py [--runs 5] [--requests 200]
"""

import argparse
import gzip
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import django_setup_scratch  # noqa: E402

PAGES = ["/plan/", "/guides/", "/campaigns/ponele-plan-a-tu-vida/"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200)
    options = parser.parse_args()
    django_setup_scratch("campaign_sites")
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("demo", verbosity=0, stdout=io.StringIO())
    settings.RUMBO_PAGE_CACHE_ENABLED = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client(headers={"accept-encoding": "gzip", "accept-language": "es"})
    domain = {"host": "ponele-plan-a-tu-vida.localhost"}
    for page in PAGES:
        variants = {
            "regional": (page, {}),
            "prefix": (f"/c/ponele-plan-a-tu-vida{page}", {}),
            "domain": (page, domain),
        }
        if page.startswith("/campaigns/"):
            variants["prefix"] = ("/c/ponele-plan-a-tu-vida/", {})
            variants["domain"] = ("/", domain)
        medians: dict[str, list[float]] = {name: [] for name in variants}
        sizes = {}
        for name, (path, headers) in variants.items():
            response = client.get(path, headers=headers)
            assert response.status_code == 200, (path, response.status_code)
            sizes[name] = len(response.content)
            gzip.decompress(response.content)
        for _run in range(options.runs):
            for name, (path, headers) in variants.items():
                times = []
                for _ in range(options.requests):
                    started = time.perf_counter()
                    client.get(path, headers=headers)
                    times.append((time.perf_counter() - started) * 1000)
                medians[name].append(statistics.median(times))
        base = statistics.median(medians["regional"])
        print(page)
        for name, runs in medians.items():
            median = statistics.median(runs)
            print(
                f"  {name:9} median {median:6.2f} ms  runs {[round(r, 2) for r in runs]}  "
                f"ratio {median / base:4.2f}  gzip {sizes[name]} B"
            )


if __name__ == "__main__":
    main()
