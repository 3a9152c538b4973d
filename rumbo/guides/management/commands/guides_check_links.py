from django.core.management.base import BaseCommand

from rumbo.guides.links import TIMEOUT_SECONDS, HostPacer, link_check_all


class Command(BaseCommand):
    help = (
        "Checks every official address the guides cite now (it reaches the internet), records "
        "each result and lists broken and moved links in the admin's review queue."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=TIMEOUT_SECONDS)
        parser.add_argument(
            "--interval", type=float, default=2.0, help="Seconds between requests to one host."
        )
        parser.add_argument("urls", nargs="*", help="Check only these addresses.")

    def handle(self, *args, **options):
        counts = link_check_all(
            urls=options["urls"] or None,
            timeout=options["timeout"],
            pacer=HostPacer(interval=options["interval"]),
        )
        summary = ", ".join(f"{outcome}: {count}" for outcome, count in sorted(counts.items()))
        self.stdout.write(f"Links checked. {summary or 'none cited'}")
