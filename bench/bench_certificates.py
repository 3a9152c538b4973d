"""Signing plus verifying one certificate credential (issue 16 target: at most 10 ms).

Builds a credential as the certificates app issues it (in memory, no database), then times
`credential_sign` followed by `proof_verify` with the kept canonical forms cleared first (the
document and the proof options are canonicalised once, then verification finds them kept),
a verification of a credential not seen before (both forms computed), and one seen before;
then drawing the certificate PDF (issue target: at most 150 ms), before the cache keeps it.
The baseline is Ed25519 signing and verifying the same 64 bytes alone, so the ratio shows
what RDF canonicalisation costs.

With --page, the verification pages' server time (issue target: at most 20 ms): a scratch
database (SQLite in the temporary folder, or DATABASE_URL naming a 'bench' database) is
migrated and given one issued certificate; then Django's test client times, through the whole
middleware stack, the certificate's page (/verify/<code>/), an unknown code's answer and the
empty form, against a bare view mounted in front of the same stack, in the same run. The
rate limit counts in the cache: set REDIS_URL as in production (else a database cache).

    .venv/bin/python bench/bench_certificates.py [--rounds 200] [--page]
"""

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 10.0
PDF_TARGET_MS = 150.0


def median_ms(function, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


PAGE_TARGET_MS = 20.0
PAGE_BUDGET_BYTES = 14_600


def verification_pages(rounds: int) -> None:
    """Server time of the verification pages against a bare view, in one process."""
    import gzip
    import types

    from django.conf import settings
    from django.core.management import call_command
    from django.http import HttpRequest, HttpResponse
    from django.test import Client, override_settings
    from django.urls import include, path

    from rumbo.certificates import views
    from rumbo.certificates.factories import CompletedEnrolmentFactory, IssuerFactory
    from rumbo.certificates.services import certificate_issue

    call_command("migrate", verbosity=0)
    if "REDIS_URL" not in os.environ:
        call_command("createcachetable", verbosity=0)
    IssuerFactory.create(slug="bench-issuer")
    certificate = certificate_issue(
        enrolment=CompletedEnrolmentFactory.create(
            user__email="bench@example.org", user__full_name="Amal Haddad"
        )
    )
    # Only the guessing limit would stop the unknown code's rounds; it is not what is timed.
    views.VERIFY_RATE = "1000000/h"

    def bare(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    urls = types.ModuleType("bench_certificate_urls")
    urls.urlpatterns = [path("bench-baseline/", bare), path("", include("config.urls"))]  # type: ignore[attr-defined]
    pages = {
        "certificate page (/verify/<code>/)": certificate.get_absolute_url(),
        "unknown code (/verify/?code=...)": "/verify/?code=2222-3333-4444",
        "empty form (/verify/)": "/verify/",
    }
    # Static file names unhashed: no collected manifest is needed, and looking a name up in
    # the manifest costs about the same.
    storages = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    with override_settings(ROOT_URLCONF=urls, ALLOWED_HOSTS=["testserver"], STORAGES=storages):
        client = Client(headers={"accept-language": "es"})

        def get(url: str):
            return client.get(url)

        for url in ["/bench-baseline/", *pages.values()]:
            get(url)  # templates, translations and resolvers load once per process
        answer = get(certificate.get_absolute_url())
        assert answer.status_code == 200, answer.status_code
        compressed = len(gzip.compress(answer.content))
        base = median_ms(lambda: get("/bench-baseline/"), rounds)
        timed = {name: median_ms(lambda url=url: get(url), rounds) for name, url in pages.items()}
    print(f"bare view behind the same middleware: median {base:.2f} ms over {rounds} rounds")
    for name, value in timed.items():
        verdict = "met" if value <= PAGE_TARGET_MS else "MISSED"
        print(f"{name:38} median {value:.2f} ms ({value / base:.1f}x the bare view; {verdict})")
    print(f"certificate page: {compressed} bytes gzipped (budget {PAGE_BUDGET_BYTES})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--page", action="store_true", help="time the verification pages")
    arguments = parser.parse_args()
    rounds = arguments.rounds
    if arguments.page:
        sys.path.insert(0, str(ROOT / "bench"))
        from common import django_setup_scratch

        django_setup_scratch("certificates")
        verification_pages(rounds)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    from rumbo.certificates.dataintegrity import _canonical_text, proof_verify
    from rumbo.certificates.keys import signing_key
    from rumbo.certificates.models import Certificate, Issuer
    from rumbo.certificates.openbadges import credential_build, credential_sign
    from rumbo.certificates.pdf import _render

    issuer = Issuer(slug="bench", name="Bench Organisation", signatory_name="Ana Torres")
    moment = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    certificate = Certificate(
        code="ABCDEFGHJKMN",
        learner_name="Amal Haddad",
        course_title="Counter-trafficking in humanitarian settings",
        language="en",
        completed_at=moment,
        hours=5,
        score=90,
        issuer=issuer,
        issuer_name=issuer.name,
        signatory_name=issuer.signatory_name,
        issued_at=moment,
    )
    unsigned = credential_build(
        certificate=certificate,
        email="learner@example.org",
        achievement_url="http://localhost:8000/campus/course/en/",
    )
    key = signing_key()
    public = key.public_key()

    def sign_and_verify() -> None:
        proof_verify(
            document=credential_sign(credential=unsigned, issuer=issuer), public_key=public
        )

    def baseline() -> None:
        public.verify(key.sign(b"x" * 64), b"x" * 64)

    def verify_cold() -> None:
        _canonical_text.cache_clear()
        proof_verify(document=signed, public_key=public)

    def sign_and_verify_cold() -> None:
        _canonical_text.cache_clear()
        sign_and_verify()

    signed = credential_sign(credential=unsigned, issuer=issuer)
    sign_and_verify()  # the contexts are parsed once per process
    measured = median_ms(sign_and_verify_cold, rounds)
    cold = median_ms(verify_cold, rounds)
    warm = median_ms(lambda: proof_verify(document=signed, public_key=public), rounds)
    base = median_ms(baseline, rounds)
    print(f"sign + verify one new credential:  median {measured:.2f} ms over {rounds} rounds")
    print(f"verify a credential seen before:   median {warm:.2f} ms")
    print(f"verify a credential not seen yet:  median {cold:.2f} ms")
    print(f"baseline (Ed25519 alone):          median {base:.3f} ms ({measured / base:.0f}x)")
    print(f"target: at most {TARGET_MS:.0f} ms -> {'met' if measured <= TARGET_MS else 'MISSED'}")
    link = "http://localhost:8000" + certificate.get_absolute_url()
    for language in ("en", "ar"):
        certificate.language = language
        with translation.override(language):
            _render(certificate, link)
            drawn = median_ms(lambda: _render(certificate, link), max(rounds // 10, 5))
        print(
            f"PDF in {language} (not cached):        median {drawn:.1f} ms (target {PDF_TARGET_MS:.0f} ms)"
        )


if __name__ == "__main__":
    main()
