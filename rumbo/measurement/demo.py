"""90 days of synthetic measurement for the five campaigns: daily visits by source, page
views by page kind and device, the funnel, tracked-link clicks and social media results. The
figures are invented (seeded, so every load gives the same), marked as demo, and replaced
whole on each load."""

import datetime
import random

from django.db import connection, transaction
from django.utils import timezone

from rumbo.campaigns.models import Campaign
from rumbo.measurement.counters import monthly_rebuild
from rumbo.measurement.models import DailyCount, Indicator, SocialResult, TrackedLink

DAYS = 90
PAGES = {
    "core:home": 1.0,
    "plans:start": 0.6,
    "plans:question": 2.2,
    "plans:plan": 0.4,
    "guides:list": 0.5,
    "guides:pathway": 0.7,
    "infopoints:list": 0.4,
    "opportunities:list": 0.3,
    "campaigns:detail": 0.8,
    "learning:catalogue": 0.2,
}
SOURCES = {
    "direct": 0.35,
    "facebook.com": 0.3,
    "instagram.com": 0.12,
    "google.com": 0.15,
    "t.co": 0.08,
}
DEVICES = {"mobile": 0.78, "desktop": 0.17, "tablet": 0.05}
# Share of visits reaching each step.
FUNNEL = {
    "started": 0.22,
    "plans": 0.12,
    "appointments": 0.02,
    "consultations": 0.012,
    "referrals": 0.004,
    "enrolments": 0.03,
    "completions": 0.01,
}
LINKS = [
    ("poster", "Poster at the bus terminal", "/plan/"),
    ("radio", "Radio spot, morning show", "/"),
    ("channel", "Facebook page", "/plan/"),
    ("partner", "Partner's website", "/points/"),
]
# Daily visits of each campaign on an ordinary day: the campaigns differ in size.
BASE_VISITS = {0: 420, 1: 260, 2: 330, 3: 190, 4: 150}


def load() -> list[str]:
    today = timezone.localdate()
    start = today - datetime.timedelta(days=DAYS)
    campaigns = list(Campaign.objects.select_related("country").order_by("pk"))
    rng = random.Random(14)  # noqa: S311 - demo figures, not a secret
    counts: list[tuple] = []
    social: list[SocialResult] = []
    campaign_country: dict[str, str] = {}
    with transaction.atomic():
        DailyCount.objects.filter(is_demo=True).delete()
        SocialResult.objects.filter(is_demo=True).delete()
        for index, campaign in enumerate(campaigns):
            codes = []
            for number, (kind, label, target) in enumerate(LINKS, start=1):
                code = f"{campaign.slug[:14]}-{kind}{number}"
                TrackedLink.objects.update_or_create(
                    code=code,
                    defaults={
                        "campaign": campaign,
                        "kind": kind,
                        "label": label,
                        "target": target,
                        "is_demo": True,
                    },
                )
                codes.append(code)
            base = BASE_VISITS.get(index % 5, 200)
            campaign_country[campaign.slug] = campaign.country.code
            for offset in range(DAYS):
                day = start + datetime.timedelta(days=offset)
                # A weekly rhythm, a slow rise, and a burst after a radio campaign.
                weekly = 0.75 if day.weekday() >= 5 else 1.0
                burst = 1.8 if 30 <= offset < 37 else 1.0
                visits = int(
                    base * weekly * burst * (0.8 + offset / DAYS * 0.4) * rng.uniform(0.85, 1.15)
                )

                def add(metric: str, key: str, value: float, day=day, site=campaign.slug) -> None:
                    if (amount := int(value)) > 0:
                        counts.append(
                            (True, day, site, campaign_country[site], metric, key, amount)
                        )

                for key, share in SOURCES.items():
                    add(DailyCount.Metric.VISIT, key, visits * share * rng.uniform(0.8, 1.2))
                views = visits * 2.6
                for key, share in PAGES.items():
                    add(DailyCount.Metric.VIEW, key, visits * share * rng.uniform(0.8, 1.2))
                for key, share in DEVICES.items():
                    add(DailyCount.Metric.DEVICE, key, views * share)
                for key, share in FUNNEL.items():
                    add(DailyCount.Metric.FUNNEL, key, visits * share * rng.uniform(0.6, 1.4))
                for code in codes:
                    add(DailyCount.Metric.CLICK, code, visits * 0.04 * rng.uniform(0.3, 1.7))
                if offset % 3 == 0:
                    for platform in (
                        SocialResult.Platform.FACEBOOK,
                        SocialResult.Platform.INSTAGRAM,
                    ):
                        reach = int(base * 12 * rng.uniform(0.5, 1.5))
                        social.append(
                            SocialResult(
                                campaign=campaign,
                                platform=platform,
                                post_id=f"demo-{campaign.slug}-{platform}-{offset}",
                                day=day,
                                reach=reach,
                                impressions=int(reach * rng.uniform(1.2, 1.8)),
                                engagements=int(reach * rng.uniform(0.02, 0.08)),
                                is_demo=True,
                            )
                        )
        # Plain INSERTs: building 13,000 model instances costs several times as much.
        table = connection.ops.quote_name(DailyCount._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (is_demo, day, site, country, metric, key, count) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                counts,
            )
        SocialResult.objects.bulk_create(social, batch_size=4000)
        monthly_rebuild()
        indicators: list[tuple[str, str, int]] = [
            ("People reached on social media", Indicator.Measure.REACH, 1_000_000),
            ("Plans created", Indicator.Measure.PLANS, 20_000),
            ("Consultations", Indicator.Measure.CONSULTATIONS, 2_000),
        ]
        for title, measure, goal in indicators:
            Indicator.objects.update_or_create(
                name=title,
                programme="",
                defaults={"measure": measure, "target": goal, "is_demo": True},
            )
    return [f"measurement: {len(counts)} daily counts and {len(social)} social results (demo)"]
