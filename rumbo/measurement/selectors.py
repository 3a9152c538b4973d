"""Every read of the measurement figures. Figures from 1 to 4 are shown as "<5", as in the
casework reports (the same threshold), so that nobody can be singled out."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from rumbo.campaigns.models import Campaign
from rumbo.casework.selectors import SUPPRESSION_THRESHOLD, suppress
from rumbo.measurement import charts, permissions
from rumbo.measurement.models import (
    REGIONAL,
    DailyCount,
    Indicator,
    MonthlyCount,
    SocialResult,
    TrackedLink,
)

Metric = DailyCount.Metric
Step = Indicator.Measure
# The funnel's steps in order; visits and reach come from their own counts.
FUNNEL_STEPS = [
    Step.VISITS,
    Step.STARTED,
    Step.PLANS,
    Step.APPOINTMENTS,
    Step.CONSULTATIONS,
    Step.REFERRALS,
    Step.ENROLMENTS,
    Step.COMPLETIONS,
]
MAX_RANGE_DAYS = 4 * 366

__all__ = ["SUPPRESSION_THRESHOLD", "suppress"]


@dataclass
class Row:
    label: str
    count: int | None
    previous: int | None = None
    change: int | None = None  # percent, when both periods show a figure


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)

    @property
    def chart(self) -> dict:
        return charts.bar_chart([(row.label, row.count) for row in self.rows])


@dataclass
class Trend:
    labels: list[str]
    visits: list[int | None]
    plans: list[int | None]

    @property
    def chart(self) -> dict:
        return charts.line_chart([self.visits, self.plans])

    @property
    def rows(self) -> list[tuple[str, int | None, int | None]]:
        return list(zip(self.labels, self.visits, self.plans, strict=True))


@dataclass
class Dashboard:
    date_from: datetime.date
    date_to: datetime.date
    previous_from: datetime.date
    previous_to: datetime.date
    site_label: str
    funnel: Table
    side_by_side: list[dict[str, Any]]
    trend: Trend
    tables: list[Table]


def _row(label: str, now: int, before: int) -> Row:
    shown, shown_before = suppress(now), suppress(before)
    change = None
    if shown is not None and shown_before:
        change = round(100 * (now - before) / before)
    return Row(label=label, count=shown, previous=shown_before, change=change)


def previous_period(
    date_from: datetime.date, date_to: datetime.date
) -> tuple[datetime.date, datetime.date]:
    length = (date_to - date_from).days + 1
    return date_from - datetime.timedelta(days=length), date_from - datetime.timedelta(days=1)


def site_choices(*, user: Any) -> list[tuple[str, str]]:
    """(value, label) of the sites the user may choose: every campaign they see, the
    regional site and all of them side by side for regional officers."""
    campaigns = permissions.campaigns_measured_by(user=user).order_by("name")
    choices = [(campaign.slug, campaign.name) for campaign in campaigns]
    if permissions.user_sees_region(user=user):
        choices = [("all", _("All campaigns side by side")), ("regional", _("Regional site"))] + (
            choices
        )
    return choices


def _month_split(
    start: datetime.date, end: datetime.date
) -> tuple[tuple[datetime.date, datetime.date] | None, list[tuple[datetime.date, datetime.date]]]:
    """The whole months inside [start, end] (first days of the first and last), and the
    day ranges left at either edge."""
    first = start if start.day == 1 else _next_month(start)
    after_end = end + datetime.timedelta(days=1)
    last = after_end.replace(day=1)  # the month after the last whole month
    if first >= last:
        return None, [(start, end)]
    edges = []
    if start < first:
        edges.append((start, first - datetime.timedelta(days=1)))
    if last <= end:
        edges.append((last, end))
    return (first, last - datetime.timedelta(days=1)), edges


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def _sums(sites: list[str], start: datetime.date, end: datetime.date) -> dict:
    """{(site, metric, key): count} over the period: whole months from the monthly sums,
    the days at either edge from the daily counts."""
    months, edges = _month_split(start, end)
    totals: dict[tuple[str, str, str], int] = defaultdict(int)
    querysets: list[QuerySet] = [
        DailyCount.objects.filter(site__in=sites, day__range=edge) for edge in edges
    ]
    if months:
        querysets.append(MonthlyCount.objects.filter(site__in=sites, month__range=months))
    for queryset in querysets:
        rows = queryset.values_list("site", "metric", "key").annotate(total=Sum("count"))
        for site, metric, key, total in rows.order_by():
            totals[(site, metric, key)] += total
    return totals


def _social(campaign_ids: list[int], start: datetime.date, end: datetime.date) -> dict:
    rows = (
        SocialResult.objects.filter(campaign_id__in=campaign_ids, day__range=(start, end))
        .values_list("campaign_id", "platform")
        .annotate(reach=Sum("reach"), impressions=Sum("impressions"), eng=Sum("engagements"))
        .order_by()
    )
    return {(cid, platform): (reach, imp, eng) for cid, platform, reach, imp, eng in rows}


def _step_total(sums: dict, sites: list[str], step: str) -> int:
    if step == Step.VISITS:
        return sum(n for (site, metric, _k), n in sums.items() if metric == Metric.VISIT)
    return sum(
        n for (_s, metric, key), n in sums.items() if metric == Metric.FUNNEL and key == step
    )


def _by_key(sums: dict, metric: str) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for (_site, row_metric, key), n in sums.items():
        if row_metric == metric:
            totals[key] += n
    return totals


def _keyed_table(key: str, title: str, now: dict, before: dict, labels=None, limit=15) -> Table:
    ordered = sorted(now.items(), key=lambda item: (-item[1], item[0]))[:limit]
    labels = labels or {}
    return Table(
        key=key,
        title=title,
        rows=[_row(str(labels.get(k, k)), n, before.get(k, 0)) for k, n in ordered],
    )


def _trend(sites: list[str], start: datetime.date, end: datetime.date) -> Trend:
    wanted = Q(metric=Metric.VISIT) | Q(metric=Metric.FUNNEL, key=Step.PLANS)
    days = (end - start).days + 1
    months, edges = _month_split(start, end) if days > 732 else (None, [(start, end)])
    rows: list[tuple[datetime.date, str, int]] = []
    for edge in edges:
        rows += (
            DailyCount.objects.filter(wanted, site__in=sites, day__range=edge)
            .values_list("day", "metric")
            .annotate(total=Sum("count"))
            .order_by()
        )
    if months:
        rows += (
            MonthlyCount.objects.filter(wanted, site__in=sites, month__range=months)
            .values_list("month", "metric")
            .annotate(total=Sum("count"))
            .order_by()
        )
    # Daily points up to four months, then weeks, then months: a readable chart and table.
    if days <= 122:
        bucket = lambda day: day  # noqa: E731
        label = lambda day: day.isoformat()  # noqa: E731
    elif days <= 732:
        bucket = lambda day: day - datetime.timedelta(days=day.weekday())  # noqa: E731
        label = lambda day: _("week of %(day)s") % {"day": day.isoformat()}  # noqa: E731
    else:
        bucket = lambda day: day.replace(day=1)  # noqa: E731
        label = lambda day: day.strftime("%Y-%m")  # noqa: E731
    visits: dict[datetime.date, int] = defaultdict(int)
    plans: dict[datetime.date, int] = defaultdict(int)
    for day, metric, total in rows:
        if metric == Metric.VISIT:
            visits[bucket(day)] += total
        else:
            plans[bucket(day)] += total
    periods = sorted({bucket(start + datetime.timedelta(days=n)) for n in range(days)})
    return Trend(
        labels=[label(period) for period in periods],
        visits=[suppress(visits[period]) for period in periods],
        plans=[suppress(plans[period]) for period in periods],
    )


def dashboard(
    *, user: Any, site: str, date_from: datetime.date, date_to: datetime.date
) -> Dashboard:
    """The figures of one site ("regional", a campaign's slug) or of all ("all") the user
    may see, for a period and the period of the same length before it. Raises
    Campaign.DoesNotExist for a site the user may not see."""
    campaigns = {c.slug: c for c in permissions.campaigns_measured_by(user=user)}
    sees_region = permissions.user_sees_region(user=user)
    if site == "all" and sees_region:
        sites, label = [*campaigns, REGIONAL], _("All campaigns and the regional site")
    elif site == "regional" and sees_region:
        sites, label = [REGIONAL], _("Regional site")
    elif site in campaigns:
        sites, label = [site], campaigns[site].name
    else:
        raise Campaign.DoesNotExist
    previous_from, previous_to = previous_period(date_from, date_to)
    now = _sums(sites, date_from, date_to)
    before = _sums(sites, previous_from, previous_to)
    campaign_ids = [campaigns[s].pk for s in sites if s in campaigns]
    social_now = _social(campaign_ids, date_from, date_to)
    social_before = _social(campaign_ids, previous_from, previous_to)
    step_labels = dict(Step.choices)

    funnel = Table(
        key="funnel",
        title=_("Funnel"),
        rows=[
            _row(
                str(step_labels[step]),
                _step_total(now, sites, step),
                _step_total(before, sites, step),
            )
            for step in FUNNEL_STEPS
        ],
    )
    side_by_side = []
    if site == "all":
        for slug in sites:
            own_now = {k: v for k, v in now.items() if k[0] == slug}
            reach = sum(
                v[0]
                for (cid, _p), v in social_now.items()
                if slug in campaigns and cid == campaigns[slug].pk
            )
            side_by_side.append(
                {
                    "label": campaigns[slug].name if slug in campaigns else _("Regional site"),
                    "counts": [
                        suppress(_step_total(own_now, [slug], step)) for step in FUNNEL_STEPS
                    ]
                    + [suppress(reach)],
                }
            )

    links = {
        link.code: link
        for link in TrackedLink.objects.filter(campaign__slug__in=sites).select_related("campaign")
    }
    clicks_now, clicks_before = _by_key(now, Metric.CLICK), _by_key(before, Metric.CLICK)
    kind_labels = dict(TrackedLink.Kind.choices)
    channels_now: dict[str, int] = defaultdict(int)
    channels_before: dict[str, int] = defaultdict(int)
    for code, n in clicks_now.items():
        if code in links:
            channels_now[links[code].kind] += n
    for code, n in clicks_before.items():
        if code in links:
            channels_before[links[code].kind] += n
    link_labels = {code: f"/go/{code} · {link.label}" for code, link in links.items()}
    platform_labels = dict(SocialResult.Platform.choices)
    tables = [
        _keyed_table(
            "pages", _("Top pages"), _by_key(now, Metric.VIEW), _by_key(before, Metric.VIEW)
        ),
        _keyed_table(
            "sources",
            _("Visits by source"),
            _by_key(now, Metric.VISIT),
            _by_key(before, Metric.VISIT),
            labels={"direct": _("Direct, or no referring site")},
        ),
        _keyed_table(
            "links", _("Tracked link clicks"), clicks_now, clicks_before, labels=link_labels
        ),
        _keyed_table(
            "channels", _("Clicks by channel"), channels_now, channels_before, labels=kind_labels
        ),
        _keyed_table(
            "devices",
            _("Page views by device"),
            _by_key(now, Metric.DEVICE),
            _by_key(before, Metric.DEVICE),
            labels={"mobile": _("Phone"), "tablet": _("Tablet"), "desktop": _("Computer")},
        ),
    ]
    for index, title in enumerate((_("Social media reach"), _("Impressions"), _("Engagements"))):
        by_platform_now: dict[str, int] = defaultdict(int)
        by_platform_before: dict[str, int] = defaultdict(int)
        for (_cid, platform), values in social_now.items():
            by_platform_now[platform] += values[index]
        for (_cid, platform), values in social_before.items():
            by_platform_before[platform] += values[index]
        tables.append(
            _keyed_table(
                f"social{index}", title, by_platform_now, by_platform_before, labels=platform_labels
            )
        )
    return Dashboard(
        date_from=date_from,
        date_to=date_to,
        previous_from=previous_from,
        previous_to=previous_to,
        site_label=str(label),
        funnel=funnel,
        side_by_side=side_by_side,
        trend=_trend(sites, date_from, date_to),
        tables=tables,
    )


def dashboard_rows(board: Dashboard) -> list[list]:
    """The dashboard as rows for CSV and XLSX (suppressed cells stay suppressed)."""

    def cell(count: int | None) -> str | int:
        return f"<{SUPPRESSION_THRESHOLD}" if count is None else count

    rows: list[list] = [
        [_("Site"), board.site_label, "", ""],
        [_("Period"), f"{board.date_from} – {board.date_to}", "", ""],
        [_("Previous period"), f"{board.previous_from} – {board.previous_to}", "", ""],
        [_("Table"), _("Category"), _("Count"), _("Previous period")],
    ]
    for table in [board.funnel, *board.tables]:
        rows += [
            [table.title, row.label, cell(row.count), cell(row.previous)] for row in table.rows
        ]
    rows += [[_("Trend"), label, cell(v), cell(p)] for label, v, p in board.trend.rows]
    return rows


def link_list(*, user: Any):
    return (
        TrackedLink.objects.filter(campaign__in=permissions.campaigns_measured_by(user=user))
        .select_related("campaign", "partner")
        .order_by("campaign__name", "code")
    )


def link_clicks(*, codes: list[str]) -> dict[str, int]:
    """All-time clicks of each link (whatever its target was at the time)."""
    rows = (
        DailyCount.objects.filter(metric=Metric.CLICK, key__in=codes)
        .values_list("key")
        .annotate(total=Sum("count"))
        .order_by()
    )
    return dict(rows)
